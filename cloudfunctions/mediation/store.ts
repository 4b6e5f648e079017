// Stored mediation cases and rectification tasks, and every query the function makes. Each
// query is shaped for an index declared in cloudfunctions/database.json (named beside it).
import * as z from 'zod/mini'
import { Language } from '../../src/core/ids'
import { DisputeType, INBOX_PAGE_SIZE, SessionPlace, TimelineEvent } from '../../src/core/mediation/contract'
import { CaseStatus, DeadlineKind, Level } from '../../src/core/mediation/lifecycle'
import { RiskMatch } from '../../src/core/mediation/risk'
import { StatsRow, statsGroup, type StatsDimension } from '../../src/core/mediation/statistics'
import { RouteResult } from '../../src/core/routing'
import { StationReason } from '../../src/core/bureau/route'
import { _, db } from '../_shared/cloud'
import { COLLECTIONS } from '../_shared/collections'
import { readDoc } from '../_shared/documents'
import { Protected } from '../_shared/personal-data'
import type { Join, Joined } from '../_shared/users'

export const cases = () => db.collection(COLLECTIONS.mediationCases)
export const rectifications = () => db.collection(COLLECTIONS.mediationRectifications)

const StoredDate = z.coerce.date()
const Who = z.enum(['resident', 'officer', 'leader', 'system'])

export const SessionDoc = z.object({
  id: z.string(),
  level: Level,
  at: StoredDate,
  place: SessionPlace,
  placeText: z.nullable(z.string()),
  participants: z.array(z.string()),
  held: z.boolean(),
  heldAt: z.nullable(StoredDate),
  notes: z.nullable(z.string()),
  /** From the officer and the scheduling requestId: a retried request finds its session. Absent on sessions made before. */
  key: z.optional(z.string()),
})
export type SessionDoc = z.infer<typeof SessionDoc>

export const CaseDoc = z.object({
  _id: z.string(),
  applicantOpenid: z.string(),
  requestDigest: z.string(),
  type: DisputeType,
  description: z.string(),
  /** Phones are Protected (encrypted, masked, hashed); the applicant's is null once they deleted their account. */
  applicant: z.object({ name: z.string(), phone: z.nullable(Protected) }),
  otherParty: z.nullable(z.object({ name: z.string(), phone: z.nullable(Protected) })),
  partiesKey: z.nullable(z.string()),
  communityId: z.nullable(z.string()),
  location: z.nullable(z.object({ lng: z.number(), lat: z.number() })),
  addressText: z.nullable(z.string()),
  language: Language,
  dangerNow: z.boolean(),
  photos: z.array(z.string()),
  /** Content security answered "review": a person should look at the wording. */
  contentReview: z.boolean(),
  highRisk: z.boolean(),
  risk: z.array(RiskMatch),
  /** 1 for high-risk: sorted first in every inbox (skips the queue). */
  priority: z.number().check(z.int()),
  alertOpen: z.boolean(),
  alertAck: z.nullable(z.object({ by: z.string(), at: StoredDate })),
  /** The level-1 officer routing chose; statistics per officer count by it. */
  officerId: z.string(),
  /** Officers who see the case: the assignee and the community's officers, fixed at filing. */
  officerIds: z.array(z.string()),
  decision: RouteResult,
  /** The station the record belongs to and why routing chose it (docs/bureau.md); null on records from before bureaus until scripts/migrate-bureau.ts stamps them. */
  stationId: z._default(z.nullable(z.string()), null),
  stationReason: z._default(z.nullable(StationReason), null),
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  jurisdictionVersion: z.number().check(z.int()),
  status: CaseStatus,
  open: z.boolean(),
  level: Level,
  levelSince: StoredDate,
  everAccepted: z.boolean(),
  deadlineAt: z.nullable(StoredDate),
  deadlineKind: z.nullable(DeadlineKind),
  watchAt: z.nullable(StoredDate),
  overdue: z.boolean(),
  outcome: z.nullable(z.enum(['settled', 'not_settled'])),
  settledLevel: z.nullable(Level),
  settledAt: z.nullable(StoredDate),
  daysToSettle: z.nullable(z.number()),
  closedAt: z.nullable(StoredDate),
  agreement: z.nullable(z.string()),
  sessions: z.array(SessionDoc),
  /** `key` as a session's: from the officer and the requestId that added the note. */
  internalNotes: z.array(z.object({ text: z.string(), at: StoredDate, by: z.string(), key: z.optional(z.string()) })),
  notSettledReasons: z.array(z.object({ level: Level, reason: z.string(), at: StoredDate, by: z.string() })),
  timeline: z.array(z.extend(TimelineEvent, { at: StoredDate, by: Who })),
  rating: z.nullable(z.number().check(z.int())),
  ratingComment: z.nullable(z.string()),
  ratedAt: z.nullable(StoredDate),
  /** A dissatisfied rating whose rectification task is not yet known to exist (cleared once it is). */
  rectificationPending: z._default(z.boolean(), false),
  returnVisitAt: z.nullable(StoredDate),
  returnVisitSentAt: z.nullable(StoredDate),
  /** Bumped by every change: updates are conditional on it, so concurrent changes cannot both win. */
  version: z.number().check(z.int()),
  createdAt: StoredDate,
  updatedAt: StoredDate,
})
export type CaseDoc = z.infer<typeof CaseDoc>

export const RectificationDoc = z.object({
  _id: z.string(),
  caseId: z.string(),
  type: DisputeType,
  rating: z.number().check(z.int()),
  comment: z.string(),
  status: z.enum(['open', 'done']),
  dueAt: StoredDate,
  /** The case's station (null: written before bureaus, the first station's). */
  stationId: z._default(z.nullable(z.string()), null),
  callbackNote: z.nullable(z.string()),
  fixNote: z.nullable(z.string()),
  doneBy: z.nullable(z.string()),
  createdAt: StoredDate,
  updatedAt: StoredDate,
})
export type RectificationDoc = z.infer<typeof RectificationDoc>

type Updated = { stats: { updated: number } }
const parseList = <T extends z.ZodMiniType>(schema: T, data: unknown) => z.array(schema).parse(data)

export const getCase = (id: string) => readDoc(cases(), id, CaseDoc)

/** getCase as a join onto the runtime's user read (withJoins); joinedCase parses what it found. */
export const caseJoin = (id: string): Join => ({ from: COLLECTIONS.mediationCases, match: { _id: id }, limit: 1 })
export const joinedCase = (joined: Joined, as: string): CaseDoc | null => z.array(CaseDoc).check(z.maxLength(1)).parse(joined[as])[0] ?? null

export async function insertCase(doc: CaseDoc) {
  await cases().add({ data: doc })
}

/** One update, applied only if the case is still at `version`: the loser of a race changes nothing. */
export async function updateCaseAt(id: string, version: number, data: Record<string, unknown>): Promise<boolean> {
  const result = (await cases()
    .where({ _id: id, version })
    .update({ data: { ...data, version: _.inc(1) } })) as Updated
  return result.stats.updated === 1
}

/** index by_applicant */
export async function casesOf(openid: string): Promise<CaseDoc[]> {
  const { data } = (await cases().where({ applicantOpenid: openid }).orderBy('createdAt', 'desc').limit(100).get()) as { data: unknown }
  return parseList(CaseDoc, data)
}

/** index by_parties: how many earlier disputes between the same pair since `since`, as a join onto the runtime's user read (withJoins); samePartiesOf reads what it found. */
export const samePartiesJoin = (key: string, since: Date): Join => ({ from: COLLECTIONS.mediationCases, match: sameParties(key, since), then: (found) => found.count('n') })
export const samePartiesOf = (found: unknown[] | undefined) => z.array(z.object({ n: z.number() })).check(z.maxLength(1)).parse(found ?? [])[0]?.n ?? 0

const sameParties = (key: string, since: Date) => ({ partiesKey: key, createdAt: _.gte(since), status: _.neq('withdrawn') })

/** The fields of an inbox line: no description, contact or notes. */
const SUMMARY_FIELDS = { _id: true, stationId: true, type: true, status: true, level: true, highRisk: true, communityId: true, createdAt: true, deadlineAt: true, deadlineKind: true, overdue: true, officerId: true, alertOpen: true }
export const SummaryDoc = z.pick(CaseDoc, { _id: true, stationId: true, type: true, status: true, level: true, highRisk: true, communityId: true, createdAt: true, deadlineAt: true, deadlineKind: true, overdue: true, officerId: true, alertOpen: true })
export type SummaryDoc = z.infer<typeof SummaryDoc>

/**
 * One page of open cases, high-risk first, then by deadline (indexes open_by_officer,
 * open_by_level, open_by_deadline): one database request, whatever the number of open cases.
 * One more than a page is read to know whether another page follows.
 */
export async function openCasesPage(filter: { officerId?: string; minLevel?: 2; station?: Record<string, unknown> }, page: number): Promise<{ items: SummaryDoc[]; hasMore: boolean }> {
  const where = { open: true, ...filter.station, ...(filter.officerId ? { officerIds: filter.officerId } : {}), ...(filter.minLevel ? { level: _.gte(filter.minLevel) } : {}) }
  const { data } = (await cases()
    .where(where)
    .field(SUMMARY_FIELDS)
    .orderBy('priority', 'desc')
    .orderBy('deadlineAt', 'asc')
    .skip(page * INBOX_PAGE_SIZE)
    .limit(INBOX_PAGE_SIZE + 1)
    .get()) as { data: unknown }
  const rows = parseList(SummaryDoc, data)
  return { items: rows.slice(0, INBOX_PAGE_SIZE), hasMore: rows.length > INBOX_PAGE_SIZE }
}

export async function getSummary(id: string): Promise<SummaryDoc | null> {
  const { data } = (await cases().where({ _id: id }).field(SUMMARY_FIELDS).limit(1).get()) as { data: unknown[] }
  return data.length === 0 ? null : SummaryDoc.parse(data[0])
}

/** index alerts */
export async function openAlerts(station: Record<string, unknown>): Promise<SummaryDoc[]> {
  const { data } = (await cases().where({ alertOpen: true, ...station }).field(SUMMARY_FIELDS).orderBy('createdAt', 'desc').limit(100).get()) as { data: unknown }
  return parseList(SummaryDoc, data)
}

/** index watch: cases whose deadline passed by `now`, oldest first; the query is its own cursor, since handled cases leave it. */
export async function dueForEscalation(now: Date, batch: number): Promise<CaseDoc[]> {
  const { data } = (await cases().where({ watchAt: _.lte(now) }).orderBy('watchAt', 'asc').limit(batch).get()) as { data: unknown }
  return parseList(CaseDoc, data)
}

/** index return_visit */
export async function dueForReturnVisit(now: Date, batch: number): Promise<CaseDoc[]> {
  const { data } = (await cases().where({ returnVisitAt: _.lte(now) }).orderBy('returnVisitAt', 'asc').limit(batch).get()) as { data: unknown }
  return parseList(CaseDoc, data)
}

/** index rectification_pending: dissatisfied ratings whose task a crash may have left unwritten. */
export async function pendingRectifications(before: Date, batch: number): Promise<CaseDoc[]> {
  const { data } = (await cases().where({ rectificationPending: true, ratedAt: _.lte(before) }).limit(batch).get()) as { data: unknown }
  return parseList(CaseDoc, data)
}

/** The statistics in one aggregation over the period's cases (index by_filing_date). */
export async function statisticsRows(from: Date, to: Date, dimension: StatsDimension, station: Record<string, unknown>): Promise<StatsRow[]> {
  const { list } = (await cases()
    .aggregate()
    .match({ createdAt: _.gte(from).and(_.lt(to)), status: _.neq('withdrawn'), ...station })
    .group(statsGroup(dimension))
    .sort({ cases: -1 })
    .limit(1000)
    .end()) as { list: unknown }
  return parseList(StatsRow, list)
}

export const getRectification = (id: string) => readDoc(rectifications(), id, RectificationDoc)

export async function insertRectification(doc: RectificationDoc) {
  await rectifications().add({ data: doc })
}

export async function updateRectificationWhere(id: string, condition: Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
  const result = (await rectifications()
    .where({ ...condition, _id: id })
    .update({ data })) as Updated
  return result.stats.updated === 1
}

/** index open_by_due */
export async function listRectifications(station: Record<string, unknown>): Promise<RectificationDoc[]> {
  const { data } = (await rectifications().where(station).orderBy('status', 'desc').orderBy('dueAt', 'asc').limit(200).get()) as { data: unknown }
  return parseList(RectificationDoc, data)
}

/** Leaders' WeChat identities, for alerts: one query on the officers collection. */
export async function openidsOfOfficers(ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { data } = (await db.collection(COLLECTIONS.officers).where({ _id: _.in([...ids]), openid: _.neq(null) }).field({ openid: true }).limit(100).get()) as { data: unknown }
  return z.array(z.object({ openid: z.string() })).parse(data).map((o) => o.openid)
}

const OPEN_AT_LEVEL_1 = { open: true, level: 1 }

/** Open cases per level-1 officer: the workload routing weighs, as a join onto the runtime's user read (withJoins); openByOfficerOf reads what it found. */
export const openByOfficerJoin = (): Join => ({ from: COLLECTIONS.mediationCases, match: OPEN_AT_LEVEL_1, then: (found) => found.group({ _id: '$officerId', open: { $sum: 1 } }).limit(1000) })
export const openByOfficerOf = (found: unknown): Record<string, number> =>
  Object.fromEntries(z.array(z.object({ _id: z.string(), open: z.number() })).parse(found).map((row) => [row._id, row.open]))
