// Home. Everyone is a resident; staff and volunteers also see the way into their own area, decided
// by the roles the backend stored, never by anything on this device. Calling 110 is always here.
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../core/account/contract'
import { DemoIdentityPicker } from '../../components/demo-identity-picker'
import { EmergencyCall } from '../../components/emergency-call'
import { EntryCard } from '../../components/entry-card'
import { PageShell } from '../../components/page-shell'
import { PreferenceBar } from '../../components/preference-bar'
import { PrivacyPrompt } from '../../components/privacy-prompt'
import { hasAcceptedPrivacy } from '../../components/session-gate'
import { SectionCard } from '../../components/section-card'
import { ErrorView, LoadingView } from '../../components/status-views'
import { useSession } from '../../services/session'
import { useT } from '../../services/use-t'
import { ensureWechatPrivacyAuthorized, PRIVACY_PAGE } from '../../services/wechat-privacy'
import { HomeCommunity } from './home-community'
import { bookingEntryLabel, BOOKING_PAGE } from './booking-entry'
import { mediationEntryLabel, MEDIATION_PAGE } from './mediation-entry'
import { RequestsButtons } from './requests-buttons'

const ANTI_FRAUD_NUMBER = '96110'

function ResidentServices() {
  const t = useT()
  const { language } = useSession()
  return (
    <SectionCard className="role-home-resident" title={t('home.resident.title')}>
      <RequestsButtons place="home" />
      <View className="fq-actions">
        <Button className="home-open-booking" type="primary" onClick={() => Taro.navigateTo({ url: BOOKING_PAGE })}>
          {bookingEntryLabel(language)}
        </Button>
        <Button className="home-open-mediation" type="primary" onClick={() => Taro.navigateTo({ url: MEDIATION_PAGE })}>
          {mediationEntryLabel(language)}
        </Button>
        <Button className="home-call-96110" onClick={() => Taro.makePhoneCall({ phoneNumber: ANTI_FRAUD_NUMBER }).catch(() => undefined)}>
          {t('home.resident.antiFraud')}
        </Button>
        <Button className="home-open-me" onClick={() => Taro.navigateTo({ url: '/pages/me/index' })}>
          {t('home.resident.me')}
        </Button>
        <Button className="home-open-privacy" onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE })}>
          {t('home.resident.privacy')}
        </Button>
      </View>
    </SectionCard>
  )
}

function RoleEntries({ profile }: { profile: Profile }) {
  const t = useT()
  const has = (role: Profile['roles'][number]) => profile.roles.includes(role)
  // The station's admin and the bureau admin share the admin screens; each screen shows their own scope.
  const admin = has('admin') || has('bureau_admin')
  return (
    <>
      {has('officer') ? (
        <EntryCard
          className="role-home-officer"
          title={t('home.officer.title')}
          description={t('home.officer.body')}
          actionLabel={t('home.officer.enter')}
          url="/packages/officer/pages/workbench/index"
        />
      ) : null}
      {has('station_leader') ? (
        <EntryCard
          className="role-home-leader"
          title={t('home.leader.title')}
          description={t('home.leader.body')}
          actionLabel={t('home.leader.enter')}
          url="/packages/officer/pages/leadership/index"
        />
      ) : null}
      {has('volunteer') ? (
        <EntryCard
          className="role-home-volunteer"
          title={t('home.volunteer.title')}
          description={t('home.volunteer.body')}
          actionLabel={t('home.volunteer.enter')}
          url="/packages/volunteer/pages/center/index"
        />
      ) : null}
      {!has('volunteer') && !has('officer') ? (
        <EntryCard
          className="role-home-volunteer-apply"
          title={t('home.volunteerApply.title')}
          description={t('home.volunteerApply.body')}
          actionLabel={t('home.volunteerApply.enter')}
          url="/packages/volunteer/pages/apply/index"
        />
      ) : null}
      {admin ? (
        <EntryCard
          className="role-home-admin"
          title={t('home.admin.title')}
          description={t('home.admin.body')}
          actionLabel={t('home.admin.enter')}
          url="/packages/admin/pages/invites/index"
        />
      ) : null}
      {admin ? (
        <EntryCard
          className="role-home-jurisdiction"
          title={t('home.jurisdiction.title')}
          description={t('home.jurisdiction.body')}
          actionLabel={t('home.jurisdiction.enter')}
          url="/packages/admin/pages/jurisdiction/index"
        />
      ) : null}
    </>
  )
}

function Greeting({ profile }: { profile: Profile }) {
  const t = useT()
  return (
    <View className="home-greeting">
      <View className="fq-hero">{profile.displayName ? t('home.greeting', { name: profile.displayName }) : t('home.greetingAnonymous')}</View>
      <Button className="home-me-link" onClick={() => Taro.navigateTo({ url: '/pages/me/index' })}>
        {t('me.title')}
      </Button>
    </View>
  )
}

function HomeBody() {
  const { state, refresh } = useSession()
  const t = useT()
  const accepted = state.status === 'ready' && hasAcceptedPrivacy(state.profile)

  useEffect(() => {
    if (accepted) ensureWechatPrivacyAuthorized()
  }, [accepted])

  switch (state.status) {
    case 'needs-identity':
      // Local demo: choosing who you are comes before anything else.
      return process.env.TARO_ENV === 'h5' ? (
        <>
          <DemoIdentityPicker />
          <EmergencyCall />
        </>
      ) : null
    case 'loading':
      return (
        <>
          <EmergencyCall />
          <LoadingView />
        </>
      )
    case 'error':
      return (
        <>
          <EmergencyCall />
          <ErrorView error={state.error} onRetry={() => void refresh()} />
        </>
      )
    case 'ready':
      if (!accepted) {
        return (
          <>
            <PreferenceBar />
            <EmergencyCall />
            <PrivacyPrompt />
          </>
        )
      }
      return (
        <>
          <Greeting profile={state.profile} />
          <PreferenceBar />
          <EmergencyCall />
          <HomeCommunity />
          <EntryCard className="home-notices" title={t('home.notices.title')} description={t('home.notices.body')} actionLabel={t('home.notices.enter')} url="/packages/notices/pages/feed/index" />
          <RoleEntries profile={state.profile} />
          <ResidentServices />
        </>
      )
  }
}

export default function HomePage() {
  return (
    <PageShell name="home" titleKey="app.name">
      <HomeBody />
    </PageShell>
  )
}
