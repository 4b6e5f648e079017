// The audit log (审计日志): who read or changed which record, when, in which role. Append-only:
// this module only ever inserts, and no function updates or removes audit entries. Any function
// can log through it; an entry names the collection and record, so one log serves them all.
import type { Role } from '../../src/core/roles'
import type { Dayjs } from '../../src/core/time'
import { db } from './cloud'
import { COLLECTIONS } from './collections'

export interface AuditEntry {
  actorOpenid: string
  /** The roles the actor held at the time (from the database, as the runtime checked them). */
  roles: Role[]
  /** What was done: `read`, or the action's name (`accept`, `recordAgreement`…). */
  action: string
  collection: string
  recordId: string
  at: Date
}

export async function audit(actor: { openid: string; user: { roles: Role[] } }, action: string, collection: string, recordId: string, now: Dayjs): Promise<void> {
  const entry: AuditEntry = { actorOpenid: actor.openid, roles: [...actor.user.roles], action, collection, recordId, at: now.toDate() }
  await db.collection(COLLECTIONS.auditLog).add({ data: entry })
}
