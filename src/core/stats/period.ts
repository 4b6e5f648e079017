// The period a dashboard covers: whole station-local days, `from` to `to` inclusive. Days are the
// unit of the rollups, and weeks (Monday first, as Chinese work weeks and reports are counted) the
// unit of the trend chart.
import * as z from 'zod/mini'
import { dayjs, STATION_TIME_ZONE, type Dayjs } from '../time'

export const LocalDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'))
export type LocalDay = z.infer<typeof LocalDay>

/** A year and a day: a leap year's full year fits, a request for a decade does not. */
export const MAX_PERIOD_DAYS = 366

const isRealDay = (day: string) => dayjs(day, 'YYYY-MM-DD').format('YYYY-MM-DD') === day

export const Period = z.object({ from: LocalDay, to: LocalDay }).check(
  z.refine((p) => isRealDay(p.from) && isRealDay(p.to), { message: 'must be real calendar days', path: ['from'] }),
  z.refine((p) => p.from <= p.to, { message: 'must not end before it starts', path: ['to'] }),
  z.refine((p) => daysBetween(p.from, p.to) < MAX_PERIOD_DAYS, { message: `must be at most ${MAX_PERIOD_DAYS} days`, path: ['to'] }),
)
export type Period = z.infer<typeof Period>

export const PERIOD_PRESETS = ['week', 'month', 'last30', 'year'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** The station-local day an instant falls on. */
export const localDay = (instant: Dayjs | Date): LocalDay => dayjs(instant).tz(STATION_TIME_ZONE).format('YYYY-MM-DD')

/** The instant a station-local day starts. */
export const dayStart = (day: LocalDay): Date => dayjs.tz(day, STATION_TIME_ZONE).toDate()

export const addDays = (day: LocalDay, n: number): LocalDay => dayjs(day, 'YYYY-MM-DD').add(n, 'day').format('YYYY-MM-DD')

export const daysBetween = (from: LocalDay, to: LocalDay) => dayjs(to, 'YYYY-MM-DD').diff(dayjs(from, 'YYYY-MM-DD'), 'day')

/** Every day from `from` to `to`, inclusive. */
export function daysOf(from: LocalDay, to: LocalDay): LocalDay[] {
  const days: LocalDay[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/** The Monday that starts the week of `day`. */
export function weekOf(day: LocalDay): LocalDay {
  const d = dayjs(day, 'YYYY-MM-DD')
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD')
}

/** The preset periods the picker offers, ending today. */
export function presetPeriod(preset: PeriodPreset, today: LocalDay): Period {
  const d = dayjs(today, 'YYYY-MM-DD')
  const from = {
    week: weekOf(today),
    month: d.startOf('month').format('YYYY-MM-DD'),
    last30: addDays(today, -29),
    year: d.startOf('year').format('YYYY-MM-DD'),
  }[preset]
  return { from, to: today }
}

/**
 * Which part of a period comes from rollups and which is aggregated live: rollups hold every
 * complete day up to `rollupThrough`; the rest (today, and any day the job has not reached yet)
 * is live. Either part may be empty.
 */
export function splitPeriod(period: Period, rollupThrough: LocalDay | null): { rolled: Period | null; live: Period | null } {
  if (rollupThrough === null || rollupThrough < period.from) return { rolled: null, live: period }
  if (rollupThrough >= period.to) return { rolled: period, live: null }
  return { rolled: { from: period.from, to: rollupThrough }, live: { from: addDays(rollupThrough, 1), to: period.to } }
}
