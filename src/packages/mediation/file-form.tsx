// Filing a dispute. The first question is whether anyone is in danger now: "yes" shows the 110
// call first (a police app owes that before any form), and the form stays available after it.
// The applicant's contact goes to the officers only; the screen says so beside the fields.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { DEFAULT_MEDIATION_CONFIG } from '../../core/mediation/config'
import { DISPUTE_TYPES, mediationContract, type DisputeType, type ResidentCaseView } from '../../core/mediation/contract'
import { EmergencyCall } from '../../components/emergency-call'
import { SectionCard } from '../../components/section-card'
import { formatStationTime } from '../../services/station-time'
import * as z from 'zod'
import { QueuedNotice } from '../../components/offline-state'
import { useFormDraft } from '../../services/drafts'
import { refusalOf, submitOrQueue, useQueued } from '../../services/outbox'
import { asCloudError, useSession } from '../../services/session'
import { newRequestId } from '../../services/request-id'
import { askForMessages } from '../../services/subscribe-messages'
import { useMediationT } from './i18n'
import { refusalMessage } from './refusal-message'

const MOBILE = /^1[3-9]\d{9}$/

const FILE_DRAFT = 'mediation.file'
/** The filing form as kept on the device, the danger answer included (docs/offline.md). */
const FileDraft = z.object({
  danger: z.boolean().nullable(),
  type: z.enum(DISPUTE_TYPES).nullable(),
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
  const [type, setType] = useState<DisputeType | null>(null)
  const [description, setDescription] = useState('')
  const [name, setName] = useState(defaultName)
  const [phone, setPhone] = useState('')
  const [otherName, setOtherName] = useState('')
  const [otherPhone, setOtherPhone] = useState('')
  const [address, setAddress] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [filed, setFiled] = useState<ResidentCaseView | null>(null)
  // One attempt, one key: a retry after a lost answer reuses it; any change starts a new attempt.
  const requestId = useRef<string | null>(null)
  const newAttempt = () => {
    requestId.current = null
    setProblem(null)
  }
  const edit = (setter: (value: string) => void) => (value: string) => {
    setter(value)
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
    newAttempt()
  }

  const submit = () => {
    if (danger === null) return
    if (!type) return setProblem(t('mediation.form.missingType'))
    if (!description.trim()) return setProblem(t('mediation.form.missingDescription'))
    if (!name.trim()) return setProblem(t('mediation.form.missingName'))
    if (!MOBILE.test(phone.trim())) return setProblem(t('mediation.form.badPhone'))
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
          <Button className="mediation-danger-yes" type={danger === true ? 'danger' : 'default'} onClick={() => setDanger(true)}>
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
          <View className="mediation-strong">{t('mediation.form.type')}</View>
          <View className="fq-actions">
            {DISPUTE_TYPES.map((x) => (
              <Button key={x} className={`mediation-type-${x}`} type={type === x ? 'primary' : 'default'} onClick={() => chooseType(x)}>
                {t(`mediation.type.${x}`)}
              </Button>
            ))}
          </View>
          <TextArea className="mediation-description" placeholder={t('mediation.form.description')} value={description} maxLength={1000} onChange={edit(setDescription)} />
          <Input className="mediation-name" placeholder={t('mediation.form.name')} value={name} maxLength={32} onChange={edit(setName)} />
          <Input className="mediation-phone" type="number" placeholder={t('mediation.form.phone')} value={phone} maxLength={11} onChange={edit(setPhone)} />
          <View className="fq-muted mediation-privacy">{t('mediation.form.privacy')}</View>
          <Input className="mediation-other-name" placeholder={t('mediation.form.otherParty')} value={otherName} maxLength={32} onChange={edit(setOtherName)} />
          <Input className="mediation-other-phone" type="number" placeholder={t('mediation.form.otherPhone')} value={otherPhone} maxLength={11} onChange={edit(setOtherPhone)} />
          <Input className="mediation-address" placeholder={t('mediation.form.address')} value={address} maxLength={200} onChange={edit(setAddress)} />
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
