// "Ask my officer" (consultation), on the community page under the officer's card: a short
// question, whether it is urgent, answered in the language the resident reads the app in. The
// cloud routes it and says who will answer and why; earlier questions follow with their status.
import { useRef, useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import { Button, Switch, Tag } from '@nutui/nutui-react-taro'
import { jurisdictionContract, type RoutedRequestView } from '../../core/jurisdiction/contract'
import { LANGUAGE_NAME_KEYS, OfficerContactCard } from '../../components/officer-contact-card'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { ErrorView, LoadingView } from '../../components/status-views'
import { call } from '../../services/cloud'
import { asCloudError, useSession } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import { errorMessageKey, useT } from '../../services/use-t'
import { OfflineAsOf, QueuedNotice } from '../../components/offline-state'
import { useFormDraft } from '../../services/drafts'
import { useOfflineRemote } from '../../services/offline-cache'
import { refusalOf, submitOrQueue, useQueued } from '../../services/outbox'
import { newRequestId } from '../../services/request-id'

/** The contract's limit (askOfficer.question), checked here first so nobody loses a long text. */
const MAX_QUESTION = 500

const loadAsked = () => call(jurisdictionContract, 'myAskedRequests', {}, { readOnly: true })
const ASK_DRAFT = 'jurisdiction.ask'

export interface AskOfficerProps {
  /** Who answers first: the community officer's name, or null before a community is chosen. */
  officerName: string | null
  communityName: string | null
}

export function AskOfficer({ officerName, communityName }: AskOfficerProps) {
  const t = useT()
  const toast = usePageToast()
  const { language } = useSession()
  const asked = useOfflineRemote('jurisdiction.myAskedRequests', jurisdictionContract.actions.myAskedRequests.output, loadAsked)
  const [question, setQuestion] = useState('')
  const [urgent, setUrgent] = useState(false)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<RoutedRequestView | null>(null)
  // One attempt, one key: a resend after a lost answer reuses it; a new question gets a new one.
  const requestId = useRef<string | null>(null)
  const draft = useFormDraft(ASK_DRAFT, { question, urgent }, {
    restore: (stored) => {
      const { question: q, urgent: u } = (stored ?? {}) as { question?: unknown; urgent?: unknown }
      if (typeof q === 'string') setQuestion(q)
      if (typeof u === 'boolean') setUrgent(u)
    },
  })
  const waiting = useQueued(ASK_DRAFT, (entry) => {
    requestId.current = null
    if (entry.state === 'sent') {
      setQuestion('')
      setUrgent(false)
      void asked.reload()
    } else if (entry.state === 'refused') toast(t(errorMessageKey(refusalOf(entry))))
  })
  const reason = (request: RoutedRequestView) => (language === 'mn' ? request.reason.mn : request.reason.zh)

  const submit = () => {
    const text = question.trim()
    if (!text) return setFieldError(t('ask.form.empty'))
    if (text.length > MAX_QUESTION) return setFieldError(t('ask.form.tooLong', { max: MAX_QUESTION }))
    setBusy(true)
    setFieldError(null)
    // A promise chain, not an async function: see services/use-remote.ts.
    requestId.current ??= newRequestId()
    submitOrQueue(jurisdictionContract, 'askOfficer', { question: text, language, urgency: urgent ? 'urgent' : 'normal', requestId: requestId.current }, { kind: 'request', draftKey: ASK_DRAFT })
      .then(
        (submitted) => {
          if (submitted.status === 'queued') return
          const request = submitted.data
          requestId.current = null
          draft.clear()
          setSent(request)
          setQuestion('')
          setUrgent(false)
          asked.set([request, ...(asked.state.status === 'ready' ? asked.state.data : [])])
        },
        (err: unknown) => {
          const error = asCloudError(err)
          if (error.issues?.some((issue) => issue.path[0] === 'question')) setFieldError(t('ask.form.tooLong', { max: MAX_QUESTION }))
          else toast(t(errorMessageKey(error)))
        },
      )
      .then(() => setBusy(false))
  }

  return (
    <>
      <SectionCard className="ask-form" title={t('community.ask')} tone="police">
        <View className="fq-muted ask-who">
          {officerName && communityName ? t('ask.who.bound', { community: communityName, officer: officerName }) : t('ask.who.unbound')}
        </View>
        <View className="fq-horizontal ask-question-field">
          <Textarea
            className="ask-question"
            value={question}
            maxlength={MAX_QUESTION}
            placeholder={t('ask.form.placeholder')}
            onInput={(e) => {
              requestId.current = null
              setQuestion(e.detail.value)
              setFieldError(null)
            }}
          />
          {/* Digits only: the same in both languages. */}
          <View className="fq-muted ask-question-count">{`${question.length}/${MAX_QUESTION}`}</View>
        </View>
        {fieldError ? <View className="fq-field-error ask-question-error">{fieldError}</View> : null}
        <View className="elder-mode-switch ask-urgent" onClick={() => setUrgent(!urgent)}>
          <View>
            <View className="elder-mode-label">{t('ask.form.urgent')}</View>
            <View className="fq-muted">{t('ask.form.urgentHint')}</View>
          </View>
          {/* The whole row toggles; the switch only shows the state, so a tap is never counted twice. */}
          <View onClick={(e) => e.stopPropagation()}>
            <Switch className="ask-urgent-toggle" checked={urgent} onChange={(on) => setUrgent(on)} />
          </View>
        </View>
        <View className="fq-muted ask-language">{t('ask.form.language', { language: t(LANGUAGE_NAME_KEYS[language]) })}</View>
        <View className="fq-actions">
          <Button className="ask-submit" type="primary" size="large" loading={busy} disabled={waiting} onClick={submit}>
            {t('ask.form.submit')}
          </Button>
        </View>
        {waiting ? <QueuedNotice /> : null}
        {sent ? (
          <View className="fq-notice ask-sent" role="status">
            <View className="fq-text">{t('ask.sent.title')}</View>
            <OfficerContactCard officer={sent.assignee} compact />
            <View className="fq-muted ask-sent-reason">{t('ask.sent.reason', { reason: reason(sent) })}</View>
          </View>
        ) : null}
      </SectionCard>
      <OfflineAsOf at={asked.asOf} />
      {asked.state.status === 'loading' ? <LoadingView /> : null}
      {asked.state.status === 'error' ? <ErrorView error={asked.state.error} onRetry={() => void asked.reload({ showLoading: true })} /> : null}
      {asked.state.status === 'ready' && asked.state.data.length > 0 ? (
        <SectionCard className="ask-mine" title={t('ask.mine.title')}>
          {asked.state.data.map((request) => (
            <View key={request.id} className={`fq-list-item ask-mine-item ask-mine-${request.status}`}>
              <Tag className="fq-tag" type={request.status === 'open' ? 'primary' : 'default'}>
                {t(`request.status.${request.status}`)}
              </Tag>
              <View className="fq-text ask-mine-question">{request.question}</View>
              <View className="fq-muted">
                {t('ask.mine.asked', { time: formatStationTime(request.createdAt) })} {t('ask.mine.assignee', { name: request.assignee.name })}
              </View>
              <View className="fq-muted ask-mine-reason">{reason(request)}</View>
            </View>
          ))}
        </SectionCard>
      ) : null}
    </>
  )
}
