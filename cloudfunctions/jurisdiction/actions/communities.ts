// Communities as residents and officers see them, and binding a resident to one.
import { AppError } from '../../../src/core/envelope'
import type { MyCommunity } from '../../../src/core/jurisdiction/contract'
import type { Jurisdiction } from '../../../src/core/jurisdiction/schema'
import { communitiesOf, communityCard } from '../../../src/core/jurisdiction/views'
import { locatePoint } from '../../../src/core/routing/locate'
import { loadCurrent } from '../../_shared/jurisdiction-store'
import type { Ctx } from '../../_shared/runtime'
import { updateUser, type UserDoc } from '../../_shared/users'

export async function listCommunities() {
  const { jurisdiction } = await loadCurrent()
  return jurisdiction.communities.map((c) => communityCard(jurisdiction, c))
}

function myCommunityOf(user: UserDoc, jurisdiction: Jurisdiction): MyCommunity | null {
  if (!user.communityId) return null
  const community = jurisdiction.communities.find((c) => c.id === user.communityId)
  // A later import may have removed the community: the resident is asked to bind again.
  if (!community) return null
  return {
    community: communityCard(jurisdiction, community),
    via: user.communityBinding?.via ?? 'list',
    boundAt: (user.communityBinding?.at ?? user.updatedAt).toISOString(),
    located: user.communityBinding?.located ?? null,
  }
}

export async function myCommunity(ctx: Ctx) {
  return myCommunityOf(ctx.user, (await loadCurrent()).jurisdiction)
}

export async function bindCommunity(ctx: Ctx, input: { communityId: string; via: 'list' | 'qr' }) {
  const { jurisdiction } = await loadCurrent()
  if (!jurisdiction.communities.some((c) => c.id === input.communityId)) throw new AppError('NOT_FOUND', `No community ${input.communityId} in this station.`)
  const now = ctx.now()
  const user = await updateUser(ctx.user, { communityId: input.communityId, communityBinding: { via: input.via, at: now.toDate(), located: null } }, now)
  return myCommunityOf(user, jurisdiction)!
}

export async function bindCommunityByLocation(ctx: Ctx, input: { lng: number; lat: number }) {
  const { index, jurisdiction } = await loadCurrent()
  const step = locatePoint(index, input.lng, input.lat)
  if (step.communityId === null || (step.method !== 'polygon' && step.method !== 'nearest')) {
    throw new AppError('FAILED_PRECONDITION', 'This place is outside every community of the station; choose your community from the list.')
  }
  const now = ctx.now()
  const located = { method: step.method, distanceKm: step.distanceKm ?? null }
  const user = await updateUser(ctx.user, { communityId: step.communityId, communityBinding: { via: 'location', at: now.toDate(), located } }, now)
  return myCommunityOf(user, jurisdiction)!
}

export async function coveredCommunities(ctx: Ctx) {
  if (!ctx.user.officerId) return []
  const { jurisdiction } = await loadCurrent()
  return communitiesOf(jurisdiction, ctx.user.officerId).map((c) => communityCard(jurisdiction, c))
}
