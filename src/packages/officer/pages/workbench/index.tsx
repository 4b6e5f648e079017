// The community officer's workbench: the requests routed to them, each with why it came to them,
// the communities they answer for (by name), and their own officer record.
import { useMemo, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Profile } from '../../../../core/account/contract'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useRemote } from '../../../../services/use-remote'
import { OfflineAsOf } from '../../../../components/offline-state'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { CoveredCommunities } from '../../components/covered-communities'
import { OfficerRecord } from '../../components/officer-record'
import { RoutedRequestCard } from '../../components/routed-request-card'
import { useOfficerT } from '../../i18n'
import { useCounterT } from '../../desk/i18n'
import { useCaseworkT } from '../../mediation/i18n'
import { useOfficerVolunteersT } from '../../volunteers/i18n'
import { useOfficerNoticesT } from '../../notices/i18n'
import { usePrivacyT } from '../../privacy/i18n'
import { useDashboardT } from '../../dashboard/i18n'
import { EntryCard } from '../../../../components/entry-card'
import '../../officer.css'
import { contactsOf, useOfficerNames } from '../../officer-names'

const loadCovered = () => call(jurisdictionContract, 'coveredCommunities', {})
const loadRouted = () => call(jurisdictionContract, 'routedToMe', {}, { readOnly: true })

function Workbench({ officerId }: { officerId: string }) {
  const t = useOfficerT()
  const covered = useRemote(loadCovered)
  // Today's inbox stays readable offline, with the time it was loaded.
  const routed = useOfflineRemote('jurisdiction.routedToMe', jurisdictionContract.actions.routedToMe.output, loadRouted)
  // New requests arrive while the officer is elsewhere: look again each time the screen shows.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void routed.reload()
    shown.current = true
  })
  const known = useMemo(() => (covered.state.status === 'ready' ? contactsOf(covered.state.data) : []), [covered.state])
  const requests = routed.state.status === 'ready' ? routed.state.data : []
  const names = useOfficerNames(known, requests)

  return (
    <>
      <OfflineAsOf at={routed.asOf} />
      {routed.state.status === 'loading' ? <LoadingView /> : null}
      {routed.state.status === 'error' ? <ErrorView error={routed.state.error} onRetry={() => void routed.reload({ showLoading: true })} /> : null}
      {routed.state.status === 'ready' && requests.length === 0 ? (
        <EmptyView className="routed-empty" title={t('routed.title')} description={t('routed.empty')} />
      ) : null}
      {requests.length > 0 ? (
        <SectionCard className="routed-list" title={t('routed.title')} tone="police">
          <View className="fq-muted">{t('workbench.routed.count', { count: requests.length })}</View>
        </SectionCard>
      ) : null}
      {requests.map((request) => (
        <RoutedRequestCard key={request.id} request={request} names={names} perspective="me" />
      ))}
      <CoveredCommunities communities={covered.state} officerId={officerId} onRetry={() => void covered.reload({ showLoading: true })} />
    </>
  )
}

function WorkbenchScreen({ profile }: { profile: Profile }) {
  const desk = useCounterT()
  const casework = useCaseworkT()
  const volunteers = useOfficerVolunteersT()
  const notices = useOfficerNoticesT()
  const privacy = usePrivacyT()
  const dashboard = useDashboardT()
  return (
    <>
      <EntryCard className="workbench-open-dashboard" title={dashboard('dash.entry.title')} description={dashboard('dash.entry.body')} actionLabel={dashboard('dash.entry.action')} url="/packages/officer/pages/dashboard/index" />
      <EntryCard className="workbench-open-notices" title={notices('on.entry.title')} description={notices('on.entry.body')} actionLabel={notices('on.entry.action')} url="/packages/officer/pages/notices/index" />
      <EntryCard
        className="workbench-open-mediation"
        title={casework('casework.entry.title')}
        description={casework('casework.entry.body')}
        actionLabel={casework('casework.entry.action')}
        url="/packages/officer/pages/mediation/index"
      />
      <EntryCard
        className="workbench-open-desk"
        title={desk('desk.entry.title')}
        description={desk('desk.entry.body')}
        actionLabel={desk('desk.entry.action')}
        url="/packages/officer/pages/desk/index"
      />
      <EntryCard
        className="workbench-open-volunteers"
        title={volunteers('ov.entry.title')}
        description={volunteers('ov.entry.body')}
        actionLabel={volunteers('ov.entry.action')}
        url="/packages/officer/pages/volunteers/index"
      />
      {profile.roles.includes('station_leader') ? (
        <EntryCard className="workbench-open-audit" title={privacy('audit.entry.title')} description={privacy('audit.entry.body')} actionLabel={privacy('audit.entry.action')} url="/packages/officer/pages/audit/index" />
      ) : null}
      {profile.officer ? <Workbench officerId={profile.officer.id} /> : null}
      <OfficerRecord officer={profile.officer} />
    </>
  )
}

export default function WorkbenchPage() {
  const t = useOfficerT()
  return (
    <PageShell name="workbench" title={t('workbench.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{(profile) => <WorkbenchScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
