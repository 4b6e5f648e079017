// Slots are generated from a counter's rules, never typed in: for each local day of the window
// that is not a holiday or a closure, each opening period is cut into slots of `slotMinutes`
// (a remainder too short for a slot is dropped). Local times are the station's; instants are
// UTC. A slot's id is its counter and local start time, so generating twice yields the same ids.
import * as z from 'zod/mini'
import { dayjs, STATION_TIME_ZONE, type Dayjs } from '../time'
import { minutesOf, type Counter } from './counter'

export const SlotId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}-\d{12}$/, 'must be a slot id <counter>-<YYYYMMDDHHmm>'))

export interface GeneratedSlot {
  id: string
  counterId: string
  /** UTC ISO instants. */
  startsAt: string
  endsAt: string
  /** The station's calendar day and clock time of the start. */
  localDate: string
  localTime: string
  capacity: number
  languages: Counter['languages']
}

export const slotIdOf = (counterId: string, start: Dayjs) => `${counterId}-${start.tz(STATION_TIME_ZONE).format('YYYYMMDDHHmm')}`

/** The counter and start instant a slot id names, or null when the id is malformed or names no real time. */
export function parseSlotId(id: string): { counterId: string; startsAt: Dayjs } | null {
  const match = /^([A-Za-z0-9_-]{1,40})-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(id)
  if (!match) return null
  const [, counterId, y, mo, d, h, mi] = match
  const local = `${y}-${mo}-${d}T${h}:${mi}:00`
  const start = dayjs.tz(local, STATION_TIME_ZONE)
  if (!start.isValid() || start.tz(STATION_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss') !== local) return null
  return { counterId, startsAt: start }
}

/** The local day (YYYY-MM-DD) of an instant in the station's zone. */
export const localDateOf = (instant: Dayjs | Date | string) => dayjs(instant).tz(STATION_TIME_ZONE).format('YYYY-MM-DD')

/** Start of the station's day holding `now`. */
export const startOfLocalDay = (now: Dayjs) => now.tz(STATION_TIME_ZONE).startOf('day')

/** The booking window: from now until the end of the `days`-th local day (today is day 1). */
export function bookingWindow(now: Dayjs, days: number) {
  return { from: now, to: startOfLocalDay(now).add(days, 'day') }
}

export function isClosedDay(counter: Pick<Counter, 'holidays' | 'closures'>, localDate: string): boolean {
  return counter.holidays.some((h) => h.from <= localDate && localDate <= h.to) || counter.closures.some((c) => c.date === localDate)
}

const pad = (n: number) => String(n).padStart(2, '0')
const clockOf = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`

/** The calendar day `days` after a YYYY-MM-DD day (plain date arithmetic, no zone involved). */
function addDays(localDate: string, days: number): string {
  const d = new Date(`${localDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * The counter's slots on `days` local days starting with the day holding `from`, leaving out
 * slots that have already started at `now`. Sorted by start; overlapping opening periods that
 * produce the same start produce one slot. The zone is consulted once per day (for its
 * midnight); within a day local minutes map to instants directly, which holds for zones without
 * daylight saving such as Asia/Shanghai.
 */
export function generateSlots(counter: Counter, from: Dayjs, days: number, now: Dayjs): GeneratedSlot[] {
  if (!counter.active) return []
  const slots = new Map<string, GeneratedSlot>()
  const firstDate = localDateOf(from)
  const nowMs = now.valueOf()
  for (let day = 0; day < days; day++) {
    const localDate = addDays(firstDate, day)
    if (isClosedDay(counter, localDate)) continue
    const midnightMs = dayjs.tz(`${localDate}T00:00:00`, STATION_TIME_ZONE).valueOf()
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay() || 7
    for (const hours of counter.weeklyHours) {
      if (!hours.weekdays.includes(weekday)) continue
      const close = minutesOf(hours.close)
      for (let minute = minutesOf(hours.open); minute + counter.slotMinutes <= close; minute += counter.slotMinutes) {
        const startMs = midnightMs + minute * 60_000
        if (startMs <= nowMs) continue
        const localTime = clockOf(minute)
        const id = `${counter.id}-${localDate.replace(/-/g, '')}${localTime.replace(':', '')}`
        slots.set(id, {
          id,
          counterId: counter.id,
          startsAt: new Date(startMs).toISOString(),
          endsAt: new Date(startMs + counter.slotMinutes * 60_000).toISOString(),
          localDate,
          localTime,
          capacity: counter.capacity,
          languages: counter.languages,
        })
      }
    }
  }
  return [...slots.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
}
