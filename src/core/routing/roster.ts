// Who is on leave, on duty and at capacity at a given instant. The roster changes daily and
// arrives with each call, so it is prepared once per roster object (ISO strings parsed, periods
// grouped by officer) and reused while the same object is passed again.
import type { RouteRoster } from './contract'

type Period = readonly [start: number, end: number]

export interface PreparedRoster {
  readonly leave: ReadonlyMap<string, readonly Period[]>
  readonly duty: ReadonlyMap<string, readonly Period[]>
  /** Station-scope shifts: whoever holds one answers for the whole station. */
  readonly stationDuty: ReadonlyArray<{ officerId: string; start: number; end: number }>
  readonly openCases: Readonly<Record<string, number>>
}

const prepared = new WeakMap<RouteRoster, PreparedRoster>()

export function prepareRoster(roster: RouteRoster): PreparedRoster {
  const cached = prepared.get(roster)
  if (cached) return cached
  const group = (items: ReadonlyArray<{ officerId: string; start: string; end: string }>) => {
    const byOfficer = new Map<string, Period[]>()
    for (const item of items) {
      const list = byOfficer.get(item.officerId) ?? []
      list.push([Date.parse(item.start), Date.parse(item.end)])
      byOfficer.set(item.officerId, list)
    }
    return byOfficer
  }
  const result: PreparedRoster = {
    leave: group(roster.leave),
    duty: group(roster.duty),
    stationDuty: roster.duty.filter((d) => d.scope === 'station').map((d) => ({ officerId: d.officerId, start: Date.parse(d.start), end: Date.parse(d.end) })),
    openCases: roster.openCases ?? {},
  }
  prepared.set(roster, result)
  return result
}

/** Periods are half-open: on at start, off at end. */
const covers = (p: Period, t: number) => p[0] <= t && t < p[1]

export function isOnDuty(roster: PreparedRoster, officerId: string, t: number): boolean {
  return roster.duty.get(officerId)?.some((p) => covers(p, t)) ?? false
}

/** End of the leave covering t, following back-to-back leaves to the day the officer returns; null if not on leave. */
export function onLeaveUntil(roster: PreparedRoster, officerId: string, t: number): number | null {
  const periods = roster.leave.get(officerId)
  if (!periods) return null
  let until: number | null = null
  let at = t
  for (let found = true; found; ) {
    found = false
    for (const p of periods) {
      if (covers(p, at) && (until === null || p[1] > until)) {
        until = p[1]
        at = p[1]
        found = true
      }
    }
  }
  return until
}
