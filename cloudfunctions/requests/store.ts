// Stored requests and rectification tasks, and every query the function makes. Each query is
// shaped for an index declared in cloudfunctions/database.json (named beside it).
import * as z from 'zod/mini'
import { Language } from '../../src/core/ids'
import { Actor, INBOX_PAGE_SIZE, TimelineKind } from '../../src/core/requests/contract'
import { HandledBy, RequestDetails, RequestKind } from '../../src/core/requests/kinds'
import { DeadlineStep, RequestStatus } from '../../src/core/requests/lifecycle'
import { PartnerUnit } from '../../src/core/requests/partners'
import { RouteResult } from '../../src/core/routing'
import { StationReason } from '../../src/core/bureau/route'
import { _, db } from '../_shared/cloud'
import { COLLECTIONS } from '../_shared/collections'
import { readDoc } from '../_shared/documents'
import { Protected } from '../_shared/personal-data'
import type { Join, Joined } from '../_shared/users'

export const requests = () => db.collection(COLLECTIONS.requests)
export const rectifications = () => db.collection(COLLECTIONS.requestsRectifications)

const StoredDate = z.coerce.date()

export const RequestDoc = z.object({
  _id: z.string(),
  kind: RequestKind,
  details: RequestDetails,
  text: z.string(),
  language: Language,
  anonymous: z.boolean(),
  /** The filer's account; null for an anonymous request (and after the filer deleted their account). */
  filerOpenid: z.nullable(z.string()),
  /** Anonymous only: keyed digest of the secret on the filer's phone, the one way to reach the request as its filer. */
  followKey: z.nullable(z.string()),
  /** Named requests: who to call back. Null when anonymous. */
  filer: z.nullable(z.object({ name: z.nullable(z.string()), phone: z.nullable(Protected) })),
  requestDigest: z.string(),
  communityId: z.nullable(z.string()),
  location: z.nullable(z.object({ lng: z.number(), lat: z.number() })),
  addressText: z.nullable(z.string()),
  /** Pictures join when their content check passes (media-check release). */
  photos: z.array(z.string()),
  contentReview: z.boolean(),
  handledBy: HandledBy,
  /** The officer answering now; null while with the leadership as a whole. */
  officerId: z.nullable(z.string()),
  /** Officers who see and act on it: the assignee and the community's officers; for the leadership, its officers only. */
  officerIds: z.array(z.string()),
  decision: z.nullable(RouteResult),
  /** The station the record belongs to and why routing chose it (docs/bureau.md); null on records from before bureaus until scripts/migrate-bureau.ts stamps them. */
  stationId: z._default(z.nullable(z.string()), null),
  stationReason: z._default(z.nullable(StationReason), null),
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  jurisdictionVersion: z.number().check(z.int()),
  status: RequestStatus,
  open: z.boolean(),
  acceptBy: StoredDate,
  answerBy: StoredDate,
  deadlineAt: z.nullable(StoredDate),
  deadlineStep: z.nullable(DeadlineStep),
  watchAt: z.nullable(StoredDate),
  overdue: z.boolean(),
  escalated: z.array(DeadlineStep),
  everAccepted: z.boolean(),
  reopenCount: z.number().check(z.int()),
  answeredAt: z.nullable(StoredDate),
  /** The first answer, for "answered on time" and "time to answer" figures. */
  firstAnsweredAt: z.nullable(StoredDate),
  answeredOnTime: z.nullable(z.boolean()),
  closedAt: z.nullable(StoredDate),
  closedBy: z.nullable(z.enum(['resident', 'system'])),
  answers: z.array(z.object({ zh: z.string(), mn: z.nullable(z.string()), at: StoredDate, by: Actor, officerId: z.nullable(z.string()) })),
  handoffs: z.array(z.object({ no: z.number().check(z.int()), partner: PartnerUnit, note: z.string(), contactName: z.nullable(z.string()), at: StoredDate, by: z.string(), answer: z.nullable(z.string()), answeredAt: z.nullable(StoredDate) })),
  transfers: z.array(z.object({ from: z.nullable(z.string()), to: z.string(), note: z.string(), at: StoredDate, by: z.string() })),
  timeline: z.array(z.object({ kind: TimelineKind, at: StoredDate, by: Actor, step: z.optional(DeadlineStep), partner: z.optional(PartnerUnit) })),
  /** What the resident said when reopening ("not resolved"), for the officer answering again. */
  reopenComment: z._default(z.nullable(z.string()), null),
  rating: z.nullable(z.number().check(z.int())),
  ratingComment: z.nullable(z.string()),
  ratedAt: z.nullable(StoredDate),
  /** A rating of 1–2 whose rectification task is not yet known to exist (cleared once it is). */
  rectificationPending: z.boolean(),
  /** Bumped by every change: updates are conditional on it, so concurrent changes cannot both win. */
  version: z.number().check(z.int()),
  createdAt: StoredDate,
  updatedAt: StoredDate,
})
export type RequestDoc = z.infer<typeof RequestDoc>

export const RectificationDoc = z.object({
  _id: z.string(),
  requestId: z.string(),
  kind: RequestKind,
  rating: z.number().check(z.int()),
  comment: z.string(),
  status: z.enum(['open', 'done']),
  dueAt: StoredDate,
  officerId: z.nullable(z.string()),
  /** The request's station (null: written before bureaus, the first station's). */
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

export const getRequest = (id: string) => readDoc(requests(), id, RequestDoc)
/** getRequest as a join onto the runtime's user read (withJoins); joinedRequest parses what it found. */
export const requestJoin = (id: string): Join => ({ from: COLLECTIONS.requests, match: { _id: id }, limit: 1 })
export const joinedRequest = (joined: Joined, as: string): RequestDoc | null => z.array(RequestDoc).check(z.maxLength(1)).parse(joined[as])[0] ?? null

export async function insertRequest(doc: RequestDoc) {
  await requests().add({ data: doc })
}

/** One update, applied only if the request is still at `version`: the loser of a race changes nothing. */
export async function updateRequestAt(id: string, version: number, data: Record<string, unknown>): Promise<boolean> {
  const result = (await requests()
    .where({ _id: id, version })
    .update({ data: { ...data, version: _.inc(1) } })) as Updated
  return result.stats.updated === 1
}

/** index by_filer */
export async function requestsOf(openid: string): Promise<RequestDoc[]> {
  const { data } = (await requests().where({ filerOpenid: openid }).orderBy('createdAt', 'desc').limit(100).get()) as { data: unknown }
  return parseList(RequestDoc, data)
}

/** Several requests by id (an anonymous filer's list): one query. */
export async function requestsById(ids: string[]): Promise<RequestDoc[]> {
  const { data } = (await requests().where({ _id: _.in(ids) }).limit(ids.length).get()) as { data: unknown }
  return parseList(RequestDoc, data)
}

/** The fields of an inbox line: no text, filer or contact. */
export const SUMMARY_FIELDS = { _id: true, kind: true, status: true, anonymous: true, communityId: true, officerId: true, handledBy: true, createdAt: true, deadlineAt: true, deadlineStep: true, overdue: true }
export const SummaryDoc = z.pick(RequestDoc, { _id: true, kind: true, status: true, anonymous: true, communityId: true, officerId: true, handledBy: true, createdAt: true, deadlineAt: true, deadlineStep: true, overdue: true })
export type SummaryDoc = z.infer<typeof SummaryDoc>

/** index open_by_deadline: the station's open requests, by deadline (overdue first, as their deadline passed). */
export async function openRequestsPage(page: number, station: Record<string, unknown>): Promise<{ items: SummaryDoc[]; hasMore: boolean }> {
  const { data } = (await requests()
    .where({ open: true, ...station })
    .field(SUMMARY_FIELDS)
    .orderBy('deadlineAt', 'asc')
    .skip(page * INBOX_PAGE_SIZE)
    .limit(INBOX_PAGE_SIZE + 1)
    .get()) as { data: unknown }
  const rows = parseList(SummaryDoc, data)
  return { items: rows.slice(0, INBOX_PAGE_SIZE), hasMore: rows.length > INBOX_PAGE_SIZE }
}

/** Each officer's open requests, overdue ones and those due before `endOfToday`, in one aggregation (index open_by_deadline). */
export async function loadByOfficer(now: Date, endOfToday: Date, station: Record<string, unknown>): Promise<Array<{ officerId: string; open: number; overdue: number; dueToday: number }>> {
  const { list } = (await requests()
    .aggregate()
    .match({ open: true, ...station })
    .group({
      _id: '$officerId',
      open: { $sum: 1 },
      overdue: { $sum: { $cond: [{ $lt: ['$deadlineAt', now] }, 1, 0] } },
      dueToday: { $sum: { $cond: [{ $lt: ['$deadlineAt', endOfToday] }, 1, 0] } },
    })
    .sort({ overdue: -1, open: -1 })
    .limit(1000)
    .end()) as { list: unknown }
  return z
    .array(z.object({ _id: z.nullable(z.string()), open: z.number(), overdue: z.number(), dueToday: z.number() }))
    .parse(list)
    .map((row) => ({ officerId: row._id ?? 'leadership', open: row.open, overdue: row.overdue, dueToday: row.dueToday }))
}

/** index watch: requests whose watch time passed, oldest first; the query is its own cursor, since handled requests leave it. */
export async function dueForWatch(now: Date, batch: number): Promise<RequestDoc[]> {
  const { data } = (await requests().where({ watchAt: _.lte(now) }).orderBy('watchAt', 'asc').limit(batch).get()) as { data: unknown }
  return parseList(RequestDoc, data)
}

/** index rectification_pending: bad ratings whose task a crash may have left unwritten. */
export async function pendingRectifications(before: Date, batch: number): Promise<RequestDoc[]> {
  const { data } = (await requests().where({ rectificationPending: true, ratedAt: _.lte(before) }).limit(batch).get()) as { data: unknown }
  return parseList(RequestDoc, data)
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

/** WeChat identities of officers (for reminders and leaders' messages): one query (index by_openid is on openid; this reads by _id). */
export async function openidsOfOfficers(ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { data } = (await db.collection(COLLECTIONS.officers).where({ _id: _.in([...ids]), openid: _.neq(null) }).field({ openid: true }).limit(100).get()) as { data: unknown }
  return z.array(z.object({ openid: z.string() })).parse(data).map((o) => o.openid)
}
