// The audit log (审计日志): who read or changed which record, when, in which role. Append-only:
// this is the only module that touches the collection (test/unit/audit-append-only.test.ts checks
// the sources), it inserts entries, and the one deletion is the retention job's removal of entries
// past the configured age, which is itself logged with the number removed.
//
// Per station (docs/security.md › Audit log): each entry carries `stationId`, the station of the
// record acted on, else the actor's station; null for bureau-level work (a whole-bureau import, a
// rollback, the retention job). Station leaders and admins search their station's entries,
// bureau leaders and the bureau admin all. Entries written before stations carry no `stationId`
// and are the first station's; they are never rewritten.
import * as z from 'zod/mini'
import { stationIdOfOfficer } from '../../src/core/bureau/views'
import { AppError } from '../../src/core/envelope'
import { AUDIT_PAGE_SIZE, AuditRetentionDays, auditCutoff, type AuditEntryView, type AuditQuery } from '../../src/core/privacy/contract'
import { Role } from '../../src/core/roles'
import { isBureauWide } from '../../src/core/scope'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import type { JobBudget } from './job-budget'
import { loadCurrent, type Loaded } from './jurisdiction-store'
import { officers, OfficerDoc } from './officers'

const auditLog = () => db.collection(COLLECTIONS.auditLog)

export const AuditEntry = z.object({
  actorOpenid: z.string(),
  /** The roles the actor held at the time (from the database, as the runtime checked them). */
  roles: z.array(Role),
  /** What was done: `read`, `reveal:<field>`, or the action's name (`accept`, `recordAgreement`…). */
  action: z.string(),
  collection: z.string(),
  recordId: z.string(),
  /** For counted operations: how many records the action removed. */
  count: z.optional(z.number().check(z.int())),
  /** The station the entry belongs to; null: bureau-level; missing: written before stations (the first station's). */
  stationId: z.optional(z.nullable(z.string())),
  at: z.coerce.date(),
})
export type AuditEntry = z.infer<typeof AuditEntry>
const StoredEntry = z.extend(AuditEntry, { _id: z.string() })

/**
 * Which station an entry belongs to:
 * - `{ record }`: the record acted on, with its `stationId` as stored; a record without one
 *   (written before stations, or a request the duty desk took) is the first station's, as the
 *   roles' scope reads it;
 * - `'actor'`: the actor's station, when the record carries none of its own (their officer
 *   record's station; a station leader's or admin's as the runtime resolved it; bureau staff: null);
 * - `'bureau'`: bureau-level work (a whole-bureau import, a rollback, the retention job).
 */
export type AuditPlace = { record: string | null } | 'actor' | 'bureau'

export interface AuditActor {
  openid: string
  user: { roles: Role[]; officerId?: string | null }
  /** A station leader's or admin's station, resolved by the runtime (Ctx). */
  stationId?: string | null
  /** The call's jurisdiction (Ctx): its pointer came with the user read, so it costs no request. */
  current?: () => Promise<Loaded>
}

/** What an entry is about. */
export interface AuditTarget {
  collection: string
  recordId: string
  place: AuditPlace
}

/** Who the log names for work no person started (timer jobs). */
export const SYSTEM_ACTOR: AuditActor = { openid: 'system', user: { roles: [] } }

/** The current bureau, or null before the first import (then every entry is bureau-level). */
async function currentBureau(actor: AuditActor) {
  try {
    return (await (actor.current ?? loadCurrent)()).bureau
  } catch (error) {
    if (error instanceof AppError && error.code === 'FAILED_PRECONDITION') return null
    throw error
  }
}

/** The station of an entry (see AuditPlace). Reads the jurisdiction pointer only when the record or runtime did not name the station. */
async function stationOfEntry(actor: AuditActor, place: AuditPlace): Promise<string | null> {
  if (place === 'bureau') return null
  if (place !== 'actor') return place.record ?? (await currentBureau(actor))?.stations[0]?.station.id ?? null
  if (isBureauWide(actor.user.roles)) return null
  if (actor.stationId) return actor.stationId
  const bureau = actor.user.officerId ? await currentBureau(actor) : null
  return bureau && actor.user.officerId ? stationIdOfOfficer(bureau, actor.user.officerId) : null
}

export async function audit(actor: AuditActor, action: string, target: AuditTarget, now: Dayjs, count?: number): Promise<void> {
  const stationId = await stationOfEntry(actor, target.place)
  const entry: AuditEntry = { actorOpenid: actor.openid, roles: [...actor.user.roles], action, collection: target.collection, recordId: target.recordId, stationId, ...(count === undefined ? {} : { count }), at: now.toDate() }
  await auditLog().add({ data: entry })
}


/** Days entries are kept, from the function's AUDIT_RETENTION_DAYS (parsed once per instance; a bad value fails loudly). */
let retention: number | null = null
export const auditRetentionDays = () => (retention ??= AuditRetentionDays.parse(process.env.AUDIT_RETENTION_DAYS || undefined))

/**
 * One page, newest first. Each filter combination is served by an index (database.json ›
 * audit_log): an actor by by_actor, a record by by_record, a collection by by_collection, an
 * action by by_action, a station's entries with no other filter by by_station, a period alone by
 * by_at; the other filters narrow what that index selects.
 */
export async function searchAudit(query: AuditQuery, stationConditions: object[]): Promise<{ entries: AuditEntryView[]; hasMore: boolean }> {
  const period = query.from || query.to ? { at: query.from && query.to ? _.gte(new Date(query.from)).and(_.lte(new Date(query.to))) : query.from ? _.gte(new Date(query.from)) : _.lte(new Date(query.to!)) } : {}
  const where = {
    ...(query.actorOpenid ? { actorOpenid: query.actorOpenid } : {}),
    ...(query.collection ? { collection: query.collection } : {}),
    ...(query.recordId ? { recordId: query.recordId } : {}),
    ...(query.actionName ? { action: query.actionName } : {}),
    ...period,
  }
  const { data } = (await auditLog()
    .where(stationConditions.length > 0 ? _.and([where, ...stationConditions]) : where)
    .orderBy('at', 'desc')
    .skip(query.page * AUDIT_PAGE_SIZE)
    .limit(AUDIT_PAGE_SIZE + 1)
    .get()) as { data: unknown }
  const rows = z.array(StoredEntry).parse(data)
  const page = rows.slice(0, AUDIT_PAGE_SIZE)
  const actors = [...new Set(page.map((e) => e.actorOpenid))]
  const names = new Map<string, string>()
  if (actors.length > 0) {
    const { data: bound } = (await officers().where({ openid: _.in(actors) }).limit(actors.length).get()) as { data: unknown }
    for (const officer of z.array(OfficerDoc).parse(bound)) if (officer.openid) names.set(officer.openid, officer.name)
  }
  return {
    entries: page.map((e) => ({ id: e._id, actorOpenid: e.actorOpenid, actorName: names.get(e.actorOpenid) ?? null, roles: e.roles, action: e.action, collection: e.collection, recordId: e.recordId, count: e.count ?? null, at: e.at.toISOString() })),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
  }
}

const PRUNE_BATCH = 200

/**
 * The retention job: removes entries older than the retention in batches of the oldest, so a run
 * cut off by its budget leaves the rest for the next one, and logs how many it removed. A second
 * run finds nothing past the cutoff and logs nothing.
 */
export async function pruneAuditLog(now: Dayjs, budget: JobBudget) {
  const days = auditRetentionDays()
  const cutoff = auditCutoff(now, days).toDate()
  let removed = 0
  let done = false
  while (budget.hasTimeLeft()) {
    const { data } = (await auditLog().where({ at: _.lt(cutoff) }).orderBy('at', 'asc').limit(PRUNE_BATCH).field({ _id: true }).get()) as { data: Array<{ _id: string }> }
    if (data.length === 0) {
      done = true
      break
    }
    const result = (await auditLog()
      .where({ _id: _.in(data.map((d) => d._id)), at: _.lt(cutoff) })
      .remove()) as { stats: { removed: number } }
    removed += result.stats.removed
  }
  if (removed > 0) await audit(SYSTEM_ACTOR, 'pruneAuditLog', { collection: COLLECTIONS.auditLog, recordId: `before:${cutoff.toISOString()}`, place: 'bureau' }, now, removed)
  return { retentionDays: days, removed, done }
}
