// Applying, officers deciding and suspending, and the leaderboard choice. The volunteer role
// lives on the user document (roles come from the database); approval grants it, suspension
// removes it, both idempotently, and the profile's status is changed first under a condition on
// the status read, so two officers deciding at once cannot both act.
import { stationIdOfCommunity } from '../../../src/core/bureau/views'
import { AppError } from '../../../src/core/envelope'
import { isStationWide } from '../../../src/core/scope'
import type { TeamView, VolunteerView } from '../../../src/core/volunteers/contract'
import { manages, recordStation, teamsFor } from '../../../src/core/volunteers/stations'
import { _ } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey } from '../../_shared/documents'
import { protect } from '../../_shared/personal-data'
import { revealPhone } from '../../_shared/reveal'
import type { Ctx } from '../../_shared/runtime'
import { users } from '../../_shared/users'
import { teamView, volunteerView, type TeamDoc, type VolunteerDoc } from '../records'
import { placeOfCaller, requireManages, teamStation, type Placed } from '../stations'
import { activities, allTeams, getVolunteer, memberCounts, releaseHolds, updateWhere, volunteers, volunteersWhere } from '../store'

/** Whether the caller is shown teams as staff (by what they manage) rather than as a resident (by their station). */
const asStaff = (ctx: Ctx) => isStationWide(ctx.user.roles) || ctx.user.roles.includes('officer')

export const teams = async (ctx: Ctx): Promise<TeamView[]> => {
  const [place, list, counts] = await Promise.all([placeOfCaller(ctx), allTeams(), memberCounts()])
  const stationed = list.map((t) => ({ ...t, id: t._id, stationId: teamStation(t, place.firstStationId) }))
  const staff = asStaff(ctx) && place.reach.kind !== 'none'
  const viewer = asStaff(ctx) && place.reach.kind !== 'none' ? place.reach : { kind: 'station' as const, stationId: place.ownStationId }
  const order = place.bureau.stations.map((s) => s.station.id)
  // `managed` is createActivity's own rule, so the activity form offers only teams it will accept.
  return teamsFor(stationed, viewer, order).map((t) => teamView(t, t.stationId, counts.get(t._id) ?? 0, staff && manages(place.reach, t.stationId)))
}

export async function myVolunteer(ctx: Ctx): Promise<VolunteerView | null> {
  const doc = await getVolunteer(ctx.openid)
  return doc ? volunteerView(doc, 'owner') : null
}

interface ApplyInput {
  name: string
  phone: string
  skills: VolunteerDoc['skills']
  availability: VolunteerDoc['availability']
  communityId: string
  teamId: string
  requestId?: string
}

export const apply = async (ctx: Ctx, input: ApplyInput): Promise<VolunteerView> => {
  const [place, teamList] = await Promise.all([placeOfCaller(ctx), allTeams()])
  const team = teamList.find((t) => t._id === input.teamId)
  if (!team) throw new AppError('INVALID_ARGUMENT', 'No such team.', [{ path: ['teamId'], message: 'no such team' }])
  // The volunteer's station: their team's, or for a bureau-wide team their home community's.
  const stationId = teamStation(team, place.firstStationId) ?? stationIdOfCommunity(place.bureau, input.communityId) ?? place.ownStationId
  const now = ctx.now().toDate()
  const profile = { ...input, requestId: input.requestId ?? null, phone: protect('phone', input.phone), status: 'pending' as const, reason: null, appliedAt: now, decidedAt: null, decidedBy: null, stationId }
  try {
    await volunteers().add({ data: { _id: ctx.openid, ...profile, leaderboardOptOut: false, holds: [] } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // Only a declined application can be made again; the condition keeps a racing decision safe.
    if (!(await updateWhere(volunteers(), { _id: ctx.openid, status: 'declined' }, profile))) {
      const existing = await getVolunteer(ctx.openid)
      // A resend of the application that made this profile (its answer was lost) answers it again.
      if (existing && input.requestId && existing.requestId === input.requestId) return volunteerView(existing, 'owner')
      throw new AppError('CONFLICT', `You have already applied (status: ${existing?.status ?? 'unknown'}).`, undefined, { why: 'already_applied', status: existing?.status })
    }
  }
  return volunteerView((await getVolunteer(ctx.openid))!, 'owner')
}

/** The station a volunteer is managed by: their team's (null: a bureau-wide team, the bureau's). */
function managingStation(doc: VolunteerDoc, teamList: readonly TeamDoc[], place: Placed): string | null {
  const team = teamList.find((t) => t._id === doc.teamId)
  return team ? teamStation(team, place.firstStationId) : recordStation(doc.stationId, place.firstStationId)
}

export const applications = async (ctx: Ctx, input: { status?: VolunteerDoc['status'] }): Promise<VolunteerView[]> => {
  const [place, teamList] = await Promise.all([placeOfCaller(ctx), allTeams()])
  const where: Record<string, unknown> = input.status ? { status: input.status } : {}
  if (place.reach.kind !== 'bureau') where.teamId = _.in(teamList.filter((t) => manages(place.reach, teamStation(t, place.firstStationId))).map((t) => t._id))
  const docs = await volunteersWhere(where, 500)
  const order = { pending: 0, active: 1, suspended: 2, declined: 3 }
  return docs.sort((a, b) => order[a.status] - order[b.status] || a.appliedAt.getTime() - b.appliedAt.getTime()).map((doc) => volunteerView(doc, 'staff'))
}

const grantRole = (openid: string) => users().where({ _id: openid, roles: _.neq('volunteer') }).update({ data: { roles: _.push(['volunteer']) } })
const revokeRole = (openid: string) => users().where({ _id: openid, roles: 'volunteer' }).update({ data: { roles: _.pull('volunteer') } })

async function mustGet(openid: string) {
  const doc = await getVolunteer(openid)
  if (!doc) throw new AppError('NOT_FOUND', 'No such volunteer or application.')
  return doc
}

/** The volunteer, if the caller manages their team's station (else refused before anything is written or revealed). */
async function mustManage(ctx: Ctx, openid: string): Promise<VolunteerDoc> {
  const [place, teamList, doc] = await Promise.all([placeOfCaller(ctx), allTeams(), mustGet(openid)])
  requireManages(place.reach, managingStation(doc, teamList, place))
  return doc
}

export const decide = async (ctx: Ctx, input: { openid: string; decision: 'approve' | 'decline'; reason?: string }): Promise<VolunteerView> => {
  const doc = await mustManage(ctx, input.openid)
  const now = ctx.now().toDate()
  // Approving an already active volunteer again repairs a role lost to a crash between the two writes.
  if (input.decision === 'approve' && doc.status === 'active') {
    await grantRole(input.openid)
    return volunteerView(doc, 'staff')
  }
  if (doc.status !== 'pending') throw new AppError('FAILED_PRECONDITION', `The application is ${doc.status}, not pending.`, undefined, { why: 'not_pending', status: doc.status })
  const status = input.decision === 'approve' ? ('active' as const) : ('declined' as const)
  const change = { status, reason: input.reason ?? null, decidedAt: now, decidedBy: ctx.openid }
  if (!(await updateWhere(volunteers(), { _id: input.openid, status: 'pending' }, change))) {
    throw new AppError('CONFLICT', 'Another officer decided this application at the same moment.', undefined, { why: 'decided' })
  }
  if (status === 'active') await grantRole(input.openid)
  return volunteerView({ ...doc, ...change }, 'staff')
}

export const suspend = async (ctx: Ctx, input: { openid: string; reason: string }): Promise<VolunteerView> => {
  const doc = await mustManage(ctx, input.openid)
  if (doc.status !== 'active' && doc.status !== 'suspended') throw new AppError('FAILED_PRECONDITION', `Only active volunteers can be suspended (this one is ${doc.status}).`, undefined, { why: 'not_active' })
  const now = ctx.now()
  const change = { status: 'suspended', reason: input.reason, decidedAt: now.toDate(), decidedBy: ctx.openid }
  await updateWhere(volunteers(), { _id: input.openid, status: _.in(['active', 'suspended']) }, change)
  await revokeRole(input.openid)
  // Their places in coming activities go to the waitlists (the promotion job tells the next in line).
  const upcoming = doc.holds.filter((h) => h.startsAt > now.toDate()).map((h) => h.activityId)
  if (upcoming.length > 0) {
    await activities()
      .where({ _id: _.in(upcoming), 'entries.openid': input.openid })
      .update({ data: { entries: _.pull({ openid: input.openid }), count: _.inc(-1), updatedAt: now.toDate() } })
    for (const id of upcoming) await releaseHolds([input.openid], id)
  }
  return volunteerView({ ...doc, ...change, status: 'suspended' }, 'staff')
}

export async function setLeaderboardOptOut(ctx: Ctx, input: { optOut: boolean }): Promise<VolunteerView> {
  const doc = await mustGet(ctx.openid)
  await updateWhere(volunteers(), { _id: ctx.openid }, { leaderboardOptOut: input.optOut })
  return volunteerView({ ...doc, leaderboardOptOut: input.optOut }, 'owner')
}

/** Officers see volunteers' phones masked; revealing one (to call about an activity) is audited. */
export const revealContact = async (ctx: Ctx, input: { openid: string }) => {
  const doc = await mustManage(ctx, input.openid)
  return revealPhone(ctx, doc.phone, { collection: COLLECTIONS.volunteers, recordId: doc._id, field: 'phone', place: { record: doc.stationId ?? null } })
}
