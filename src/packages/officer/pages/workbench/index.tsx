// The community officer's workbench. For now: their own officer record, and an honest list of
// what will arrive here (bookings, help requests, disputes) as those features ship.
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView } from '../../../../components/status-views'
import { useT } from '../../../../services/use-t'
import { OfficerRecord } from '../../components/officer-record'

export default function WorkbenchPage() {
  const t = useT()
  return (
    <PageShell name="workbench" titleKey="workbench.title">
      <SessionGate roles={['officer', 'station_leader']}>
        {(profile) => (
          <>
            <OfficerRecord officer={profile.officer} />
            {profile.officer ? <EmptyView className="workbench-tasks" title={t('workbench.tasks.title')} description={t('workbench.tasks.empty')} /> : null}
          </>
        )}
      </SessionGate>
    </PageShell>
  )
}
