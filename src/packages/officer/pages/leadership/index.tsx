// Station leadership (station chief, political instructor): the station's "today's work" inbox — everything
// waiting across the station by deadline, who is overloaded, the rectification tasks after a
// dissatisfied rating — and their own officer record. Transfers happen on the request page.
import { PageShell } from '../../../../components/page-shell'
import { EntryCard } from '../../../../components/entry-card'
import { SessionGate } from '../../../../components/session-gate'
import { OfficerRecord } from '../../components/officer-record'
import { useOfficerT } from '../../i18n'
import { useOfficerRequestsT } from '../../requests/i18n'
import { STATION_INBOX_PAGE } from '../../requests/pages'
import '../../officer.css'

export default function LeadershipPage() {
  const t = useOfficerT()
  const requests = useOfficerRequestsT()
  return (
    <PageShell name="leadership" title={t('leader.title')}>
      <SessionGate roles={['station_leader']}>
        {(profile) => (
          <>
            <EntryCard
              className="leadership-open-station-inbox"
              title={requests('oq.station.title')}
              description={requests('oq.station.body')}
              actionLabel={requests('oq.entry.action')}
              url={STATION_INBOX_PAGE}
            />
            <OfficerRecord officer={profile.officer} />
          </>
        )}
      </SessionGate>
    </PageShell>
  )
}
