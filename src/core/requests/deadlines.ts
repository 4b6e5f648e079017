// Working-day arithmetic on the station's calendar (Asia/Shanghai): weekends and public holidays
// (法定节假日, the booking counters' `Holiday` list) are not working days, except the weekend days
// the State Council's holiday notice declares working days (调休上班). The calendar is data
// passed in; nothing here reads the clock.
import * as z from 'zod/mini'
import { Holiday, LocalDate } from '../booking/counter'
import { STATION_TIME_ZONE, dayjs, type Dayjs } from '../time'

export const WorkCalendar = z.object({
  holidays: z.array(Holiday).check(z.maxLength(200)),
  /** Weekend days that are working days (调休), YYYY-MM-DD. */
  workingWeekendDays: z._default(z.array(LocalDate).check(z.maxLength(100)), []),
})
export type WorkCalendar = z.infer<typeof WorkCalendar>

export const EMPTY_CALENDAR: WorkCalendar = { holidays: [], workingWeekendDays: [] }

const localDay = (t: Dayjs) => dayjs(t).tz(STATION_TIME_ZONE).format('YYYY-MM-DD')

/** Whether a station-local calendar day (YYYY-MM-DD) is a working day. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.some((h) => h.from <= date && date <= h.to)) return false
  if (calendar.workingWeekendDays.includes(date)) return true
  const weekday = dayjs.tz(date, STATION_TIME_ZONE).day()
  return weekday !== 0 && weekday !== 6
}

/**
 * The end of the `days`-th working day after the day of `from` (the filing day itself does not
 * count: 次日起算), as the instant of the following local midnight. A request filed Friday
 * 17:00 with 3 working days is due at the end of Wednesday; over a holiday week, after it.
 */
export function addWorkingDays(from: Dayjs, days: number, calendar: WorkCalendar): Date {
  let day = dayjs(from).tz(STATION_TIME_ZONE).startOf('day')
  let counted = 0
  // A year of days bounds the loop whatever the calendar says.
  for (let step = 0; step < 366 && counted < days; step++) {
    day = day.add(1, 'day')
    if (isWorkingDay(day.format('YYYY-MM-DD'), calendar)) counted++
  }
  return day.add(1, 'day').startOf('day').toDate()
}

/** Whole working days between two instants' local days (for "answered within N working days" figures). */
export function workingDaysBetween(from: Dayjs, to: Dayjs, calendar: WorkCalendar): number {
  let day = dayjs(from).tz(STATION_TIME_ZONE).startOf('day')
  const end = localDay(to)
  let counted = 0
  for (let step = 0; step < 3660 && day.format('YYYY-MM-DD') < end; step++) {
    day = day.add(1, 'day')
    if (isWorkingDay(day.format('YYYY-MM-DD'), calendar)) counted++
  }
  return counted
}
