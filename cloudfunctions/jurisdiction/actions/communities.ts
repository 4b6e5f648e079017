// Stations and communities as residents and officers see them, and binding a resident to a
// community (and so to its station).
import { AppError } from '../../../src/core/envelope'
import { stationPosition } from '../../../src/core/bureau/views'
import type { BureauStations, CommunityCard, MyCommunity } from '../../../src/core/jurisdiction/contract'
import type { Community } from '../../../src/core/jurisdiction/schema'
import { communitiesOf, communityCard } from '../../../src/core/jurisdiction/views'
import { chooseStation } from '../../../src/core/bureau/route'
import { locatePoint } from '../../../src/core/routing/locate'
import type { Loaded } from '../../_shared/jurisdiction-store'
import type { Ctx } from '../../_shared/runtime'
import { updateUser, type UserDoc } from '../../_shared/users'

const stationIdOf = (current: Loaded, communityId: string): string => current.bureauIndex.stations[current.bureauIndex.stationOfCommunity.get(communityId)!].id

const cardOf = (current: Loaded, community: Community): CommunityCard => ({ ...communityCard(current.jurisdiction, community), stationId: stationIdOf(current, community.id) })

export async function listStations(ctx: Ctx): Promise<BureauStations> {
  const { bureau } = await ctx.current()
  return {
    bureau: { id: bureau.bureau.id, name: bureau.bureau.name, dutyDeskPhone: bureau.bureau.dutyDesk.phone },
    stations: bureau.stations.map((section) => ({
      id: section.station.id,
      name: section.station.name,
      dutyPhone: section.station.dutyPhone ?? null,
      communities: section.communities.length,
      position: stationPosition(section),
    })),
  }
}

export async function listCommunities(ctx: Ctx, input: { stationId?: string }) {
  const current = await ctx.current()
  if (input.stationId === undefined) return current.jurisdiction.communities.map((c) => cardOf(current, c))
  const section = current.bureau.stations.find((s) => s.station.id === input.stationId)
  if (!section) throw new AppError('NOT_FOUND', `No station ${input.stationId} in this bureau; list the stations for their ids.`, [{ path: ['stationId'], message: 'unknown station' }])
  return section.communities.map((c) => cardOf(current, c))
}

function myCommunityOf(user: UserDoc, current: Loaded): MyCommunity | null {
  if (!user.communityId) return null
  const community = current.jurisdiction.communities.find((c) => c.id === user.communityId)
  // A later import may have removed the community: the resident is asked to bind again.
  if (!community) return null
  return {
    community: cardOf(current, community),
    via: user.communityBinding?.via ?? 'list',
    boundAt: (user.communityBinding?.at ?? user.updatedAt).toISOString(),
    located: user.communityBinding?.located ?? null,
  }
}

export async function myCommunity(ctx: Ctx) {
  return myCommunityOf(ctx.user, await ctx.current())
}

export async function bindCommunity(ctx: Ctx, input: { communityId: string; via: 'list' | 'qr' }) {
  const current = await ctx.current()
  if (!current.bureauIndex.stationOfCommunity.has(input.communityId)) throw new AppError('NOT_FOUND', `No community ${input.communityId} in this bureau.`)
  const now = ctx.now()
  const stationId = stationIdOf(current, input.communityId)
  const user = await updateUser(ctx.user, { communityId: input.communityId, stationId, communityBinding: { via: input.via, at: now.toDate(), located: null } }, now)
  return myCommunityOf(user, current)!
}

/**
 * The station is chosen as routing chooses it (inside one of its communities, else the nearest
 * station within the bureau's limit); inside that station the point is placed as before (its
 * polygon, else its nearest community within the station's limit).
 */
export async function bindCommunityByLocation(ctx: Ctx, input: { lng: number; lat: number }) {
  const current = await ctx.current()
  const choice = chooseStation({ kind: 'consultation', location: input }, current.bureauIndex)
  const step = choice.station === null ? null : locatePoint(current.bureauIndex.stations[choice.station].index, input.lng, input.lat)
  if (!step || step.communityId === null || (step.method !== 'polygon' && step.method !== 'nearest')) {
    throw new AppError('FAILED_PRECONDITION', 'This place is outside every community of the bureau; choose your community from the list.')
  }
  const now = ctx.now()
  const located = { method: step.method, distanceKm: step.distanceKm ?? null }
  const stationId = stationIdOf(current, step.communityId)
  const user = await updateUser(ctx.user, { communityId: step.communityId, stationId, communityBinding: { via: 'location', at: now.toDate(), located } }, now)
  return myCommunityOf(user, current)!
}

export async function coveredCommunities(ctx: Ctx) {
  if (!ctx.user.officerId) return []
  const current = await ctx.current()
  return communitiesOf(current.jurisdiction, ctx.user.officerId).map((c) => cardOf(current, c))
}
