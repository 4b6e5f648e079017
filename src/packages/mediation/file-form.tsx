// Filing a dispute. The first question is whether anyone is in danger now: "yes" shows the 110
// call first (a police app owes that before any form), and the form stays available after it.
// The applicant's contact goes to the officers only; the screen says so beside the fields.
import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { DEFAULT_MEDIATION_CONFIG } from '../../core/mediation/config'
import { DISPUTE_TYPES, mediationContract, type DisputeType, type ResidentCaseView } from '../../core/mediation/contract'
import { EmergencyCall } from '../../components/emergency-call'
import { FormField, mobileFieldMessage, textFieldMessage } from '../../components/form-field'
import { charCount } from '../../core/text-fields'
import { SectionCard } from '../../components/section-card'
import { formatStationTime } from '../../services/station-time'
import { scrollToSelector } from '../../services/scroll-to'
import * as z from 'zod/mini'
import { QueuedNotice } from '../../components/offline-state'
import { useFormDraft } from '../../services/drafts'
import { refusalOf, submitOrQueue, useQueued } from '../../services/outbox'
import { asCloudError, useSession } from '../../services/session'
import { newRequestId } from '../../services/request-id'
import { askForMessages } from '../../services/subscribe-messages'
import { useMediationT } from './i18n'
import { refusalMessage } from './refusal-message'

const LIMITS = { description: 1000, name: 32, address: 200 } as const
type Field = 'type' | 'description' | 'name' | 'phone' | 'otherName' | 'otherPhone' | 'address'

const FILE_DRAFT = 'mediation.file'
/** The filing form as kept on the device, the danger answer included (docs/offline.md). */
const FileDraft = z.object({
  danger: z.nullable(z.boolean()),
  type: z.nullable(z.enum(DISPUTE_TYPES)),
  description: z.string(),
  name: z.string(),
  phone: z.string(),
  otherName: z.string(),
  otherPhone: z.string(),
  address: z.string(),
})

/** WeChat asks before filing whether the station may message the resident about escalation and the return visit. */
function askForMediationMessages(): Promise<void> {
  const { escalated, returnVisit } = DEFAULT_MEDIATION_CONFIG.messages
  return askForMessages([escalated, returnVisit])
}

export function FileForm({ defaultName, onFiled }: { defaultName: string; onFiled: (filed: ResidentCaseView) => void }) {
  const t = useMediationT()
  const { language } = useSession()
  const [danger, setDanger] = useState<boolean | null>(null)
  // Answering "yes, someone is in danger" brings the 110 button into view once it is shown: in
  // vertical Mongolian the question's own columns can push it past the screen's edge.
  const bringCallIntoView = useRef(false)
  useEffect(() => {
    if (!danger || !bringCallIntoView.current) return
    bringCallIntoView.current = false
    scrollToSelector('#page-mediation .emergency-call-110')
  }, [danger])
  const [type, setType] = useState<DisputeType | null>(null)
  const [description, setDescription] = useState('')
  const [name, setName] = useState(defaultName)
  const [phone, setPhone] = useState('')
  const [otherName, setOtherName] = useState('')
  const [otherPhone, setOtherPhone] = useState('')
  const [address, setAddress] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState(false)
  const [filed, setFiled] = useState<ResidentCaseView | null>(null)
  // One attempt, one key: a retry after a lost answer reuses it; any change starts a new attempt.
  const requestId = useRef<string | null>(null)
  const newAttempt = () => {
    requestId.current = null
    setProblem(null)
  }
  const edit = (field: Field, setter: (value: string) => void) => (value: string) => {
    setter(value)
    setErrors(({ [field]: _fixed, ...rest }) => rest)
    newAttempt()
  }
  const draft = useFormDraft(FILE_DRAFT, { danger, type, description, name, phone, otherName, otherPhone, address }, {
    restore: (stored) => {
      const parsed = FileDraft.safeParse(stored)
      if (!parsed.success) return
      const d = parsed.data
      setDanger(d.danger)
      setType(d.type)
      setDescription(d.description)
      setName(d.name)
      setPhone(d.phone)
      setOtherName(d.otherName)
      setOtherPhone(d.otherPhone)
      setAddress(d.address)
    },
  })
  const startOver = () => {
    setFiled(null)
    setDanger(null)
    setType(null)
    setDescription('')
  }
  // Sent by the outbox: every field empties, so nothing of the filed dispute is kept as a draft.
  const emptyAll = () => {
    startOver()
    setName(defaultName)
    setPhone('')
    setOtherName('')
    setOtherPhone('')
    setAddress('')
  }
  const waiting = useQueued(FILE_DRAFT, (entry) => {
    if (entry.state === 'sent') emptyAll()
    else if (entry.state === 'refused') setProblem(refusalMessage(t, refusalOf(entry)))
  })
  const chooseType = (next: DisputeType) => {
    setType(next)
    setErrors(({ type: _chosen, ...rest }) => rest)
    newAttempt()
  }

  /** Every field's problem at once, so one press of submit marks all of them. */
  const fieldErrors = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string | null>> = {
      type: type ? null : t('mediation.form.missingType'),
      description: textFieldMessage(t, t('mediation.form.descriptionLabel'), description, { required: true, max: LIMITS.description }),
      name: textFieldMessage(t, t('mediation.form.name'), name, { required: true, max: LIMITS.name }),
      phone: mobileFieldMessage(t, t('mediation.form.phone'), phone),
      otherName: textFieldMessage(t, t('mediation.form.otherParty'), otherName, { max: LIMITS.name }),
      otherPhone: mobileFieldMessage(t, t('mediation.form.otherPhone'), otherPhone, false),
      address: textFieldMessage(t, t('mediation.form.address'), address, { max: LIMITS.address }),
    }
    return Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as Partial<Record<Field, string>>
  }

  const submit = () => {
    if (danger === null) return
    const found = fieldErrors()
    setErrors(found)
    const count = Object.keys(found).length
    if (count > 0 || !type) return setProblem(t('form.checkMarked', { count }))
    requestId.current ??= newRequestId()
    const input = {
      requestId: requestId.current,
      type,
      description: description.trim(),
      applicant: { name: name.trim(), phone: phone.trim() },
      ...(otherName.trim() ? { otherParty: { name: otherName.trim(), ...(otherPhone.trim() ? { phone: otherPhone.trim() } : {}) } } : {}),
      ...(address.trim() ? { addressText: address.trim() } : {}),
      language,
      dangerNow: danger,
    }
    setBusy(true)
    askForMediationMessages()
      .then(() => submitOrQueue(mediationContract, 'fileDispute', input, { kind: 'dispute', draftKey: FILE_DRAFT }))
      .then(
        (submitted) => {
          if (submitted.status === 'queued') return
          requestId.current = null
          draft.clear()
          setFiled(submitted.data)
          onFiled(submitted.data)
        },
        (err: unknown) => {
          const error = asCloudError(err)
          // INTERNAL may be a lost answer: keep the key so pressing again cannot file twice.
          if (error.code !== 'INTERNAL') requestId.current = null
          setProblem(refusalMessage(t, error))
        },
      )
      .then(() => setBusy(false))
  }

  if (filed) {
    return (
      <SectionCard className="mediation-filed" title={t('mediation.done.title')} tone="police">
        <View className="fq-text">{t('mediation.done.body', { time: filed.deadlineAt ? formatStationTime(filed.deadlineAt) : '' })}</View>
        {filed.highRisk ? <View className="fq-notice is-warning mediation-filed-high-risk">{t('mediation.done.highRisk')}</View> : null}
        <View className="fq-actions">
          <Button
            className="mediation-file-again"
            onClick={startOver}
          >
            {t('mediation.done.again')}
          </Button>
        </View>
      </SectionCard>
    )
  }

  return (
    <>
      <SectionCard className="mediation-danger" title={t('mediation.danger.question')}>
        <View className="fq-text">{t('mediation.danger.hint')}</View>
        <View className="fq-actions">
          <Button className="mediation-danger-yes" type={danger === true ? 'danger' : 'default'} onClick={() => {
            bringCallIntoView.current = danger !== true
            setDanger(true)
          }}>
            {t('mediation.danger.yes')}
          </Button>
          <Button className="mediation-danger-no" type={danger === false ? 'primary' : 'default'} onClick={() => setDanger(false)}>
            {t('mediation.danger.no')}
          </Button>
        </View>
      </SectionCard>
      {danger ? (
        <>
          <EmergencyCall />
          <View className="fq-notice is-warning mediation-call-first">{t('mediation.danger.callFirst')}</View>
        </>
      ) : null}
      {danger !== null ? (
        <SectionCard className="mediation-form" title={t('mediation.form.title')}>
          <FormField className="mediation-field-type" label={t('mediation.form.type')} required error={errors.type}>
            <View className="fq-actions">
              {DISPUTE_TYPES.map((x) => (
                <Button key={x} className={`mediation-type-${x}`} type={type === x ? 'primary' : 'default'} onClick={() => chooseType(x)}>
                  {t(`mediation.type.${x}`)}
                </Button>
              ))}
            </View>
          </FormField>
          <FormField className="mediation-field-description" label={t('mediation.form.descriptionLabel')} hint={t('mediation.form.description')} required error={errors.description} count={{ length: charCount(description), max: LIMITS.description }}>
            <TextArea className="mediation-description" value={description} maxLength={-1} rows={5} onChange={edit('description', setDescription)} />
          </FormField>
          <FormField className="mediation-field-name" label={t('mediation.form.name')} required error={errors.name}>
            <Input className="mediation-name" value={name} onChange={edit('name', setName)} />
          </FormField>
          <FormField className="mediation-field-phone" label={t('mediation.form.phone')} hint={t('mediation.form.privacy')} required error={errors.phone}>
            <Input className="mediation-phone" type="text" value={phone} onChange={edit('phone', setPhone)} />
          </FormField>
          <FormField className="mediation-field-other-name" label={t('mediation.form.otherParty')} error={errors.otherName}>
            <Input className="mediation-other-name" value={otherName} onChange={edit('otherName', setOtherName)} />
          </FormField>
          <FormField className="mediation-field-other-phone" label={t('mediation.form.otherPhone')} error={errors.otherPhone}>
            <Input className="mediation-other-phone" type="text" value={otherPhone} onChange={edit('otherPhone', setOtherPhone)} />
          </FormField>
          <FormField className="mediation-field-address" label={t('mediation.form.address')} error={errors.address} count={{ length: charCount(address), max: LIMITS.address }}>
            <Input className="mediation-address" value={address} onChange={edit('address', setAddress)} />
          </FormField>
          {problem ? <View className="fq-field-error mediation-error">{problem}</View> : null}
          {waiting ? <QueuedNotice /> : null}
          <View className="fq-actions">
            <Button className="mediation-submit" type="primary" loading={busy} disabled={waiting} onClick={submit}>
              {t('mediation.form.submit')}
            </Button>
          </View>
        </SectionCard>
      ) : null}
    </>
  )
}
