// The pictures in one content-security state, for the station's leaders and admins to review.
import type { MediaCheckView } from '../../../src/core/security/contract'
import { checksIn, type MediaCheckDoc } from '../../_shared/media-check'
import type { Ctx } from '../../_shared/runtime'

const PAGE = 50

export async function mediaChecks(_ctx: Ctx, input: { status: MediaCheckDoc['status'] }): Promise<MediaCheckView[]> {
  return (await checksIn(input.status, PAGE)).map((c) => ({ fileID: c.fileID, purpose: c.purpose, status: c.status, createdAt: c.createdAt.toISOString(), checkedAt: c.checkedAt?.toISOString() ?? null }))
}
