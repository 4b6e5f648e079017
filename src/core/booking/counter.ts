// Counters (窗口) of the household-registration hall: languages spoken, weekly opening hours,
// holidays and one-day closures, slot length and places per slot. Slots are generated from
// these rules (./slots.ts); they are never typed in by hand.
import * as z from 'zod/mini'
import { Language } from '../ids'
import { ServiceName } from './catalog'

/** A counter id leaves room in a slot id (<counterId>-<YYYYMMDDHHmm>) for the 64-character id limit. */
export const CounterId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a counter id of up to 40 letters, digits, - or _'))

/** A local calendar day in the station's zone. */
export const LocalDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'), z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.valueOf()) && d.toISOString().startsWith(s)
  }, 'must be a real calendar date'))
export type LocalDate = z.infer<typeof LocalDate>

/** HH:mm in the station's zone; 24:00 closes at midnight. */
export const TimeOfDay = z.string().check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:mm'))
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

export const OpeningHours = z.object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().check(z.int(), z.gte(1), z.lte(7))).check(z.minLength(1), z.maxLength(7)),
    open: TimeOfDay,
    close: TimeOfDay,
  }).check(z.refine((h) => minutesOf(h.open) < minutesOf(h.close), 'must open before it closes'))
export type OpeningHours = z.infer<typeof OpeningHours>

/** Public holidays (法定节假日), inclusive. */
export const Holiday = z.object({ from: LocalDate, to: LocalDate, name: ServiceName })
export type Holiday = z.infer<typeof Holiday>

/** A day the counter is closed at short notice (an officer's decision, with the reason residents see). */
export const Closure = z.object({ date: LocalDate, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), closedBy: z.string(), at: z.string() })
export type Closure = z.infer<typeof Closure>

export const Counter = z.object({
  id: CounterId,
  name: ServiceName,
  /** Where in the station, shown with the booking. */
  place: ServiceName,
  languages: z.array(Language).check(z.minLength(1), z.maxLength(2)),
  serviceIds: z.array(z.string()).check(z.maxLength(100)),
  weeklyHours: z.array(OpeningHours).check(z.maxLength(21)),
  holidays: z.array(Holiday).check(z.maxLength(100)),
  closures: z.array(Closure).check(z.maxLength(366)),
  slotMinutes: z.number().check(z.int(), z.gte(5), z.lte(240)),
  capacity: z.number().check(z.int(), z.gte(1), z.lte(100)),
  active: z.boolean(),
  /**
   * The station whose hall the counter is in. Null only on counters written before bureaus
   * (scripts/migrate-bureau.ts stamps them): they belong to the bureau's first station.
   */
  stationId: z._default(z.nullable(z.string().check(z.minLength(1), z.maxLength(64))), null),
})
export type Counter = z.infer<typeof Counter>

/** A counter as it is created from now on: its station is required. */
export const NewCounter = z.extend(Counter, { stationId: z.string().check(z.minLength(1), z.maxLength(64)) })

/**
 * The counters offered for a chosen counter language, station by station (in the order given).
 * Mongolian: every counter that speaks it. Chinese: a station's Chinese-only counters when it has
 * any, so that the few places at its bilingual window stay for the residents who need Mongolian;
 * its bilingual window only when that is the station's sole counter serving Chinese. A station
 * with only a bilingual window still serves Chinese there, whatever other stations have.
 */
export function countersForLanguage<C extends { id: string; languages: readonly string[]; stationId?: string | null }>(counters: readonly C[], language: 'zh' | 'mn'): C[] {
  const speaking = counters.filter((c) => c.languages.includes(language))
  if (language === 'mn') return speaking
  const stationOf = (c: C) => c.stationId ?? null
  const withChineseOnly = new Set(speaking.filter((c) => !c.languages.includes('mn')).map(stationOf))
  return speaking.filter((c) => !withChineseOnly.has(stationOf(c)) || !c.languages.includes('mn'))
}
