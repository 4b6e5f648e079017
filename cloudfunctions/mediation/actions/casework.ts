// What staff do with a case: the inbox, reading a case (audited), and every transition of the
// lifecycle. Each transition is decided by the pure rules (src/core/mediation/lifecycle.ts) and
// applied as one update conditional on the version that was read, so of two officers acting at
// once one wins and the other gets CONFLICT; an illegal one is FAILED_PRECONDITION and writes nothing.
import { AppError } from '../../../src/core/envelope'
import type { SessionPlace } from '../../../src/core/mediation/contract'
import { decide, inInbox, type TransitionName } from '../../../src/core/mediation/lifecycle'
import { daysBetween } from '../../../src/core/mediation/statistics'
import type { Dayjs } from '../../../src/core/time'
import { _ } from '../../_shared/cloud'
import { audit } from '../../_shared/audit'
import { COLLECTIONS } from '../../_shared/collections'
import { idForRequest } from '../../_shared/personal-data'
import { revealPhone } from '../../_shared/reveal'
import type { Ctx } from '../../_shared/runtime'
import { notifyEscalation } from '../notify'
import { mediationSettings } from '../settings'
import { cases, getCase, openCasesPage, updateCaseAt, type CaseDoc, type SessionDoc } from '../store'
import { mayAct, staffView, stateOf, summaryView } from '../views'
import { isLeader } from '../../../src/core/scope'
import { stationMatch } from '../../_shared/station-scope'

/** Signs a step as the leadership when the caller leads the case's station (or the bureau). */
const who = (ctx: Ctx, doc: Pick<CaseDoc, 'stationId'>) => (ctx.leads(doc.stationId) ? ('leader' as const) : ('officer' as const))
const signature = (ctx: Ctx) => ctx.user.officerId ?? ctx.openid

export async function inbox(ctx: Ctx, input: { scope: 'mine' | 'escalated' | 'all'; page: number }) {
  // A leader's inbox is every open case of their station (a bureau leader's: of every station).
  const leader = isLeader(ctx.user.roles)
  if (!leader && !ctx.user.officerId) return { items: [], page: input.page, hasMore: false }
  const filter = { ...(leader ? { station: stationMatch(ctx) } : { officerId: ctx.user.officerId! }), ...(input.scope === 'escalated' ? { minLevel: 2 as const } : {}) }
  const { items, hasMore } = await openCasesPage(filter, input.page)
  return { items: items.map(summaryView), page: input.page, hasMore }
}

async function caseForStaff(ctx: Ctx, caseId: string): Promise<CaseDoc> {
  const doc = await getCase(caseId)
  if (!doc) throw new AppError('NOT_FOUND', 'No such case.', undefined, { why: 'unknown_case' })
  // The officers who see a case (its assignee and its community's officers) are fixed at filing.
  await ctx.requireCovered({ stationId: doc.stationId, officerIds: doc.officerIds })
  return doc
}

export async function caseDetail(ctx: Ctx, input: { caseId: string }) {
  const doc = await caseForStaff(ctx, input.caseId)
  const now = ctx.now()
  await audit(ctx, 'read', { collection: COLLECTIONS.mediationCases, recordId: doc._id, place: { record: doc.stationId } }, now)
  return staffView(doc, ctx.user, ctx.leads, now)
}

/** Phones show masked in the case; anyone who may see the case may reveal one, and the reveal is audited. */
export async function revealContact(ctx: Ctx, input: { caseId: string; party: 'applicant' | 'otherParty' }) {
  const doc = await caseForStaff(ctx, input.caseId)
  const party = input.party === 'applicant' ? doc.applicant : doc.otherParty
  return revealPhone(ctx, party?.phone ?? null, { collection: COLLECTIONS.mediationCases, recordId: doc._id, field: `${input.party}.phone`, place: { record: doc.stationId } })
}

/** `now` is the transition's one instant, so every time it records agrees with its event's. */
type Extra = (doc: CaseDoc, now: Dayjs) => { set?: Record<string, unknown>; local?: Partial<CaseDoc> }

/** Decide, apply conditionally, log, answer. `extra` adds what the transition records besides its state. */
async function transition(ctx: Ctx, caseOrId: string | CaseDoc, name: TransitionName, action: string, extra: Extra = () => ({})) {
  const now = ctx.now()
  const doc = typeof caseOrId === 'string' ? await caseForStaff(ctx, caseOrId) : caseOrId
  if (!mayAct(ctx.user, ctx.leads, doc)) throw new AppError('PERMISSION_DENIED', 'At levels 2 and 3 the station leadership handles the case.', undefined, { why: 'level' })
  const decision = decide(stateOf(doc), name, now, mediationSettings())
  if (!decision.ok) throw new AppError(decision.code, decision.reason, undefined, { why: doc.status })
  const at = now.toDate()
  const events = decision.event.kind === 'escalated' ? [{ kind: 'not_settled' as const, level: doc.level, at, by: who(ctx, doc) }, { ...decision.event, at, by: who(ctx, doc) }] : [{ ...decision.event, at, by: who(ctx, doc) }]
  const { set = {}, local = {} } = extra(doc, now)
  const change = { ...decision.change, open: inInbox(decision.change.status), updatedAt: at }
  if (!(await updateCaseAt(doc._id, doc.version, { ...change, ...set, timeline: _.push(events) }))) {
    throw new AppError('CONFLICT', 'Someone changed this case at the same moment; reload it.', undefined, { why: 'changed' })
  }
  await audit(ctx, action, { collection: COLLECTIONS.mediationCases, recordId: doc._id, place: { record: doc.stationId } }, now)
  const updated: CaseDoc = { ...doc, ...change, ...local, timeline: [...doc.timeline, ...events], version: doc.version + 1 }
  if (decision.event.kind === 'escalated') await notifyEscalation(updated, decision.event.level, now)
  return staffView(updated, ctx.user, ctx.leads, now)
}

export const acceptCase = (ctx: Ctx, input: { caseId: string }) =>
  transition(ctx, input.caseId, 'accept', 'acceptCase', () => ({ set: { everAccepted: true }, local: { everAccepted: true } }))

/**
 * Scheduling and notes add to the case, so each carries a key from the officer and the requestId:
 * a retried request (a resend after a lost answer, or its concurrent twin) finds what the first
 * one added and answers the case as it is, writing nothing. The same key with other content is a
 * client error, refused.
 */
const keyOf = (ctx: Ctx, requestId: string) => idForRequest('', ctx.openid, requestId)

function sameRequest<T>(found: T | undefined, same: (first: T) => boolean, what: string): found is T {
  if (found === undefined) return false
  if (!same(found)) throw new AppError('INVALID_ARGUMENT', `This requestId was already used for another ${what}; use a new requestId.`, [{ path: ['requestId'], message: `already used for another ${what}` }])
  return true
}

/** After losing a race: the case as the winner left it, if the winner was this same request. */
async function afterRace<T>(ctx: Ctx, error: unknown, caseId: string, find: (doc: CaseDoc) => T | undefined, same: (first: T) => boolean, what: string) {
  if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
  const doc = await getCase(caseId)
  if (!doc || !sameRequest(find(doc), same, what)) throw error
  return staffView(doc, ctx.user, ctx.leads, ctx.now())
}

export async function scheduleSession(ctx: Ctx, input: { caseId: string; at: string; place: SessionPlace; placeText?: string; participants: string[]; requestId: string }) {
  const key = keyOf(ctx, input.requestId)
  const at = new Date(input.at)
  const find = (doc: CaseDoc) => doc.sessions.find((s) => s.key === key)
  const same = (s: SessionDoc) => s.at.getTime() === at.getTime() && s.place === input.place && s.placeText === (input.placeText ?? null) && s.participants.join('\n') === input.participants.join('\n')
  const doc = await caseForStaff(ctx, input.caseId)
  if (sameRequest(find(doc), same, 'session')) return staffView(doc, ctx.user, ctx.leads, ctx.now())
  try {
    return await transition(ctx, doc, 'schedule', 'scheduleSession', (current) => {
      const session: SessionDoc = { id: `s${current.sessions.length + 1}`, level: current.level, at, place: input.place, placeText: input.placeText ?? null, participants: input.participants, held: false, heldAt: null, notes: null, key }
      return { set: { sessions: _.push([session]) }, local: { sessions: [...current.sessions, session] } }
    })
  } catch (error) {
    return afterRace(ctx, error, doc._id, find, same, 'session')
  }
}

export async function holdSession(ctx: Ctx, input: { caseId: string; sessionId: string; notes: string }) {
  const doc = await caseForStaff(ctx, input.caseId)
  const session = doc.sessions.find((s) => s.id === input.sessionId && s.level === doc.level)
  if (!session) throw new AppError('NOT_FOUND', 'No such session at this level.', [{ path: ['sessionId'], message: 'unknown session' }], { why: 'unknown_session' })
  if (session.held) throw new AppError('FAILED_PRECONDITION', 'This session was already recorded as held.', undefined, { why: 'held' })
  return transition(ctx, doc, 'hold', 'holdSession', (current, now) => {
    const sessions = current.sessions.map((s) => (s.id === input.sessionId ? { ...s, held: true, heldAt: now.toDate(), notes: input.notes || null } : s))
    return { set: { sessions: _.set(sessions) }, local: { sessions } }
  })
}

export const recordAgreement = (ctx: Ctx, input: { caseId: string; text: string }) =>
  transition(ctx, input.caseId, 'settle', 'recordAgreement', (doc, now) => {
    const fields = { agreement: input.text, daysToSettle: daysBetween(doc.createdAt, now.toDate()) }
    return { set: fields, local: fields }
  })

export const recordNotSettled = (ctx: Ctx, input: { caseId: string; reason: string }) =>
  transition(ctx, input.caseId, 'not_settled', 'recordNotSettled', (doc, now) => {
    const entry = { level: doc.level, reason: input.reason, at: now.toDate(), by: signature(ctx) }
    return { set: { notSettledReasons: _.push([entry]) }, local: { notSettledReasons: [...doc.notSettledReasons, entry] } }
  })

export const closeCase = (ctx: Ctx, input: { caseId: string }) =>
  transition(ctx, input.caseId, 'close', 'closeCase', (_doc, now) => {
    const fields = { returnVisitAt: now.add(mediationSettings().returnVisitDays, 'day').toDate() }
    return { set: fields, local: fields }
  })

export async function addInternalNote(ctx: Ctx, input: { caseId: string; text: string; requestId: string }) {
  const now = ctx.now()
  const key = keyOf(ctx, input.requestId)
  const find = (doc: CaseDoc) => doc.internalNotes.find((n) => n.key === key)
  const same = (n: { text: string }) => n.text === input.text
  const doc = await caseForStaff(ctx, input.caseId)
  if (sameRequest(find(doc), same, 'note')) return staffView(doc, ctx.user, ctx.leads, now)
  const note = { text: input.text, at: now.toDate(), by: signature(ctx), key }
  // No version check (notes never conflict with each other or with a transition), only that no
  // note of this request is there yet: of two concurrent repeats one appends, the other finds it.
  const added = (await cases()
    .where({ _id: doc._id, 'internalNotes.key': _.neq(key) })
    .update({ data: { internalNotes: _.push([note]), updatedAt: now.toDate() } })) as { stats: { updated: number } }
  if (added.stats.updated !== 1) return afterRace(ctx, new AppError('CONFLICT', 'The case changed at the same moment; reload it.'), doc._id, find, same, 'note')
  await audit(ctx, 'addInternalNote', { collection: COLLECTIONS.mediationCases, recordId: doc._id, place: { record: doc.stationId } }, now)
  return staffView({ ...doc, internalNotes: [...doc.internalNotes, note] }, ctx.user, ctx.leads, now)
}
