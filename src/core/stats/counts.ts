// The additive counts behind every figure, kept per day and scope key in the rollups: a period's
// counts are the sum of its days' counts, so long periods read one small document per day instead
// of the records. Ratios, medians and means are derived from the counts only at the end
// (./figures.ts). The rows the aggregation pipelines answer (see cloudfunctions/stats/sources.ts)
// are folded into counts here, so the timer job and the live part of the dashboard share one rule.
// The requests desk's counts are src/core/requests/figures.ts's, stored under `requests…` names.
import * as z from 'zod/mini'
import { DISPUTE_TYPES, type DisputeType } from '../mediation/contract'
import { countRequest, type RequestCounts } from '../requests/figures'
import { REQUEST_KINDS, type RequestKind } from '../requests/kinds'
import { RequestStatus } from '../requests/lifecycle'
import { BUREAU_KEY, communityKey, officerKey, stationKey } from './scope'

export const TYPE_FIELDS = DISPUTE_TYPES.map((t) => `type_${t}` as const)
export const typeField = (type: DisputeType) => `type_${type}` as const
export const REQUEST_KIND_FIELDS = REQUEST_KINDS.map((k) => `requestKind_${k}` as const)
export const requestKindField = (kind: RequestKind) => `requestKind_${kind}` as const

export const COUNT_FIELDS = [
  // Counter bookings: made on the day; served and no-shows on the day of their slot.
  'bookingsMade',
  'bookingsServed',
  'noShows',
  // Door-to-door requests filed on the day, those done, and the officers' first answers.
  'visits',
  'visitsDone',
  'visitAcceptMs',
  'visitAccepted',
  // Disputes filed on the day (withdrawn ones excluded), as src/core/mediation/statistics.ts defines them.
  'cases',
  'settled',
  'settledL1',
  'settledL2',
  'settledL3',
  'reachedL1',
  'reachedL2',
  'reachedL3',
  'overdue',
  'highRisk',
  'rated',
  'satisfied',
  'caseAcceptMs',
  'caseAccepted',
  ...TYPE_FIELDS,
  // Notices published on the day: the members of their groups, who read them, messages delivered.
  'notices',
  'audience',
  'readers',
  'delivered',
  // Volunteer activities that started on the day.
  'volunteerMinutes',
  'placed',
  'attended',
  // Resident requests filed on the day (withdrawn ones excluded), as src/core/requests/figures.ts
  // counts them (RequestCounts), and how many of each kind.
  'requests',
  'requestsAnswered',
  'requestsAnsweredOnTime',
  'requestsLateUnanswered',
  'requestsReopened',
  'requestsRated',
  'requestsRatingSum',
  ...REQUEST_KIND_FIELDS,
] as const
export type CountField = (typeof COUNT_FIELDS)[number]

export type Counts = Record<CountField, number> & {
  /** Days from filing to agreement of each settled case: medians cannot be summed, so the values are kept. */
  settleDays: number[]
  /** Minutes from filing to the first answer of each answered request, kept for the median likewise. */
  answerMinutes: number[]
}

export const emptyCounts = (): Counts => ({ ...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Record<CountField, number>), settleDays: [], answerMinutes: [] })

export function addCounts(into: Counts, more: Partial<Counts>): Counts {
  for (const field of COUNT_FIELDS) into[field] += more[field] ?? 0
  if (more.settleDays) into.settleDays.push(...more.settleDays)
  if (more.answerMinutes) into.answerMinutes.push(...more.answerMinutes)
  return into
}

export const sumCounts = (all: ReadonlyArray<Partial<Counts>>): Counts => all.reduce<Counts>((sum, c) => addCounts(sum, c), emptyCounts())

/** The requests desk's counts out of the stored names, for src/core/requests/figures.ts's requestFigures. */
export const requestCountsOf = (c: Counts): RequestCounts => ({
  received: c.requests,
  answered: c.requestsAnswered,
  answeredOnTime: c.requestsAnsweredOnTime,
  lateUnanswered: c.requestsLateUnanswered,
  reopened: c.requestsReopened,
  rated: c.requestsRated,
  ratingSum: c.requestsRatingSum,
  answerMinutes: c.answerMinutes,
})

/** One request's counts under the stored names. */
function requestAsCounts(r: RequestCounts, kind: RequestKind): Partial<Counts> {
  return {
    requests: r.received,
    requestsAnswered: r.answered,
    requestsAnsweredOnTime: r.answeredOnTime,
    requestsLateUnanswered: r.lateUnanswered,
    requestsReopened: r.reopened,
    requestsRated: r.rated,
    requestsRatingSum: r.ratingSum,
    [requestKindField(kind)]: r.received,
    answerMinutes: r.answerMinutes,
  }
}

// ── Rows the pipelines answer ─────────────────────────────────────────────────────────────

const n = z.number()
const Day = z.string()
const Id = z.optional(z.nullable(z.string()))

/** `s`: the record's station; records written before bureaus have none (the bureau's first station). */
export const BookingsMadeRow = z.object({ _id: z.object({ day: Day, s: Id }), made: n })
export const BookingsSlotRow = z.object({ _id: z.object({ day: Day, s: Id }), served: n, noShows: n })
export const VisitRow = z.object({ _id: z.object({ day: Day, s: Id, c: Id, o: Id }), visits: n, done: n, acceptMs: n, accepted: n })
export const CaseRow = z.object({
  _id: z.object({ day: Day, s: Id, c: Id, o: Id, t: z.enum(DISPUTE_TYPES) }),
  cases: n,
  settled: n,
  settledL1: n,
  settledL2: n,
  settledL3: n,
  reachedL1: n,
  reachedL2: n,
  reachedL3: n,
  overdue: n,
  highRisk: n,
  rated: n,
  satisfied: n,
  settleDays: z.array(z.nullable(n)),
  acceptMs: n,
  accepted: n,
})
export const NoticeRow = z.object({ day: Day, s: Id, targets: z.array(z.string()), readers: n, delivered: n })
/**
 * The groups whose members are these notices' audience, each once: counting only these members
 * gives the notices the audience that counting every group's would (foldRows sums its targets').
 */
export const targetedGroups = (notices: ReadonlyArray<Pick<z.infer<typeof NoticeRow>, 'targets'>>): string[] => [...new Set(notices.flatMap((notice) => notice.targets))].sort()
/**
 * `s` is the attendance's activity's station; `bw` true: a bureau-wide activity (stationId null,
 * src/core/volunteers/stations.ts), which counts for the bureau only, in no station.
 */
const BureauWide = z.optional(z.nullable(z.boolean()))
export const AttendanceRow = z.object({ _id: z.object({ day: Day, s: Id, bw: BureauWide }), minutes: n, attended: n })
export const ActivityRow = z.object({ _id: z.object({ day: Day, s: Id, bw: BureauWide }), placed: n })
export const MembersRow = z.object({ _id: z.nullable(z.string()), n })
/**
 * One request's facts (src/core/requests/figures.ts's RequestFacts plus its day): never the filer,
 * the text or the place, so an anonymous tip-off comes back exactly like any other request.
 */
export const RequestRow = z.object({
  day: Day,
  kind: z.enum(REQUEST_KINDS),
  status: RequestStatus,
  s: Id,
  c: Id,
  o: Id,
  createdAt: z.coerce.date(),
  answerBy: z.coerce.date(),
  firstAnsweredAt: z.optional(z.nullable(z.coerce.date())),
  answeredOnTime: z.optional(z.nullable(z.boolean())),
  reopenCount: n,
  rating: z.optional(z.nullable(n)),
})

export const SourceRows = z.object({
  bookingsMade: z.array(BookingsMadeRow),
  bookingsSlots: z.array(BookingsSlotRow),
  visits: z.array(VisitRow),
  cases: z.array(CaseRow),
  notices: z.array(NoticeRow),
  attendance: z.array(AttendanceRow),
  activities: z.array(ActivityRow),
  /** Residents bound to each community and readers of each topic: a notice group's members. */
  members: z.array(MembersRow),
  requests: z.array(RequestRow),
})
export type SourceRows = z.infer<typeof SourceRows>

/** Counts per day, then per scope key. */
export type DayCounts = Map<string, Map<string, Counts>>

function into(days: DayCounts, day: string, key: string): Counts {
  let keys = days.get(day)
  if (!keys) days.set(day, (keys = new Map()))
  let counts = keys.get(key)
  if (!counts) keys.set(key, (counts = emptyCounts()))
  return counts
}

/**
 * The keys a record counts under: the bureau, its station (none stored: `firstStationId`), its
 * community, its officer. Every record counts under exactly one station key, so the bureau's
 * counts are the sum of its stations', but for bureau-wide volunteer activities (a bureau-wide
 * team's), which count under the bureau's key alone.
 */
const keysOf = (firstStationId: string, s: string | null | undefined, c?: string | null, o?: string | null) => [
  BUREAU_KEY,
  stationKey(s ?? firstStationId),
  ...(c ? [communityKey(c)] : []),
  ...(o ? [officerKey(o)] : []),
]

/**
 * Folds the pipelines' rows into counts per day and key. Counter bookings, notices and volunteer
 * figures have no community or officer in their records (the counter and the notices serve the
 * whole station; volunteers are the station's), so they count under the bureau and station keys
 * only; a notice of the bureau (`stationId` = `bureauId`) and a bureau-wide volunteer activity
 * under the bureau's key alone. `now` decides which unanswered requests are already late (the caller's clock).
 */
export function foldRows(rows: SourceRows, now: Date, firstStationId: string, bureauId?: string): DayCounts {
  const days: DayCounts = new Map()
  const add = (day: string, keys: string[], more: Partial<Counts>) => {
    for (const key of keys) addCounts(into(days, day, key), more)
  }
  const keys = (s: string | null | undefined, c?: string | null, o?: string | null) => keysOf(firstStationId, s, c, o)
  for (const r of rows.bookingsMade) add(r._id.day, keys(r._id.s), { bookingsMade: r.made })
  for (const r of rows.bookingsSlots) add(r._id.day, keys(r._id.s), { bookingsServed: r.served, noShows: r.noShows })
  for (const r of rows.visits) add(r._id.day, keys(r._id.s, r._id.c, r._id.o), { visits: r.visits, visitsDone: r.done, visitAcceptMs: r.acceptMs, visitAccepted: r.accepted })
  for (const r of rows.cases) {
    const { _id, settleDays, acceptMs, accepted, ...counts } = r
    add(_id.day, keys(_id.s, _id.c, _id.o), { ...counts, caseAcceptMs: acceptMs, caseAccepted: accepted, [typeField(_id.t)]: r.cases, settleDays: settleDays.filter((d): d is number => typeof d === 'number') })
  }
  const members = new Map(rows.members.map((m) => [m._id, m.n]))
  for (const r of rows.notices) {
    const audience = r.targets.reduce((sum, g) => sum + (members.get(g) ?? 0), 0)
    // A notice of the bureau's staff carries the bureau's id: it counts for the bureau alone.
    add(r.day, bureauId !== undefined && r.s === bureauId ? [BUREAU_KEY] : keys(r.s), { notices: 1, audience, readers: r.readers, delivered: r.delivered })
  }
  const volunteerKeys = (id: { s?: string | null; bw?: boolean | null }) => (id.bw ? [BUREAU_KEY] : keys(id.s))
  for (const r of rows.attendance) add(r._id.day, volunteerKeys(r._id), { volunteerMinutes: r.minutes, attended: r.attended })
  for (const r of rows.activities) add(r._id.day, volunteerKeys(r._id), { placed: r.placed })
  for (const r of rows.requests) {
    const facts = { kind: r.kind, status: r.status, communityId: r.c ?? null, officerId: r.o ?? null, createdAt: r.createdAt, answerBy: r.answerBy, firstAnsweredAt: r.firstAnsweredAt ?? null, answeredOnTime: r.answeredOnTime ?? null, reopenCount: r.reopenCount, rating: r.rating ?? null }
    add(r.day, keys(r.s, r.c, r.o), requestAsCounts(countRequest(facts, now), r.kind))
  }
  return days
}
