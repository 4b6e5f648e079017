// What residents do: file a request (content check → routing → one insert, counted against the
// daily filing limit), follow their own requests, withdraw one nobody accepted, say whether the
// answer resolved it, and rate it.
//
// Anonymity (tip-offs): the stored request has no openid, name or phone; its id is a keyed digest
// of the phone's secret (not of the account), the filer reaches it through that secret (only its
// keyed digest is stored), the filing limit counts a keyed digest of the account, and pictures are
// checked without keeping the uploader. See docs/requests.md.
import { AppError } from '../../../src/core/envelope'
import type { ResidentRequestView } from '../../../src/core/requests/contract'
import { KIND_RULES, handlerOf, type RequestDetails } from '../../../src/core/requests/kinds'
import { deadlinesOf, decide, initialChange, type Transition } from '../../../src/core/requests/lifecycle'
import { addWorkingDays } from '../../../src/core/requests/deadlines'
import { isDissatisfied } from '../../../src/core/mediation/rating'
import type { Dayjs } from '../../../src/core/time'
import { _, cloud } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey } from '../../_shared/documents'
import { routeAcrossBureau } from '../../_shared/bureau-routing'
import { leadershipOf } from '../../_shared/jurisdiction-store'
import { startMediaCheck } from '../../_shared/media-check'
import { keyedDigest, protect, requestDigest } from '../../_shared/personal-data'
import { counterJoin, limited } from '../../_shared/rate-limit'
import { withJoins, type Ctx } from '../../_shared/runtime'
import type { Joins } from '../../_shared/users'
import { notifyRectification } from '../notify'
import { requestsSettings } from '../settings'
import { getRequest, insertRectification, insertRequest, joinedRequest, requestJoin, requests, requestsById, requestsOf, updateRequestAt, type RequestDoc } from '../store'
import { residentView, stateOf } from '../views'

interface SubmitInput {
  requestId: string
  details: RequestDetails
  text: string
  photos: string[]
  location?: { lng: number; lat: number }
  addressText?: string
  language: 'zh' | 'mn'
  anonymous: boolean
  followSecret?: string
  contact?: { name?: string; phone?: string }
}

/** The id of a request: a keyed digest of who filed (the account, or an anonymous filer's secret) and the attempt's key. */
const requestDocId = (input: SubmitInput, openid: string) =>
  `rq_${(input.anonymous ? keyedDigest('request-id-anonymous', `${input.followSecret}\n${input.requestId}`) : keyedDigest('request-id', `${openid}\n${input.requestId}`)).slice(0, 40)}`

export const followKeyOf = (secret: string) => keyedDigest('request-follow', secret)
/** The filing limit's subject: a keyed digest, so the counters name no account either. */
export const filerSubject = (openid: string) => keyedDigest('request-filer', openid).slice(0, 40)

/** WeChat's content security: risky text is refused before anything is stored; review is flagged for the officer. */
async function contentVerdict(openid: string, content: string): Promise<'pass' | 'review' | 'risky'> {
  const answer = (await cloud.openapi.security.msgSecCheck({ openid, scene: 2, version: 2, content })) as { result?: { suggest?: string } }
  const suggest = answer.result?.suggest
  return suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass'
}

/**
 * Every read submit makes before its insert, joined onto the runtime's user read (which carries
 * the jurisdiction's pointer for ctx.current(); a warm instance has the version itself): the
 * request this attempt made if its first answer was lost, and the day's filing counter. So a filing costs 3 requests (4 on
 * a cold instance, which reads the jurisdiction's version too).
 */
function submitJoins(input: SubmitInput, caller: { openid: string; now: Dayjs }): Joins {
  return {
    made: requestJoin(requestDocId(input, caller.openid)),
    filingLimit: counterJoin('requestFiling', filerSubject(caller.openid), caller.now),
  }
}

export const submit = withJoins(submitJoins, async (ctx: Ctx, input: SubmitInput): Promise<ResidentRequestView> => {
  const now = ctx.now()
  const config = requestsSettings()
  const verdict = await contentVerdict(ctx.openid, input.text)
  if (verdict === 'risky') throw new AppError('INVALID_ARGUMENT', 'The text did not pass content security; please reword it.', [{ path: ['text'], message: 'did not pass content security' }], { why: 'content' })

  const kind = input.details.kind
  const handledBy = handlerOf(input.details)
  const current = await ctx.current()
  const { jurisdiction, version } = current
  // A resident who gave no place is routed by the community they bound to (an anonymous one too:
  // the community is where the tip is about, not who sent it).
  const urgent = (input.details.kind === 'help' && input.details.dangerNow) || (input.details.kind === 'tip_off' && input.details.ongoing) || (input.details.kind === 'fraud_report' && input.details.moneyLost)
  // Routing weighs duty and leave; not each officer's open count, whose aggregation would add to
  // submit's budget (issue 15). Leaders see the load instead.
  const routing = routeAcrossBureau(current, { kind, location: input.location, communityId: ctx.user.communityId ?? undefined, addressText: input.addressText, language: input.language, urgency: urgent ? 'urgent' : 'normal' }, now)
  const { decision } = routing
  const community = jurisdiction.communities.find((c) => c.id === decision.communityId)
  const leaders = leadershipOf(current, routing.stationId)
  const complainedAbout = input.details.kind === 'complaint' ? input.details.officerId : undefined
  // A complaint about an officer: the station's leadership only; about one of its leaders: the
  // bureau's leadership (the bureau duty desk when it has none), never the leader complained about.
  const aboutALeader = complainedAbout !== undefined && leaders.includes(complainedAbout)
  const officerIds =
    handledBy === 'leadership'
      ? (aboutALeader ? leadershipOf(current, null) : leaders).filter((id) => id !== complainedAbout)
      : [...new Set([decision.assignee.officerId, ...(community ? [community.officerId, ...community.auxiliaryOfficerIds] : [])])]
  const { acceptBy, answerBy } = deadlinesOf(now, KIND_RULES[kind].limits, config.calendar)
  const { requestId: _key, followSecret, ...content } = input
  const doc: RequestDoc = {
    _id: requestDocId(input, ctx.openid),
    kind,
    details: input.details,
    text: input.text,
    language: input.language,
    anonymous: input.anonymous,
    filerOpenid: input.anonymous ? null : ctx.openid,
    followKey: input.anonymous && followSecret ? followKeyOf(followSecret) : null,
    filer: input.anonymous ? null : { name: input.contact?.name ?? null, phone: input.contact?.phone ? protect('phone', input.contact.phone) : null },
    requestDigest: requestDigest(content),
    communityId: decision.communityId,
    location: input.location ?? null,
    addressText: input.addressText ?? null,
    photos: [],
    contentReview: verdict === 'review',
    handledBy,
    officerId: handledBy === 'leadership' ? null : decision.assignee.officerId,
    officerIds,
    decision,
    stationId: routing.stationId,
    stationReason: routing.stationReason,
    routeReason: routing.routeReason,
    jurisdictionVersion: version,
    acceptBy,
    answerBy,
    ...initialChange({ acceptBy, answerBy }),
    overdue: false,
    escalated: [],
    everAccepted: false,
    reopenCount: 0,
    answeredAt: null,
    firstAnsweredAt: null,
    answeredOnTime: null,
    closedAt: null,
    closedBy: null,
    answers: [],
    handoffs: [],
    transfers: [],
    timeline: [{ kind: 'filed', at: now.toDate(), by: 'resident' }],
    reopenComment: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    rectificationPending: false,
    version: 0,
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
  }
  // A retried request (its first answer was lost) answers the request it made, and costs no
  // allowance, also once the day's filings are used up.
  const made = joinedRequest(ctx.joined, 'made')
  if (made) return retried(made, doc)
  try {
    // Filings per person per day (rate limit `requestFiling`), counted when one is stored; a
    // retry racing its first attempt (duplicate id) gives its unit back and answers the first filing.
    await limited('requestFiling', filerSubject(ctx.openid), now, () => insertRequest(doc), ctx.joined.filingLimit)
  } catch (error) {
    // A retry whose first attempt was stored: answered with it, also once the day's filings are
    // used up (the limit refuses before the insert could find the duplicate, so look it up then).
    const limitReached = error instanceof AppError && error.code === 'RESOURCE_EXHAUSTED'
    if (!isDuplicateKey(error) && !limitReached) throw error
    const first = await getRequest(doc._id)
    if (!first) throw error
    return retried(first, doc)
  }
  for (const fileID of input.photos) {
    await startMediaCheck({ fileID, uploader: ctx.openid, anonymous: input.anonymous, purpose: 'request_photo', scene: 2, stationId: doc.stationId, release: { collection: COLLECTIONS.requests, id: doc._id, field: 'photos' } }, now)
  }
  return residentView(doc)
})

function retried(first: RequestDoc, doc: RequestDoc): ResidentRequestView {
  if (first.requestDigest !== doc.requestDigest) throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for a different request.', [{ path: ['requestId'], message: 'already used for a different request' }])
  return residentView(first)
}

export async function mine(ctx: Ctx) {
  return (await requestsOf(ctx.openid)).map(residentView)
}

/**
 * The filer's own request: a named one by the account (anyone else's is PERMISSION_DENIED), an
 * anonymous one by its secret (a wrong or missing secret is PERMISSION_DENIED too, naming nobody).
 */
async function ownRequest(ctx: Ctx, id: string, followSecret: string | undefined): Promise<RequestDoc> {
  const doc = await getRequest(id)
  if (!doc) throw new AppError('NOT_FOUND', 'No such request.', undefined, { why: 'unknown_request' })
  if (doc.anonymous) {
    if (!followSecret || !doc.followKey || followKeyOf(followSecret) !== doc.followKey) ctx.requireOwner(null)
  } else ctx.requireOwner(doc.filerOpenid)
  return doc
}

export async function get(ctx: Ctx, input: { id: string; followSecret?: string }) {
  return residentView(await ownRequest(ctx, input.id, input.followSecret))
}

export async function follow(_ctx: Ctx, input: { items: Array<{ id: string; followSecret: string }> }) {
  const docs = await requestsById(input.items.map((i) => i.id))
  const keyOf = new Map(input.items.map((i) => [i.id, followKeyOf(i.followSecret)]))
  // Only anonymous requests whose secret matches: a wrong secret simply shows nothing.
  return docs
    .filter((d) => d.anonymous && d.followKey !== null && keyOf.get(d._id) === d.followKey)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map(residentView)
}

/** Decide as the filer, apply as one update conditional on the version read, answer the new view. */
async function residentStep(ctx: Ctx, doc: RequestDoc, transition: Transition, set: Record<string, unknown> = {}, reanswerBy?: Date): Promise<RequestDoc> {
  const now = ctx.now()
  const decision = decide(stateOf(doc), transition, now, reanswerBy)
  if (!decision.ok) throw new AppError(decision.code, decision.reason, undefined, { why: doc.status })
  const at = now.toDate()
  const event = { kind: transition === 'rate' ? ('rate' as const) : transition, at, by: 'resident' as const }
  const change = { ...decision.change, ...set, updatedAt: at }
  if (!(await updateRequestAt(doc._id, doc.version, { ...change, timeline: _.push([event]) }))) throw new AppError('CONFLICT', 'The request changed at the same moment; reload it.', undefined, { why: 'changed' })
  return { ...doc, ...change, timeline: [...doc.timeline, event], version: doc.version + 1 } as RequestDoc
}

export async function withdraw(ctx: Ctx, input: { id: string; followSecret?: string }) {
  const doc = await ownRequest(ctx, input.id, input.followSecret)
  return residentView(await residentStep(ctx, doc, 'withdraw'))
}

export async function confirm(ctx: Ctx, input: { id: string; followSecret?: string; resolved: boolean; comment: string }) {
  const doc = await ownRequest(ctx, input.id, input.followSecret)
  if (input.resolved) return residentView(await residentStep(ctx, doc, 'confirm'))
  // Not resolved: the officer gets the kind's working days again, from now.
  const reanswerBy = addWorkingDays(ctx.now(), KIND_RULES[doc.kind].limits.answerWorkingDays, requestsSettings().calendar)
  const set = { reopenComment: input.comment || null }
  return residentView(await residentStep(ctx, doc, 'not_resolved', set, reanswerBy))
}

export async function rate(ctx: Ctx, input: { id: string; followSecret?: string; rating: number; comment: string }) {
  const doc = await ownRequest(ctx, input.id, input.followSecret)
  const now = ctx.now()
  const dissatisfied = isDissatisfied(input.rating)
  const rated = await residentStep(ctx, doc, 'rate', { rating: input.rating, ratingComment: input.comment, ratedAt: now.toDate(), rectificationPending: dissatisfied })
  if (dissatisfied) await openRectification(rated, now, requestsSettings().rectificationDays)
  return residentView({ ...rated, rectificationPending: false })
}

/**
 * The task for a rating of 1–2: its id is the request's, so however often this runs (a retry, the
 * job mending a crash between the rating and the task) there is one task and one message.
 */
export async function openRectification(doc: RequestDoc, now: Dayjs, days: number) {
  const task = {
    _id: `rr_${doc._id}`.slice(0, 64),
    requestId: doc._id,
    kind: doc.kind,
    rating: doc.rating ?? 1,
    comment: doc.ratingComment ?? '',
    status: 'open' as const,
    dueAt: now.add(days, 'day').toDate(),
    officerId: doc.officerId,
    stationId: doc.stationId,
    callbackNote: null,
    fixNote: null,
    doneBy: null,
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
  }
  try {
    await insertRectification(task)
    await notifyRectification(task, now)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  // Not conditional on the version: clearing the flag never conflicts with anything else.
  await requests().doc(doc._id).update({ data: { rectificationPending: false } })
}
