// Step three: the coming days with the places still free, then that day's slots. A day or slot
// with nothing free stays visible (greyed) so the resident sees the station is open but full.
import { useState } from 'react'
import { View } from '@tarojs/components'
import type { SlotView } from '../../core/booking/contract'
import { weekdayOf } from '../../components/date-time-field'
import { useBookingT } from './i18n'

export interface SlotPickerProps {
  slots: SlotView[]
  chosenId: string | null
  onChoose: (slot: SlotView) => void
  /** The counter's name, shown when a day's slots belong to more than one counter. */
  counterName: (counterId: string) => string
}

/** MM-DD: the year is obvious within a 14-day window. */
const shortDate = (localDate: string) => localDate.slice(5)

export function SlotPicker({ slots, chosenId, onChoose, counterName }: SlotPickerProps) {
  const t = useBookingT()
  const days = Array.from(new Set(slots.map((s) => s.localDate))).sort()
  const firstFree = days.find((d) => slots.some((s) => s.localDate === d && s.bookable)) ?? days[0] ?? null
  const [day, setDay] = useState<string | null>(firstFree)
  const shownDay = day && days.includes(day) ? day : firstFree
  const daySlots = slots.filter((s) => s.localDate === shownDay).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const severalCounters = new Set(daySlots.map((s) => s.counterId)).size > 1
  // Not bookable with places left: too close to its start (or past) rather than full.
  const slotState = (slot: SlotView) =>
    slot.closed ? t('booking.slot.closed') : slot.bookable ? t('booking.slot.free', { count: slot.remaining }) : slot.remaining === 0 ? t('booking.slot.full') : t('booking.slot.unavailable')
  return (
    <View className="booking-slots">
      <View className="booking-days">
        {days.map((d) => {
          const free = slots.filter((s) => s.localDate === d && s.bookable).reduce((sum, s) => sum + s.remaining, 0)
          return (
            <View
              key={d}
              className={`booking-day booking-day-${d} ${d === shownDay ? 'is-current' : ''} ${free === 0 ? 'is-full' : ''}`}
              onClick={() => setDay(d)}
            >
              <View className="booking-day-date">{shortDate(d)}</View>
              <View className="booking-day-weekday">{t(`form.weekday.${weekdayOf(d)}` as 'form.weekday.0')}</View>
              <View className="booking-day-free">{free > 0 ? t('booking.slot.dayFree', { count: free }) : t('booking.slot.full')}</View>
            </View>
          )
        })}
      </View>
      {daySlots.length === 0 ? <View className="fq-muted">{t('booking.slot.noneThatDay')}</View> : null}
      <View className="booking-times">
        {daySlots.map((slot) => (
          <View
            key={slot.id}
            className={`booking-slot ${slot.bookable ? 'is-free' : 'is-full'} ${slot.id === chosenId ? 'is-current' : ''}`}
            data-slot={slot.id}
            onClick={() => (slot.bookable ? onChoose(slot) : undefined)}
          >
            <View className="booking-slot-time">{slot.localTime}</View>
            <View className="booking-slot-free">{slotState(slot)}</View>
            {severalCounters ? <View className="booking-slot-counter">{counterName(slot.counterId)}</View> : null}
          </View>
        ))}
      </View>
    </View>
  )
}
