// The steps an officer (level 1) or a leader (levels 2–3) can take on a case now, exactly those
// the backend lists as allowed: accept, schedule a session (time, place, participants), record a
// session held with internal notes, record the agreement, record "not settled at this level", close.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { SESSION_PLACES, mediationContract, type SessionPlace, type StaffCaseView } from '../../../core/mediation/contract'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { call } from '../../../services/cloud'
import { useAttemptKey } from '../../../services/request-id'
import { asCloudError } from '../../../services/session'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { caseworkCatalog, useCaseworkT } from './i18n'

type Step = StaffCaseView['allowed'][number]

/** "2026-12-01 10:00" in the station's time (UTC+8) as an instant, or null. */
function stationInstant(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) return null
  const iso = `${match[1]}-${match[2]}-${match[3]}T${match[4].padStart(2, '0')}:${match[5]}:00+08:00`
  return Number.isNaN(Date.parse(iso)) ? null : iso
}

export function CaseActions({ item, onChanged }: { item: StaffCaseView; onChanged: (next: StaffCaseView) => void }) {
  const t = useCaseworkT()
  const toast = usePageToast()
  const [open, setOpen] = useState<Step | null>(null)
  const [busy, setBusy] = useState(false)
  const [text, setText] = useState('')
  const [at, setAt] = useState('')
  const [place, setPlace] = useState<SessionPlace>('pavilion')
  const [placeText, setPlaceText] = useState('')
  const [participants, setParticipants] = useState('')
  const pending = item.sessions.find((s) => s.level === item.level && !s.held)
  const scheduling = useAttemptKey()

  const run = (action: Promise<StaffCaseView>) => {
    setBusy(true)
    action
      .then(
        (next) => {
          toast(t('casework.saved'))
          setOpen(null)
          setText('')
          onChanged(next)
        },
        (err: unknown) => toast(t(errorMessageKeyIn(caseworkCatalog, asCloudError(err), 'casework'))),
      )
      .then(() => setBusy(false))
  }
  const save = () => {
    if (open === 'schedule') {
      const instant = stationInstant(at)
      if (!instant) return toast(t('casework.schedule.badTime'))
      const people = participants.split(/[,\uFF0C\u3001]/).map((p) => p.trim()).filter(Boolean)
      if (people.length === 0) return toast(t('casework.schedule.missingParticipants'))
      const session = { caseId: item.id, at: instant, place, participants: people, ...(placeText.trim() ? { placeText: placeText.trim() } : {}) }
      const scheduled = call(mediationContract, 'scheduleSession', { ...session, requestId: scheduling.keyFor(session) })
      return run(
        scheduled.then((next) => {
          scheduling.settled()
          return next
        }),
      )
    }
    if (open === 'hold' && pending) return run(call(mediationContract, 'holdSession', { caseId: item.id, sessionId: pending.id, notes: text.trim() }))
    if (open === 'settle') {
      if (!text.trim()) return toast(t('casework.agreement.missing'))
      return run(call(mediationContract, 'recordAgreement', { caseId: item.id, text: text.trim() }))
    }
    if (open === 'not_settled') {
      if (!text.trim()) return toast(t('casework.notSettled.missing'))
      return run(call(mediationContract, 'recordNotSettled', { caseId: item.id, reason: text.trim() }))
    }
  }
  const direct = (step: Step) => {
    if (step === 'accept') return run(call(mediationContract, 'acceptCase', { caseId: item.id }))
    if (step === 'close') return run(call(mediationContract, 'closeCase', { caseId: item.id }))
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
          <Input className="casework-schedule-at" placeholder={t('casework.schedule.at')} value={at} maxLength={16} onChange={setAt} />
          <View className="fq-actions">
            {SESSION_PLACES.map((p) => (
              <Button key={p} size="small" className={`casework-place-${p}`} type={place === p ? 'primary' : 'default'} onClick={() => setPlace(p)}>
                {t(`casework.place.${p}`)}
              </Button>
            ))}
          </View>
          <Input className="casework-schedule-place-text" placeholder={t('casework.schedule.placeText')} value={placeText} maxLength={60} onChange={setPlaceText} />
          <Input className="casework-schedule-participants" placeholder={t('casework.schedule.participants')} value={participants} maxLength={300} onChange={setParticipants} />
        </View>
      ) : null}
      {open === 'hold' || open === 'settle' || open === 'not_settled' ? (
        <View className={`casework-form casework-${open}-form`}>
          {open === 'not_settled' ? <View className="fq-muted">{t('casework.notSettled.hint')}</View> : null}
          <TextArea
            className="casework-text"
            placeholder={t(open === 'hold' ? 'casework.hold.notes' : open === 'settle' ? 'casework.agreement.text' : 'casework.notSettled.reason')}
            value={text}
            maxLength={2000}
            onChange={setText}
          />
        </View>
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
