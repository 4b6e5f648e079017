// One of the resident's own cases: what they filed, where it stands (level, status, the deadline
// the station set itself), the timeline of every step, the sessions, the agreement; withdraw
// before acceptance, and rate after closing (the return visit). Never anything from the officers' notes:
// the backend's resident view does not carry them.
import { useState } from 'react'
import * as z from 'zod/mini'
import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { mediationContract, type ResidentCaseView } from '../../core/mediation/contract'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { call } from '../../services/cloud'
import { useFormDraft } from '../../services/drafts'
import { asCloudError } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import { useMediationT } from './i18n'
import { refusalMessage } from './refusal-message'

const RATINGS = [5, 4, 3, 2, 1] as const

/** The rating and its comment, kept on the device per case until sent. */
const RateDraft = z.object({ rating: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(5))), comment: z.string() })

function RateForm({ item, onRated }: { item: ResidentCaseView; onRated: (next: ResidentCaseView) => void }) {
  const t = useMediationT()
  const toast = usePageToast()
  const [rating, setRating] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const draft = useFormDraft(`mediation.rate.${item.id}`, { rating, comment }, {
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
    call(mediationContract, 'rateCase', { caseId: item.id, rating, comment })
      .then(
        (next) => {
          toast(rating <= 2 ? `${t('mediation.rate.thanks')} ${t('mediation.rate.followUp')}` : t('mediation.rate.thanks'))
          draft.clear()
          onRated(next)
        },
        (err: unknown) => toast(refusalMessage(t, asCloudError(err))),
      )
      .then(() => setBusy(false))
  }
  return (
    <View className="mediation-rate">
      <View className="mediation-strong">{t('mediation.rate.title')}</View>
      <View className="fq-actions">
        {RATINGS.map((value) => (
          <Button key={value} className={`mediation-rate-${value}`} type={rating === value ? 'primary' : 'default'} onClick={() => setRating(value)}>
            {t(`mediation.rate.${value}`)}
          </Button>
        ))}
      </View>
      <TextArea className="mediation-rate-comment" placeholder={t('mediation.rate.comment')} value={comment} maxLength={300} onChange={setComment} />
      <View className="fq-actions">
        <Button className="mediation-rate-submit" type="primary" disabled={rating === null} loading={busy} onClick={submit}>
          {t('mediation.rate.submit')}
        </Button>
      </View>
    </View>
  )
}

export function CaseCard({ item, onChanged }: { item: ResidentCaseView; onChanged: (next: ResidentCaseView) => void }) {
  const t = useMediationT()
  const toast = usePageToast()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const withdraw = () => {
    setBusy(true)
    call(mediationContract, 'withdrawCase', { caseId: item.id })
      .then(
        (next) => {
          toast(t('mediation.withdraw.done'))
          onChanged(next)
        },
        (err: unknown) => toast(refusalMessage(t, asCloudError(err))),
      )
      .then(() => {
        setBusy(false)
        setAsking(false)
      })
  }
  return (
    <SectionCard className={`mediation-case mediation-case-${item.id} ${item.highRisk ? 'is-high-risk' : ''}`} title={t(`mediation.type.${item.type}`)}>
      <View className="fq-tags">
        <View className={`mediation-status is-${item.status}`}>{t(`mediation.status.${item.status}`)}</View>
        <View className="mediation-level">{t(`mediation.level.${item.level}`)}</View>
      </View>
      {item.deadlineAt && item.deadlineKind ? <View className="fq-muted mediation-deadline">{t(`mediation.deadline.${item.deadlineKind}`, { time: formatStationTime(item.deadlineAt) })}</View> : null}
      <View className="fq-text">{item.description}</View>
      {item.sessions.length > 0 ? (
        <View className="mediation-sessions">
          <View className="mediation-strong">{t('mediation.sessions.title')}</View>
          {item.sessions.map((s) => (
            <View key={s.id} className="fq-muted">
              {`${t('mediation.session.line', { time: formatStationTime(s.at), place: s.placeText ?? t(`mediation.place.${s.place}`) })}${s.held ? ` · ${t('mediation.session.held')}` : ''}`}
            </View>
          ))}
        </View>
      ) : null}
      {item.agreement ? (
        <View className="mediation-agreement">
          <View className="mediation-strong">{t('mediation.agreement.title')}</View>
          <View className="fq-text">{item.agreement}</View>
        </View>
      ) : null}
      <View className="mediation-timeline">
        <View className="mediation-strong">{t('mediation.timeline.title')}</View>
        {item.timeline.map((event, i) => (
          <View key={i} className={`mediation-event is-${event.kind}`}>
            <View className="mediation-event-time">{formatStationTime(event.at)}</View>
            <View>{event.kind === 'escalated' ? t('mediation.event.escalatedTo', { level: t(`mediation.level.${event.level}`) }) : t(`mediation.event.${event.kind}`)}</View>
          </View>
        ))}
      </View>
      {item.rating ? <View className="fq-notice mediation-rated">{t('mediation.rate.yours', { label: t(`mediation.rate.${item.rating.value as 1 | 2 | 3 | 4 | 5}`) })}</View> : null}
      {item.ratable ? <RateForm item={item} onRated={onChanged} /> : null}
      {item.withdrawable ? (
        <View className="fq-actions">
          <Button className="mediation-withdraw" onClick={() => setAsking(true)}>
            {t('mediation.withdraw')}
          </Button>
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog className="mediation-withdraw-confirm" title={t('mediation.withdraw.title')} confirmLabel={t('mediation.withdraw')} cancelLabel={t('common.cancel')} busy={busy} onConfirm={withdraw} onCancel={() => setAsking(false)}>
          {t('mediation.withdraw.body')}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}
