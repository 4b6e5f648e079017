// The audit log (审计日志): who read or changed which record, when, in which role. Append-only:
// this is the only module that touches the collection (test/unit/audit-append-only.test.ts checks
// the sources), it inserts entries, and the one deletion is the retention job's removal of entries
// past the configured age, which is itself logged with the number removed.
import * as z from 'zod/mini'
import { AUDIT_PAGE_SIZE, AuditRetentionDays, auditCutoff, type AuditEntryView, type AuditQuery } from '../../src/core/privacy/contract'
import { Role } from '../../src/core/roles'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import type { JobBudget } from './job-budget'
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
  at: z.coerce.date(),
})
export type AuditEntry = z.infer<typeof AuditEntry>
const StoredEntry = z.extend(AuditEntry, { _id: z.string() })

/** Who the log names for work no person started (timer jobs). */
export const SYSTEM_ACTOR = { openid: 'system', user: { roles: [] as Role[] } }

export async function audit(actor: { openid: string; user: { roles: Role[] } }, action: string, collection: string, recordId: string, now: Dayjs, count?: number): Promise<void> {
  const entry: AuditEntry = { actorOpenid: actor.openid, roles: [...actor.user.roles], action, collection, recordId, ...(count === undefined ? {} : { count }), at: now.toDate() }
  await auditLog().add({ data: entry })
}

/** Days entries are kept, from the function's AUDIT_RETENTION_DAYS (parsed once per instance; a bad value fails loudly). */
let retention: number | null = null
export const auditRetentionDays = () => (retention ??= AuditRetentionDays.parse(process.env.AUDIT_RETENTION_DAYS || undefined))

/**
 * One page, newest first. Each filter combination is served by an index (database.json ›
 * audit_log): an actor by by_actor, a record by by_record, a collection by by_collection, an
 * action by by_action, a period alone by by_at; the other filters narrow what that index selects.
 */
export async function searchAudit(query: AuditQuery): Promise<{ entries: AuditEntryView[]; hasMore: boolean }> {
  const period = query.from || query.to ? { at: query.from && query.to ? _.gte(new Date(query.from)).and(_.lte(new Date(query.to))) : query.from ? _.gte(new Date(query.from)) : _.lte(new Date(query.to!)) } : {}
  const where = {
    ...(query.actorOpenid ? { actorOpenid: query.actorOpenid } : {}),
    ...(query.collection ? { collection: query.collection } : {}),
    ...(query.recordId ? { recordId: query.recordId } : {}),
    ...(query.actionName ? { action: query.actionName } : {}),
    ...period,
  }
  const { data } = (await auditLog()
    .where(where)
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
  if (removed > 0) await audit(SYSTEM_ACTOR, 'pruneAuditLog', COLLECTIONS.auditLog, `before:${cutoff.toISOString()}`, now, removed)
  return { retentionDays: days, removed, done }
}
