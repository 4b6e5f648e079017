// The desk finds a resident's bookings by phone or ID number, for someone who lost their code:
// the backend matches a keyed hash of the number, so nothing stored is decrypted to search, and
// the bookings found show the phone masked like everywhere else.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { bookingContract, type DeskBooking } from '../../../core/booking/contract'
import { SectionCard } from '../../../components/section-card'
import { call } from '../../../services/cloud'
import { asCloudError } from '../../../services/session'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { DeskBookingRow } from '../desk/desk-booking-row'
import { privacyCatalog, usePrivacyT } from './i18n'

/** An ID number has 18 characters (the last may be X); anything else typed is taken as a phone. */
const looksLikeIdNumber = (text: string) => /^\d{17}[\dXx]$/.test(text.replace(/\s+/g, ''))

export function FindBookings() {
  const t = usePrivacyT()
  const [text, setText] = useState('')
  const [state, setState] = useState<{ status: 'idle' | 'loading' } | { status: 'ready'; bookings: DeskBooking[] } | { status: 'error'; message: string }>({ status: 'idle' })
  const search = () => {
    const value = text.trim()
    if (!value) return
    setState({ status: 'loading' })
    call(bookingContract, 'findBookings', looksLikeIdNumber(value) ? { idNumber: value } : { phone: value }).then(
      (bookings) => setState({ status: 'ready', bookings }),
      (err: unknown) => setState({ status: 'error', message: t(errorMessageKeyIn(privacyCatalog, asCloudError(err), 'find')) }),
    )
  }
  return (
    <SectionCard className="desk-find" title={t('find.title')}>
      <View className="fq-muted">{t('find.hint')}</View>
      <View className="fq-horizontal">
        <Input className="desk-find-input" placeholder={t('find.placeholder')} value={text} maxLength={32} onChange={setText} />
      </View>
      <View className="fq-actions">
        <Button className="desk-find-search" type="primary" disabled={!text.trim()} loading={state.status === 'loading'} onClick={search}>
          {t('find.search')}
        </Button>
      </View>
      {state.status === 'error' ? <View className="fq-field-error desk-find-error">{state.message}</View> : null}
      {state.status === 'ready' && state.bookings.length === 0 ? <View className="fq-muted desk-find-none">{t('find.none')}</View> : null}
      {state.status === 'ready'
        ? state.bookings.map((booking) => (
            // The desk's rows show the slot time of one day; found bookings may be on any day.
            <View key={booking.id} className="desk-find-result">
              <View className="fq-muted desk-find-date">{booking.slot.localDate}</View>
              <DeskBookingRow booking={booking} />
            </View>
          ))
        : null}
    </SectionCard>
  )
}
