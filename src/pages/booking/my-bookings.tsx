// "My bookings": newest first, each with its code while it holds a place, and a cancel that asks
// first (the place goes to someone else). The suspension banner sits above, with why and until when.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { bookingContract, type BookingAccountStatus, type BookingView } from '../../core/booking/contract'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { localizedName } from '../../i18n/localized-name'
import { call } from '../../services/cloud'
import { asCloudError, useSession } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import { BookingCard } from './booking-card'
import { useBookingT } from './i18n'
import { refusalMessage } from './refusal-message'

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
  return (
    <SectionCard className="booking-mine" title={t('booking.tab.mine')}>
      <View className="fq-muted">{t('booking.mine.upcoming', { count: status.upcoming, max: status.maxActive })}</View>
      {bookings.length === 0 ? <View className="fq-text booking-mine-empty">{t('booking.mine.empty')}</View> : null}
      {bookings.map((booking) => (
        <BookingCard
          key={booking.id}
          booking={booking}
          actions={
            booking.status === 'booked' && Date.parse(booking.changeableUntil) > now ? (
              <Button className="booking-cancel" onClick={() => setAsking(booking)}>
                {t('booking.mine.cancel')}
              </Button>
            ) : null
          }
        />
      ))}
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
