// Leaders and admins search the audit log (who read or changed which record, and when): a
// station's their station's entries, the bureau's all of them.
import type { AuditQuery } from '../../../src/core/privacy/contract'
import { auditRetentionDays, searchAudit as search } from '../../_shared/audit'
import { stationOrBureauMatch } from '../../_shared/station-scope'
import type { Ctx } from '../../_shared/runtime'

export async function searchAudit(ctx: Ctx, input: AuditQuery) {
  const { entries, hasMore } = await search(input, stationOrBureauMatch(ctx))
  return { entries, page: input.page, hasMore, retentionDays: auditRetentionDays() }
}
