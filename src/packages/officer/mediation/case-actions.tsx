// The steps an officer (level 1) or a leader (levels 2–3) can take on a case now, exactly those
// the backend lists as allowed: accept, schedule a session (time, place, participants), record a
// session held with internal notes, record the agreement, record "not settled at this level", close.
import { useState } from 'react'
import * as z from 'zod/mini'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { SESSION_PLACES, mediationContract, type SessionPlace, type StaffCaseView } from '../../../core/mediation/contract'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { DateTimeField } from '../../../components/date-time-field'
import { FormField, textFieldMessage } from '../../../components/form-field'
import { usePageToast } from '../../../components/page-shell'
import { charCount } from '../../../core/text-fields'
import { todayInStation } from '../../../services/station-time'
import { SectionCard } from '../../../components/section-card'
import { call } from '../../../services/cloud'
import { useFormDraft } from '../../../services/drafts'
import { useAttemptKey } from '../../../services/request-id'
import { asCloudError } from '../../../services/session'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { caseworkCatalog, useCaseworkT } from './i18n'

type Step = StaffCaseView['allowed'][number]

/** A date and time picked in the station's calendar (UTC+8, no daylight saving) as an instant. */
const stationInstant = (date: string, time: string) => `${date}T${time}:00+08:00`

/** Limits from the mediation contract, shown as counters. */
const LIMITS = { text: 2000, placeText: 60, participants: 300 } as const
type ScheduleField = 'date' | 'time' | 'participants' | 'placeText'

/** The steps whose one text box (session notes, agreement, reason) is kept on the device per case. */
const TEXT_STEPS = ['hold', 'settle', 'not_settled'] as const
const CaseTextDraft = z.object({ step: z.enum(TEXT_STEPS), text: z.string() })
const isTextStep = (step: Step | null): step is (typeof TEXT_STEPS)[number] => (TEXT_STEPS as readonly string[]).includes(step ?? '')

const splitParticipants = (value: string) => value.split(/[,\uFF0C\u3001]/).map((p) => p.trim()).filter(Boolean)

export function CaseActions({ item, onChanged }: { item: StaffCaseView; onChanged: (next: StaffCaseView) => void }) {
  const t = useCaseworkT()
  const toast = usePageToast()
  const [open, setOpen] = useState<Step | null>(null)
  const [busy, setBusy] = useState(false)
  const [text, setText] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('')
  const [errors, setErrors] = useState<Partial<Record<ScheduleField | 'text', string>>>({})
  const [confirmingClose, setConfirmingClose] = useState(false)
  const [place, setPlace] = useState<SessionPlace>('pavilion')
  const [placeText, setPlaceText] = useState('')
  const [participants, setParticipants] = useState('')
  const pending = item.sessions.find((s) => s.level === item.level && !s.held)
  // What the officer writes about a session or the outcome survives a lost signal or a closed page;
  // it comes back only while that step is still allowed.
  const textDraft = useFormDraft(`casework.text.${item.id}`, isTextStep(open) && text ? { step: open, text } : null, {
    restore: (stored) => {
      const parsed = CaseTextDraft.safeParse(stored)
      if (!parsed.success || !item.allowed.includes(parsed.data.step)) return
      setOpen(parsed.data.step)
      setText(parsed.data.text)
    },
  })
  const scheduling = useAttemptKey()

  const run = (action: Promise<StaffCaseView>) => {
    setBusy(true)
    action
      .then(
        (next) => {
          toast(t('casework.saved'))
          textDraft.clear()
          setOpen(null)
          setText('')
          setErrors({})
          setConfirmingClose(false)
          onChanged(next)
        },
        (err: unknown) => toast(t(errorMessageKeyIn(caseworkCatalog, asCloudError(err), 'casework'))),
      )
      .then(() => setBusy(false))
  }
  const save = () => {
    if (open === 'schedule') {
      // Every missing or wrong field is marked at once, each with its own message.
      const found: Partial<Record<ScheduleField, string>> = {}
      if (!date) found.date = t('form.missing', { field: t('casework.schedule.date') })
      if (!time) found.time = t('form.missing', { field: t('casework.schedule.time') })
      const people = splitParticipants(participants)
      const participantsMessage = people.length === 0 ? t('casework.schedule.missingParticipants') : textFieldMessage(t, t('casework.schedule.participants'), participants, { max: LIMITS.participants })
      if (participantsMessage) found.participants = participantsMessage
      const placeMessage = textFieldMessage(t, t('casework.schedule.placeText'), placeText, { max: LIMITS.placeText })
      if (placeMessage) found.placeText = placeMessage
      setErrors(found)
      if (Object.keys(found).length > 0) return
      const session = { caseId: item.id, at: stationInstant(date, time), place, participants: people, ...(placeText.trim() ? { placeText: placeText.trim() } : {}) }
      const scheduled = call(mediationContract, 'scheduleSession', { ...session, requestId: scheduling.keyFor(session) })
      return run(
        scheduled.then((next) => {
          scheduling.settled()
          return next
        }),
      )
    }
    const textLabel = t(open === 'hold' ? 'casework.hold.notes' : open === 'settle' ? 'casework.agreement.text' : 'casework.notSettled.reason')
    const textMessage = textFieldMessage(t, textLabel, text, { required: open !== 'hold', max: LIMITS.text })
    setErrors(textMessage ? { text: textMessage } : {})
    if (textMessage) return
    if (open === 'hold' && pending) return run(call(mediationContract, 'holdSession', { caseId: item.id, sessionId: pending.id, notes: text.trim() }))
    if (open === 'settle') return run(call(mediationContract, 'recordAgreement', { caseId: item.id, text: text.trim() }))
    if (open === 'not_settled') return run(call(mediationContract, 'recordNotSettled', { caseId: item.id, reason: text.trim() }))
  }
  const direct = (step: Step) => {
    if (step === 'accept') return run(call(mediationContract, 'acceptCase', { caseId: item.id }))
    // Closing ends the case for everyone: it is confirmed first.
    if (step === 'close') return setConfirmingClose(true)
    setErrors({})
    setOpen(open === step ? null : step)
  }

  if (!item.canAct) return <View className="fq-notice casework-read-only">{t('casework.case.readOnly')}</View>
  if (item.allowed.length === 0) return null
  return (
    <SectionCard className="casework-actions" tone="police">
      <View className="fq-actions">
        {item.allowed.map((step) => (
          <Button key={step} className={`casework-action-${step}`} type={open === step ? 'primary' : 'default'} loading={busy && open === null && (step === 'accept' || step === 'close')} onClick={() => direct(step)}>
            {t(`casework.action.${step}`)}
          </Button>
        ))}
      </View>
      {open === 'schedule' ? (
        <View className="casework-form casework-schedule-form">
          <FormField className="casework-field-date" label={t('casework.schedule.date')} required error={errors.date}>
            <DateTimeField className="casework-schedule-date" mode="date" value={date} start={todayInStation()} opensAt={todayInStation(Date.now() + 86_400_000)} onChange={(value) => {
              setDate(value)
              setErrors(({ date: _fixed, ...rest }) => rest)
            }} />
          </FormField>
          <FormField className="casework-field-time" label={t('casework.schedule.time')} required error={errors.time}>
            <DateTimeField className="casework-schedule-time" mode="time" value={time} start="07:00" end="21:00" opensAt="10:00" onChange={(value) => {
              setTime(value)
              setErrors(({ time: _fixed, ...rest }) => rest)
            }} />
          </FormField>
          <FormField className="casework-field-place" label={t('casework.schedule.place')} required>
            <View className="fq-actions">
              {SESSION_PLACES.map((p) => (
                <Button key={p} size="small" className={`casework-place-${p}`} type={place === p ? 'primary' : 'default'} onClick={() => setPlace(p)}>
                  {t(`casework.place.${p}`)}
                </Button>
              ))}
            </View>
          </FormField>
          <FormField className="casework-field-place-text" label={t('casework.schedule.placeText')} error={errors.placeText} count={{ length: charCount(placeText), max: LIMITS.placeText }}>
            <Input className="casework-schedule-place-text" value={placeText} onChange={setPlaceText} />
          </FormField>
          <FormField className="casework-field-participants" label={t('casework.schedule.participants')} hint={t('casework.schedule.participantsHint')} required error={errors.participants} count={{ length: charCount(participants), max: LIMITS.participants }}>
            <Input className="casework-schedule-participants" value={participants} onChange={(value) => {
              setParticipants(value)
              setErrors(({ participants: _fixed, ...rest }) => rest)
            }} />
          </FormField>
        </View>
      ) : null}
      {open === 'hold' || open === 'settle' || open === 'not_settled' ? (
        <View className={`casework-form casework-${open}-form`}>
          {open === 'not_settled' ? <View className="fq-muted">{t('casework.notSettled.hint')}</View> : null}
          <FormField
            className="casework-field-text"
            label={t(open === 'hold' ? 'casework.hold.notes' : open === 'settle' ? 'casework.agreement.text' : 'casework.notSettled.reason')}
            required={open !== 'hold'}
            error={errors.text}
            count={{ length: charCount(text), max: LIMITS.text }}
          >
            <TextArea className="casework-text" value={text} maxLength={-1} rows={5} onChange={(value) => {
              setText(value)
              setErrors({})
            }} />
          </FormField>
        </View>
      ) : null}
      {confirmingClose ? (
        <ConfirmDialog
          className="casework-close-confirm"
          title={t('casework.close.confirmTitle')}
          confirmLabel={t('casework.action.close')}
          cancelLabel={t('common.back')}
          busy={busy}
          onConfirm={() => run(call(mediationContract, 'closeCase', { caseId: item.id }))}
          onCancel={() => setConfirmingClose(false)}
        >
          {t('casework.close.confirmBody')}
        </ConfirmDialog>
      ) : null}
      {open && open !== 'accept' && open !== 'close' ? (
        <View className="fq-actions">
          <Button className="casework-save" type="primary" loading={busy} onClick={save}>
            {t('casework.save')}
          </Button>
        </View>
      ) : null}
    </SectionCard>
  )
}
