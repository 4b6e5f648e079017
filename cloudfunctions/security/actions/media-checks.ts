// The pictures in one content-security state, for a station's leaders and admins to review: their
// station's pictures (of its records, or uploaded by its staff); the bureau's roles see all.
import type { MediaCheckView } from '../../../src/core/security/contract'
import { checksIn, type MediaCheckDoc } from '../../_shared/media-check'
import type { Ctx } from '../../_shared/runtime'
import { stationOrBureauMatch } from '../../_shared/station-scope'

const PAGE = 50

export async function mediaChecks(ctx: Ctx, input: { status: MediaCheckDoc['status'] }): Promise<MediaCheckView[]> {
  return (await checksIn(input.status, PAGE, stationOrBureauMatch(ctx))).map((c) => ({ fileID: c.fileID, purpose: c.purpose, status: c.status, createdAt: c.createdAt.toISOString(), checkedAt: c.checkedAt?.toISOString() ?? null }))
}
