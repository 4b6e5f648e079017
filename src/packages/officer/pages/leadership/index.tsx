// Station leadership (station chief, political instructor): level two of the three-level
// mediation. For now their own record, and an honest overview that fills in once disputes are
// escalated through the app.
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView } from '../../../../components/status-views'
import { useT } from '../../../../services/use-t'
import { OfficerRecord } from '../../components/officer-record'

export default function LeadershipPage() {
  const t = useT()
  return (
    <PageShell name="leadership" titleKey="leader.title">
      <SessionGate roles={['station_leader']}>
        {(profile) => (
          <>
            <EmptyView className="leadership-overview" title={t('leader.overview.title')} description={t('leader.overview.empty')} />
            <OfficerRecord officer={profile.officer} />
          </>
        )}
      </SessionGate>
    </PageShell>
  )
}
