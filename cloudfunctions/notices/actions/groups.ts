// Groups: the caller's own (community + joined topics), the topic list to join or leave,
// alert grants, and linking a WeChat group chat to a group from a share card.
import type { GroupView } from '../../../src/core/notices/contract'
import { groupsOf, isTopicGroup, mayJoin, ownedGroups, ownedTopicGroups, stationOfTopicGroup, topicGroupExists, topicGroupOf, topicGroupsFor } from '../../../src/core/notices/groups'
import type { BureauJurisdiction } from '../../../src/core/bureau/schema'
import { residentStationId } from '../../booking/stations'
import type { Input } from '../input'
import type { Ctx } from '../../_shared/runtime'
import { AppError } from '../../../src/core/envelope'
import { hasAnyRole, STAFF } from '../../../src/core/roles'
import { _, db } from '../../_shared/cloud'
import { getOfficer } from '../../_shared/officers'
import { isDuplicateKey } from '../../_shared/documents'
import { idForRequest } from '../../_shared/personal-data'
import type { ReaderDoc } from '../records'
import { changeReader, chats, getReader, memberCounts, readers, updated } from '../store'

export const isStaff = (ctx: Ctx) => hasAnyRole(ctx.user.roles, STAFF)

const stationIdsOf = (bureau: BureauJurisdiction) => bureau.stations.map((s) => s.station.id)

/**
 * The groups a staff member may publish to, and the place they publish for (a station's id, or
 * the bureau's for bureau roles). Officers: their communities (their officer record's station);
 * station leaders and admins: every community and topic group of their station; bureau roles: of
 * every station, and the bureau-wide topic groups (src/core/notices/groups.ts › ownedTopicGroups
 * says why a station leader does not publish there).
 */
export async function ownership(ctx: Ctx): Promise<{ groups: Set<string>; stationId: string | null }> {
  const officer = !ctx.stationWide && ctx.user.officerId ? await getOfficer(ctx.user.officerId) : null
  const bureau = ctx.stationWide ? (await ctx.current()).bureau : null
  const sections = bureau ? bureau.stations.filter((s) => ctx.bureauWide || s.station.id === ctx.stationId) : []
  const groups = ownedGroups({
    roles: ctx.user.roles,
    coveredCommunityIds: officer?.active ? officer.communityIds : [],
    allCommunityIds: sections.flatMap((s) => s.communities.map((c) => c.id)),
    topicGroupIds: bureau ? ownedTopicGroups(ctx.stationId, ctx.bureauWide, stationIdsOf(bureau), bureau.stations[0].station.id) : [],
  })
  // A notice of bureau staff is the bureau's, not the first station's (which a missing station
  // would mean): it carries the bureau's id, which no station's leaders reach.
  const stationId = bureau && ctx.bureauWide ? bureau.bureau.id : ctx.stationWide ? ctx.stationId : (officer?.stationId ?? null)
  return { groups, stationId }
}

export const ownedBy = async (ctx: Ctx) => (await ownership(ctx)).groups

export async function groups(ctx: Ctx): Promise<{ mine: GroupView[]; topics: GroupView[]; owned: GroupView[]; alertGrants: number }> {
  const reader = await getReader(ctx.openid)
  const { jurisdiction, bureau } = await ctx.current()
  const firstStationId = bureau.stations[0].station.id
  const stationNames = new Map(bureau.stations.map((s) => [s.station.id, s.station.name]))
  const communities = new Map(jurisdiction.communities.map((c) => [c.id, c]))
  const mine = new Set(groupsOf(ctx.user.communityId, reader.topics))
  const view = (id: string, members: number | null = null, linkedChats: number | null = null): GroupView => {
    const community = communities.get(id)
    const topic = topicGroupOf(id)
    const stationId = topic && !topic.bureauWide ? stationOfTopicGroup(id, firstStationId) : null
    return {
      id,
      kind: community?.kind ?? 'topic',
      name: community?.name ?? null,
      bureauWide: topic?.bureauWide ?? false,
      station: stationId === null ? null : (stationNames.get(stationId) ?? null),
      joined: mine.has(id),
      members,
      linkedChats,
    }
  }
  let owned: GroupView[] = []
  const ids = isStaff(ctx) ? [...(await ownedBy(ctx))] : []
  if (ids.length > 0) {
    const [{ list }, members] = await Promise.all([
      chats().aggregate().match({ groupId: _.in(ids) }).group({ _id: '$groupId', chats: db.command.aggregate.sum(1) }).limit(ids.length).end() as Promise<{ list: Array<{ _id: string; chats: number }> }>,
      memberCounts(ids, isTopicGroup),
    ])
    const linked = new Map(list.map((c) => [c._id, c.chats]))
    owned = ids.map((id) => view(id, members.get(id) ?? 0, linked.get(id) ?? 0))
  }
  // Their station's topic groups and the bureau's; a group joined before moving to another
  // station stays listed (to leave it) until left.
  const joinable = topicGroupsFor(residentStationId(ctx.user, bureau), firstStationId)
  const joinedElsewhere = reader.topics.filter((id) => isTopicGroup(id) && !joinable.includes(id) && topicGroupExists(id, stationIdsOf(bureau), firstStationId))
  return {
    mine: [...mine].filter((id) => isTopicGroup(id) || communities.has(id)).map((id) => view(id)),
    topics: [...joinable, ...joinedElsewhere].map((id) => view(id)),
    owned,
    alertGrants: reader.grants,
  }
}

/**
 * Joins a topic group of the caller's station or the bureau. Another station's group is
 * PERMISSION_DENIED: the topics are the same list at every station and the stations are public
 * (listStations), so refusing reveals nothing; a group no station has is NOT_FOUND.
 */
export async function joinGroup(ctx: Ctx, input: Input<'joinGroup'>) {
  const { bureau } = await ctx.current()
  const firstStationId = bureau.stations[0].station.id
  if (!topicGroupExists(input.groupId, stationIdsOf(bureau), firstStationId)) throw new AppError('NOT_FOUND', `There is no topic group ${input.groupId}: choose one from your groups list.`)
  if (!mayJoin(input.groupId, residentStationId(ctx.user, bureau), firstStationId)) {
    throw new AppError('PERMISSION_DENIED', 'This topic group belongs to another station: join your own station’s groups or the bureau-wide ones.', undefined, { why: 'other_station' })
  }
  await changeReader(ctx.openid, { topics: _.addToSet(input.groupId) }, { topics: [input.groupId] })
  return { topics: (await getReader(ctx.openid)).topics }
}

export async function leaveGroup(ctx: Ctx, input: Input<'leaveGroup'>) {
  await readers().where({ _id: ctx.openid }).update({ data: { topics: _.pull(input.groupId) } })
  return { topics: (await getReader(ctx.openid)).topics }
}

/** Grant requests remembered per person: a resend comes within days, long before this many more acceptances. */
const GRANT_REQUESTS_KEPT = 20

/** Whether this request was recorded already; the same requestId with another count is refused. */
function grantedBefore(reader: ReaderDoc, grant: { key: string; accepted: number }): boolean {
  const found = reader.grantRequests.find((g) => g.key === grant.key)
  if (found && found.accepted !== grant.accepted) throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for another count; use a new requestId.', [{ path: ['requestId'], message: 'already used for another count' }])
  return found !== undefined
}

/**
 * WeChat one-time subscriptions: each acceptance allows one message, so grants add up. Counted
 * once per requestId: the increment is conditional on no recorded grant carrying its key, so a
 * resend (or its racing twin) changes nothing, finds the grant and answers the person's grants.
 */
export async function grantAlerts(ctx: Ctx, input: Input<'grantAlerts'>) {
  const grant = { key: idForRequest('', ctx.openid, input.requestId), accepted: input.accepted }
  const change = { grants: _.inc(grant.accepted), grantRequests: _.push({ each: [grant], slice: -GRANT_REQUESTS_KEPT }) }
  const count = () => readers().where({ _id: ctx.openid, 'grantRequests.key': _.neq(grant.key) }).update({ data: change })
  if (!updated(await count()) && !grantedBefore(await getReader(ctx.openid), grant)) {
    try {
      // No reader document yet (the person's first grant); a racing first write loses the insert.
      await readers().add({ data: { _id: ctx.openid, topics: [], grants: grant.accepted, read: [], grantRequests: [grant] } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Created in between: by this request's twin (found, nothing to count) or by another change
      // of the person's (joining a topic), in which case this grant still counts.
      if (!grantedBefore(await getReader(ctx.openid), grant)) await count()
    }
  }
  return { alertGrants: (await getReader(ctx.openid)).grants }
}

/**
 * The opengid came through the cloud's CloudID resolution, so it names a chat the caller is in.
 * Only a member or an owner of the group may link it; a chat belongs to one group, the last linked.
 */
export async function linkChat(ctx: Ctx, input: Input<'linkChat'>) {
  const reader = await getReader(ctx.openid)
  const member = groupsOf(ctx.user.communityId, reader.topics).includes(input.groupId)
  if (!member && !(isStaff(ctx) && (await ownedBy(ctx)).has(input.groupId))) {
    throw new AppError('PERMISSION_DENIED', 'Only members or owners of a group can link a chat to it.')
  }
  const opengid = input.chat.data.opengid
  await chats().doc(opengid).set({ data: { groupId: input.groupId, linkedBy: ctx.openid, linkedAt: ctx.now().toDate() } })
  return { groupId: input.groupId, opengid, linked: true }
}
