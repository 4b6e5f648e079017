// Station leadership (station chief, political instructor): every open request of the station,
// who answers it and why, and reassigning one to another officer with a note (logged on the
// request). Officer choices come from the current jurisdiction document.
import { useMemo, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import * as z from 'zod'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { DocId, Language } from '../../../../core/ids'
import { OfficerKind } from '../../../../core/jurisdiction/schema'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { call, CloudCallError } from '../../../../services/cloud'
import { useRemote } from '../../../../services/use-remote'
import { OfficerRecord } from '../../components/officer-record'
import { ReassignForm, type StationOfficer } from '../../components/reassign-form'
import { RoutedRequestCard } from '../../components/routed-request-card'
import { useOfficerT } from '../../i18n'
import '../../officer.css'
import { useOfficerNames } from '../../officer-names'

/** The part of the exported document this screen reads; the rest (boundaries, roster) is ignored. */
const ExportedOfficers = z.object({
  officers: z.array(z.object({ id: DocId, name: z.string(), title: z.string(), kind: OfficerKind, languages: z.array(Language) })),
})

const loadRouted = () => call(jurisdictionContract, 'routedToMe', {})
async function loadOfficers(): Promise<StationOfficer[]> {
  const { document } = await call(jurisdictionContract, 'exportJurisdiction', {})
  const parsed = ExportedOfficers.safeParse(document)
  if (!parsed.success) throw new CloudCallError('INTERNAL', 'The jurisdiction document has no readable officer list.')
  return parsed.data.officers
}

function StationRequests() {
  const t = useOfficerT()
  const routed = useRemote(loadRouted)
  const officers = useRemote(loadOfficers)
  const [reassigning, setReassigning] = useState<string | null>(null)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void routed.reload()
    shown.current = true
  })
  const known = useMemo(() => (officers.state.status === 'ready' ? officers.state.data.map((o) => ({ ...o, phone: null, officeHours: null })) : []), [officers.state])
  const requests = routed.state.status === 'ready' ? routed.state.data : []
  const names = useOfficerNames(known, requests)

  if (routed.state.status === 'loading') return <LoadingView />
  if (routed.state.status === 'error') return <ErrorView error={routed.state.error} onRetry={() => void routed.reload({ showLoading: true })} />
  return (
    <>
      <SectionCard className="leadership-overview leadership-requests" title={t('leader.requests.title')} tone="police">
        <View className="fq-text">{t('leader.requests.intro')}</View>
        <View className="fq-muted fq-note leadership-requests-count">
          {requests.length === 0 ? t('leader.requests.empty') : t('workbench.routed.count', { count: requests.length })}
        </View>
      </SectionCard>
      {requests.map((request) => (
        <RoutedRequestCard key={request.id} request={request} names={names} perspective="station">
          {officers.state.status === 'error' ? (
            <View className="fq-muted fq-note">{t('leader.officers.failed')}</View>
          ) : reassigning !== request.id ? (
            <View className="fq-actions">
              <Button className="routed-reassign" onClick={() => setReassigning(request.id)}>
                {t('leader.reassign.action')}
              </Button>
            </View>
          ) : officers.state.status === 'loading' ? (
            <View className="fq-muted fq-note">{t('common.loading')}</View>
          ) : (
            <ReassignForm
              request={request}
              officers={officers.state.data}
              onDone={(updated) => {
                setReassigning(null)
                routed.set(requests.map((r) => (r.id === updated.id ? updated : r)))
              }}
              onStale={() => {
                setReassigning(null)
                void routed.reload()
              }}
              onCancel={() => setReassigning(null)}
            />
          )}
        </RoutedRequestCard>
      ))}
    </>
  )
}

export default function LeadershipPage() {
  const t = useOfficerT()
  return (
    <PageShell name="leadership" title={t('leader.title')}>
      <SessionGate roles={['station_leader']}>
        {(profile) => (
          <>
            <StationRequests />
            <OfficerRecord officer={profile.officer} />
          </>
        )}
      </SessionGate>
    </PageShell>
  )
}
