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
import { call } from '../../services/cloud'
import { asCloudError, useSession } from '../../services/session'
import { newRequestId } from '../../services/request-id'
import { askForMessages } from '../../services/subscribe-messages'
import { useMediationT } from './i18n'
import { refusalMessage } from './refusal-message'

const MOBILE = /^1[3-9]\d{9}$/

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
      .then(() => call(mediationContract, 'fileDispute', input))
      .then(
        (next) => {
          requestId.current = null
          setFiled(next)
          onFiled(next)
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
            onClick={() => {
              setFiled(null)
              setDanger(null)
              setType(null)
              setDescription('')
            }}
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
          <View className="fq-actions">
            <Button className="mediation-submit" type="primary" loading={busy} onClick={submit}>
              {t('mediation.form.submit')}
            </Button>
          </View>
        </SectionCard>
      ) : null}
    </>
  )
}
