// One request as staff see it: what was asked or reported, the kind's details, photos that passed
// the picture check, where, why it came to this officer, who filed it (masked phone with an audited
// reveal; nobody for an anonymous tip-off), partner hand-offs and answers, the timeline, and the
// steps allowed now (request-steps.tsx). Opening it is a read the backend writes to the audit log.
import { useCallback, useMemo } from 'react'
import { useRouter } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { requestsContract, type StaffRequestView } from '../../../../core/requests/contract'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { pictureSrc } from '../../../../services/upload-file'
import { useRemote } from '../../../../services/use-remote'
import { useNames } from '../../mediation/names'
import { contactsOf } from '../../officer-names'
import { RevealPhone } from '../../privacy/reveal-phone'
import { useOfficerRequestsT } from '../../requests/i18n'
import { RequestSteps } from '../../requests/request-steps'
import '../../officer.css'
import '../../requests/requests-staff.css'

const loadCommunities = () => call(jurisdictionContract, 'listCommunities', {})

function Details({ item }: { item: StaffRequestView }) {
  const t = useOfficerRequestsT()
  const d = item.details
  const lines: string[] = []
  if (d.kind === 'help' && d.dangerNow) lines.push(t('oq.request.dangerNow'))
  if (d.kind === 'tip_off' && d.ongoing) lines.push(t('oq.request.ongoing'))
  if (d.kind === 'fraud_report') {
    if (d.moneyLost) lines.push(t('oq.request.moneyLost'))
    if (d.amountYuan !== undefined) lines.push(t('oq.request.amount', { amount: d.amountYuan }))
  }
  if (d.kind === 'complaint' && d.aboutOfficer) lines.push(t('oq.request.aboutOfficer'))
  return lines.length > 0 ? (
    <View className="fq-notice is-warning oq-request-flags">
      {lines.map((line) => (
        <View key={line}>{line}</View>
      ))}
    </View>
  ) : null
}

/** The kind's own choices as raw values the officer recognises (the resident chose them from labelled buttons). */
function detailValues(item: StaffRequestView): string[] {
  const d = item.details
  switch (d.kind) {
    case 'consultation':
    case 'help':
      return [d.topic]
    case 'tip_off':
      return [d.subject, ...(d.seenAt ? [formatStationTime(d.seenAt)] : [])]
    case 'fraud_report':
      return [d.channel, ...(d.number ? [d.number] : []), ...(d.account ? [d.account] : []), ...(d.link ? [d.link] : [])]
    case 'complaint':
      return [d.type]
  }
}

function RequestView({ item, onChanged, onStale }: { item: StaffRequestView; onChanged: (next: StaffRequestView) => void; onStale: () => void }) {
  const t = useOfficerRequestsT()
  const { language } = useSession()
  const names = useNames()
  const communities = useRemote(loadCommunities)
  const officers = useMemo(() => {
    if (communities.state.status !== 'ready') return []
    const seen = new Map(contactsOf(communities.state.data).map((o) => [o.id, o]))
    return [...seen.values()]
  }, [communities.state])
  return (
    <>
      <SectionCard className={`oq-request oq-request-${item.id} ${item.overdue ? 'is-overdue' : ''}`} title={`${t(`oq.kind.${item.kind}`)} · ${names.community(item.communityId)}`}>
        <View className="fq-tags">
          <View className={`fq-tag oq-status is-${item.status}`}>{t(`oq.status.${item.status}`)}</View>
          {item.overdue ? <View className="fq-tag is-alarm oq-overdue">{t('oq.inbox.overdue')}</View> : null}
          {item.anonymous ? <View className="fq-tag oq-anonymous">{t('oq.inbox.anonymous')}</View> : null}
        </View>
        {item.deadlineAt && item.deadlineStep ? <View className="fq-muted oq-deadline">{t(`oq.deadline.${item.deadlineStep}`, { time: formatStationTime(item.deadlineAt) })}</View> : null}
        <View className="fq-muted">{t('oq.request.filed', { time: formatStationTime(item.createdAt) })}</View>
        <Details item={item} />
        <View className="fq-tags oq-request-details">
          {detailValues(item).map((value) => (
            <View key={value} className="fq-tag">
              {value}
            </View>
          ))}
        </View>
        <View className="rq-strong">{t('oq.request.text')}</View>
        <View className="fq-text oq-request-text">{item.text}</View>
        {item.reopenComment ? <View className="fq-notice is-warning oq-reopen-comment">{t('oq.request.reopenComment', { comment: item.reopenComment })}</View> : null}
        {item.contentReview ? <View className="fq-muted oq-content-review">{t('oq.request.contentReview')}</View> : null}
        {item.photos.length > 0 ? (
          <View className="oq-photos">
            <View className="rq-strong">{t('oq.request.photos')}</View>
            <View className="rq-photos">
              {item.photos.map((photo) => (
                <Image key={photo} className="rq-photo-preview oq-photo" src={pictureSrc(photo)} mode="aspectFill" />
              ))}
            </View>
          </View>
        ) : null}
        {item.location ? <View className="fq-muted oq-position">{t('oq.request.position', { lng: item.location.lng.toFixed(5), lat: item.location.lat.toFixed(5) })}</View> : null}
        {item.addressText ? <View className="fq-muted oq-address">{t('oq.request.address', { address: item.addressText })}</View> : null}
        <View className="fq-muted oq-reason">{item.handledBy === 'leadership' ? t('oq.inbox.leadership') : t('oq.request.reason', { reason: language === 'mn' ? item.routeReason.mn : item.routeReason.zh })}</View>
      </SectionCard>

      <SectionCard className="oq-filer" title={t('oq.filer.title')}>
        {item.filer === null ? (
          <View className="fq-text oq-filer-anonymous">{t('oq.filer.anonymous')}</View>
        ) : (
          <>
            <View className="fq-text oq-filer-name">{item.filer.name ? t('oq.filer.name', { name: item.filer.name }) : t('oq.filer.unnamed')}</View>
            {item.filer.phoneMasked ? (
              <>
                <View className="fq-text oq-filer-phone">{t('oq.filer.phone', { phone: item.filer.phoneMasked })}</View>
                <RevealPhone className="oq-reveal" reveal={() => call(requestsContract, 'revealContact', { id: item.id })} />
              </>
            ) : (
              <View className="fq-muted">{t('oq.filer.noPhone')}</View>
            )}
          </>
        )}
      </SectionCard>

      {item.handoffs.length > 0 || item.transfers.length > 0 ? (
        <SectionCard className="oq-handoffs">
          {item.transfers.map((x) => (
            <View key={`t-${x.at}`} className="fq-muted oq-transfer-line">
              {`${t('oq.request.transferLine', { time: formatStationTime(x.at), note: x.note })} → ${names.officer(x.to)}`}
            </View>
          ))}
          {item.handoffs.map((h) => (
            <View key={`h-${h.no}`} className="oq-handoff">
              <View className="fq-muted">{t('oq.request.handoff', { time: formatStationTime(h.at), unit: t(`oq.partner.${h.partner}`), note: h.note })}</View>
              {h.answer ? <View className="fq-text oq-handoff-answer">{t('oq.request.handoffAnswer', { unit: t(`oq.partner.${h.partner}`), answer: h.answer })}</View> : null}
            </View>
          ))}
        </SectionCard>
      ) : null}

      {item.answers.length > 0 ? (
        <SectionCard className="oq-answers" title={t('oq.answers.title')}>
          {item.answers.map((a) => (
            <View key={a.at} className="rq-answer oq-answer">
              <View className="fq-muted">{formatStationTime(a.at)}</View>
              <View className="fq-text">{a.zh}</View>
              {a.mn ? <View className="fq-text oq-answer-mn">{a.mn}</View> : null}
            </View>
          ))}
        </SectionCard>
      ) : null}

      <RequestSteps item={item} officers={officers} onChanged={onChanged} onStale={onStale} />

      <SectionCard className="oq-timeline" title={t('oq.timeline')}>
        {item.rating ? <View className="fq-notice oq-rating">{t('oq.rating', { rating: item.rating.value, comment: item.rating.comment })}</View> : null}
        <View className="rq-timeline">
          {item.timeline.map((e, i) => (
            <View key={i} className={`rq-event is-${e.kind}`}>
              <View className="rq-event-time">{formatStationTime(e.at)}</View>
              <View>{`${t(`oq.event.${e.kind}`, { unit: e.partner ? t(`oq.partner.${e.partner}`) : '' })} · ${t(`oq.by.${e.by}`)}`}</View>
            </View>
          ))}
        </View>
      </SectionCard>
    </>
  )
}

function RequestScreen() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const load = useCallback(() => call(requestsContract, 'detail', { id }), [id])
  const detail = useRemote(load)
  if (detail.state.status === 'loading') return <LoadingView />
  if (detail.state.status === 'error') return <ErrorView error={detail.state.error} onRetry={() => void detail.reload({ showLoading: true })} />
  return <RequestView item={detail.state.data} onChanged={detail.set} onStale={() => void detail.reload()} />
}

export default function OfficerRequestPage() {
  const t = useOfficerRequestsT()
  return (
    <PageShell name="officer-request" title={t('oq.request.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{() => <RequestScreen />}</SessionGate>
    </PageShell>
  )
}
