// The household-registration counter desk for officers: check residents in by their
// 6-digit code, today's queue in order of arrival, a day's bookings per counter, closing a counter
// for a day, and the door-to-door requests waiting for them.
import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { bookingContract, type CounterView, type DeskBooking } from '../../../../core/booking/contract'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call } from '../../../../services/cloud'
import { asCloudError, useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { useRemote } from '../../../../services/use-remote'
import { OfflineAsOf } from '../../../../components/offline-state'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { DeskBookingRow } from '../../desk/desk-booking-row'
import { HomeVisitDesk } from '../../desk/home-visit-desk'
import { counterCatalog, useCounterT } from '../../desk/i18n'
import { FindBookings } from '../../privacy/find-bookings'

// The caller's station's counters (bureau staff: every station's, each with its station named).
const loadCounters = () => call(bookingContract, 'listCounters', { desk: true }, { readOnly: true })

/** Today at the station (UTC+8), as YYYY-MM-DD. */
const stationToday = () => formatStationTime(new Date().toISOString()).slice(0, 10)
const shiftDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

function BookingList({ bookings }: { bookings: DeskBooking[] }) {
  const t = useCounterT()
  if (bookings.length === 0) return <View className="fq-muted">{t('desk.queue.empty')}</View>
  return (
    <>
      {bookings.map((booking) => (
        <DeskBookingRow key={booking.id} booking={booking} />
      ))}
    </>
  )
}

function CounterDesk({ counter }: { counter: CounterView }) {
  const t = useCounterT()
  const toast = usePageToast()
  const { language } = useSession()
  const failed = (err: unknown) => toast(t(errorMessageKeyIn(counterCatalog, asCloudError(err))))
  const checkInFailed = (err: unknown) => toast(t(errorMessageKeyIn(counterCatalog, asCloudError(err), 'desk.checkIn')))
  const loadQueue = useCallback(() => call(bookingContract, 'counterQueue', { counterId: counter.id }, { readOnly: true }), [counter.id])
  // The counter's queue stays readable offline, with the time it was loaded.
  const queue = useOfflineRemote(`booking.counterQueue.${counter.id}`, bookingContract.actions.counterQueue.output, loadQueue)
  const [day, setDay] = useState(stationToday)
  const loadDay = useCallback(() => call(bookingContract, 'dayBookings', { counterId: counter.id, date: day }), [counter.id, day])
  const dayBookings = useRemote(loadDay)

  const [code, setCode] = useState('')
  const [checking, setChecking] = useState(false)
  const checkIn = () => {
    const typed = code.trim()
    if (!/^\d{6}$/.test(typed)) return toast(t('desk.checkIn.invalid'))
    setChecking(true)
    call(bookingContract, 'checkIn', { code: typed, counterId: counter.id })
      .then(({ booking, alreadyCheckedIn }) => {
        toast(t(alreadyCheckedIn ? 'desk.checkIn.already' : 'desk.checkIn.done', { name: booking.applicant.name, no: booking.arrivalNo ?? '' }))
        setCode('')
        void queue.reload()
        void dayBookings.reload()
      }, checkInFailed)
      .then(() => setChecking(false))
  }

  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [closing, setClosing] = useState(false)
  const close = () => {
    setClosing(true)
    call(bookingContract, 'closeCounterDay', { counterId: counter.id, date: day, reason: reason.trim() })
      .then((result) => {
        toast(t('desk.close.done', { slots: result.closedSlots, bookings: result.affectedBookings, notified: result.notified }))
        setReason('')
        void queue.reload()
        void dayBookings.reload()
      }, failed)
      .then(() => {
        setClosing(false)
        setConfirming(false)
      })
  }
  const counterName = localizedName(counter.name, language)

  return (
    <>
      <SectionCard className="desk-check-in" title={`${t('desk.checkIn.title')} · ${counterName}`} tone="police">
        <View className="fq-text">{t('desk.checkIn.hint')}</View>
        <View className="fq-horizontal">
          <Input className="desk-code-input" type="number" placeholder={t('desk.checkIn.title')} value={code} maxLength={6} onChange={setCode} onConfirm={checkIn} />
        </View>
        <View className="fq-actions">
          <Button className="desk-check-in-submit" type="primary" loading={checking} onClick={checkIn}>
            {t('desk.checkIn.submit')}
          </Button>
        </View>
      </SectionCard>

      <SectionCard className="desk-queue" title={t('desk.queue.title')}>
        <OfflineAsOf at={queue.asOf} />
        {queue.state.status === 'loading' ? <LoadingView /> : null}
        {queue.state.status === 'error' ? <ErrorView error={queue.state.error} onRetry={() => void queue.reload({ showLoading: true })} /> : null}
        {queue.state.status === 'ready' ? (
          <>
            <View className="community-list-kind">{t('desk.queue.arrived')}</View>
            <View className="desk-queue-arrived">
              <BookingList bookings={queue.state.data.arrived} />
            </View>
            <View className="community-list-kind">{t('desk.queue.expected')}</View>
            <View className="desk-queue-expected">
              <BookingList bookings={queue.state.data.expected} />
            </View>
            {queue.state.data.noShows.length > 0 ? (
              <>
                <View className="community-list-kind">{t('desk.queue.noShows')}</View>
                <BookingList bookings={queue.state.data.noShows} />
              </>
            ) : null}
          </>
        ) : null}
        <View className="fq-actions">
          <Button className="desk-queue-refresh" onClick={() => void queue.reload()}>
            {t('desk.queue.refresh')}
          </Button>
        </View>
      </SectionCard>

      <SectionCard className="desk-day" title={`${t('desk.day.title')} · ${day}`}>
        <View className="fq-actions">
          <Button className="desk-day-prev" onClick={() => setDay((d) => shiftDay(d, -1))}>
            {t('desk.day.prev')}
          </Button>
          <Button className="desk-day-next" onClick={() => setDay((d) => shiftDay(d, 1))}>
            {t('desk.day.next')}
          </Button>
        </View>
        {dayBookings.state.status === 'loading' ? <LoadingView /> : null}
        {dayBookings.state.status === 'error' ? <ErrorView error={dayBookings.state.error} onRetry={() => void dayBookings.reload({ showLoading: true })} /> : null}
        {dayBookings.state.status === 'ready' ? (
          dayBookings.state.data.length === 0 ? <View className="fq-muted">{t('desk.day.empty')}</View> : <BookingList bookings={dayBookings.state.data} />
        ) : null}
      </SectionCard>

      <SectionCard className="desk-close" title={t('desk.close.title')} tone="alarm">
        <View className="fq-text">{t('desk.close.hint')}</View>
        <View className="fq-muted">{t('desk.close.reason')}</View>
        <View className="fq-horizontal">
          <Input className="desk-close-reason" placeholder={t('desk.close.reason')} value={reason} maxLength={100} onChange={setReason} />
        </View>
        <View className="fq-actions">
          <Button className="desk-close-start" onClick={() => (reason.trim() ? setConfirming(true) : toast(t('desk.close.reasonMissing')))}>
            {t('desk.close.action', { date: day })}
          </Button>
        </View>
      </SectionCard>
      {confirming ? (
        <ConfirmDialog
          className="desk-close-confirm"
          title={t('desk.close.confirmTitle', { counter: counterName, date: day })}
          confirmLabel={t('common.confirm')}
          cancelLabel={t('common.cancel')}
          busy={closing}
          onConfirm={close}
          onCancel={() => setConfirming(false)}
        >
          {t('desk.close.confirmBody', { reason: reason.trim() })}
        </ConfirmDialog>
      ) : null}
    </>
  )
}

function DeskScreen() {
  const t = useCounterT()
  const { language } = useSession()
  const counters = useOfflineRemote('booking.deskCounters', bookingContract.actions.listCounters.output, loadCounters)
  const [counterId, setCounterId] = useState<string | null>(null)
  if (counters.state.status === 'loading') return <LoadingView />
  if (counters.state.status === 'error') return <ErrorView error={counters.state.error} onRetry={() => void counters.reload({ showLoading: true })} />
  const list = counters.state.data
  const counter = list.find((c) => c.id === counterId) ?? list[0] ?? null
  const severalStations = new Set(list.map((c) => c.station.id)).size > 1
  return (
    <>
      <SectionCard className="desk-counters" title={t('desk.counter')}>
        <View className="fq-actions">
          {list.map((c) => (
            <Button key={c.id} className={`desk-counter-${c.id}`} type={c.id === counter?.id ? 'primary' : 'default'} onClick={() => setCounterId(c.id)}>
              {severalStations ? `${localizedName(c.name, language)} · ${localizedName(c.station.name, language)}` : localizedName(c.name, language)}
            </Button>
          ))}
        </View>
      </SectionCard>
      {/* A fresh desk per counter: its queue, day and form belong to that counter. */}
      {counter ? <CounterDesk key={counter.id} counter={counter} /> : null}
      <FindBookings />
      <HomeVisitDesk />
    </>
  )
}

export default function DeskPage() {
  const t = useCounterT()
  return (
    <PageShell name="desk" title={t('desk.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{() => <DeskScreen />}</SessionGate>
    </PageShell>
  )
}
