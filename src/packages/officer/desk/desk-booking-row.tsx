// One booking as the counter desk lists it: arrival number once checked in, slot time, service,
// applicant (phone and identity number masked; the phone revealed on tap, audited) and status.
import { View } from '@tarojs/components'
import { bookingContract, type DeskBooking } from '../../../core/booking/contract'
import { call } from '../../../services/cloud'
import { RevealPhone } from '../privacy/reveal-phone'
import { localizedName } from '../../../i18n/localized-name'
import { useSession } from '../../../services/session'
import { useCounterT } from './i18n'

export function DeskBookingRow({ booking }: { booking: DeskBooking }) {
  const t = useCounterT()
  const { language } = useSession()
  return (
    <View className={`fq-list-item desk-booking desk-booking-${booking.id} is-${booking.status}`}>
      {booking.arrivalNo !== null ? <View className="desk-arrival">{t('desk.arrival', { no: booking.arrivalNo })}</View> : null}
      <View className="fq-text">
        {t('desk.row', { time: booking.slot.localTime, service: localizedName(booking.service.name, language), name: booking.applicant.name, phone: booking.applicant.phone })}
      </View>
      <View className="fq-muted">
        {t(`desk.status.${booking.status}`)}
        {booking.applicant.idNumberMasked ? ` · ${booking.applicant.idNumberMasked}` : ''}
      </View>
      {booking.applicant.phone ? <RevealPhone className="desk-booking-reveal" reveal={() => call(bookingContract, 'revealBookingContact', { bookingId: booking.id })} /> : null}
    </View>
  )
}
