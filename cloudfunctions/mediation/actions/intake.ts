// What residents do: file a dispute (content check → risk screening → routing → one insert),
// follow their own cases, withdraw one nobody accepted yet, and rate a closed one (回访).
import { createHash } from 'node:crypto'
import { AppError } from '../../../src/core/envelope'
import type { DisputeType } from '../../../src/core/mediation/contract'
import { decide, inInbox, initialChange } from '../../../src/core/mediation/lifecycle'
import { isDissatisfied, ratingRefusal, rectificationDue } from '../../../src/core/mediation/rating'
import { partiesKey, screenRisk } from '../../../src/core/mediation/risk'
import type { Dayjs } from '../../../src/core/time'
import { _, cloud } from '../../_shared/cloud'
import { isDuplicateKey } from '../../_shared/documents'
import { COLLECTIONS } from '../../_shared/collections'
import { routeAcrossBureau } from '../../_shared/bureau-routing'
import { startMediaCheck } from '../../_shared/media-check'
import { counterJoin, limited } from '../../_shared/rate-limit'
import { protect, requestDigest } from '../../_shared/personal-data'
import { withJoins, type Ctx } from '../../_shared/runtime'
import type { Joins } from '../../_shared/users'
import { alertLeadership, notifyRectification } from '../notify'
import { mediationSettings } from '../settings'
import { caseJoin, cases, casesOf, getCase, insertCase, insertRectification, joinedCase, openByOfficerJoin, openByOfficerOf, samePartiesJoin, samePartiesOf, updateCaseAt, type CaseDoc } from '../store'
import { untouchedCase } from '../new-case'
import { residentView, stateOf } from '../views'

interface FileInput {
  requestId: string
  type: DisputeType
  description: string
  applicant: { name: string; phone: string }
  otherParty?: { name: string; phone?: string }
  communityId?: string
  location?: { lng: number; lat: number }
  addressText?: string
  language: 'zh' | 'mn'
  dangerNow: boolean
  photos: string[]
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** WeChat's content security (内容安全): risky text is refused before anything is stored. */
async function contentVerdict(openid: string, content: string): Promise<'pass' | 'review' | 'risky'> {
  const answer = (await cloud.openapi.security.msgSecCheck({ openid, scene: 1, version: 2, content })) as { result?: { suggest?: string } }
  const suggest = answer.result?.suggest
  return suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass'
}

const caseIdFor = (openid: string, requestId: string) => `md_${sha(`${openid}:${requestId}`).slice(0, 32)}`

/**
 * Every read fileDispute makes before its insert, joined onto the runtime's user read (which
 * carries the jurisdiction's pointer for ctx.current(); a warm instance has the version itself): the open cases per officer
 * for routing, earlier cases of the same parties, the case this request made if it was made
 * already, and the day's filing counter. So a filing costs 3 requests (4 on a cold instance).
 */
function fileJoins(input: FileInput, caller: { openid: string; now: Dayjs }): Joins {
  const pair = partiesKey(input.applicant.name, input.otherParty?.name)
  return {
    openByOfficer: openByOfficerJoin(),
    ...(pair ? { sameParties: samePartiesJoin(pair, caller.now.subtract(mediationSettings().repeatWithinDays, 'day').toDate()) } : {}),
    made: caseJoin(caseIdFor(caller.openid, input.requestId)),
    filingLimit: counterJoin('mediationFiling', caller.openid, caller.now),
  }
}

export const fileDispute = withJoins(fileJoins, async (ctx: Ctx, input: FileInput) => {
  const config = mediationSettings()
  const now = ctx.now()
  const verdict = await contentVerdict(ctx.openid, input.description)
  if (verdict === 'risky') throw new AppError('INVALID_ARGUMENT', 'The description did not pass content security; please reword it.', [{ path: ['description'], message: 'did not pass content security' }], { why: 'content' })

  const current = await ctx.current()
  const { jurisdiction, version } = current
  // A resident who gave no place is routed by the community they bound to.
  const routing = routeAcrossBureau(
    current,
    { kind: 'mediation', location: input.location, communityId: input.communityId ?? ctx.user.communityId ?? undefined, addressText: input.addressText, language: input.language, urgency: input.dangerNow ? 'urgent' : 'normal' },
    now,
    openByOfficerOf(ctx.joined.openByOfficer),
  )
  const { decision } = routing
  const pair = partiesKey(input.applicant.name, input.otherParty?.name)
  const earlier = pair ? samePartiesOf(ctx.joined.sameParties) : 0
  const risk = screenRisk(config.riskRules, { description: input.description, dangerNow: input.dangerNow, earlierCasesSameParties: earlier })
  const community = jurisdiction.communities.find((c) => c.id === decision.communityId)
  const officerIds = [...new Set([decision.assignee.officerId, ...(community ? [community.officerId, ...community.auxiliaryOfficerIds] : [])])]
  const { requestId, ...content } = input
  const start = initialChange(now, config)
  const doc: CaseDoc = {
    _id: caseIdFor(ctx.openid, requestId),
    applicantOpenid: ctx.openid,
    requestDigest: requestDigest(content),
    type: input.type,
    description: input.description,
    applicant: { name: input.applicant.name, phone: protect('phone', input.applicant.phone) },
    otherParty: input.otherParty ? { name: input.otherParty.name, phone: input.otherParty.phone ? protect('phone', input.otherParty.phone) : null } : null,
    partiesKey: pair,
    communityId: decision.communityId,
    location: input.location ?? null,
    addressText: input.addressText ?? null,
    language: input.language,
    dangerNow: input.dangerNow,
    // Each photo joins the case when content security passes it (startMediaCheck's release).
    photos: [],
    contentReview: verdict === 'review',
    highRisk: risk.highRisk,
    risk: risk.matches,
    priority: risk.highRisk ? 1 : 0,
    alertOpen: risk.highRisk,
    alertAck: null,
    officerId: decision.assignee.officerId,
    officerIds,
    decision,
    stationId: routing.stationId,
    stationReason: routing.stationReason,
    routeReason: routing.routeReason,
    jurisdictionVersion: version,
    ...start,
    ...untouchedCase(now.toDate()),
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
  }
  // A retried request (its first answer was lost) answers the case it made, and costs no allowance.
  const made = joinedCase(ctx.joined, 'made')
  if (made) return retried(made, doc)
  try {
    // Filings per resident per day (rate limit `mediationFiling`), counted when one is stored.
    await limited('mediationFiling', ctx.openid, now, () => insertCase(doc), ctx.joined.filingLimit)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const first = await getCase(doc._id)
    if (!first) throw error
    return retried(first, doc)
  }
  for (const fileID of input.photos) {
    await startMediaCheck({ fileID, uploader: ctx.openid, purpose: 'mediation_photo', scene: 2, stationId: doc.stationId, release: { collection: COLLECTIONS.mediationCases, id: doc._id, field: 'photos' } }, now)
  }
  if (doc.highRisk) await alertLeadership(doc, now)
  return residentView(doc)
})

function retried(first: CaseDoc, doc: CaseDoc) {
  if (first.requestDigest !== doc.requestDigest) throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for a different dispute.', [{ path: ['requestId'], message: 'already used for a different dispute' }])
  return residentView(first)
}

export async function myCases(ctx: Ctx) {
  return (await casesOf(ctx.openid)).map(residentView)
}

/** The applicant's own case; anyone else's is PERMISSION_DENIED, naming nobody (see src/core/scope.ts). */
async function ownCase(ctx: Ctx, caseId: string): Promise<CaseDoc> {
  const doc = await getCase(caseId)
  if (!doc) throw new AppError('NOT_FOUND', 'No such case.', undefined, { why: 'unknown_case' })
  ctx.requireOwner(doc.applicantOpenid)
  return doc
}

export async function withdrawCase(ctx: Ctx, input: { caseId: string }) {
  const now = ctx.now()
  const doc = await ownCase(ctx, input.caseId)
  const decision = decide(stateOf(doc), 'withdraw', now, mediationSettings())
  if (!decision.ok) throw new AppError(decision.code, decision.reason, undefined, { why: doc.status })
  const event = { kind: 'withdraw' as const, level: doc.level, at: now.toDate(), by: 'resident' as const }
  const change = { ...decision.change, open: inInbox(decision.change.status), updatedAt: now.toDate() }
  if (!(await updateCaseAt(doc._id, doc.version, { ...change, timeline: _.push([event]) }))) throw new AppError('CONFLICT', 'The case changed at the same moment; reload it.', undefined, { why: 'changed' })
  return residentView({ ...doc, ...change, timeline: [...doc.timeline, event], version: doc.version + 1 })
}

export async function rateCase(ctx: Ctx, input: { caseId: string; rating: number; comment: string }) {
  const config = mediationSettings()
  const now = ctx.now()
  const doc = await ownCase(ctx, input.caseId)
  const refusal = ratingRefusal({ applicantOpenid: doc.applicantOpenid, status: doc.status, rated: doc.rating !== null }, ctx.openid)
  if (refusal) throw new AppError(refusal.code, refusal.reason, undefined, { why: refusal.code === 'NOT_FOUND' ? 'unknown_case' : doc.rating !== null ? 'rated' : doc.status })
  const event = { kind: 'rated' as const, level: doc.level, at: now.toDate(), by: 'resident' as const }
  const dissatisfied = isDissatisfied(input.rating)
  const change = { rating: input.rating, ratingComment: input.comment, ratedAt: now.toDate(), returnVisitAt: null, rectificationPending: dissatisfied, updatedAt: now.toDate() }
  if (!(await updateCaseAt(doc._id, doc.version, { ...change, timeline: _.push([event]) }))) throw new AppError('CONFLICT', 'The case changed at the same moment; reload it.', undefined, { why: 'changed' })
  const rated = { ...doc, ...change, timeline: [...doc.timeline, event], version: doc.version + 1 }
  if (dissatisfied) await openRectification(rated, now, config.rectificationDays)
  return residentView({ ...rated, rectificationPending: false })
}

/**
 * The task for a dissatisfied rating: its id is the case's, so however often this runs (a retry,
 * the hourly job mending a crash between the rating and the task) there is one task and one message.
 */
export async function openRectification(doc: CaseDoc, now: Dayjs, days: number) {
  const task = { _id: `rt_${doc._id}`, caseId: doc._id, type: doc.type, rating: doc.rating ?? 1, comment: doc.ratingComment ?? '', status: 'open' as const, dueAt: rectificationDue(now, days), stationId: doc.stationId, callbackNote: null, fixNote: null, doneBy: null, createdAt: now.toDate(), updatedAt: now.toDate() }
  try {
    await insertRectification(task)
    await notifyRectification(task, now)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  // Not conditional on the version: clearing the flag never conflicts with anything else.
  await cases().doc(doc._id).update({ data: { rectificationPending: false } })
}
