// What staff do with a request: read it (audited), accept, transfer, hand to a partner unit,
// record the partner's answer, answer the resident, reveal the filer's phone (audited). Each
// step is decided by the pure rules (src/core/requests/lifecycle.ts) and applied as one update
// conditional on the version that was read: of two officers acting at once one wins and the
// other gets CONFLICT; an illegal step is FAILED_PRECONDITION and writes nothing.
import { AppError } from '../../../src/core/envelope'
import { notYours } from '../../../src/core/scope'
import { stationIdOfOfficer } from '../../../src/core/bureau/views'
import type { PartnerUnit } from '../../../src/core/requests/partners'
import { decide, type Transition } from '../../../src/core/requests/lifecycle'
import { _ } from '../../_shared/cloud'
import { audit } from '../../_shared/audit'
import { COLLECTIONS } from '../../_shared/collections'
import { revealPhone } from '../../_shared/reveal'
import type { Ctx } from '../../_shared/runtime'
import { notifyAnswered } from '../notify'
import { getRequest, updateRequestAt, type RequestDoc } from '../store'
import { staffView, stateOf } from '../views'

/** Signs a step as the leadership when the caller leads the request's station (or the bureau). */
const who = (ctx: Ctx, doc: Pick<RequestDoc, 'stationId'>) => (ctx.leads(doc.stationId) ? ('leader' as const) : ('officer' as const))
const signature = (ctx: Ctx) => ctx.user.officerId ?? ctx.openid

/**
 * The request if the caller may see it: the officers it is routed to (assignee and the
 * community's officers, or the leadership for a complaint about an officer), and leaders. The
 * officer a complaint is about never sees it, even as a leader.
 */
async function requestForStaff(ctx: Ctx, id: string): Promise<RequestDoc> {
  const doc = await getRequest(id)
  if (!doc) throw new AppError('NOT_FOUND', 'No such request.', undefined, { why: 'unknown_request' })
  if (doc.details.kind === 'complaint' && doc.details.officerId && doc.details.officerId === ctx.user.officerId) throw notYours()
  await ctx.requireCovered({ stationId: doc.stationId, officerIds: doc.officerIds })
  return doc
}

export async function detail(ctx: Ctx, input: { id: string }) {
  const doc = await requestForStaff(ctx, input.id)
  await audit(ctx, 'read', { collection: COLLECTIONS.requests, recordId: doc._id, place: { record: doc.stationId } }, ctx.now())
  return staffView(doc, true)
}

export async function revealContact(ctx: Ctx, input: { id: string }) {
  const doc = await requestForStaff(ctx, input.id)
  if (doc.anonymous || !doc.filer) throw new AppError('FAILED_PRECONDITION', 'This request was filed anonymously: there is no contact to show.', undefined, { why: 'anonymous' })
  return revealPhone(ctx, doc.filer.phone, { collection: COLLECTIONS.requests, recordId: doc._id, field: 'filer.phone', place: { record: doc.stationId } })
}

/** Decide, apply conditionally, log, answer. `extra` adds what the step records besides its state. */
async function step(ctx: Ctx, docOrId: string | RequestDoc, transition: Transition, action: string | null, extra: (doc: RequestDoc, at: Date) => { set?: Record<string, unknown>; local?: Partial<RequestDoc>; event?: Record<string, unknown> } = () => ({})) {
  const now = ctx.now()
  const doc = typeof docOrId === 'string' ? await requestForStaff(ctx, docOrId) : docOrId
  const decision = decide(stateOf(doc), transition, now)
  if (!decision.ok) throw new AppError(decision.code, decision.reason, undefined, { why: doc.status })
  const at = now.toDate()
  const { set = {}, local = {}, event: eventExtra = {} } = extra(doc, at)
  const kind = transition === 'partner_answer' ? 'partner_answered' : transition
  const event = { kind, at, by: who(ctx, doc), ...eventExtra }
  const change = { ...decision.change, updatedAt: at }
  if (!(await updateRequestAt(doc._id, doc.version, { ...change, ...set, timeline: _.push([event]) }))) {
    throw new AppError('CONFLICT', 'Someone changed this request at the same moment; reload it.', undefined, { why: 'changed' })
  }
  if (action) await audit(ctx, action, { collection: COLLECTIONS.requests, recordId: doc._id, place: { record: doc.stationId } }, now)
  const updated = { ...doc, ...change, ...local, timeline: [...doc.timeline, event], version: doc.version + 1 } as RequestDoc
  return updated
}

export async function accept(ctx: Ctx, input: { id: string }) {
  return staffView(await step(ctx, input.id, 'accept', 'accept'), true)
}

export async function transfer(ctx: Ctx, input: { id: string; officerId: string; note: string }) {
  const doc = await requestForStaff(ctx, input.id)
  const { bureau } = await ctx.current()
  // Only to an officer of the request's own station: a request never leaves its station by transfer.
  const station = doc.stationId ?? bureau.stations[0]?.station.id ?? null
  if (stationIdOfOfficer(bureau, input.officerId) !== station) throw new AppError('NOT_FOUND', 'No such officer in the request’s station.', [{ path: ['officerId'], message: 'unknown officer' }], { why: 'unknown_officer' })
  if (doc.details.kind === 'complaint' && doc.details.officerId === input.officerId) throw new AppError('FAILED_PRECONDITION', 'A complaint is never given to the officer it is about.', undefined, { why: 'complained_officer' })
  if (input.officerId === doc.officerId) throw new AppError('FAILED_PRECONDITION', 'The request is already with this officer.', undefined, { why: 'same_officer' })
  const moved = await step(ctx, doc, 'transfer', 'transfer', (d, at) => {
    const entry = { from: d.officerId, to: input.officerId, note: input.note, at, by: signature(ctx) }
    // The new officer answers it now; the previous ones no longer see it as theirs.
    const fields = { officerId: input.officerId, officerIds: [input.officerId] }
    return { set: { ...fields, transfers: _.push([entry]) }, local: { ...fields, transfers: [...d.transfers, entry] } }
  })
  return staffView(moved, true)
}

export async function handOff(ctx: Ctx, input: { id: string; partner: PartnerUnit; note: string; contactName?: string }) {
  const moved = await step(ctx, input.id, 'hand_off', 'handOff', (d, at) => {
    const entry = { no: d.handoffs.length + 1, partner: input.partner, note: input.note, contactName: input.contactName ?? null, at, by: signature(ctx), answer: null, answeredAt: null }
    return { set: { handoffs: _.push([entry]) }, local: { handoffs: [...d.handoffs, entry] }, event: { partner: input.partner } }
  })
  return staffView(moved, true)
}

export async function recordPartnerAnswer(ctx: Ctx, input: { id: string; text: string }) {
  const doc = await requestForStaff(ctx, input.id)
  const last = doc.handoffs.length - 1
  if (last < 0 || doc.handoffs[last].answer !== null) throw new AppError('FAILED_PRECONDITION', 'No hand-off is waiting for a partner’s answer.', undefined, { why: doc.status })
  const partner = doc.handoffs[last].partner
  const moved = await step(ctx, doc, 'partner_answer', 'recordPartnerAnswer', (d, at) => ({
    set: { [`handoffs.${last}.answer`]: input.text, [`handoffs.${last}.answeredAt`]: at },
    local: { handoffs: d.handoffs.map((h, i) => (i === last ? { ...h, answer: input.text, answeredAt: at } : h)) },
    event: { partner },
  }))
  return staffView(moved, true)
}

export async function reply(ctx: Ctx, input: { id: string; text: string; textMn?: string }) {
  // Not audited: the answer itself names the officer who gave it (answers[].officerId), and
  // reply's budget is 4 database requests with the resident's message cap (issue 15).
  const moved = await step(ctx, input.id, 'reply', null, (d, at) => {
    const answer = { zh: input.text, mn: input.textMn ?? null, at, by: who(ctx, d), officerId: ctx.user.officerId }
    // The first answer is what "answered on time" and "time to answer" measure.
    const first = d.firstAnsweredAt === null ? { firstAnsweredAt: at, answeredOnTime: at.getTime() <= d.answerBy.getTime() } : {}
    return { set: { answers: _.push([answer]), ...first }, local: { answers: [...d.answers, answer], ...first } }
  })
  await notifyAnswered(moved, moved.answeredAt ?? ctx.now().toDate(), ctx.now())
  return staffView(moved, true)
}
