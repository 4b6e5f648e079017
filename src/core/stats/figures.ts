// The dashboard's figures, defined once from the counts (./counts.ts). The mediation figures are
// the ones src/core/mediation/statistics.ts defines (settled rate = settled ÷ disputes; satisfaction
// = ratings "satisfied" or "very satisfied", 4–5 of 5, ÷ all ratings), computed by its figuresOf.
import { figuresOf } from '../mediation/statistics'
import { DISPUTE_TYPES, type DisputeType } from '../mediation/contract'
import { requestFigures, type RequestFigures } from '../requests/figures'
import { REQUEST_KINDS, type RequestKind } from '../requests/kinds'
import type { Counts } from './counts'
import { requestCountsOf, requestKindField, typeField } from './counts'
import type { ScopeKind } from './scope'

export const FIGURE_GROUPS = ['bookings', 'mediation', 'notices', 'volunteers', 'response'] as const
export type FigureGroup = (typeof FIGURE_GROUPS)[number]

/** How a value is shown: a count, a 0–1 share, days, hours. */
export type FigureFormat = 'count' | 'rate' | 'days' | 'hours'

/** Counter bookings, notices and volunteers are a station's (or the bureau's); they have no community or officer. */
const STATION_ONLY: readonly ScopeKind[] = ['bureau', 'station']
const ALL_SCOPES: readonly ScopeKind[] = ['bureau', 'station', 'district', 'community', 'officer']

interface FigureDef {
  group: FigureGroup
  format: FigureFormat
  scopes: readonly ScopeKind[]
  value(c: Counts): number | null
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const HOUR_MS = 3_600_000
const mediation = (c: Counts) =>
  figuresOf({ _id: null, cases: c.cases, settled: c.settled, settledL1: c.settledL1, settledL2: c.settledL2, settledL3: c.settledL3, overdue: c.overdue, highRisk: c.highRisk, rated: c.rated, satisfied: c.satisfied, settleDays: c.settleDays })

export const FIGURES = {
  bookingsMade: { group: 'bookings', format: 'count', scopes: STATION_ONLY, value: (c) => c.bookingsMade },
  bookingsServed: { group: 'bookings', format: 'count', scopes: STATION_ONLY, value: (c) => c.bookingsServed },
  noShows: { group: 'bookings', format: 'count', scopes: STATION_ONLY, value: (c) => c.noShows },
  homeVisits: { group: 'bookings', format: 'count', scopes: ALL_SCOPES, value: (c) => c.visits },
  homeVisitsDone: { group: 'bookings', format: 'count', scopes: ALL_SCOPES, value: (c) => c.visitsDone },
  disputes: { group: 'mediation', format: 'count', scopes: ALL_SCOPES, value: (c) => c.cases },
  settledRate: { group: 'mediation', format: 'rate', scopes: ALL_SCOPES, value: (c) => mediation(c).settledRate },
  reachedLevel1: { group: 'mediation', format: 'count', scopes: ALL_SCOPES, value: (c) => c.reachedL1 },
  reachedLevel2: { group: 'mediation', format: 'count', scopes: ALL_SCOPES, value: (c) => c.reachedL2 },
  reachedLevel3: { group: 'mediation', format: 'count', scopes: ALL_SCOPES, value: (c) => c.reachedL3 },
  medianDaysToSettle: { group: 'mediation', format: 'days', scopes: ALL_SCOPES, value: (c) => mediation(c).medianDaysToSettle },
  overdue: { group: 'mediation', format: 'count', scopes: ALL_SCOPES, value: (c) => c.overdue },
  satisfactionRate: { group: 'mediation', format: 'rate', scopes: ALL_SCOPES, value: (c) => mediation(c).satisfactionRate },
  highRisk: { group: 'mediation', format: 'count', scopes: ALL_SCOPES, value: (c) => c.highRisk },
  noticesPublished: { group: 'notices', format: 'count', scopes: STATION_ONLY, value: (c) => c.notices },
  reachRate: { group: 'notices', format: 'rate', scopes: STATION_ONLY, value: (c) => ratio(c.readers, c.audience) },
  messagesDelivered: { group: 'notices', format: 'count', scopes: STATION_ONLY, value: (c) => c.delivered },
  volunteerHours: { group: 'volunteers', format: 'hours', scopes: STATION_ONLY, value: (c) => Math.round((c.volunteerMinutes / 60) * 10) / 10 },
  // Filled from the live distinct count (a distinct count is not a sum of days); see figureValues.
  activeVolunteers: { group: 'volunteers', format: 'count', scopes: STATION_ONLY, value: () => null },
  attendanceRate: { group: 'volunteers', format: 'rate', scopes: STATION_ONLY, value: (c) => ratio(c.attended, c.placed) },
  mediationAcceptHours: { group: 'response', format: 'hours', scopes: ALL_SCOPES, value: (c) => meanHours(c.caseAcceptMs, c.caseAccepted) },
  homeVisitAcceptHours: { group: 'response', format: 'hours', scopes: ALL_SCOPES, value: (c) => meanHours(c.visitAcceptMs, c.visitAccepted) },
} as const satisfies Record<string, FigureDef>

export type FigureKey = keyof typeof FIGURES
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[]

function meanHours(totalMs: number, n: number) {
  return n > 0 ? Math.round((totalMs / n / HOUR_MS) * 10) / 10 : null
}

/**
 * Every figure's value for a scope: null where the period has nothing to divide by, and where
 * the figure does not apply to the scope (a community has no counter bookings of its own).
 */
export function figureValues(counts: Counts, scope: ScopeKind, activeVolunteers: number): Record<FigureKey, number | null> {
  const values = {} as Record<FigureKey, number | null>
  for (const key of FIGURE_KEYS) {
    const def: FigureDef = FIGURES[key]
    values[key] = !def.scopes.includes(scope) ? null : key === 'activeVolunteers' ? activeVolunteers : def.value(counts)
  }
  return values
}

export const appliesTo = (key: FigureKey, scope: ScopeKind) => (FIGURES[key].scopes as readonly ScopeKind[]).includes(scope)

/** Disputes by type, largest first, types without disputes left out. */
export function typeBreakdown(counts: Counts): Array<{ type: DisputeType; cases: number }> {
  return DISPUTE_TYPES.map((type) => ({ type, cases: counts[typeField(type)] }))
    .filter((row) => row.cases > 0)
    .sort((a, b) => b.cases - a.cases)
}

/** Settled and satisfaction rates of one community, for the chart. */
export function communityRates(counts: Counts) {
  const figures = mediation(counts)
  return { cases: counts.cases, settledRate: figures.settledRate, satisfactionRate: figures.satisfactionRate }
}

/**
 * The requests desk's figures (群众诉求), as src/core/requests/figures.ts defines them, and the
 * requests received of each kind (kinds without requests left out, largest first). Requests have a
 * community and an officer, so these apply to every scope.
 */
export function requestFiguresOf(counts: Counts): RequestFigures & { byKind: Array<{ kind: RequestKind; received: number }> } {
  const byKind = REQUEST_KINDS.map((kind) => ({ kind, received: counts[requestKindField(kind)] }))
    .filter((row) => row.received > 0)
    .sort((a, b) => b.received - a.received)
  return { ...requestFigures(requestCountsOf(counts)), byKind }
}

/**
 * The figures a bureau leader compares stations on (leaders compare stations, issue 21), each
 * station's from its own counts: the requests desk's received, answered on time and median first
 * answer, disputes and their settled rate, counter bookings, door-to-door requests, notices and
 * volunteer hours.
 */
export const COMPARISON = {
  requestsReceived: { format: 'count', value: (c) => c.requests },
  requestsOnTimeRate: { format: 'rate', value: (c) => requestFigures(requestCountsOf(c)).onTimeRate },
  requestsMedianHoursToAnswer: { format: 'hours', value: (c) => requestFigures(requestCountsOf(c)).medianHoursToAnswer },
  disputes: { format: 'count', value: (c) => c.cases },
  settledRate: { format: 'rate', value: (c) => mediation(c).settledRate },
  bookingsMade: { format: 'count', value: (c) => c.bookingsMade },
  bookingsServed: { format: 'count', value: (c) => c.bookingsServed },
  homeVisits: { format: 'count', value: (c) => c.visits },
  noticesPublished: { format: 'count', value: (c) => c.notices },
  volunteerHours: { format: 'hours', value: (c) => FIGURES.volunteerHours.value(c) },
} as const satisfies Record<string, { format: FigureFormat; value(c: Counts): number | null }>

export type ComparisonKey = keyof typeof COMPARISON
export const COMPARISON_KEYS = Object.keys(COMPARISON) as ComparisonKey[]

/** One station's row of the comparison. */
export function comparisonValues(counts: Counts): Record<ComparisonKey, number | null> {
  return Object.fromEntries(COMPARISON_KEYS.map((key) => [key, COMPARISON[key].value(counts)])) as Record<ComparisonKey, number | null>
}
