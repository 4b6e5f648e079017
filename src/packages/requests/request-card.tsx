// One of the resident's own requests: what they filed, where it stands (status, the deadline the
// station set itself, with a partner unit), the officer's answer in the reader's language, the
// timeline, and what they may do now: withdraw before acceptance, say whether the answer resolved
// it (not resolved reopens it, once), rate 1–5 after closing. An anonymous request carries its
// follow secret on every call; the backend knows it by nothing else.
import { useState } from 'react'
import * as z from 'zod/mini'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { requestsContract, type Answer, type ResidentRequestView } from '../../core/requests/contract'
import type { Language } from '../../core/ids'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { call } from '../../services/cloud'
import { useFormDraft } from '../../services/drafts'
import { asCloudError, useSession } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import { Field } from './form/field'
import { TextInput } from './form/text-input'
import { followSecretOf } from '../../services/follow-keys'
import { useRequestsT } from './i18n'
import { refusalMessage } from './refusal-message'

const RATINGS = [5, 4, 3, 2, 1] as const
const MAX_COMMENT = 300

/** The answer as this reader reads it: Mongolian when they read Mongolian and the officer wrote it. */
function answerText(answer: Answer, language: Language): { text: string; onlyChinese: boolean } {
  if (language === 'mn' && answer.mn) return { text: answer.mn, onlyChinese: false }
  return { text: answer.zh, onlyChinese: language === 'mn' }
}

type Act = (action: 'withdraw' | 'confirm' | 'rate', extra: Record<string, unknown>) => Promise<boolean>

/** Why the answer did not resolve it, and the rating's comment: kept on the device per request until sent. */
const ReasonDraft = z.object({ reason: z.string() })
const RateDraft = z.object({ rating: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(5))), comment: z.string() })

function ConfirmResolved({ id, act }: { id: string; act: Act }) {
  const t = useRequestsT()
  const [notResolved, setNotResolved] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const draft = useFormDraft(`requests.notResolved.${id}`, { reason }, {
    restore: (stored) => {
      const parsed = ReasonDraft.safeParse(stored)
      if (!parsed.success) return
      setNotResolved(true)
      setReason(parsed.data.reason)
    },
  })
  const send = (resolved: boolean) => {
    setBusy(true)
    void act('confirm', { resolved, comment: reason.trim() }).then((done) => {
      if (done) draft.clear()
      setBusy(false)
      setAsking(false)
    })
  }
  const askNotResolved = () => {
    if (!reason.trim()) return setProblem(t('rq.confirm.reasonMissing'))
    if (reason.trim().length > MAX_COMMENT) return setProblem(t('rq.field.tooLong', { field: t('rq.confirm.reason'), max: MAX_COMMENT, count: reason.trim().length }))
    setAsking(true)
  }
  return (
    <View className="rq-confirm">
      <View className="rq-strong">{t('rq.confirm.title')}</View>
      <View className="fq-muted">{t('rq.confirm.body')}</View>
      <View className="fq-actions">
        <Button className="rq-confirm-yes" type="primary" loading={busy && !notResolved} onClick={() => send(true)}>
          {t('rq.confirm.yes')}
        </Button>
        <Button className="rq-confirm-no" type={notResolved ? 'danger' : 'default'} onClick={() => setNotResolved(true)}>
          {t('rq.confirm.no')}
        </Button>
      </View>
      {notResolved ? (
        <>
          <Field className="rq-field-reason" label={t('rq.confirm.reason')} required counter={{ length: reason.length, max: MAX_COMMENT }} error={problem}>
            <TextInput
              className="rq-reason"
              value={reason}
              max={MAX_COMMENT}
              multiline
              onChange={(x) => {
                setReason(x)
                setProblem(null)
              }}
            />
          </Field>
          <View className="fq-actions">
            <Button className="rq-not-resolved-send" type="primary" onClick={askNotResolved}>
              {t('rq.confirm.send')}
            </Button>
          </View>
        </>
      ) : null}
      {asking ? (
        <ConfirmDialog className="rq-not-resolved-confirm" title={t('rq.confirm.noTitle')} confirmLabel={t('rq.confirm.no')} cancelLabel={t('common.cancel')} busy={busy} onConfirm={() => send(false)} onCancel={() => setAsking(false)}>
          {t('rq.confirm.noBody')}
        </ConfirmDialog>
      ) : null}
    </View>
  )
}

function RateForm({ id, act }: { id: string; act: Act }) {
  const t = useRequestsT()
  const [rating, setRating] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const draft = useFormDraft(`requests.rate.${id}`, { rating, comment }, {
    restore: (stored) => {
      const parsed = RateDraft.safeParse(stored)
      if (!parsed.success) return
      setRating(parsed.data.rating)
      setComment(parsed.data.comment)
    },
  })
  const submit = () => {
    if (rating === null) return
    setBusy(true)
    void act('rate', { rating, comment: comment.trim() }).then((done) => {
      if (done) draft.clear()
      setBusy(false)
    })
  }
  return (
    <View className="rq-rate">
      <View className="rq-strong">{t('rq.rate.title')}</View>
      <View className="fq-actions">
        {RATINGS.map((value) => (
          <Button key={value} className={`rq-rate-${value}`} type={rating === value ? 'primary' : 'default'} onClick={() => setRating(value)}>
            {t(`rq.rate.${value}`)}
          </Button>
        ))}
      </View>
      <Field className="rq-field-comment" label={t('rq.rate.comment')} required={false} counter={{ length: comment.length, max: MAX_COMMENT }}>
        <TextInput className="rq-rate-comment" value={comment} max={MAX_COMMENT} multiline onChange={setComment} />
      </Field>
      <View className="fq-actions">
        <Button className="rq-rate-submit" type="primary" disabled={rating === null || comment.length > MAX_COMMENT} loading={busy} onClick={submit}>
          {t('rq.rate.submit')}
        </Button>
      </View>
    </View>
  )
}

export function RequestCard({ item, onChanged }: { item: ResidentRequestView; onChanged: (next: ResidentRequestView) => void }) {
  const t = useRequestsT()
  const toast = usePageToast()
  const { language } = useSession()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)

  const act: Act = (action, extra) => {
    const followSecret = item.anonymous ? followSecretOf(item.id) : undefined
    const input = { id: item.id, ...(followSecret ? { followSecret } : {}), ...extra }
    const done =
      action === 'withdraw'
        ? call(requestsContract, 'withdraw', input)
        : action === 'confirm'
          ? call(requestsContract, 'confirm', input as typeof input & { resolved: boolean; comment: string })
          : call(requestsContract, 'rate', input as typeof input & { rating: number; comment: string })
    return done.then(
      (next) => {
        if (action === 'withdraw') toast(t('rq.withdraw.done'))
        if (action === 'confirm' && next.status === 'reopened') toast(t('rq.confirm.reopened'))
        if (action === 'rate') toast(next.rating && next.rating.value <= 2 ? `${t('rq.rate.thanks')} ${t(item.anonymous ? 'rq.rate.followUpAnonymous' : 'rq.rate.followUp')}` : t('rq.rate.thanks'))
        onChanged(next)
        return true
      },
      (err: unknown) => {
        toast(refusalMessage(t, asCloudError(err)))
        return false
      },
    )
  }

  const withdraw = () => {
    setBusy(true)
    void act('withdraw', {}).then(() => {
      setBusy(false)
      setAsking(false)
    })
  }

  const latest = item.answers.length > 0 ? item.answers[item.answers.length - 1] : null
  const shown = latest ? answerText(latest, language) : null
  return (
    <SectionCard className={`rq-request rq-request-${item.id} ${item.overdue ? 'is-overdue' : ''}`} title={t(`rq.kind.${item.kind}`)}>
      <View className="fq-tags">
        <View className={`fq-tag rq-status is-${item.status}`}>{t(`rq.status.${item.status}`)}</View>
        {item.anonymous ? <View className="fq-tag rq-anonymous-tag">{t('rq.mine.anonymousTag')}</View> : null}
      </View>
      {item.deadlineAt ? (
        <View className={`fq-muted rq-deadline ${item.overdue ? 'is-overdue' : ''}`}>
          {item.overdue ? t('rq.deadline.overdue', { time: formatStationTime(item.deadlineAt) }) : t('rq.deadline', { time: formatStationTime(item.deadlineAt) })}
        </View>
      ) : null}
      <View className="fq-text rq-request-text">{item.text}</View>
      {item.withPartner ? <View className="fq-notice rq-with-partner">{t('rq.mine.withPartner', { unit: t(`rq.partner.${item.withPartner}`) })}</View> : null}
      {shown ? (
        <View className="rq-answer">
          <View className="rq-strong">{t('rq.answer.title')}</View>
          <View className="fq-text rq-answer-text">{shown.text}</View>
          {shown.onlyChinese ? <View className="fq-muted rq-answer-only-chinese">{t('rq.answer.onlyChinese')}</View> : null}
          <View className="fq-muted">{formatStationTime(latest!.at)}</View>
        </View>
      ) : null}
      {item.confirmable && item.autoCloseAt ? <View className="fq-muted rq-auto-close">{t('rq.mine.autoClose', { time: formatStationTime(item.autoCloseAt) })}</View> : null}
      <View className="rq-timeline">
        <View className="rq-strong">{t('rq.timeline')}</View>
        {item.timeline.map((event, i) => (
          <View key={i} className={`rq-event is-${event.kind}`}>
            <View className="rq-event-time">{formatStationTime(event.at)}</View>
            <View>{t(`rq.event.${event.kind}`, { unit: event.partner ? t(`rq.partner.${event.partner}`) : '' })}</View>
          </View>
        ))}
      </View>
      {item.rating ? <View className="fq-notice rq-rated">{t('rq.rate.yours', { label: t(`rq.rate.${item.rating.value as 1 | 2 | 3 | 4 | 5}`) })}</View> : null}
      {item.confirmable ? <ConfirmResolved id={item.id} act={act} /> : null}
      {item.ratable ? <RateForm id={item.id} act={act} /> : null}
      {item.withdrawable ? (
        <View className="fq-actions">
          <Button className="rq-withdraw" onClick={() => setAsking(true)}>
            {t('rq.withdraw')}
          </Button>
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog className="rq-withdraw-confirm" title={t('rq.withdraw.title')} confirmLabel={t('rq.withdraw')} cancelLabel={t('common.cancel')} busy={busy} onConfirm={withdraw} onCancel={() => setAsking(false)}>
          {t('rq.withdraw.body')}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}
