// The community officer's workbench: "today's work" inbox first (everything waiting for them, by deadline),
// then the ways into each area, the communities they answer for (by name), and their own record.
import type { Profile } from '../../../../core/account/contract'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { call } from '../../../../services/cloud'
import { useRemote } from '../../../../services/use-remote'
import { CoveredCommunities } from '../../components/covered-communities'
import { OfficerRecord } from '../../components/officer-record'
import { useOfficerT } from '../../i18n'
import { useCounterT } from '../../desk/i18n'
import { useCaseworkT } from '../../mediation/i18n'
import { useOfficerNoticesT } from '../../notices/i18n'
import { usePrivacyT } from '../../privacy/i18n'
import { useOfficerRequestsT } from '../../requests/i18n'
import { EntryCard } from '../../../../components/entry-card'
import { INBOX_PAGE } from '../../requests/pages'
import '../../officer.css'

// The dashboard (packages/stats) and volunteer management (packages/officer-volunteers) are
// subpackages of their own, so officers serving the counter never download their charts and
// forms; only their entry strings live in the officer's catalog.
const DASHBOARD_PAGE = '/packages/stats/pages/dashboard/index'
const VOLUNTEERS_PAGE = '/packages/officer-volunteers/pages/volunteers/index'

const loadCovered = () => call(jurisdictionContract, 'coveredCommunities', {})

function Covered({ officerId }: { officerId: string }) {
  const covered = useRemote(loadCovered)
  return <CoveredCommunities communities={covered.state} officerId={officerId} onRetry={() => void covered.reload({ showLoading: true })} />
}

function WorkbenchScreen({ profile }: { profile: Profile }) {
  const desk = useCounterT()
  const casework = useCaseworkT()
  const notices = useOfficerNoticesT()
  const privacy = usePrivacyT()
  const officer = useOfficerT()
  const requests = useOfficerRequestsT()
  return (
    <>
      <EntryCard className="workbench-open-inbox" title={requests('oq.entry.title')} description={requests('oq.entry.body')} actionLabel={requests('oq.entry.action')} url={INBOX_PAGE} />
      <EntryCard className="workbench-open-dashboard" title={officer('workbench.dashboard.title')} description={officer('workbench.dashboard.body')} actionLabel={officer('workbench.dashboard.action')} url={DASHBOARD_PAGE} />
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
        title={officer('workbench.volunteers.title')}
        description={officer('workbench.volunteers.body')}
        actionLabel={officer('workbench.volunteers.action')}
        url={VOLUNTEERS_PAGE}
      />
      {profile.roles.includes('station_leader') || profile.roles.includes('bureau_leader') ? (
        <EntryCard className="workbench-open-audit" title={privacy('audit.entry.title')} description={privacy('audit.entry.body')} actionLabel={privacy('audit.entry.action')} url="/packages/officer/pages/audit/index" />
      ) : null}
      {profile.officer ? <Covered officerId={profile.officer.id} /> : null}
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
