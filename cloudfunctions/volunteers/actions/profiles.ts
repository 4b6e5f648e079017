// Applying, officers deciding and suspending, and the leaderboard choice. The volunteer role
// lives on the user document (roles come from the database); approval grants it, suspension
// removes it, both idempotently, and the profile's status is changed first under a condition on
// the status read, so two officers deciding at once cannot both act.
import { AppError } from '../../../src/core/envelope'
import type { TeamView, VolunteerView } from '../../../src/core/volunteers/contract'
import { _ } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey } from '../../_shared/documents'
import { protect } from '../../_shared/personal-data'
import { revealPhone } from '../../_shared/reveal'
import type { Ctx } from '../../_shared/runtime'
import { users } from '../../_shared/users'
import { teamView, volunteerView, type VolunteerDoc } from '../records'
import { activities, allTeams, getVolunteer, memberCounts, releaseHolds, teamsCollection, updateWhere, volunteers, volunteersWhere } from '../store'

export async function teams(): Promise<TeamView[]> {
  const [list, counts] = await Promise.all([allTeams(), memberCounts()])
  return list.map((t) => teamView(t, counts.get(t._id) ?? 0))
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

export async function apply(ctx: Ctx, input: ApplyInput): Promise<VolunteerView> {
  const { data: team } = (await teamsCollection().where({ _id: input.teamId }).limit(1).get()) as { data: unknown[] }
  if (team.length === 0) throw new AppError('INVALID_ARGUMENT', 'No such team.', [{ path: ['teamId'], message: 'no such team' }])
  const now = ctx.now().toDate()
  const profile = { ...input, requestId: input.requestId ?? null, phone: protect('phone', input.phone), status: 'pending' as const, reason: null, appliedAt: now, decidedAt: null, decidedBy: null }
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

export async function applications(_ctx: Ctx, input: { status?: VolunteerDoc['status'] }): Promise<VolunteerView[]> {
  const docs = await volunteersWhere(input.status ? { status: input.status } : {}, 500)
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

export async function decide(ctx: Ctx, input: { openid: string; decision: 'approve' | 'decline'; reason?: string }): Promise<VolunteerView> {
  const doc = await mustGet(input.openid)
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

export async function suspend(ctx: Ctx, input: { openid: string; reason: string }): Promise<VolunteerView> {
  const doc = await mustGet(input.openid)
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
export async function revealContact(ctx: Ctx, input: { openid: string }) {
  const doc = await mustGet(input.openid)
  return revealPhone(ctx, doc.phone, { collection: COLLECTIONS.volunteers, recordId: doc._id, field: 'phone' })
}
