// "My bookings": the coming ones first, soonest on top, then the past ones, most recent first; each with its code while it holds a place, and a cancel that asks
// first (the place goes to someone else). The suspension banner sits above, with why and until when.
import { useState } from 'react'
import type { SlotView } from '../../core/booking/contract'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { bookingContract, type BookingAccountStatus, type BookingView } from '../../core/booking/contract'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { ErrorView, LoadingView } from '../../components/status-views'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { localizedName } from '../../i18n/localized-name'
import { call } from '../../services/cloud'
import { asCloudError, useSession } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import type { Remote } from '../../services/use-remote'
import { BookingCard } from './booking-card'
import { useBookingT } from './i18n'
import { refusalMessage } from './refusal-message'
import { SlotPicker } from './slot-picker'

export function SuspensionBanner({ status }: { status: BookingAccountStatus }) {
  const t = useBookingT()
  if (!status.suspension) return null
  return (
    <SectionCard className="booking-suspended" tone="alarm" title={t('booking.suspended.title')}>
      <View className="fq-text">{t('booking.suspended.body', { count: status.suspension.noShows.length, until: formatStationTime(status.suspension.until) })}</View>
    </SectionCard>
  )
}

export interface MyBookingsProps {
  bookings: BookingView[]
  status: BookingAccountStatus
  onChanged: () => void
}

export function MyBookings({ bookings, status, onChanged }: MyBookingsProps) {
  const t = useBookingT()
  const toast = usePageToast()
  const { language } = useSession()
  const [asking, setAsking] = useState<BookingView | null>(null)
  const [busy, setBusy] = useState(false)

  // Rescheduling keeps the service and the counter; the backend keeps the booking id and its code.
  const [moving, setMoving] = useState<BookingView | null>(null)
  const [slots, setSlots] = useState<Remote<SlotView[]>>({ status: 'loading' })
  const loadSlots = (booking: BookingView) => {
    setSlots({ status: 'loading' })
    call(bookingContract, 'listSlots', { serviceId: booking.service.id, counterId: booking.counter.id }).then(
      (data) => setSlots({ status: 'ready', data: data.slots.filter((s) => s.id !== booking.slot.id) }),
      (err: unknown) => setSlots({ status: 'error', error: asCloudError(err) }),
    )
  }
  const startMoving = (booking: BookingView) => {
    setMoving(booking)
    loadSlots(booking)
  }
  // A tap on a time only proposes the move; the booking moves after the resident confirms it.
  const [moveTarget, setMoveTarget] = useState<SlotView | null>(null)
  const moveTo = (booking: BookingView, slot: SlotView) => {
    setBusy(true)
    call(bookingContract, 'reschedule', { bookingId: booking.id, slotId: slot.id })
      .then(
        (moved) => {
          toast(t('booking.mine.rescheduled', { date: moved.slot.localDate, time: moved.slot.localTime }))
          setMoving(null)
          onChanged()
        },
        (err: unknown) => {
          toast(refusalMessage(t, asCloudError(err)))
          loadSlots(booking)
        },
      )
      .then(() => {
        setBusy(false)
        setMoveTarget(null)
      })
  }

  const cancel = (booking: BookingView) => {
    setBusy(true)
    call(bookingContract, 'cancel', { bookingId: booking.id })
      .then(
        () => {
          toast(t('booking.mine.cancelled'))
          onChanged()
        },
        (err: unknown) => toast(refusalMessage(t, asCloudError(err))),
      )
      .then(() => {
        setBusy(false)
        setAsking(null)
      })
  }

  const now = Date.now()
  const upcoming = bookings.filter((b) => Date.parse(b.slot.startsAt) >= now).sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt))
  const past = bookings.filter((b) => Date.parse(b.slot.startsAt) < now).sort((a, b) => b.slot.startsAt.localeCompare(a.slot.startsAt))
  return (
    <SectionCard className="booking-mine" title={t('booking.tab.mine')}>
      <View className="fq-muted">{t('booking.mine.upcoming', { count: status.upcoming, max: status.maxActive })}</View>
      {bookings.length === 0 ? <View className="fq-text booking-mine-empty">{t('booking.mine.empty')}</View> : null}
      {[...upcoming, ...past].map((booking) => (
        <View key={booking.id} className="booking-mine-item">
        <BookingCard
          booking={booking}
          actions={
            booking.status === 'booked' && Date.parse(booking.changeableUntil) > now ? (
              <>
                <Button className="booking-reschedule" onClick={() => (moving?.id === booking.id ? setMoving(null) : startMoving(booking))}>
                  {t('booking.mine.reschedule')}
                </Button>
                <Button className="booking-cancel" onClick={() => setAsking(booking)}>
                  {t('booking.mine.cancel')}
                </Button>
              </>
            ) : null
          }
        />
        {moving?.id === booking.id ? (
          // Right under the booking being moved, so the resident sees what they are changing.
          <View className="booking-reschedule-picker">
            <View className="booking-strong">{t('booking.mine.rescheduleTitle')}</View>
            {slots.status === 'loading' ? <LoadingView /> : null}
            {slots.status === 'error' ? <ErrorView error={slots.error} onRetry={() => loadSlots(booking)} /> : null}
            {slots.status === 'ready' ? (
              <SlotPicker slots={slots.data} chosenId={moveTarget?.id ?? null} onChoose={setMoveTarget} counterName={() => localizedName(booking.counter.name, language)} />
            ) : null}
          </View>
        ) : null}
        </View>
      ))}
      {moving && moveTarget ? (
        <ConfirmDialog
          className="booking-reschedule-confirm"
          title={t('booking.mine.rescheduleConfirmTitle')}
          confirmLabel={t('common.confirm')}
          cancelLabel={t('common.back')}
          busy={busy}
          onConfirm={() => moveTo(moving, moveTarget)}
          onCancel={() => setMoveTarget(null)}
        >
          {t('booking.mine.rescheduleConfirmBody', { service: localizedName(moving.service.name, language), from: `${moving.slot.localDate} ${moving.slot.localTime}`, to: `${moveTarget.localDate} ${moveTarget.localTime}` })}
        </ConfirmDialog>
      ) : null}
      {asking ? (
        <ConfirmDialog
          className="booking-cancel-confirm"
          title={t('booking.mine.cancelTitle')}
          confirmLabel={t('common.confirm')}
          cancelLabel={t('common.back')}
          busy={busy}
          onConfirm={() => cancel(asking)}
          onCancel={() => setAsking(null)}
        >
          {t('booking.mine.cancelBody', { service: localizedName(asking.service.name, language), date: asking.slot.localDate, time: asking.slot.localTime })}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}
