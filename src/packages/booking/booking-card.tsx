// One booking as the resident shows it at the counter: the 6-digit check-in code in large digits
// (no QR code: no QR library is installed, and the code alone is what the desk types in), when,
// where and for whom, and its status.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { BookingView } from '../../core/booking/contract'
import { localizedName } from '../../i18n/localized-name'
import { useSession } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import { useBookingT } from './i18n'

export interface BookingCardProps {
  booking: BookingView
  actions?: ReactNode
}

export function BookingCard({ booking, actions }: BookingCardProps) {
  const t = useBookingT()
  const { language } = useSession()
  const live = booking.status === 'booked'
  return (
    <View className={`booking-card booking-card-${booking.id} is-${booking.status}`}>
      <View className="fq-option-name booking-card-service">{localizedName(booking.service.name, language)}</View>
      <View className={`booking-status booking-status-${booking.status}`}>{t(`booking.status.${booking.status}`)}</View>
      {booking.code && live ? (
        <View className="booking-code-box">
          <View className="fq-muted">{t('booking.code.label')}</View>
          <View className="booking-code">{booking.code}</View>
          <View className="fq-muted fq-note">{t('booking.code.hint')}</View>
        </View>
      ) : null}
      <View className="fq-text booking-card-when">{t('booking.when', { date: booking.slot.localDate, time: booking.slot.localTime })}</View>
      <View className="fq-text">{t('booking.where', { counter: localizedName(booking.counter.name, language), place: localizedName(booking.counter.place, language) })}</View>
      <View className="fq-muted">{t('booking.for', { name: booking.applicant.name, phone: booking.applicant.phone })}</View>
      {booking.closure ? <View className="fq-notice is-warning">{booking.closure.reason}</View> : null}
      {live ? <View className="fq-muted">{t('booking.changeableUntil', { time: formatStationTime(booking.changeableUntil) })}</View> : null}
      {actions ? <View className="fq-actions">{actions}</View> : null}
    </View>
  )
}
