// Station leaders search the audit log (who read or changed which record, and when).
import type { AuditQuery } from '../../../src/core/privacy/contract'
import { auditRetentionDays, searchAudit as search } from '../../_shared/audit'

export async function searchAudit(_ctx: unknown, input: AuditQuery) {
  const { entries, hasMore } = await search(input)
  return { entries, page: input.page, hasMore, retentionDays: auditRetentionDays() }
}
