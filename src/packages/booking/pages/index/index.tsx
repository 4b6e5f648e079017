// Household-registration booking for residents: choose a service from the
// catalog, a counter language, a day and slot with free places, who it is for; book and show the
// 6-digit check-in code. Also "my bookings" (cancel) and door-to-door requests.
// A subpackage of its own: the booking contract's schemas and date rules would push the main
// package past its 600 KB target; only the home's entry button stays in the main package.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { bookingContract, type BookingView, type CounterView, type ServiceView, type SlotView } from '../../../../core/booking/contract'
import { DEFAULT_BOOKING_CONFIG } from '../../../../core/booking/config'
import { countersForLanguage } from '../../../../core/booking/counter'
import { scrollToSelector } from '../../../../services/scroll-to'
import type { Language } from '../../../../core/ids'
import { EmergencyCall } from '../../../../components/emergency-call'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call, type CloudCallError } from '../../../../services/cloud'
import { OfflineAsOf, QueuedNotice } from '../../../../components/offline-state'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { useFormDraft } from '../../../../services/drafts'
import { refusalOf, submitOrQueue, useQueued } from '../../../../services/outbox'
import { asCloudError, useSession } from '../../../../services/session'
import { useRemote, type Remote } from '../../../../services/use-remote'
import { BookingCard } from '../../booking-card'
import { HomeVisitForm, MyHomeVisits } from '../../home-visits'
import { useBookingT } from '../../i18n'
import { MyBookings, SuspensionBanner } from '../../my-bookings'
import { BookingDraft, emptyPerson, keepOnDevice, personErrors, personErrorsFromRefusal, personInput, PersonFields, type PersonDraft, type PersonErrors } from '../../person-fields'
import { refusalMessage } from '../../refusal-message'
import { newRequestId } from '../../../../services/request-id'
import { askForMessages } from '../../../../services/subscribe-messages'
import { ServiceDetail, ServicePicker } from '../../service-picker'
import { CounterPicker } from '../../counter-picker'
import { SlotPicker } from '../../slot-picker'
import '../../booking.css'

const BOOKING_DRAFT = 'booking.book'

type Tab = 'book' | 'mine' | 'home'
const TABS: Tab[] = ['book', 'mine', 'home']

const loadServices = () => call(bookingContract, 'listServices', {}, { readOnly: true })
const loadMine = () => call(bookingContract, 'myBookings', {}, { readOnly: true })
const loadVisits = () => call(bookingContract, 'myHomeVisits', {})

interface NextFree {
  slotId: string
  localDate: string
  localTime: string
  remaining: number
}

/** details.nextFree of a CONFLICT, read defensively: it crossed the network. */
function nextFreeOf(error: CloudCallError): NextFree[] {
  const list = error.details?.nextFree
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return []
    const { slotId, localDate, localTime, remaining } = item as Record<string, unknown>
    return typeof slotId === 'string' && typeof localDate === 'string' && typeof localTime === 'string' && typeof remaining === 'number'
      ? [{ slotId, localDate, localTime, remaining }]
      : []
  })
}

/** WeChat asks before each booking whether the station may send its messages (confirmation, reminder, cancellation). */
function askForBookingMessages(): Promise<void> {
  const { confirmation, reminder, cancellation } = DEFAULT_BOOKING_CONFIG.messages
  return askForMessages([confirmation, reminder, cancellation])
}

interface BookFlowProps {
  profile: Profile
  services: ServiceView[]
  suspended: boolean
  onBooked: () => void
  onHomeVisit: (service: ServiceView) => void
}

function BookFlow({ profile, services, suspended, onBooked, onHomeVisit }: BookFlowProps) {
  const t = useBookingT()
  const { language } = useSession()
  const [service, setService] = useState<ServiceView | null>(null)
  const [counterLanguage, setCounterLanguage] = useState<Language>(language)
  const [slots, setSlots] = useState<Remote<SlotView[]> | null>(null)
  // The counters offered for the language, the resident's own station's first; one is chosen at a time.
  const [counters, setCounters] = useState<CounterView[]>([])
  const [counterId, setCounterId] = useState<string | null>(null)
  const [slot, setSlot] = useState<{ id: string; localDate: string; localTime: string; counterName: string } | null>(null)
  const [person, setPerson] = useState<PersonDraft>(() => emptyPerson(profile.displayName ?? ''))
  const [problem, setProblem] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<PersonErrors>({})
  const [conflict, setConflict] = useState<NextFree[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [booked, setBooked] = useState<BookingView | null>(null)
  // One attempt, one key: reused when the resident retries after a lost answer; a new one as soon
  // as anything in the request changes (the backend refuses a key reused with other content).
  const requestId = useRef<string | null>(null)
  const newAttempt = () => {
    requestId.current = null
    setProblem(null)
  }
  // Kept on the device as typed, without the identity number (docs/offline.md).
  const draft = useFormDraft(BOOKING_DRAFT, { serviceId: service?.id ?? null, counterLanguage, slot, person }, {
    keep: keepOnDevice,
    restore: (stored) => {
      const parsed = BookingDraft.safeParse(stored)
      if (!parsed.success) return
      const restored = services.find((x) => x.id === parsed.data.serviceId)
      setCounterLanguage(parsed.data.counterLanguage)
      setPerson(parsed.data.person)
      if (!restored) return
      setService(restored)
      setSlot(parsed.data.slot)
      loadSlots(restored.id, parsed.data.counterLanguage)
    },
  })
  const waiting = useQueued(BOOKING_DRAFT, (entry) => {
    onBooked()
    if (entry.state === 'sent') {
      // Sent by the outbox: the form starts empty again, as after a booking made online.
      setPerson(emptyPerson(profile.displayName ?? ''))
      restart()
    }
    else if (entry.state === 'refused') setProblem(refusalMessage(t, refusalOf(entry)))
  })

  const counterNames = useRef(new Map<string, { zh: string; mn?: string }>())
  const loadSlots = useCallback((serviceId: string, lang: Language) => {
    setSlots({ status: 'loading' })
    call(bookingContract, 'listSlots', { serviceId, language: lang, days: DEFAULT_BOOKING_CONFIG.windowDays }).then(
      (data) => {
        counterNames.current = new Map(data.counters.map((c) => [c.id, c.name]))
        const offered = countersForLanguage(data.counters.map((c) => ({ ...c, stationId: c.station.id })), lang)
        const ids = new Set(offered.map((c) => c.id))
        setCounters(offered)
        setSlots({ status: 'ready', data: data.slots.filter((slot) => ids.has(slot.counterId)) })
      },
      (err: unknown) => setSlots({ status: 'error', error: asCloudError(err) }),
    )
  }, [])

  const chooseService = (next: ServiceView) => {
    setService(next)
    setSlot(null)
    setConflict(null)
    newAttempt()
    loadSlots(next.id, counterLanguage)
  }
  const chooseLanguage = (next: Language) => {
    setCounterLanguage(next)
    setSlot(null)
    newAttempt()
    if (service) loadSlots(service.id, next)
  }
  const counterName = (counterId: string) => {
    const name = counterNames.current.get(counterId)
    return name ? localizedName(name, language) : ''
  }
  const shownCounter = counters.find((c) => c.id === counterId) ?? counters[0] ?? null
  const chooseCounter = (next: CounterView) => {
    setCounterId(next.id)
    setSlot(null)
    setConflict(null)
    newAttempt()
  }
  const counterSlots = slots?.status === 'ready' ? slots.data.filter((s) => s.counterId === shownCounter?.id) : []
  const chooseSlot = (next: SlotView) => {
    setSlot({ id: next.id, localDate: next.localDate, localTime: next.localTime, counterName: counterName(next.counterId) })
    setConflict(null)
    newAttempt()
  }

  // Once a time is chosen, the applicant form is the next thing to see.
  useEffect(() => {
    if (slot) scrollToSelector('.booking-step-person')
  }, [slot?.id])

  const submit = () => {
    if (!service || !slot) return
    const found = personErrors(t, person)
    setFieldErrors(found)
    const count = Object.keys(found).length
    if (count > 0) return setProblem(t('form.checkMarked', { count }))
    requestId.current ??= newRequestId()
    const input = { slotId: slot.id, serviceId: service.id, applicant: personInput(person), requestId: requestId.current }
    setBusy(true)
    askForBookingMessages()
      .then(() => submitOrQueue(bookingContract, 'book', input, { kind: 'booking', draftKey: BOOKING_DRAFT }))
      .then(
        (submitted) => {
          if (submitted.status === 'queued') return
          requestId.current = null
          draft.clear()
          setBooked(submitted.data)
          onBooked()
        },
        (err: unknown) => {
          const error = asCloudError(err)
          // INTERNAL may be a lost answer: keep the key so pressing again cannot book twice.
          if (error.code !== 'INTERNAL') requestId.current = null
          if (error.code === 'CONFLICT') setConflict(nextFreeOf(error))
          setFieldErrors(personErrorsFromRefusal(t, error, 'applicant'))
          setProblem(refusalMessage(t, error))
          if (service) loadSlots(service.id, counterLanguage)
        },
      )
      .then(() => setBusy(false))
  }

  const restart = () => {
    setBooked(null)
    setService(null)
    setSlot(null)
    setSlots(null)
    setConflict(null)
    newAttempt()
  }

  if (booked) {
    return (
      <SectionCard className="booking-done" title={t('booking.done.title')} tone="police">
        <BookingCard booking={booked} />
        <View className="fq-actions">
          <Button className="booking-again" onClick={restart}>
            {t('booking.again')}
          </Button>
        </View>
      </SectionCard>
    )
  }

  if (!service) {
    return (
      <SectionCard className="booking-step-service" title={t('booking.service.title')}>
        <ServicePicker services={services} onBook={chooseService} onHomeVisit={onHomeVisit} />
      </SectionCard>
    )
  }

  return (
    <>
      <SectionCard className="booking-step-service is-chosen" title={localizedName(service.name, language)}>
        <ServiceDetail service={service} onHomeVisit={service.homeVisit ? () => onHomeVisit(service) : undefined} />
        <View className="fq-actions">
          <Button className="booking-service-change" onClick={restart}>
            {t('booking.service.change')}
          </Button>
        </View>
      </SectionCard>
      <SectionCard className="booking-step-language" title={t('booking.language.title')}>
        <View className="fq-actions">
          {(['mn', 'zh'] as const).map((lang) => (
            <Button key={lang} className={`booking-language-${lang}`} type={counterLanguage === lang ? 'primary' : 'default'} onClick={() => chooseLanguage(lang)}>
              {t(`booking.language.${lang}`)}
            </Button>
          ))}
        </View>
      </SectionCard>
      {slots?.status === 'ready' && counters.length > 0 ? (
        <SectionCard className="booking-step-counter" title={t('booking.counter.title')}>
          <CounterPicker counters={counters} chosenId={shownCounter?.id ?? null} onChoose={chooseCounter} />
        </SectionCard>
      ) : null}
      <SectionCard className="booking-step-slot" title={t('booking.slot.title')}>
        {slots === null || slots.status === 'loading' ? <LoadingView /> : null}
        {slots?.status === 'error' ? <ErrorView error={slots.error} onRetry={() => loadSlots(service.id, counterLanguage)} /> : null}
        {slots?.status === 'ready' && counterSlots.length === 0 ? <View className="fq-text">{t('booking.slot.none', { days: DEFAULT_BOOKING_CONFIG.windowDays })}</View> : null}
        {slots?.status === 'ready' && counterSlots.length > 0 ? (
          <SlotPicker key={shownCounter?.id} slots={counterSlots} chosenId={slot?.id ?? null} onChoose={chooseSlot} counterName={counterName} />
        ) : null}
      </SectionCard>
      {slot ? (
        <SectionCard className="booking-step-person" title={t('booking.form.title')}>
          <View className="fq-notice booking-chosen">{t('booking.slot.chosen', { date: slot.localDate, time: slot.localTime, counter: slot.counterName })}</View>
          <PersonFields
            value={person}
            errors={fieldErrors}
            onChange={(next, edited) => {
              setPerson(next)
              if (edited !== 'relation') setFieldErrors(({ [edited]: _fixed, ...rest }) => rest)
              newAttempt()
            }}
          />
          {problem ? <View className="fq-field-error booking-error">{problem}</View> : null}
          {waiting ? <QueuedNotice /> : null}
          {conflict ? (
            <View className="fq-notice is-warning booking-conflict">
              <View className="booking-strong">{t('booking.conflict.title')}</View>
              <View>{conflict.length > 0 ? t('booking.conflict.body') : t('booking.conflict.none')}</View>
              <View className="fq-actions">
                {conflict.map((free) => (
                  <Button
                    key={free.slotId}
                    className="booking-next-free"
                    onClick={() => {
                      setSlot({ id: free.slotId, localDate: free.localDate, localTime: free.localTime, counterName: slot.counterName })
                      setConflict(null)
                      newAttempt()
                    }}
                  >
                    {`${free.localDate} ${free.localTime} · ${t('booking.slot.free', { count: free.remaining })}`}
                  </Button>
                ))}
              </View>
            </View>
          ) : null}
          <View className="fq-actions">
            <Button className="booking-submit" type="primary" loading={busy} disabled={suspended || waiting} onClick={submit}>
              {t('booking.form.submit')}
            </Button>
          </View>
        </SectionCard>
      ) : null}
    </>
  )
}

function BookingScreen({ profile }: { profile: Profile }) {
  const t = useBookingT()
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(() => (TABS.find((x) => x === params.tab) ?? 'book'))
  // Offline copies: the check-in codes, and the services a restored draft needs (docs/offline.md).
  const services = useOfflineRemote('booking.services', bookingContract.actions.listServices.output, loadServices)
  const mine = useOfflineRemote('booking.mine', bookingContract.actions.myBookings.output, loadMine)
  const visits = useRemote(loadVisits)
  const [homeService, setHomeService] = useState<ServiceView | null>(null)
  const status = mine.state.status === 'ready' ? mine.state.data.status : null

  const openHomeVisit = (service: ServiceView) => {
    setHomeService(service)
    setTab('home')
  }

  return (
    <>
      <View className="fq-actions booking-tabs">
        {TABS.map((x) => (
          <Button key={x} className={`booking-tab-${x}`} type={tab === x ? 'primary' : 'default'} onClick={() => setTab(x)}>
            {t(`booking.tab.${x}`)}
          </Button>
        ))}
      </View>
      {status ? <SuspensionBanner status={status} /> : null}
      {tab === 'book' ? (
        services.state.status === 'loading' ? (
          <LoadingView />
        ) : services.state.status === 'error' ? (
          <ErrorView error={services.state.error} onRetry={() => void services.reload({ showLoading: true })} />
        ) : (
          <BookFlow profile={profile} services={services.state.data} suspended={status?.suspension != null} onBooked={() => void mine.reload()} onHomeVisit={openHomeVisit} />
        )
      ) : null}
      {tab === 'mine' ? (
        mine.state.status === 'loading' ? (
          <LoadingView />
        ) : mine.state.status === 'error' ? (
          <ErrorView error={mine.state.error} onRetry={() => void mine.reload({ showLoading: true })} />
        ) : (
          <>
            <OfflineAsOf at={mine.asOf} />
            <MyBookings bookings={mine.state.data.bookings} status={mine.state.data.status} onChanged={() => void mine.reload()} />
          </>
        )
      ) : null}
      {tab === 'home' ? (
        <>
          {homeService ? (
            <HomeVisitForm
              service={homeService}
              defaultName={profile.displayName ?? ''}
              onSent={() => {
                setHomeService(null)
                void visits.reload()
              }}
            />
          ) : (
            <View className="fq-notice">{t('home.chooseService')}</View>
          )}
          {visits.state.status === 'loading' ? <LoadingView /> : null}
          {visits.state.status === 'error' ? <ErrorView error={visits.state.error} onRetry={() => void visits.reload({ showLoading: true })} /> : null}
          {visits.state.status === 'ready' ? <MyHomeVisits visits={visits.state.data} onChanged={() => void visits.reload()} /> : null}
        </>
      ) : null}
      <EmergencyCall compact />
    </>
  )
}

export default function BookingPage() {
  const t = useBookingT()
  return (
    <PageShell name="booking" title={t('booking.title')}>
      <SessionGate>{(profile) => <BookingScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
