// Step one: the household-registration catalog. Each entry shows what to bring (a checklist the
// resident can tick off at home), the fee and how long it takes; entries the station no longer
// issues say why and on which rule, and cannot be booked.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ServiceView } from '../../core/booking/contract'
import { localizedName } from '../../i18n/localized-name'
import { useSession } from '../../services/session'
import { useBookingT } from './i18n'

export interface ServiceDetailProps {
  service: ServiceView
  onBook?: () => void
  onHomeVisit?: () => void
}

export function ServiceDetail({ service, onBook, onHomeVisit }: ServiceDetailProps) {
  const t = useBookingT()
  const { language } = useSession()
  const [ticked, setTicked] = useState<number[]>([])
  const toggle = (i: number) => setTicked((now) => (now.includes(i) ? now.filter((x) => x !== i) : [...now, i]))
  if (service.notRequired) {
    return (
      <View className="booking-service-detail">
        <View className="fq-notice is-warning booking-not-required">
          <View className="booking-strong">{t('booking.service.notRequired')}</View>
          <View>{localizedName(service.notRequired.reason, language)}</View>
          <View className="fq-muted">{t('booking.service.basis', { basis: service.notRequired.basis })}</View>
        </View>
      </View>
    )
  }
  const { typicalWorkingDays, statutoryDays } = service.processing
  return (
    <View className="booking-service-detail">
      {service.summary ? <View className="fq-text">{localizedName(service.summary, language)}</View> : null}
      {service.materials.length > 0 ? (
        <View className="booking-materials">
          <View className="fq-muted">{t('booking.service.materials')}</View>
          {service.materials.map((material, i) => (
            <View key={i} className={`booking-material ${ticked.includes(i) ? 'is-ticked' : ''}`} onClick={() => toggle(i)}>
              <View className="booking-tick">{ticked.includes(i) ? '✓' : ''}</View>
              <View>{localizedName(material, language)}</View>
            </View>
          ))}
        </View>
      ) : null}
      <View className="fq-text booking-fee">
        {service.fee.yuan > 0 ? t('booking.service.fee', { yuan: service.fee.yuan }) : t('booking.service.free')}
        {service.fee.note ? ` · ${localizedName(service.fee.note, language)}` : ''}
      </View>
      <View className="fq-text booking-processing">
        {typicalWorkingDays === 0 ? t('booking.service.sameDay') : t('booking.service.days', { days: typicalWorkingDays })}
        {statutoryDays !== null ? ` · ${t('booking.service.statutory', { days: statutoryDays })}` : ''}
      </View>
      {service.mode === 'none' ? <View className="fq-notice booking-no-visit">{t('booking.service.noVisit')}</View> : null}
      <View className="fq-actions">
        {service.bookable && onBook ? (
          <Button className="booking-service-choose" type="primary" onClick={onBook}>
            {t('booking.service.choose')}
          </Button>
        ) : null}
        {service.homeVisit && onHomeVisit ? (
          <Button className="booking-service-home" onClick={onHomeVisit}>
            {t('booking.service.requestHome')}
          </Button>
        ) : null}
      </View>
    </View>
  )
}

export interface ServicePickerProps {
  services: ServiceView[]
  onBook: (service: ServiceView) => void
  onHomeVisit: (service: ServiceView) => void
}

export function ServicePicker({ services, onBook, onHomeVisit }: ServicePickerProps) {
  const { language } = useSession()
  const t = useBookingT()
  const [openId, setOpenId] = useState<string | null>(null)
  return (
    <View className="booking-services">
      {services.map((service) => (
        <View key={service.id} className={`fq-option booking-service booking-service-${service.id} ${openId === service.id ? 'is-current' : ''}`}>
          <View className="fq-option-name" onClick={() => setOpenId(openId === service.id ? null : service.id)}>
            {localizedName(service.name, language)}
          </View>
          <View className="fq-muted">
            {service.notRequired ? t('booking.service.notRequired') : service.homeVisit ? t('booking.service.homePossible') : ''}
          </View>
          {openId === service.id ? <ServiceDetail service={service} onBook={() => onBook(service)} onHomeVisit={() => onHomeVisit(service)} /> : null}
        </View>
      ))}
    </View>
  )
}
