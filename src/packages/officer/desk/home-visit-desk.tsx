// The officer's open door-to-door requests, grouped by gacha or community: why the person asked,
// where, who routed it here; propose one or more times, then record the visit's outcome.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { bookingContract, type HomeVisitView } from '../../../core/booking/contract'
import { HomeVisitOutcome } from '../../../core/booking/home-visit'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { EmptyView, ErrorView, LoadingView } from '../../../components/status-views'
import { localizedName } from '../../../i18n/localized-name'
import { call } from '../../../services/cloud'
import { useAttemptKey } from '../../../services/request-id'
import { asCloudError, useSession } from '../../../services/session'
import { formatStationTime } from '../../../services/station-time'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { useRemote } from '../../../services/use-remote'
import { counterCatalog, useCounterT } from './i18n'
import { parseProposedTimes } from './proposed-times'
import { RevealPhone } from '../privacy/reveal-phone'

const loadPending = () => call(bookingContract, 'pendingHomeVisits', {})

function VisitCard({ visit, onChanged }: { visit: HomeVisitView; onChanged: () => void }) {
  const t = useCounterT()
  const toast = usePageToast()
  const { language } = useSession()
  const [times, setTimes] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  // Proposing the same times again after an error is the same round: the resident is told once.
  const proposing = useAttemptKey()
  const failed = (err: unknown) => toast(t(errorMessageKeyIn(counterCatalog, asCloudError(err))))

  const propose = () => {
    const parsed = parseProposedTimes(times)
    if (!parsed) return toast(t('visits.proposeInvalid'))
    setBusy('propose')
    const round = { visitId: visit.id, times: parsed }
    call(bookingContract, 'proposeHomeVisitTimes', { ...round, requestId: proposing.keyFor(round) })
      .then(() => {
        proposing.settled()
        toast(t('visits.proposed'))
        setTimes('')
        onChanged()
      }, failed)
      .then(() => setBusy(null))
  }
  const record = (outcome: HomeVisitOutcome) => {
    setBusy(outcome)
    call(bookingContract, 'recordHomeVisitDone', { visitId: visit.id, outcome, note: '' })
      .then(() => {
        toast(t('visits.recorded'))
        onChanged()
      }, failed)
      .then(() => setBusy(null))
  }

  return (
    <View className={`fq-list-item desk-visit desk-visit-${visit.id} is-${visit.status}`}>
      <View className="fq-option-name">{localizedName(visit.service.name, language)}</View>
      <View className="desk-visit-status">{t(`visits.status.${visit.status}`)}</View>
      <View className="fq-text">{t('visits.person', { name: visit.person.name, phone: visit.person.phone })}</View>
      {visit.person.phone ? <RevealPhone className="desk-visit-reveal" reveal={() => call(bookingContract, 'revealHomeVisitContact', { visitId: visit.id })} /> : null}
      <View className="fq-text">{`${t(`visits.reason.${visit.reason}`)}${visit.note ? ` · ${visit.note}` : ''}`}</View>
      <View className="fq-muted">{visit.addressText}</View>
      <View className="fq-muted">{t('visits.routeReason', { reason: language === 'mn' ? visit.routeReason.mn : visit.routeReason.zh })}</View>
      {visit.proposals.length > 0 && !visit.scheduled ? (
        <View className="fq-muted">{t('visits.proposals', { times: visit.proposals.map((p) => formatStationTime(p.startsAt)).join(t('common.listSeparator')) })}</View>
      ) : null}
      {visit.scheduled ? <View className="fq-text desk-visit-scheduled">{t('visits.scheduled', { time: formatStationTime(visit.scheduled.startsAt) })}</View> : null}
      {visit.status === 'requested' || visit.status === 'proposed' ? (
        <>
          <View className="fq-muted">{t('visits.proposeLabel')}</View>
          <View className="fq-horizontal">
            <Input className="desk-visit-times" placeholder="2026-05-21 10:00" value={times} maxLength={120} onChange={setTimes} />
          </View>
          <View className="fq-actions">
            <Button className="desk-visit-propose" type="primary" loading={busy === 'propose'} onClick={propose}>
              {t('visits.propose')}
            </Button>
          </View>
        </>
      ) : null}
      {visit.status === 'scheduled' ? (
        <View className="fq-actions">
          {HomeVisitOutcome.options.map((outcome) => (
            <Button key={outcome} className={`desk-visit-outcome-${outcome}`} type={outcome === 'completed' ? 'primary' : 'default'} loading={busy === outcome} onClick={() => record(outcome)}>
              {t(`visits.outcome.${outcome}`)}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  )
}

export function HomeVisitDesk() {
  const t = useCounterT()
  const { language } = useSession()
  const pending = useRemote(loadPending)
  if (pending.state.status === 'loading') return <LoadingView />
  if (pending.state.status === 'error') return <ErrorView error={pending.state.error} onRetry={() => void pending.reload({ showLoading: true })} />
  if (pending.state.data.length === 0) return <EmptyView className="desk-visits-empty" title={t('visits.title')} description={t('visits.empty')} />
  return (
    <>
      {pending.state.data.map((group) => (
        <SectionCard
          key={group.community?.id ?? 'unplaced'}
          className={`desk-visits desk-visits-${group.community?.id ?? 'unplaced'}`}
          tone="police"
          title={`${t('visits.title')} · ${group.community ? localizedName(group.community.name, language) : t('visits.unplaced')}`}
        >
          {group.visits.map((visit) => (
            <VisitCard key={visit.id} visit={visit} onChanged={() => void pending.reload()} />
          ))}
        </SectionCard>
      ))}
    </>
  )
}
