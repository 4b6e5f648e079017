// "Me": who the backend says I am (roles by their localized names), the language and elder-mode
// settings, redeeming an officer invite, and in the local h5 demo the identity picker.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import type { Profile } from '../../core/account/contract'
import { DemoIdentityPicker } from '../../components/demo-identity-picker'
import { PageShell } from '../../components/page-shell'
import { PreferenceBar } from '../../components/preference-bar'
import { RoleTags } from '../../components/role-tags'
import { SectionCard } from '../../components/section-card'
import { SessionGate } from '../../components/session-gate'
import { useSession } from '../../services/session'
import { useT } from '../../services/use-t'
import { PRIVACY_PAGE } from '../../services/wechat-privacy'
import { InviteRedeem } from './invite-redeem'

function ProfileCard({ profile }: { profile: Profile }) {
  const t = useT()
  return (
    <SectionCard className="me-profile" title={t('me.profile.title')}>
      <Cell className="me-profile-name" title={t('me.profile.name')} extra={profile.displayName ?? t('me.profile.unnamed')} />
      <Cell className="me-profile-roles" title={t('me.profile.roles')} description={<RoleTags roles={profile.roles} />} />
      <Cell
        className="me-profile-community"
        title={t('me.profile.community')}
        extra={profile.communityId ? <View className="fq-latin">{profile.communityId}</View> : t('me.profile.communityNone')}
      />
      {profile.officer ? (
        <Cell className="me-profile-officer" title={t('me.profile.officer')} extra={`${profile.officer.name} · ${profile.officer.title}`} />
      ) : null}
      <View className="fq-actions">
        <Button className="me-open-privacy" onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE })}>
          {t('me.privacy')}
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
            <InviteRedeem />
          </>
        )}
      </SessionGate>
      <PreferenceBar />
      {process.env.TARO_ENV === 'h5' && state.status !== 'needs-identity' ? <DemoIdentityPicker /> : null}
    </PageShell>
  )
}
