// What the station leadership does besides casework: high-risk alerts until acknowledged,
// rectification tasks after dissatisfied ratings (整改反馈), and the statistics (staff may read them).
import { AppError } from '../../../src/core/envelope'
import { figuresOf, type StatsDimension } from '../../../src/core/mediation/statistics'
import { audit } from '../../_shared/audit'
import { _ } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import type { Ctx } from '../../_shared/runtime'
import { stationMatch } from '../../_shared/station-scope'
import { notYours } from '../../../src/core/scope'
import { cases, getRectification, getSummary, listRectifications, openAlerts, statisticsRows, updateRectificationWhere } from '../store'
import { rectificationView, summaryView } from '../views'

export async function highRiskAlerts(ctx: Ctx) {
  return (await openAlerts(stationMatch(ctx))).map(summaryView)
}

export async function acknowledgeAlert(ctx: Ctx, input: { caseId: string }) {
  const now = ctx.now()
  const ack = { by: ctx.user.officerId ?? ctx.openid, at: now.toDate() }
  // Only the leadership of the case's station (or the bureau's) acknowledges its alert.
  const before = await getSummary(input.caseId)
  if (!before) throw new AppError('NOT_FOUND', 'No such case.', undefined, { why: 'unknown_case' })
  if (!ctx.leads(before.stationId)) throw notYours()
  // Conditional on the alert still being open: a second leader acknowledging changes nothing.
  // alertAck is set whole (_.set): the SDK would send a plain object as alertAck.by / alertAck.at,
  // which the database refuses on a field that holds null.
  const result = (await cases()
    .where({ _id: input.caseId, alertOpen: true })
    .update({ data: { alertOpen: false, alertAck: _.set(ack), updatedAt: now.toDate() } })) as { stats: { updated: number } }
  const summary = await getSummary(input.caseId)
  if (!summary) throw new AppError('NOT_FOUND', 'No such case.', undefined, { why: 'unknown_case' })
  if (result.stats.updated === 1) await audit(ctx, 'acknowledgeAlert', { collection: COLLECTIONS.mediationCases, recordId: input.caseId, place: { record: before.stationId } }, now)
  return summaryView(summary)
}

export async function rectifications(ctx: Ctx) {
  return (await listRectifications(stationMatch(ctx))).map(rectificationView)
}

export async function completeRectification(ctx: Ctx, input: { taskId: string; callbackNote: string; fixNote: string }) {
  const now = ctx.now()
  const task = await getRectification(input.taskId)
  if (!task) throw new AppError('NOT_FOUND', 'No such rectification task.', undefined, { why: 'unknown_task' })
  if (!ctx.leads(task.stationId)) throw notYours()
  if (task.status === 'done') throw new AppError('FAILED_PRECONDITION', 'This task is already done.', undefined, { why: 'done' })
  const change = { status: 'done' as const, callbackNote: input.callbackNote, fixNote: input.fixNote, doneBy: ctx.user.officerId ?? ctx.openid, updatedAt: now.toDate() }
  if (!(await updateRectificationWhere(task._id, { status: 'open' }, change))) throw new AppError('CONFLICT', 'Someone completed this task at the same moment; reload it.', undefined, { why: 'changed' })
  await audit(ctx, 'completeRectification', { collection: COLLECTIONS.mediationRectifications, recordId: task._id, place: { record: task.stationId } }, now)
  return rectificationView({ ...task, ...change })
}

export async function statistics(ctx: Ctx, input: { from: string; to: string; dimension: StatsDimension }) {
  const from = new Date(input.from)
  const to = new Date(input.to)
  if (!(to > from)) throw new AppError('INVALID_ARGUMENT', 'The period must end after it starts.', [{ path: ['to'], message: 'must be after from' }])
  // Leaders and admins count their station's cases (bureau roles: all); officers, as before, the figures of all.
  const rows = (await statisticsRows(from, to, input.dimension, ctx.stationWide ? stationMatch(ctx) : {})).map(figuresOf)
  return { from: from.toISOString(), to: to.toISOString(), dimension: input.dimension, rows }
}
