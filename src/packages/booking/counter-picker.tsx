// The counters offered for the chosen language, in the order the booking function gives them:
// the resident's own station's first, then the other stations' nearest first. Each card names
// its station, so a resident who lives between two towns sees where they would have to go.
import { View } from '@tarojs/components'
import type { CounterView } from '../../core/booking/contract'
import { localizedName } from '../../i18n/localized-name'
import { useSession } from '../../services/session'
import { useBookingT } from './i18n'

export interface CounterPickerProps {
  counters: CounterView[]
  chosenId: string | null
  onChoose: (counter: CounterView) => void
}

export function CounterPicker({ counters, chosenId, onChoose }: CounterPickerProps) {
  const t = useBookingT()
  const { language } = useSession()
  return (
    <View className="booking-counters">
      {counters.map((counter) => (
        <View
          key={counter.id}
          className={`booking-counter ${counter.id === chosenId ? 'is-current' : ''} ${counter.ownStation ? 'is-own-station' : ''}`}
          data-counter={counter.id}
          data-station={counter.station.id}
          onClick={() => onChoose(counter)}
        >
          <View className="booking-strong booking-counter-name">{localizedName(counter.name, language)}</View>
          <View className="booking-counter-station">{t('booking.counter.station', { station: localizedName(counter.station.name, language) })}</View>
          <View className="booking-counter-where">
            {counter.ownStation ? t('booking.counter.own') : counter.distanceKm !== null ? t('booking.counter.distance', { km: counter.distanceKm }) : null}
          </View>
          <View className="fq-muted booking-counter-place">{localizedName(counter.place, language)}</View>
        </View>
      ))}
    </View>
  )
}
