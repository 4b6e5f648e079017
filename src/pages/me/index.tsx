// "Me": who the backend says I am (roles by their localized names, my community by its name),
// the language and elder-mode settings, redeeming an officer invite, and in the local h5 demo the
// identity picker.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import type { Profile } from '../../core/account/contract'
import { jurisdictionContract } from '../../core/jurisdiction/contract'
import type { MessageKey } from '../../i18n'
import { localizedName } from '../../i18n/localized-name'
import { DemoIdentityPicker } from '../../components/demo-identity-picker'
import { OutboxList } from '../../components/outbox-list'
import { PageShell } from '../../components/page-shell'
import { PreferenceBar } from '../../components/preference-bar'
import { RoleTags } from '../../components/role-tags'
import { SectionCard } from '../../components/section-card'
import { SessionGate } from '../../components/session-gate'
import { call } from '../../services/cloud'
import { COMMUNITY_PAGE } from '../../services/resident-pages'
import { useSession } from '../../services/session'
import { useT } from '../../services/use-t'
import { useRemote } from '../../services/use-remote'
import { PRIVACY_PAGE } from '../../services/wechat-privacy'
import { RequestsButtons } from '../index/requests-buttons'
import { InviteRedeem } from './invite-redeem'

const loadMine = () => call(jurisdictionContract, 'myCommunity', {})

/** Everything that is the person's own, one tap each (each page opens on the tab that lists it). */
const MY_THINGS: ReadonlyArray<{ key: MessageKey; url: string }> = [
  { key: 'me.mine.bookings', url: '/packages/booking/pages/index/index?tab=mine' },
  { key: 'me.mine.homeVisits', url: '/packages/booking/pages/index/index?tab=home' },
  { key: 'me.mine.disputes', url: '/packages/mediation/pages/index/index?tab=mine' },
  { key: 'me.mine.volunteering', url: '/packages/volunteer/pages/center/index?tab=record' },
  { key: 'me.mine.noticeGroups', url: '/packages/notices/pages/groups/index' },
]

function MyThingsCard() {
  const t = useT()
  return (
    <SectionCard className="me-mine" title={t('me.mine.title')}>
      <View className="fq-actions">
        {MY_THINGS.map(({ key, url }) => (
          <Button key={key} className={`me-mine-link me-mine-${key.slice('me.mine.'.length)}`} onClick={() => Taro.navigateTo({ url })}>
            {t(key)}
          </Button>
        ))}
      </View>
    </SectionCard>
  )
}

function ProfileCard({ profile }: { profile: Profile }) {
  const t = useT()
  const { language } = useSession()
  const mine = useRemote(loadMine)
  const community =
    mine.state.status === 'ready'
      ? mine.state.data
        ? localizedName(mine.state.data.community.name, language)
        : t('me.profile.communityNone')
      : t(mine.state.status === 'loading' ? 'common.loading' : 'common.loadFailed')
  return (
    <SectionCard className="me-profile" title={t('me.profile.title')}>
      <Cell className="me-profile-name" title={t('me.profile.name')} extra={profile.displayName ?? t('me.profile.unnamed')} />
      <Cell className="me-profile-roles" title={t('me.profile.roles')} description={<RoleTags roles={profile.roles} />} />
      <Cell className="me-profile-community" title={t('me.profile.community')} extra={community} />
      {profile.officer ? (
        <Cell className="me-profile-officer" title={t('me.profile.officer')} extra={`${profile.officer.name} · ${profile.officer.title}`} />
      ) : null}
      <RequestsButtons place="me" />
      <View className="fq-actions">
        <Button className="me-open-community" type="primary" onClick={() => Taro.navigateTo({ url: COMMUNITY_PAGE })}>
          {t('community.title')}
        </Button>
        <Button className="me-open-privacy" onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE })}>
          {t('me.privacy')}
        </Button>
        <Button className="me-open-my-data" onClick={() => Taro.navigateTo({ url: '/packages/privacy-rights/pages/index/index' })}>
          {t('me.myData')}
        </Button>
      </View>
    </SectionCard>
  )
}

export default function MePage() {
  const { state } = useSession()
  return (
    <PageShell name="me" titleKey="me.title">
      <SessionGate>
        {(profile) => (
          <>
            <ProfileCard profile={profile} />
            <MyThingsCard />
            <OutboxList />
            <InviteRedeem />
          </>
        )}
      </SessionGate>
      <PreferenceBar />
      {process.env.TARO_ENV === 'h5' && state.status !== 'needs-identity' ? <DemoIdentityPicker /> : null}
    </PageShell>
  )
}
