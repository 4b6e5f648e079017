// Door-to-door service (上门办理): the resident asks for themselves or a relative, routing picks
// the responsible officer (src/core/routing, kind 'home_visit'), the officer proposes times, the
// resident accepts one, and the officer records the visit done with its outcome.
import { homeVisitRefusal, localized } from '../../../src/core/booking/catalog'
import type { HomeVisitView } from '../../../src/core/booking/contract'
import { homeVisitEligibilityRefusal, type HomeVisitOutcome, type HomeVisitReason } from '../../../src/core/booking/home-visit'
import { AppError } from '../../../src/core/envelope'
import type { Jurisdiction } from '../../../src/core/jurisdiction/schema'
import { communitiesOf, officerContact } from '../../../src/core/jurisdiction/views'
import { dayjs } from '../../../src/core/time'
import { _ } from '../../_shared/cloud'
import { isDuplicateKey } from '../../_shared/documents'
import { routeAcrossBureau } from '../../_shared/bureau-routing'
import { isLeader } from '../../../src/core/scope'
import { stationMatch } from '../../_shared/station-scope'
import type { Ctx } from '../../_shared/runtime'
import { idForRequest, requestDigest } from '../../_shared/personal-data'
import { messageTime, sendMessage } from '../notify'
import { personView, type Viewer } from '../records'
import { raise } from '../refusal'
import { bookingSettings } from '../settings'
import { getService } from '../store/catalog'
import { getVisit, insertVisit, openVisits, openVisitsByOfficer, updateVisitWhere, visitsOf, type HomeVisitDoc } from '../store/visits'
import { storedPerson } from './book'

function visitView(doc: HomeVisitDoc, jurisdiction: Jurisdiction, viewer: Viewer): HomeVisitView {
  const officer = jurisdiction.officers.find((o) => o.id === doc.assigneeOfficerId)
  const community = jurisdiction.communities.find((c) => c.id === doc.communityId)
  const proposal = (p: HomeVisitDoc['proposals'][number]) => ({ id: p.id, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() })
  return {
    id: doc._id,
    status: doc.status,
    service: { id: doc.serviceId, name: doc.service.name },
    person: personView(doc.person, viewer),
    reason: doc.reason,
    note: doc.note,
    addressText: doc.addressText,
    community: community ? { id: community.id, name: community.name, kind: community.kind } : null,
    // An officer removed by a later import still shows by id, so the visit is never orphaned.
    assignee: officer ? officerContact(officer) : { id: doc.assigneeOfficerId, name: doc.assigneeOfficerId, title: '', languages: [], phone: null, officeHours: null },
    routeReason: doc.routeReason,
    proposals: doc.proposals.map(proposal),
    scheduled: doc.scheduled ? proposal(doc.scheduled) : null,
    outcome: doc.outcome ? { result: doc.outcome.result, note: doc.outcome.note, at: doc.outcome.at.toISOString() } : null,
    createdAt: doc.createdAt.toISOString(),
  }
}

interface RequestInput {
  requestId: string
  serviceId: string
  person: { relation: 'self' | 'family'; name: string; phone: string; idNumber?: string; birthDate?: string }
  reason: HomeVisitReason
  note?: string
  location?: { lng: number; lat: number }
  communityId?: string
  addressText: string
  language: 'zh' | 'mn'
}

/** Checks and routing first, then one insert whose id comes from the requestId: a retry changes nothing. */
export async function requestHomeVisit(ctx: Ctx, input: RequestInput) {
  const config = bookingSettings()
  const now = ctx.now()
  const service = await getService(input.serviceId)
  raise(homeVisitRefusal(service))
  const current = await ctx.current()
  const { jurisdiction, version } = current
  const routing = routeAcrossBureau(
    current,
    { kind: 'home_visit', location: input.location, communityId: input.communityId ?? ctx.user.communityId ?? undefined, addressText: input.addressText, language: input.language, urgency: 'normal' },
    now,
    await openVisitsByOfficer(),
  )
  const { decision } = routing
  const community = jurisdiction.communities.find((c) => c.id === decision.communityId)
  raise(homeVisitEligibilityRefusal({ reason: input.reason, idNumber: input.person.idNumber, birthDate: input.person.birthDate, note: input.note, communityKind: community?.kind ?? null }, now, config))

  const digest = requestDigest({ serviceId: input.serviceId, person: input.person, reason: input.reason, note: input.note, location: input.location, communityId: input.communityId, addressText: input.addressText })
  const doc: HomeVisitDoc = {
    _id: idForRequest('hv_', ctx.openid, input.requestId),
    requesterOpenid: ctx.openid,
    requestDigest: digest,
    serviceId: service!.id,
    service: { name: service!.name },
    person: storedPerson(input.person),
    reason: input.reason,
    note: input.note?.trim() || null,
    addressText: input.addressText,
    location: input.location ?? null,
    communityId: decision.communityId,
    language: input.language,
    status: 'requested',
    assigneeOfficerId: decision.assignee.officerId,
    decision,
    stationId: routing.stationId,
    stationReason: routing.stationReason,
    routeReason: routing.routeReason,
    jurisdictionVersion: version,
    proposals: [],
    proposalSeq: 0,
    proposalRounds: [],
    scheduled: null,
    outcome: null,
    respondedAt: null,
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
  }
  try {
    await insertVisit(doc)
    return visitView(doc, jurisdiction, 'owner')
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const earlier = await getVisit(doc._id)
    if (!earlier) throw error
    if (earlier.requestDigest !== digest) throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for a different request.', [{ path: ['requestId'], message: 'already used for a different request' }])
    return visitView(earlier, jurisdiction, 'owner')
  }
}

export async function myHomeVisits(ctx: Ctx) {
  const { jurisdiction } = await ctx.current()
  return (await visitsOf(ctx.openid)).map((doc) => visitView(doc, jurisdiction, 'owner'))
}

export async function visitForOfficer(ctx: Ctx, visitId: string) {
  const { jurisdiction } = await ctx.current()
  const visit = await getVisit(visitId)
  if (!visit) throw new AppError('NOT_FOUND', 'No such door-to-door request.', undefined, { why: 'unknown_visit' })
  // Station leaders act on every visit of their station; an officer on visits assigned to them or in a community they cover.
  await ctx.requireCovered({ stationId: visit.stationId, communityId: visit.communityId, officerIds: [visit.assigneeOfficerId] })
  return { visit, jurisdiction }
}

export async function pendingHomeVisits(ctx: Ctx) {
  const { jurisdiction } = await ctx.current()
  // A leader sees every open visit of their station (a bureau leader: of all); an officer theirs.
  const leader = isLeader(ctx.user.roles)
  if (!leader && !ctx.user.officerId) return []
  const scope = leader ? null : { officerId: ctx.user.officerId!, communityIds: communitiesOf(jurisdiction, ctx.user.officerId!).map((c) => c.id) }
  const views = (await openVisits(scope, leader ? stationMatch(ctx) : {})).map((doc) => visitView(doc, jurisdiction, 'staff'))
  // Grouped by gacha/community in the jurisdiction's order; a place routing could not settle comes last.
  const order = new Map(jurisdiction.communities.map((c, i) => [c.id, i]))
  const groups = new Map<string, { community: HomeVisitView['community']; visits: HomeVisitView[] }>()
  for (const view of views) {
    const key = view.community?.id ?? ''
    const group = groups.get(key) ?? { community: view.community, visits: [] }
    group.visits.push(view)
    groups.set(key, group)
  }
  return [...groups.values()].sort((a, b) => (order.get(a.community?.id ?? '') ?? Infinity) - (order.get(b.community?.id ?? '') ?? Infinity))
}

/** At most this long per proposed visit. */
const MAX_VISIT_HOURS = 8

/** Rounds of proposals remembered per visit: far more than a visit is ever re-proposed, and a resend comes within days. */
const PROPOSAL_ROUNDS_KEPT = 20

/**
 * A round the same officer already proposed with this requestId, or undefined. The same key with
 * other times is a client error, refused before anything is written.
 */
function earlierRound(visit: HomeVisitDoc, round: { key: string; digest: string }) {
  const found = visit.proposalRounds.find((r) => r.key === round.key)
  if (found && found.digest !== round.digest) throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for other times; use a new requestId.', [{ path: ['requestId'], message: 'already used for other times' }])
  return found
}

/**
 * Replaces the proposals (a new round) and tells the resident. A resend of a round (same officer
 * and requestId, after a lost answer or racing the first) answers the visit as it is now and
 * writes and sends nothing: the round is found on the visit, before any state check, since the
 * resident may have accepted a time in between.
 */
export async function proposeHomeVisitTimes(ctx: Ctx, input: { visitId: string; times: Array<{ startsAt: string; endsAt: string }>; requestId: string }) {
  const now = ctx.now()
  const { visit, jurisdiction } = await visitForOfficer(ctx, input.visitId)
  const round = { key: idForRequest('', ctx.openid, input.requestId), digest: requestDigest({ visitId: visit._id, times: input.times }) }
  if (earlierRound(visit, round)) return visitView(visit, jurisdiction, 'staff')
  if (visit.status !== 'requested' && visit.status !== 'proposed') throw new AppError('FAILED_PRECONDITION', `The request is ${visit.status}.`, undefined, { why: visit.status })
  const issues = input.times.flatMap((t, i) => {
    const start = dayjs(t.startsAt)
    const end = dayjs(t.endsAt)
    if (!start.isAfter(now)) return [{ path: ['times', i, 'startsAt'], message: 'must be in the future' }]
    if (!end.isAfter(start) || end.diff(start, 'hour', true) > MAX_VISIT_HOURS) return [{ path: ['times', i, 'endsAt'], message: `must be after the start and at most ${MAX_VISIT_HOURS} hours later` }]
    return []
  })
  if (issues.length > 0) throw new AppError('INVALID_ARGUMENT', 'Some proposed times are not usable.', issues)
  const proposals = input.times.map((t, i) => ({ id: `p${visit.proposalSeq + i + 1}`, startsAt: new Date(t.startsAt), endsAt: new Date(t.endsAt) }))
  const change = { status: 'proposed' as const, proposals, proposalSeq: visit.proposalSeq + proposals.length, respondedAt: visit.respondedAt ?? now.toDate(), updatedAt: now.toDate() }
  // Conditional on the round the officer saw: two officers proposing at once cannot interleave,
  // and of racing resends of one round only one replaces the proposals and notifies.
  if (!(await updateVisitWhere(visit._id, { status: visit.status, proposalSeq: visit.proposalSeq }, { ...change, proposalRounds: _.push({ each: [round], slice: -PROPOSAL_ROUNDS_KEPT }) }))) {
    const current = await getVisit(visit._id)
    if (current && earlierRound(current, round)) return visitView(current, jurisdiction, 'staff')
    throw new AppError('CONFLICT', 'The request changed at the same moment; reload it.', undefined, { why: 'changed' })
  }
  const updated = { ...visit, ...change, proposalRounds: [...visit.proposalRounds, round].slice(-PROPOSAL_ROUNDS_KEPT) }
  const officer = jurisdiction.officers.find((o) => o.id === (ctx.user.officerId ?? visit.assigneeOfficerId))
  const messages = bookingSettings().messages
  await sendMessage(
    visit.requesterOpenid,
    messages.homeVisitProposed,
    { service: localized(visit.service.name, visit.language), time: messageTime(proposals[0].startsAt), officer: officer?.name ?? '' },
    `${messages.homeVisitPage}?tab=home&id=${visit._id}`,
    now,
  )
  return visitView(updated, jurisdiction, 'staff')
}

export async function acceptHomeVisitTime(ctx: Ctx, input: { visitId: string; proposalId: string }) {
  const now = ctx.now()
  const { jurisdiction } = await ctx.current()
  const visit = await getVisit(input.visitId)
  if (!visit) throw new AppError('NOT_FOUND', 'No such door-to-door request.', undefined, { why: 'unknown_visit' })
  ctx.requireOwner(visit.requesterOpenid)
  if (visit.status === 'scheduled' && visit.scheduled?.id === input.proposalId) return visitView(visit, jurisdiction, 'owner')
  if (visit.status !== 'proposed') throw new AppError('FAILED_PRECONDITION', `The request is ${visit.status}.`, undefined, { why: visit.status })
  const proposal = visit.proposals.find((p) => p.id === input.proposalId)
  if (!proposal) throw new AppError('NOT_FOUND', 'That time is no longer proposed.', undefined, { why: 'unknown_proposal' })
  if (!dayjs(proposal.startsAt).isAfter(now)) throw new AppError('FAILED_PRECONDITION', 'That time has passed.', undefined, { why: 'past' })
  const change = { status: 'scheduled' as const, scheduled: proposal, updatedAt: now.toDate() }
  if (!(await updateVisitWhere(visit._id, { status: 'proposed', requesterOpenid: ctx.openid, 'proposals.id': input.proposalId }, { ...change, scheduled: _.set(proposal) }))) {
    throw new AppError('CONFLICT', 'The officer changed the proposed times; reload them.', undefined, { why: 'changed' })
  }
  return visitView({ ...visit, ...change }, jurisdiction, 'owner')
}

export async function recordHomeVisitDone(ctx: Ctx, input: { visitId: string; outcome: HomeVisitOutcome; note: string }) {
  const now = ctx.now()
  const { visit, jurisdiction } = await visitForOfficer(ctx, input.visitId)
  if (visit.status === 'done') return visitView(visit, jurisdiction, 'staff')
  if (visit.status !== 'scheduled') throw new AppError('FAILED_PRECONDITION', 'Only a scheduled visit can be recorded as done.', undefined, { why: visit.status })
  const change = { status: 'done' as const, outcome: { result: input.outcome, note: input.note, at: now.toDate(), by: ctx.user.officerId ?? ctx.openid }, updatedAt: now.toDate() }
  if (!(await updateVisitWhere(visit._id, { status: 'scheduled' }, { ...change, outcome: _.set(change.outcome) }))) {
    throw new AppError('CONFLICT', 'The visit changed at the same moment; reload it.', undefined, { why: 'changed' })
  }
  return visitView({ ...visit, ...change }, jurisdiction, 'staff')
}
