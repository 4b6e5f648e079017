// Requests routed to officers. Routing is pure (src/core/routing); here it gets the current
// jurisdiction, today's roster and each officer's open cases, and the decision is stored with
// its reason so whoever receives the request can see why it came to them.
import { createHash } from 'node:crypto'
import * as z from 'zod'
import { AppError } from '../../../src/core/envelope'
import type { RoutedRequestView } from '../../../src/core/jurisdiction/contract'
import type { Jurisdiction } from '../../../src/core/jurisdiction/schema'
import { officerContact } from '../../../src/core/jurisdiction/views'
import { RequestKind, RouteResult, describeRoute, route } from '../../../src/core/routing'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey } from '../../_shared/documents'
import { loadCurrent } from '../../_shared/jurisdiction-store'
import type { Ctx } from '../../_shared/runtime'

const requests = () => db.collection(COLLECTIONS.routedRequests)

const RequestDoc = z.object({
  _id: z.string(),
  kind: RequestKind,
  question: z.string(),
  requesterOpenid: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.date(),
  assigneeOfficerId: z.string(),
  decision: RouteResult,
  reason: z.object({ zh: z.string(), mn: z.string() }),
  jurisdictionVersion: z.number(),
  reassignments: z.array(z.object({ from: z.string(), to: z.string(), by: z.string(), at: z.date(), note: z.string() })),
})
type RequestDoc = z.infer<typeof RequestDoc>

function toView(doc: RequestDoc, jurisdiction: Jurisdiction): RoutedRequestView {
  const officer = jurisdiction.officers.find((o) => o.id === doc.assigneeOfficerId)
  return {
    id: doc._id,
    kind: doc.kind,
    question: doc.question,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    // An officer removed by a later import still shows by id, so the request is never orphaned.
    assignee: officer ? officerContact(officer) : { id: doc.assigneeOfficerId, name: doc.assigneeOfficerId, title: '', languages: [], phone: null, officeHours: null },
    decision: doc.decision,
    reason: doc.reason,
    reassignments: doc.reassignments.map((r) => ({ ...r, at: r.at.toISOString() })),
  }
}

/** Open cases per officer: one aggregation, however many officers there are. */
async function openCasesByOfficer(): Promise<Record<string, number>> {
  const { list } = (await requests()
    .aggregate()
    .match({ status: 'open' })
    .group({ _id: '$assigneeOfficerId', open: { $sum: 1 } })
    .limit(1000)
    .end()) as { list: unknown }
  return Object.fromEntries(z.array(z.object({ _id: z.string(), open: z.number() })).parse(list).map((row) => [row._id, row.open]))
}

export async function askOfficer(
  ctx: Ctx,
  input: { question: string; location?: { lng: number; lat: number }; communityId?: string; addressText?: string; language: 'zh' | 'mn'; urgency: 'normal' | 'urgent'; requestId?: string },
) {
  const { jurisdiction, index, version } = await loadCurrent()
  const now = ctx.now()
  const roster = { duty: jurisdiction.roster.duty, leave: jurisdiction.roster.leave, openCases: await openCasesByOfficer() }
  // A resident who gave no place is routed by the community they bound to.
  const decision = route(
    { kind: 'consultation', location: input.location, communityId: input.communityId ?? ctx.user.communityId ?? undefined, addressText: input.addressText, language: input.language, urgency: input.urgency },
    index,
    roster,
    now,
  )
  const doc: Omit<RequestDoc, '_id'> = {
    kind: 'consultation',
    question: input.question,
    requesterOpenid: ctx.openid,
    status: 'open',
    createdAt: now.toDate(),
    assigneeOfficerId: decision.assignee.officerId,
    decision,
    reason: { zh: describeRoute(decision, jurisdiction, 'zh'), mn: describeRoute(decision, jurisdiction, 'mn') },
    jurisdictionVersion: version,
    reassignments: [],
  }
  if (!input.requestId) {
    const { _id } = (await requests().add({ data: doc })) as { _id: string }
    return toView({ _id, ...doc }, jurisdiction)
  }
  // Keyed by the attempt, so a resend after a lost answer finds the first request instead of making a second.
  const _id = `ask-${createHash('sha256').update(`${ctx.openid}:${input.requestId}`).digest('hex').slice(0, 32)}`
  try {
    await requests().add({ data: { _id, ...doc } })
    return toView({ _id, ...doc }, jurisdiction)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const { data } = (await requests().where({ _id, requesterOpenid: ctx.openid }).limit(1).get()) as { data: unknown[] }
    if (data.length === 0) throw error
    return toView(RequestDoc.parse(data[0]), jurisdiction)
  }
}

async function listViews(where: Record<string, unknown>) {
  const { jurisdiction } = await loadCurrent()
  const { data } = (await requests().where(where).orderBy('createdAt', 'desc').limit(100).get()) as { data: unknown }
  return z.array(RequestDoc).parse(data).map((doc) => toView(doc, jurisdiction))
}

export const myAskedRequests = (ctx: Ctx) => listViews({ requesterOpenid: ctx.openid })

export async function routedToMe(ctx: Ctx) {
  if (ctx.user.roles.includes('station_leader')) return listViews({ status: 'open' })
  if (!ctx.user.officerId) return []
  return listViews({ status: 'open', assigneeOfficerId: ctx.user.officerId })
}

export async function reassignRequest(ctx: Ctx, input: { requestId: string; officerId: string; note: string }) {
  const { jurisdiction } = await loadCurrent()
  if (!jurisdiction.officers.some((o) => o.id === input.officerId)) throw new AppError('NOT_FOUND', `No officer ${input.officerId} in the current jurisdiction.`)
  const { data } = (await requests().where({ _id: input.requestId }).limit(1).get()) as { data: unknown[] }
  if (data.length === 0) throw new AppError('NOT_FOUND', `No request ${input.requestId}.`)
  const current = RequestDoc.parse(data[0])
  if (current.status !== 'open') throw new AppError('FAILED_PRECONDITION', 'The request is closed.')
  if (current.assigneeOfficerId === input.officerId) throw new AppError('FAILED_PRECONDITION', 'The request is already assigned to that officer.')
  const now = ctx.now()
  const entry = { from: current.assigneeOfficerId, to: input.officerId, by: ctx.openid, at: now.toDate(), note: input.note }
  // Conditional on the assignee we read: a second leader reassigning at the same moment gets CONFLICT.
  const result = (await requests()
    .where({ _id: input.requestId, status: 'open', assigneeOfficerId: current.assigneeOfficerId })
    .update({ data: { assigneeOfficerId: input.officerId, reassignments: _.push([entry]) } })) as { stats: { updated: number } }
  if (result.stats.updated !== 1) throw new AppError('CONFLICT', 'Someone reassigned this request at the same moment; reload it.')
  return toView({ ...current, assigneeOfficerId: input.officerId, reassignments: [...current.reassignments, entry] }, jurisdiction)
}
