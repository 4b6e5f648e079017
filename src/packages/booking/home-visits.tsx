// Door-to-door service: the request form for a service that can be done at home, and the
// resident's requests with the times the officer proposed, one of which they accept.
import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { DateTimeField } from '../../components/date-time-field'
import { FormField, textFieldMessage } from '../../components/form-field'
import { charCount } from '../../core/text-fields'
import { bookingContract, type HomeVisitView, type ServiceView } from '../../core/booking/contract'
import type { HomeVisitReason } from '../../core/booking/home-visit'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { localizedName } from '../../i18n/localized-name'
import { call } from '../../services/cloud'
import * as z from 'zod/mini'
import { QueuedNotice } from '../../components/offline-state'
import { useFormDraft } from '../../services/drafts'
import { refusalOf, submitOrQueue, useQueued } from '../../services/outbox'
import { asCloudError, useSession } from '../../services/session'
import { formatStationTime, todayInStation } from '../../services/station-time'
import { useBookingT } from './i18n'
import { emptyPerson, keepOnDevice, personErrors, personErrorsFromRefusal, personInput, PersonDraftSchema, PersonFields, type PersonDraft, type PersonErrors } from './person-fields'
import { refusalMessage } from './refusal-message'
import { newRequestId } from '../../services/request-id'

const REASONS = ['age', 'disability', 'illness', 'distance'] as const satisfies readonly HomeVisitReason[]
const LIMITS = { address: 200, note: 200 } as const
type VisitField = 'address' | 'note'

/** The door-to-door request as kept on the device (without the identity number, docs/offline.md). */
const HomeVisitDraft = z.object({ person: PersonDraftSchema, reason: z.enum(REASONS), birthDate: z.string(), address: z.string(), note: z.string() })

export interface HomeVisitFormProps {
  service: ServiceView
  defaultName: string
  onSent: (visit: HomeVisitView) => void
}

export function HomeVisitForm({ service, defaultName, onSent }: HomeVisitFormProps) {
  const t = useBookingT()
  const toast = usePageToast()
  const { language } = useSession()
  const [person, setPerson] = useState<PersonDraft>(() => emptyPerson(defaultName))
  const [reason, setReason] = useState<HomeVisitReason>('age')
  const [birthDate, setBirthDate] = useState('')
  const [address, setAddress] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [personErrs, setPersonErrs] = useState<PersonErrors>({})
  const [visitErrs, setVisitErrs] = useState<Partial<Record<VisitField, string>>>({})
  // One attempt, one key: a retry after a lost answer reuses it; any change starts a new attempt.
  const requestId = useRef<string | null>(null)
  const edit = <T,>(setter: (value: T) => void) => (value: T) => {
    requestId.current = null
    setProblem(null)
    setter(value)
  }

  // One draft per service: the form opens again for the same service.
  const draftKey = `booking.homeVisit.${service.id}`
  const draft = useFormDraft(draftKey, { person, reason, birthDate, address, note }, {
    keep: keepOnDevice,
    restore: (stored) => {
      const parsed = HomeVisitDraft.safeParse(stored)
      if (!parsed.success) return
      setPerson(parsed.data.person)
      setReason(parsed.data.reason)
      setBirthDate(parsed.data.birthDate)
      setAddress(parsed.data.address)
      setNote(parsed.data.note)
    },
  })
  const waiting = useQueued(draftKey, (entry) => {
    if (entry.state === 'refused') setProblem(refusalMessage(t, refusalOf(entry)))
  })

  const submit = () => {
    const foundPerson = personErrors(t, person)
    const foundVisit: Partial<Record<VisitField, string>> = {}
    const addressMessage = textFieldMessage(t, t('home.address'), address, { required: true, max: LIMITS.address })
    if (addressMessage) foundVisit.address = addressMessage
    const noteMessage = textFieldMessage(t, t('home.note'), note, { max: LIMITS.note })
    if (noteMessage) foundVisit.note = noteMessage
    setPersonErrs(foundPerson)
    setVisitErrs(foundVisit)
    const count = Object.keys(foundPerson).length + Object.keys(foundVisit).length
    if (count > 0) return setProblem(t('form.checkMarked', { count }))
    requestId.current ??= newRequestId()
    setBusy(true)
    submitOrQueue(bookingContract, 'requestHomeVisit', {
      requestId: requestId.current,
      serviceId: service.id,
      person: { ...personInput(person), ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}) },
      reason,
      ...(note.trim() ? { note: note.trim() } : {}),
      addressText: address.trim(),
      language,
    }, { kind: 'homeVisit', draftKey })
      .then(
        (submitted) => {
          if (submitted.status === 'queued') return
          const visit = submitted.data
          requestId.current = null
          draft.clear()
          toast(t('home.sent'))
          onSent(visit)
        },
        (err: unknown) => {
          const error = asCloudError(err)
          setPersonErrs(personErrorsFromRefusal(t, error, 'person'))
          setProblem(refusalMessage(t, error))
        },
      )
      .then(() => setBusy(false))
  }

  return (
    <SectionCard className="home-visit-form" title={`${t('home.request.title')} · ${localizedName(service.name, language)}`} tone="police">
      <View className="fq-text">{t('home.request.hint')}</View>
      <View className="fq-muted">{t('home.reason')}</View>
      <View className="fq-actions">
        {REASONS.map((r) => (
          <Button key={r} className={`home-reason-${r}`} type={reason === r ? 'primary' : 'default'} onClick={() => edit(setReason)(r)}>
            {t(`home.reason.${r}`)}
          </Button>
        ))}
      </View>
      <PersonFields
        value={person}
        errors={personErrs}
        onChange={(next, edited) => {
          edit(setPerson)(next)
          if (edited !== 'relation') setPersonErrs(({ [edited]: _fixed, ...rest }) => rest)
        }}
      />
      {reason === 'age' ? (
        <FormField className="home-field-birth-date" label={t('home.birthDate')}>
          <DateTimeField className="home-birth-date" mode="date" value={birthDate} start="1900-01-01" end={todayInStation()} opensAt="1950-01-01" onChange={edit(setBirthDate)} />
        </FormField>
      ) : null}
      <FormField className="home-field-address" label={t('home.address')} required error={visitErrs.address} count={{ length: charCount(address), max: LIMITS.address }}>
        <Input className="home-address" value={address} onChange={(value) => {
          edit(setAddress)(value)
          setVisitErrs(({ address: _fixed, ...rest }) => rest)
        }} />
      </FormField>
      <FormField className="home-field-note" label={t('home.note')} error={visitErrs.note} count={{ length: charCount(note), max: LIMITS.note }}>
        <TextArea className="home-note" value={note} maxLength={-1} rows={3} onChange={(value) => {
          edit(setNote)(value)
          setVisitErrs(({ note: _fixed, ...rest }) => rest)
        }} />
      </FormField>
      {problem ? <View className="fq-field-error home-visit-error">{problem}</View> : null}
      {waiting ? <QueuedNotice /> : null}
      <View className="fq-actions">
        <Button className="home-visit-submit" type="primary" loading={busy} disabled={waiting} onClick={submit}>
          {t('home.submit')}
        </Button>
      </View>
    </SectionCard>
  )
}

export interface MyHomeVisitsProps {
  visits: HomeVisitView[]
  onChanged: (visit: HomeVisitView) => void
}

export function MyHomeVisits({ visits, onChanged }: MyHomeVisitsProps) {
  const t = useBookingT()
  const toast = usePageToast()
  const { language } = useSession()
  const [busyId, setBusyId] = useState<string | null>(null)
  const accept = (visit: HomeVisitView, proposalId: string) => {
    setBusyId(proposalId)
    call(bookingContract, 'acceptHomeVisitTime', { visitId: visit.id, proposalId })
      .then(
        (updated) => {
          toast(t('home.accepted'))
          onChanged(updated)
        },
        (err: unknown) => toast(refusalMessage(t, asCloudError(err))),
      )
      .then(() => setBusyId(null))
  }
  return (
    <SectionCard className="home-visits-mine" title={t('home.mine.title')}>
      {visits.length === 0 ? <View className="fq-text">{t('home.mine.empty')}</View> : null}
      {visits.map((visit) => (
        <View key={visit.id} className={`fq-list-item home-visit home-visit-${visit.id} is-${visit.status}`}>
          <View className="fq-option-name">{localizedName(visit.service.name, language)}</View>
          <View className={`booking-status home-visit-status-${visit.status}`}>{t(`home.status.${visit.status}`)}</View>
          <View className="fq-muted">{t('home.officer', { name: visit.assignee.name })}</View>
          <View className="fq-muted">{visit.addressText}</View>
          {visit.scheduled ? <View className="fq-text home-visit-scheduled">{t('home.scheduled', { time: formatStationTime(visit.scheduled.startsAt) })}</View> : null}
          {visit.status === 'proposed' ? (
            <>
              <View className="fq-text">{t('home.proposals')}</View>
              <View className="fq-actions">
                {visit.proposals.map((p) => (
                  <Button key={p.id} className={`home-visit-accept home-visit-accept-${p.id}`} loading={busyId === p.id} onClick={() => accept(visit, p.id)}>
                    {formatStationTime(p.startsAt)}
                  </Button>
                ))}
              </View>
            </>
          ) : null}
        </View>
      ))}
    </SectionCard>
  )
}
