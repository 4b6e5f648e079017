// One case for staff: the applicant's contact (never shown to the other party or in messages),
// the risk reasons and why routing chose the officer, the timeline, sessions, the agreement, the
// internal notes (never in any resident view), and the steps allowed now. Opening it is a read the
// backend writes to the audit log.
import { useCallback, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { mediationContract, type StaffCaseView } from '../../../../core/mediation/contract'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useFormDraft } from '../../../../services/drafts'
import { useAttemptKey } from '../../../../services/request-id'
import { asCloudError, useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { useRemote } from '../../../../services/use-remote'
import { CaseActions } from '../../mediation/case-actions'
import { RevealPhone } from '../../privacy/reveal-phone'
import { deadlineLine } from '../../mediation/deadline-line'
import { caseworkCatalog, useCaseworkT } from '../../mediation/i18n'
import { useNames } from '../../mediation/names'
import '../../officer.css'
import '../../mediation/casework.css'

function InternalNotes({ item, onChanged }: { item: StaffCaseView; onChanged: (next: StaffCaseView) => void }) {
  const t = useCaseworkT()
  const toast = usePageToast()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const attempt = useAttemptKey()
  // A note being written survives a lost signal or a closed page, per case.
  const draft = useFormDraft(`casework.note.${item.id}`, text, {
    restore: (stored) => {
      if (typeof stored === 'string') setText(stored)
    },
  })
  const add = () => {
    if (!text.trim()) return
    setBusy(true)
    const note = { caseId: item.id, text: text.trim() }
    call(mediationContract, 'addInternalNote', { ...note, requestId: attempt.keyFor(note) })
      .then(
        (next) => {
          attempt.settled()
          draft.clear()
          setText('')
          onChanged(next)
        },
        (err: unknown) => toast(t(errorMessageKeyIn(caseworkCatalog, asCloudError(err), 'casework'))),
      )
      .then(() => setBusy(false))
  }
  return (
    <SectionCard className="casework-notes casework-internal" title={t('casework.notes.title')}>
      {item.internalNotes.length === 0 ? <View className="fq-muted">{t('casework.notes.empty')}</View> : null}
      {item.internalNotes.map((note, i) => (
        <View key={i} className="casework-event">
          <View className="casework-event-time">{formatStationTime(note.at)}</View>
          <View className="casework-note-text">{note.text}</View>
        </View>
      ))}
      <TextArea className="casework-note-input" placeholder={t('casework.notes.placeholder')} value={text} maxLength={1000} onChange={setText} />
      <View className="fq-actions">
        <Button className="casework-note-add" loading={busy} disabled={!text.trim()} onClick={add}>
          {t('casework.notes.add')}
        </Button>
      </View>
    </SectionCard>
  )
}

function CaseView({ item, onChanged }: { item: StaffCaseView; onChanged: (next: StaffCaseView) => void }) {
  const t = useCaseworkT()
  const { language } = useSession()
  const names = useNames()
  return (
    <>
      <SectionCard className={`casework-case casework-case-${item.id} ${item.highRisk ? 'is-high-risk' : ''}`} title={`${t(`casework.type.${item.type}`)} · ${names.community(item.communityId)}`}>
        <View className="fq-tags">
          {item.highRisk ? <View className="casework-tag is-alarm">{t('casework.highRisk')}</View> : null}
          <View className="casework-tag casework-level">{t('casework.level', { level: item.level })}</View>
          <View className="casework-tag casework-status">{t(`casework.status.${item.status}`)}</View>
          {item.overdue ? <View className="casework-tag is-alarm">{t('casework.overdue')}</View> : null}
        </View>
        <View className="fq-muted casework-deadline">{deadlineLine(t, item)}</View>
        <View className="fq-text casework-description">{item.description}</View>
        {item.dangerNow ? <View className="fq-notice is-warning">{t('casework.case.dangerNow')}</View> : null}
        {item.risk.length > 0 ? (
          <View className="casework-risk">
            <View className="casework-strong">{t('casework.case.risk')}</View>
            {item.risk.map((r) => (
              <View key={r.ruleId} className="fq-muted">{t('casework.case.riskLine', { reason: t(`casework.risk.${r.category}`), matched: r.matched })}</View>
            ))}
          </View>
        ) : null}
        <View className="fq-text casework-applicant">{t('casework.case.applicant', { name: item.applicant.name, phone: item.applicant.phone })}</View>
        {item.applicant.phone ? <RevealPhone className="casework-reveal-applicant" reveal={() => call(mediationContract, 'revealContact', { caseId: item.id, party: 'applicant' })} /> : null}
        {item.otherParty ? <View className="fq-text">{item.otherParty.phone ? t('casework.case.otherPartyPhone', { name: item.otherParty.name, phone: item.otherParty.phone }) : t('casework.case.otherParty', { name: item.otherParty.name })}</View> : null}
        {item.otherParty?.phone ? <RevealPhone className="casework-reveal-other" reveal={() => call(mediationContract, 'revealContact', { caseId: item.id, party: 'otherParty' })} /> : null}
        <View className="fq-muted casework-route">{t('casework.case.route', { reason: language === 'mn' ? item.routeReason.mn : item.routeReason.zh })}</View>
        <View className="fq-muted casework-audit">{t('casework.case.audit')}</View>
      </SectionCard>
      <CaseActions item={item} onChanged={onChanged} />
      {item.sessions.length > 0 ? (
        <SectionCard className="casework-sessions" title={t('casework.sessions.title')}>
          {item.sessions.map((s) => (
            <View key={s.id} className="casework-session">
              <View>{`${t('casework.level', { level: s.level })} · ${formatStationTime(s.at)} · ${s.placeText ?? t(`casework.place.${s.place}`)} · ${s.held ? t('casework.session.held') : t('casework.session.pending')}`}</View>
              <View className="fq-muted">{s.participants.join(' · ')}</View>
              {s.notes ? <View className="fq-text casework-internal">{s.notes}</View> : null}
            </View>
          ))}
        </SectionCard>
      ) : null}
      {item.agreement ? (
        <SectionCard className="casework-agreement" title={t('casework.agreement.title')}>
          <View className="fq-text">{item.agreement}</View>
        </SectionCard>
      ) : null}
      {item.notSettledReasons.length > 0 ? (
        <SectionCard className="casework-not-settled" title={t('casework.notSettledReasons.title')}>
          {item.notSettledReasons.map((r, i) => (
            <View key={i} className="fq-text">{t('casework.notSettledLine', { level: r.level, reason: r.reason })}</View>
          ))}
        </SectionCard>
      ) : null}
      <SectionCard className="casework-timeline" title={t('casework.timeline.title')}>
        {item.timeline.map((e, i) => (
          <View key={i} className={`casework-event is-${e.kind}`}>
            <View className="casework-event-time">{formatStationTime(e.at)}</View>
            <View>{`${e.kind === 'escalated' ? t('casework.event.escalated', { level: e.level }) : t(`casework.event.${e.kind}`)} · ${t(`casework.by.${e.by}`)}`}</View>
          </View>
        ))}
      </SectionCard>
      <InternalNotes item={item} onChanged={onChanged} />
    </>
  )
}

function CaseScreen() {
  const { params } = useRouter()
  const caseId = params.id ?? ''
  const load = useCallback(() => call(mediationContract, 'caseDetail', { caseId }), [caseId])
  const detail = useRemote(load)
  if (detail.state.status === 'loading') return <LoadingView />
  if (detail.state.status === 'error') return <ErrorView error={detail.state.error} context="casework" onRetry={() => void detail.reload({ showLoading: true })} />
  return <CaseView item={detail.state.data} onChanged={detail.set} />
}

export default function MediationCasePage() {
  const t = useCaseworkT()
  return (
    <PageShell name="casework-case" title={t('casework.case.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{() => <CaseScreen />}</SessionGate>
    </PageShell>
  )
}
