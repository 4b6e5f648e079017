// Filing one request of a chosen kind: the kind's own fields (a topic, what is reported, how the
// fraudster made contact…), the text, up to three photos, an optional position, and for a tip-off
// the choice to stay anonymous, explained. Every field has its label, its required mark and an
// error that names it; the backend's field issues land on the same fields. One requestId per
// attempt: a retry after a lost answer files once.
import { useRef, useState } from 'react'
import * as z from 'zod/mini'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CONSULTATION_TOPICS, FRAUD_CHANNELS, HELP_TOPICS, KIND_RULES, MAX_PHOTOS, TIP_OFF_SUBJECTS, type RequestDetails, type RequestKind } from '../../../core/requests/kinds'
import { MAX_TEXT, requestsContract, type ResidentRequestView } from '../../../core/requests/contract'
import { DEFAULT_REQUESTS_CONFIG } from '../../../core/requests/config'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import type { CloudCallError } from '../../../services/cloud'
import { QueuedNotice } from '../../../components/offline-state'
import { useFormDraft } from '../../../services/drafts'
import { newRequestId } from '../../../services/request-id'
import { asCloudError, useSession } from '../../../services/session'
import { askForMessages } from '../../../services/subscribe-messages'
import { keepFollowKey } from '../../../services/follow-keys'
import { refusalOf, submitOrQueue, useQueued } from '../../../services/outbox'
import { newFollowSecret } from '../follow-secrets'
import { useRequestsT } from '../i18n'
import { refusalMessage } from '../refusal-message'
import { ChoiceField } from './choice-field'
import { Field } from './field'
import { PhotoField, type UploadedPhoto } from './photo-field'
import { PositionField, type ChosenPosition } from './position-field'
import { TextInput } from './text-input'

const MAX_NAME = 32
const MAX_ACCOUNT = 64
const MAX_LINK = 500
const PHONE = /^[0-9+\-() ]{5,24}$/
const FRAUD_NUMBER = /^[0-9+\-() ]{3,24}$/
const LINK = /^https?:\/\/\S+$/
const YES_NO = ['yes', 'no'] as const

type FormField =
  | 'topic'
  | 'subject'
  | 'channel'
  | 'number'
  | 'account'
  | 'link'
  | 'moneyLost'
  | 'amount'
  | 'type'
  | 'text'
  | 'name'
  | 'phone'
type Errors = Partial<Record<FormField, string>>

/** The form's state for every kind; each kind reads the part it needs. */
type TipOffSubject = (typeof TIP_OFF_SUBJECTS)[number]
type FraudChannel = (typeof FRAUD_CHANNELS)[number]

interface Draft {
  topic: string | null
  subject: TipOffSubject | null
  ongoing: boolean
  channel: FraudChannel | null
  number: string
  account: string
  link: string
  moneyLost: 'yes' | 'no' | null
  amount: string
  complaintType: 'complaint' | 'suggestion' | null
  aboutOfficer: boolean
  text: string
  anonymous: boolean
  name: string
  phone: string
}

const emptyDraft = (name: string): Draft => ({
  topic: null,
  subject: null,
  ongoing: false,
  channel: null,
  number: '',
  account: '',
  link: '',
  moneyLost: null,
  amount: '',
  complaintType: null,
  aboutOfficer: false,
  text: '',
  anonymous: false,
  name,
  phone: '',
})

/** A stored draft's shape: it may come from an older app, so each field is checked when restored. */
const StoredDraft = z.partial(z.object({
    topic: z.nullable(z.string()),
    subject: z.nullable(z.enum(TIP_OFF_SUBJECTS)),
    ongoing: z.boolean(),
    channel: z.nullable(z.enum(FRAUD_CHANNELS)),
    number: z.string(),
    account: z.string(),
    link: z.string(),
    moneyLost: z.nullable(z.enum(['yes', 'no'])),
    amount: z.string(),
    complaintType: z.nullable(z.enum(['complaint', 'suggestion'])),
    aboutOfficer: z.boolean(),
    text: z.string(),
    anonymous: z.boolean(),
    name: z.string(),
    phone: z.string(),
  }))

/** The backend's field paths (`details.topic`, `contact.phone`…) onto the form's fields. */
function fieldOfIssue(path: ReadonlyArray<string | number>): FormField | null {
  const [head, next] = path
  if (head === 'text') return 'text'
  if (head === 'contact') return next === 'name' ? 'name' : 'phone'
  if (head !== 'details') return null
  const map: Record<string, FormField> = { topic: 'topic', subject: 'subject', channel: 'channel', number: 'number', account: 'account', link: 'link', moneyLost: 'moneyLost', amountYuan: 'amount', type: 'type' }
  return typeof next === 'string' ? (map[next] ?? null) : null
}

export interface RequestFormProps {
  kind: RequestKind
  /** The help form's first answer ("is anyone in danger now?"). */
  dangerNow: boolean
  defaultName: string
  onFiled: (filed: ResidentRequestView) => void
}

export function RequestForm({ kind, dangerNow, defaultName, onFiled }: RequestFormProps) {
  const t = useRequestsT()
  const toast = usePageToast()
  const { language } = useSession()
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(defaultName))
  const [photos, setPhotos] = useState<UploadedPhoto[]>([])
  const [position, setPosition] = useState<ChosenPosition | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  // One attempt, one key (and for an anonymous filing one secret): a retry after a lost answer
  // reuses them; any change starts a new attempt.
  const attempt = useRef<{ requestId: string; followSecret?: string } | null>(null)
  // What was typed stays on the device (a week at most, see services/drafts.ts) per kind; photos and
  // the position are not kept: a picture is re-checked once uploaded, a position is picked again.
  const draftKey = `requests.file.${kind}`
  const kept = useFormDraft(draftKey, draft, {
    restore: (stored) => {
      const parsed = StoredDraft.safeParse(stored)
      if (parsed.success) setDraft((d) => ({ ...d, ...parsed.data }))
    },
  })
  // Filed without a connection, it waits in the outbox (我的 › 等待发送) with its requestId, and is
  // sent once the network returns; then the form starts over, and a refusal is said here.
  const waiting = useQueued(draftKey, (entry) => {
    if (entry.state === 'sent') {
      attempt.current = null
      setDraft(emptyDraft(defaultName))
      setPhotos([])
      setPosition(null)
      toast(t('rq.submit.sentLater'))
    } else if (entry.state === 'refused') {
      attempt.current = null
      serverRefused(refusalOf(entry))
    }
  })
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    attempt.current = null
    setErrors({})
  }
  const rule = KIND_RULES[kind]
  const missing = (label: string) => t('rq.field.missing', { field: label })
  const tooLong = (label: string, value: string, max: number) => (value.length > max ? t('rq.field.tooLong', { field: label, max, count: value.length }) : null)

  const textLabel = t(`rq.text.${kind}`)

  function check(): { details: RequestDetails; errors: Errors } {
    const e: Errors = {}
    const text = draft.text.trim()
    if (!text) e.text = missing(textLabel)
    else e.text = tooLong(textLabel, text, MAX_TEXT) ?? undefined
    if (!draft.anonymous) {
      if (draft.phone.trim() && !PHONE.test(draft.phone.trim())) e.phone = t('rq.phone.bad')
      const nameTooLong = tooLong(t('rq.contact.name'), draft.name.trim(), MAX_NAME)
      if (nameTooLong) e.name = nameTooLong
    }
    let details: RequestDetails
    switch (kind) {
      case 'consultation':
        if (!draft.topic) e.topic = missing(t('rq.topic'))
        details = { kind, topic: (draft.topic ?? 'other') as (typeof CONSULTATION_TOPICS)[number] }
        break
      case 'help':
        if (!draft.topic) e.topic = missing(t('rq.topic'))
        details = { kind, topic: (draft.topic ?? 'other') as (typeof HELP_TOPICS)[number], dangerNow }
        break
      case 'tip_off':
        if (!draft.subject) e.subject = missing(t('rq.subject'))
        details = { kind, subject: draft.subject ?? 'other', ongoing: draft.ongoing }
        break
      case 'fraud_report': {
        if (!draft.channel) e.channel = missing(t('rq.channel'))
        if (draft.moneyLost === null) e.moneyLost = missing(t('rq.fraud.moneyLost'))
        const number = draft.number.trim()
        const account = draft.account.trim()
        const link = draft.link.trim()
        if (number && !FRAUD_NUMBER.test(number)) e.number = t('rq.fraud.badNumber')
        if (account.length > MAX_ACCOUNT) e.account = tooLong(t('rq.fraud.account'), account, MAX_ACCOUNT) ?? undefined
        if (link && (!LINK.test(link) || link.length > MAX_LINK)) e.link = t('rq.fraud.badLink')
        // The contract asks for something to act on, unless the contact came by a QR code (its picture) or otherwise.
        if (!number && !account && !link && draft.channel !== 'qr_code' && draft.channel !== 'other') e.number = t('rq.fraud.atLeastOne')
        const amount = Number(draft.amount)
        if (draft.moneyLost === 'yes' && draft.amount.trim() && !(amount >= 0)) e.amount = missing(t('rq.fraud.amount'))
        details = {
          kind,
          channel: draft.channel ?? 'other',
          moneyLost: draft.moneyLost === 'yes',
          ...(number ? { number } : {}),
          ...(account ? { account } : {}),
          ...(link ? { link } : {}),
          ...(draft.moneyLost === 'yes' && draft.amount.trim() && amount >= 0 ? { amountYuan: amount } : {}),
        }
        break
      }
      case 'complaint':
        if (!draft.complaintType) e.type = missing(t('rq.complaint.type'))
        details = { kind, type: draft.complaintType ?? 'complaint', aboutOfficer: draft.complaintType !== 'suggestion' && draft.aboutOfficer }
        break
    }
    for (const key of Object.keys(e) as FormField[]) if (!e[key]) delete e[key]
    return { details, errors: e }
  }

  const serverRefused = (error: CloudCallError) => {
    const fields: Errors = {}
    for (const issue of error.issues ?? []) {
      const field = fieldOfIssue(issue.path)
      if (field && !fields[field]) fields[field] = issue.message
    }
    if (Object.keys(fields).length > 0) {
      setErrors(fields)
      toast(t('rq.submit.fix'))
    } else toast(refusalMessage(t, error))
  }

  const submit = () => {
    const { details, errors: found } = check()
    setErrors(found)
    if (Object.keys(found).length > 0) return toast(t('rq.submit.fix'))
    setBusy(true)
    const anonymous = rule.anonymousAllowed && draft.anonymous
    const ready = attempt.current
      ? Promise.resolve(attempt.current)
      : (anonymous ? newFollowSecret() : Promise.resolve(undefined)).then((followSecret) => (attempt.current = { requestId: newRequestId(), ...(followSecret ? { followSecret } : {}) }))
    // WeChat asks once whether the station may message the answer (weapp only; declining never stops the filing).
    Promise.all([ready, anonymous ? undefined : askForMessages([DEFAULT_REQUESTS_CONFIG.messages.answered])])
      .then(([{ requestId, followSecret }]) => {
        const name = draft.name.trim()
        const phone = draft.phone.trim()
        const input = {
          requestId,
          details,
          text: draft.text.trim(),
          photos: photos.map((p) => p.fileID),
          ...(position ? { location: { lng: position.lng, lat: position.lat } } : {}),
          ...(position?.name ? { addressText: position.name.slice(0, 200) } : {}),
          language,
          anonymous,
          ...(followSecret ? { followSecret } : {}),
          ...(!anonymous && (name || phone) ? { contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
        }
        return submitOrQueue(requestsContract, 'submit', input, { kind: 'request', draftKey }).then((submitted) => {
          // Queued: the attempt's key and secret stay, the outbox sends them and keeps the way back.
          if (submitted.status === 'queued') return
          const filed = submitted.data
          if (followSecret) keepFollowKey({ id: filed.id, followSecret })
          attempt.current = null
          kept.clear()
          onFiled(filed)
        })
      })
      .catch((err: unknown) => {
        const error = asCloudError(err)
        // INTERNAL may be a lost answer: keep the key so pressing again cannot file twice; the
        // backend answers a repeated requestId with the first filing. (No connection queues, above.)
        if (error.code !== 'INTERNAL') attempt.current = null
        serverRefused(error)
      })
      .then(() => setBusy(false))
  }

  return (
    <SectionCard className={`rq-form rq-form-${kind}`} title={t(`rq.kind.${kind}`)}>
      {kind === 'consultation' || kind === 'help' ? (
        <ChoiceField
          className="rq-topic"
          label={t('rq.topic')}
          required
          options={kind === 'consultation' ? CONSULTATION_TOPICS : HELP_TOPICS}
          labelOf={(x) => t(`rq.topic.${kind}.${x}` as 'rq.topic.help.other')}
          value={draft.topic}
          onChange={(x) => set('topic', x)}
          error={errors.topic}
        />
      ) : null}
      {kind === 'tip_off' ? (
        <>
          <ChoiceField className="rq-subject" label={t('rq.subject')} required options={TIP_OFF_SUBJECTS} labelOf={(x) => t(`rq.subject.${x}`)} value={draft.subject} onChange={(x) => set('subject', x)} error={errors.subject} />
          <ChoiceField
            className="rq-ongoing"
            label={t('rq.tipoff.ongoing')}
            required={false}
            hint={t('rq.tipoff.ongoingHint')}
            options={YES_NO}
            labelOf={(x) => t(x === 'yes' ? 'rq.yes' : 'rq.no')}
            value={draft.ongoing ? 'yes' : 'no'}
            onChange={(x) => set('ongoing', x === 'yes')}
          />
        </>
      ) : null}
      {kind === 'fraud_report' ? (
        <>
          <ChoiceField className="rq-channel" label={t('rq.channel')} required options={FRAUD_CHANNELS} labelOf={(x) => t(`rq.channel.${x}`)} value={draft.channel} onChange={(x) => set('channel', x)} error={errors.channel} />
          <Field className="rq-field-number" label={t('rq.fraud.number')} required={false} error={errors.number}>
            <TextInput className="rq-number" value={draft.number} max={24} onChange={(x) => set('number', x)} />
          </Field>
          <Field className="rq-field-account" label={t('rq.fraud.account')} required={false} counter={{ length: draft.account.length, max: MAX_ACCOUNT }} error={errors.account}>
            <TextInput className="rq-account" value={draft.account} max={MAX_ACCOUNT} onChange={(x) => set('account', x)} />
          </Field>
          <Field className="rq-field-link" label={t('rq.fraud.link')} required={false} error={errors.link}>
            <TextInput className="rq-link" value={draft.link} max={MAX_LINK} onChange={(x) => set('link', x)} />
          </Field>
          <View className="fq-muted rq-fraud-qr">{t('rq.fraud.qrHint')}</View>
          <ChoiceField
            className="rq-money-lost"
            label={t('rq.fraud.moneyLost')}
            required
            options={YES_NO}
            labelOf={(x) => t(x === 'yes' ? 'rq.fraud.moneyLost.yes' : 'rq.fraud.moneyLost.no')}
            value={draft.moneyLost}
            onChange={(x) => set('moneyLost', x)}
            error={errors.moneyLost}
          />
          {draft.moneyLost === 'yes' ? (
            <Field className="rq-field-amount" label={t('rq.fraud.amount')} required={false} error={errors.amount}>
              <TextInput className="rq-amount" value={draft.amount} max={12} numeric onChange={(x) => set('amount', x)} />
            </Field>
          ) : null}
        </>
      ) : null}
      {kind === 'complaint' ? (
        <>
          <ChoiceField
            className="rq-complaint-type"
            label={t('rq.complaint.type')}
            required
            options={['complaint', 'suggestion'] as const}
            labelOf={(x) => t(`rq.complaint.type.${x}`)}
            value={draft.complaintType}
            onChange={(x) => set('complaintType', x)}
            error={errors.type}
          />
          {draft.complaintType === 'complaint' ? (
            <ChoiceField
              className="rq-about-officer"
              label={t('rq.complaint.aboutOfficer')}
              required={false}
              hint={t('rq.complaint.officerHint')}
              options={YES_NO}
              labelOf={(x) => t(x === 'yes' ? 'rq.yes' : 'rq.no')}
              value={draft.aboutOfficer ? 'yes' : 'no'}
              onChange={(x) => set('aboutOfficer', x === 'yes')}
            />
          ) : null}
        </>
      ) : null}

      <Field className="rq-field-text" label={textLabel} required hint={t(`rq.text.${kind}.hint`)} counter={{ length: draft.text.length, max: MAX_TEXT }} error={errors.text}>
        <TextInput className="rq-text" value={draft.text} max={MAX_TEXT} multiline onChange={(x) => set('text', x)} />
      </Field>
      <PhotoField photos={photos} max={MAX_PHOTOS} onChange={setPhotos} hint={kind === 'fraud_report' ? `${t('rq.fraud.qrHint')} ${t('rq.photos.hint')}` : undefined} />
      <PositionField value={position} onChange={setPosition} />

      {rule.anonymousAllowed ? (
        <Field className="rq-field-anonymous" label={t('rq.anon.title')} required>
          {([false, true] as const).map((anonymous) => (
            <View key={String(anonymous)} className={`rq-choice rq-anonymous-${anonymous ? 'yes' : 'no'} ${draft.anonymous === anonymous ? 'is-chosen' : ''}`} onClick={() => set('anonymous', anonymous)}>
              <View className="rq-choice-name">{t(anonymous ? 'rq.anon.anonymous' : 'rq.anon.named')}</View>
              <View className="fq-muted">{t(anonymous ? 'rq.anon.anonymousBody' : 'rq.anon.namedBody')}</View>
            </View>
          ))}
        </Field>
      ) : null}
      {rule.anonymousAllowed && draft.anonymous ? null : (
        <>
          <Field className="rq-field-name" label={t('rq.contact.name')} required={false} error={errors.name}>
            <TextInput className="rq-name" value={draft.name} max={MAX_NAME} onChange={(x) => set('name', x)} />
          </Field>
          <Field className="rq-field-phone" label={t('rq.phone')} required={false} hint={t('rq.phone.hint')} error={errors.phone}>
            <TextInput className="rq-phone" value={draft.phone} max={24} numeric onChange={(x) => set('phone', x)} />
          </Field>
        </>
      )}
      <View className="fq-muted rq-language">{t('rq.language', { language: t(language === 'mn' ? 'language.name.mn' : 'language.name.zh') })}</View>
      {waiting ? <QueuedNotice /> : null}
      <View className="fq-actions">
        <Button className="rq-submit" type="primary" size="large" loading={busy} disabled={waiting} onClick={submit}>
          {t('rq.submit')}
        </Button>
      </View>
    </SectionCard>
  )
}
