// The leaders' view of the desk: their station's (a bureau leader: every station's) open requests with every officer's load (who is
// overloaded), and the rectification tasks after ratings of 1–2 (callback and fix required).
import { AppError } from '../../../src/core/envelope'
import { notYours } from '../../../src/core/scope'
import { STATION_TIME_ZONE, dayjs } from '../../../src/core/time'
import type { Ctx } from '../../_shared/runtime'
import { stationMatch } from '../../_shared/station-scope'
import { getRectification, listRectifications, loadByOfficer, openRequestsPage, updateRectificationWhere } from '../store'
import { rectificationView, summaryView } from '../views'

export async function stationView(ctx: Ctx, input: { page: number }) {
  const now = ctx.now()
  const endOfToday = dayjs(now).tz(STATION_TIME_ZONE).endOf('day').toDate()
  const [{ items, hasMore }, load] = await Promise.all([openRequestsPage(input.page, stationMatch(ctx)), loadByOfficer(now.toDate(), endOfToday, stationMatch(ctx))])
  return { items: items.map(summaryView), page: input.page, hasMore, load }
}

export async function rectifications(ctx: Ctx) {
  return (await listRectifications(stationMatch(ctx))).map(rectificationView)
}

export async function completeRectification(ctx: Ctx, input: { taskId: string; callbackNote: string; fixNote: string }) {
  const now = ctx.now().toDate()
  const task = await getRectification(input.taskId)
  if (!task) throw new AppError('NOT_FOUND', 'No such rectification task.', undefined, { why: 'unknown_task' })
  if (!ctx.leads(task.stationId)) throw notYours()
  const change = { status: 'done' as const, callbackNote: input.callbackNote, fixNote: input.fixNote, doneBy: ctx.user.officerId ?? ctx.openid, updatedAt: now }
  if (!(await updateRectificationWhere(task._id, { status: 'open' }, change))) throw new AppError('FAILED_PRECONDITION', 'This task was completed already.', undefined, { why: 'done' })
  return rectificationView({ ...task, ...change })
}
