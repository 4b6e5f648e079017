// The steps staff may take on a request now, and only those (the backend's `allowed`): accept,
// transfer to another officer, hand to a partner unit with a note, record the partner's answer,
// answer the resident in Chinese and optionally Mongolian. Each consequential step asks first.
// A step that lost a race (CONFLICT) or no longer fits (FAILED_PRECONDITION) says so and reloads.
import { useRef, useState } from 'react'
import * as z from 'zod/mini'
import { Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { MAX_ANSWER, requestsContract, type StaffRequestView, type StaffStep } from '../../../core/requests/contract'
import { PARTNER_UNITS, SUGGESTED_PARTNERS, type PartnerUnit } from '../../../core/requests/partners'
import type { OfficerContact } from '../../../core/jurisdiction/contract'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { call } from '../../../services/cloud'
import { useFormDraft } from '../../../services/drafts'
import { asCloudError } from '../../../services/session'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { officerRequestsCatalog, useOfficerRequestsT } from './i18n'

const MAX_TRANSFER_NOTE = 200
const MAX_HANDOFF_NOTE = 500
const MAX_CONTACT = 40

/**
 * What the officer types into a step, kept on the device per request and step so a lost signal or
 * a closed page loses nothing: the answer, the transfer's note and officer, the hand-off's unit,
 * note and contact, the partner's answer. Each is written while its step is open.
 */
const ReplyDraft = z.object({ text: z.string(), textMn: z.string() })
const TransferDraft = z.object({ officerId: z.nullable(z.string()), note: z.string() })
const HandOffDraft = z.object({ partner: z.nullable(z.enum(PARTNER_UNITS)), note: z.string(), contact: z.string() })
const PartnerAnswerDraft = z.object({ text: z.string() })
const draftKeys = (id: string) => ({
  reply: `requests.reply.${id}`,
  transfer: `requests.transfer.${id}`,
  hand_off: `requests.handOff.${id}`,
  partner_answer: `requests.partnerAnswer.${id}`,
})

function StaffField({ className, label, required, hint, value, max, error, onChange }: { className: string; label: string; required: boolean; hint?: string; value: string; max: number; error?: string | null; onChange: (v: string) => void }) {
  const t = useOfficerRequestsT()
  return (
    <View className={`rq-field ${className} ${error ? 'has-error' : ''}`}>
      <View className="rq-field-label">
        <View className="rq-field-name">{label}</View>
        <View className={`rq-field-mark ${required ? 'is-required' : 'is-optional'}`}>{t(required ? 'oq.field.required' : 'oq.field.optional')}</View>
      </View>
      {hint ? <View className="fq-muted">{hint}</View> : null}
      <Textarea className="rq-input rq-textarea fq-horizontal" value={value} maxlength={max + 1} autoHeight onInput={(e) => onChange(e.detail.value)} />
      {value.length >= max * 0.8 ? <View className={`fq-muted rq-field-counter ${value.length > max ? 'is-over' : ''}`}>{`${value.length}/${max}`}</View> : null}
      {error ? <View className="fq-field-error rq-field-error">{error}</View> : null}
    </View>
  )
}

interface StepsProps {
  item: StaffRequestView
  officers: readonly OfficerContact[]
  onChanged: (next: StaffRequestView) => void
  onStale: () => void
}

export function RequestSteps({ item, officers, onChanged, onStale }: StepsProps) {
  const t = useOfficerRequestsT()
  const toast = usePageToast()
  const [open, setOpen] = useState<StaffStep | null>(null)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [officerId, setOfficerId] = useState<string | null>(null)
  const [partner, setPartner] = useState<PartnerUnit | null>(null)
  const [note, setNote] = useState('')
  const [contact, setContact] = useState('')
  const [text, setText] = useState('')
  const [textMn, setTextMn] = useState('')
  // One step's draft comes back, with its step open, and only while that step is still allowed
  // (another officer may have taken the request on meanwhile). The steps share their text fields,
  // so the first stored draft wins; switching steps or cancelling drops the left step's draft.
  const restored = useRef(false)
  const restoreStep = <T,>(step: StaffStep, schema: z.ZodMiniType<T>, apply: (draft: T) => void) => (stored: unknown) => {
    const parsed = schema.safeParse(stored)
    if (restored.current || !parsed.success || !item.allowed.includes(step)) return
    restored.current = true
    setOpen(step)
    apply(parsed.data)
  }
  const keys = draftKeys(item.id)
  const drafts = [
    useFormDraft(keys.transfer, open === 'transfer' ? { officerId, note } : { officerId: null, note: '' }, {
      restore: restoreStep('transfer', TransferDraft, (d) => {
        setOfficerId(d.officerId)
        setNote(d.note)
      }),
    }),
    useFormDraft(keys.hand_off, open === 'hand_off' ? { partner, note, contact } : { partner: null, note: '', contact: '' }, {
      restore: restoreStep('hand_off', HandOffDraft, (d) => {
        setPartner(d.partner)
        setNote(d.note)
        setContact(d.contact)
      }),
    }),
    useFormDraft(keys.partner_answer, open === 'partner_answer' ? { text } : { text: '' }, {
      restore: restoreStep('partner_answer', PartnerAnswerDraft, (d) => setText(d.text)),
    }),
    useFormDraft(keys.reply, open === 'reply' ? { text, textMn } : { text: '', textMn: '' }, {
      restore: restoreStep('reply', ReplyDraft, (d) => {
        setText(d.text)
        setTextMn(d.textMn)
      }),
    }),
  ]

  const choose = (step: StaffStep) => {
    setOpen(step)
    setProblem(null)
    if (step === 'accept') setAsking(true)
  }
  const need = (label: string, value: string, max: number): string | null => {
    if (!value.trim()) return t('oq.field.missing', { field: label })
    if (value.trim().length > max) return t('oq.field.tooLong', { field: label, max, count: value.trim().length })
    return null
  }
  /** Check the open form; ask for confirmation when it is complete. */
  const review = () => {
    let found: string | null = null
    if (open === 'transfer') found = officerId ? need(t('oq.transfer.note'), note, MAX_TRANSFER_NOTE) : t('oq.field.choose', { field: t('oq.transfer.officer') })
    if (open === 'hand_off') found = partner ? need(t('oq.handoff.note'), note, MAX_HANDOFF_NOTE) : t('oq.field.choose', { field: t('oq.handoff.unit') })
    if (open === 'hand_off' && !found && contact.trim().length > MAX_CONTACT) found = t('oq.field.tooLong', { field: t('oq.handoff.contact'), max: MAX_CONTACT, count: contact.trim().length })
    if (open === 'partner_answer') found = need(t('oq.partner.answer'), text, MAX_ANSWER)
    if (open === 'reply') found = need(t('oq.reply.zh'), text, MAX_ANSWER) ?? (textMn.trim().length > MAX_ANSWER ? t('oq.field.tooLong', { field: t('oq.reply.mn'), max: MAX_ANSWER, count: textMn.trim().length }) : null)
    setProblem(found)
    if (!found) setAsking(true)
  }
  const run = () => {
    const id = item.id
    const step =
      open === 'accept'
        ? call(requestsContract, 'accept', { id })
        : open === 'transfer'
          ? call(requestsContract, 'transfer', { id, officerId: officerId ?? '', note: note.trim() })
          : open === 'hand_off'
            ? call(requestsContract, 'handOff', { id, partner: partner ?? 'other', note: note.trim(), ...(contact.trim() ? { contactName: contact.trim() } : {}) })
            : open === 'partner_answer'
              ? call(requestsContract, 'recordPartnerAnswer', { id, text: text.trim() })
              : call(requestsContract, 'reply', { id, text: text.trim(), ...(textMn.trim() ? { textMn: textMn.trim() } : {}) })
    setBusy(true)
    step
      .then(
        (next) => {
          toast(t('oq.done'))
          for (const draft of drafts) draft.clear()
          setOpen(null)
          setNote('')
          setContact('')
          setText('')
          setTextMn('')
          setOfficerId(null)
          setPartner(null)
          onChanged(next)
        },
        (err: unknown) => {
          const error = asCloudError(err)
          const why = error.details?.why === 'content' ? t('oq.why.content') : t(errorMessageKeyIn(officerRequestsCatalog, error, 'oq'))
          toast(why)
          if (error.code === 'CONFLICT' || error.code === 'FAILED_PRECONDITION') {
            setOpen(null)
            onStale()
          } else setProblem(why)
        },
      )
      .then(() => {
        setBusy(false)
        setAsking(false)
      })
  }

  const currentPartner = item.handoffs.length > 0 ? item.handoffs[item.handoffs.length - 1].partner : null
  const suggested = SUGGESTED_PARTNERS[item.kind] ?? []
  const partners = [...suggested, ...PARTNER_UNITS.filter((p) => !suggested.includes(p))]
  const others = officers.filter((o) => o.id !== item.officerId)
  const dialog: Record<StaffStep, { title: string; body: string }> = {
    accept: { title: t('oq.accept.title'), body: t('oq.accept.body') },
    transfer: { title: t('oq.transfer.title', { name: officers.find((o) => o.id === officerId)?.name ?? '' }), body: t('oq.transfer.body') },
    hand_off: { title: t('oq.handoff.title', { unit: partner ? t(`oq.partner.${partner}`) : '' }), body: t('oq.handoff.body') },
    partner_answer: { title: t('oq.partner.title', { unit: currentPartner ? t(`oq.partner.${currentPartner}`) : '' }), body: t('oq.partner.body') },
    reply: { title: t('oq.reply.title'), body: t('oq.reply.body') },
  }

  return (
    <SectionCard className="oq-steps" title={t('oq.steps.title')} tone="police">
      {item.allowed.length === 0 ? <View className="fq-muted oq-steps-none">{t('oq.steps.none')}</View> : null}
      <View className="fq-actions">
        {item.allowed.map((step) => (
          <Button key={step} className={`oq-step-${step}`} type={open === step ? 'primary' : 'default'} onClick={() => choose(step)}>
            {t(`oq.step.${step}`)}
          </Button>
        ))}
      </View>
      {open === 'transfer' ? (
        <View className="oq-form oq-transfer-form">
          <View className="rq-field-label">
            <View className="rq-field-name">{t('oq.transfer.officer')}</View>
            <View className="rq-field-mark is-required">{t('oq.field.required')}</View>
          </View>
          <View className="fq-actions">
            {others.map((o) => (
              <Button key={o.id} className={`oq-transfer-officer oq-transfer-officer-${o.id}`} type={officerId === o.id ? 'primary' : 'default'} onClick={() => setOfficerId(o.id)}>
                {o.name}
              </Button>
            ))}
          </View>
          <StaffField className="oq-transfer-note" label={t('oq.transfer.note')} required value={note} max={MAX_TRANSFER_NOTE} onChange={setNote} />
        </View>
      ) : null}
      {open === 'hand_off' ? (
        <View className="oq-form oq-handoff-form">
          <View className="rq-field-label">
            <View className="rq-field-name">{t('oq.handoff.unit')}</View>
            <View className="rq-field-mark is-required">{t('oq.field.required')}</View>
          </View>
          <View className="fq-actions">
            {partners.map((p) => (
              <Button key={p} className={`oq-partner oq-partner-${p}`} type={partner === p ? 'primary' : 'default'} onClick={() => setPartner(p)}>
                {t(`oq.partner.${p}`)}
              </Button>
            ))}
          </View>
          <StaffField className="oq-handoff-note" label={t('oq.handoff.note')} required hint={t('oq.handoff.noteHint')} value={note} max={MAX_HANDOFF_NOTE} onChange={setNote} />
          <StaffField className="oq-handoff-contact" label={t('oq.handoff.contact')} required={false} value={contact} max={MAX_CONTACT} onChange={setContact} />
        </View>
      ) : null}
      {open === 'partner_answer' ? (
        <View className="oq-form oq-partner-form">
          <StaffField className="oq-partner-answer" label={t('oq.partner.answer')} required value={text} max={MAX_ANSWER} onChange={setText} />
        </View>
      ) : null}
      {open === 'reply' ? (
        <View className="oq-form oq-reply-form">
          {item.language === 'mn' ? <View className="fq-notice oq-reader-mongolian">{t('oq.request.readerMongolian')}</View> : null}
          <StaffField className="oq-reply-zh" label={t('oq.reply.zh')} required value={text} max={MAX_ANSWER} onChange={setText} />
          <StaffField className="oq-reply-mn" label={t('oq.reply.mn')} required={false} hint={t('oq.reply.mnHint')} value={textMn} max={MAX_ANSWER} onChange={setTextMn} />
        </View>
      ) : null}
      {problem ? <View className="fq-field-error oq-problem">{problem}</View> : null}
      {open && open !== 'accept' ? (
        <View className="fq-actions">
          <Button className="oq-save" type="primary" onClick={review}>
            {t(`oq.step.${open}`)}
          </Button>
          <Button className="oq-cancel" onClick={() => setOpen(null)}>
            {t('common.cancel')}
          </Button>
        </View>
      ) : null}
      {asking && open ? (
        <ConfirmDialog className={`oq-confirm oq-confirm-${open}`} title={dialog[open].title} confirmLabel={t(`oq.step.${open}`)} cancelLabel={t('common.cancel')} busy={busy} onConfirm={run} onCancel={() => setAsking(false)}>
          {dialog[open].body}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}
