// Subscription messages about disputes: the leadership's high-risk alert, escalation to the next
// level (to its leaders and to the resident), the return visit asking for a rating, and a new
// rectification task. Never the applicant's contact details: messages carry type, level and time.
import type { DisputeType } from '../../src/core/mediation/contract'
import type { Level } from '../../src/core/mediation/lifecycle'
import type { Dayjs } from '../../src/core/time'
import { leadershipOf, loadCurrent } from '../_shared/jurisdiction-store'
import { messageTime, sendSubscribeMessage, type Recipient, type SendOutcome } from '../_shared/subscribe-message'
import { mediationSettings } from './settings'
import { openidsOfOfficers } from './store'

// Template fields are Chinese (WeChat renders templates in the language they were registered in).
const TYPE_NAME: Record<DisputeType, string> = { neighbour: '邻里纠纷', family: '家庭纠纷', land_boundary: '土地草场边界纠纷', debt: '债务纠纷', livestock: '牲畜纠纷', wages: '劳务工资纠纷', other: '其他纠纷' }
const LEVEL_NAME: Record<Level, string> = { 1: '社区民警调解', 2: '派出所领导调解', 3: '联合调解' }

function send(openid: string, kind: 'highRiskAlert' | 'escalated' | 'returnVisit' | 'rectification', values: Record<string, string>, page: string, now: Dayjs, recipient: Recipient = 'resident') {
  const messages = mediationSettings().messages
  return sendSubscribeMessage(openid, messages[kind], values, page, messages.miniprogramState, now, recipient)
}

const officerPage = (caseId: string) => `${mediationSettings().messages.officerPage}?id=${caseId}`
const residentPage = (caseId: string) => `${mediationSettings().messages.residentPage}?tab=mine&id=${caseId}`

/**
 * The WeChat identities of the leadership of a case's station, which holds levels 2 and 3 (a job
 * keeps them per station for its run). A case from before bureaus (no station) is the first station's.
 */
export async function leaderOpenids(stationId: string | null): Promise<string[]> {
  const current = await loadCurrent()
  return openidsOfOfficers(leadershipOf(current, stationId ?? current.bureau.stations[0]?.station.id ?? null))
}

export async function alertLeadership(c: { _id: string; stationId: string | null; type: DisputeType; risk: Array<{ category: string }>; createdAt: Date }, now: Dayjs): Promise<SendOutcome[]> {
  const reason = [...new Set(c.risk.map((r) => r.category))].join(',')
  const outcomes: SendOutcome[] = []
  for (const openid of await leaderOpenids(c.stationId)) outcomes.push(await send(openid, 'highRiskAlert', { type: TYPE_NAME[c.type], reason, time: messageTime(c.createdAt) }, officerPage(c._id), now, 'staff'))
  return outcomes
}

/** The next level (its leaders; level 3 is convened by them) and the resident. */
export async function notifyEscalation(c: { _id: string; stationId: string | null; type: DisputeType; applicantOpenid: string }, level: Level, now: Dayjs, leaders?: string[]): Promise<SendOutcome[]> {
  const values = { type: TYPE_NAME[c.type], level: LEVEL_NAME[level], time: messageTime(now.toDate()) }
  const outcomes: SendOutcome[] = []
  for (const openid of leaders ?? (await leaderOpenids(c.stationId))) outcomes.push(await send(openid, 'escalated', values, officerPage(c._id), now, 'staff'))
  outcomes.push(await send(c.applicantOpenid, 'escalated', values, residentPage(c._id), now))
  return outcomes
}

export const askForRating = (c: { _id: string; type: DisputeType; applicantOpenid: string }, closedAt: Date, now: Dayjs) =>
  send(c.applicantOpenid, 'returnVisit', { type: TYPE_NAME[c.type], time: messageTime(closedAt) }, residentPage(c._id), now)

export async function notifyRectification(task: { caseId: string; stationId: string | null; type: DisputeType; dueAt: Date }, now: Dayjs): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = []
  for (const openid of await leaderOpenids(task.stationId)) outcomes.push(await send(openid, 'rectification', { type: TYPE_NAME[task.type], time: messageTime(task.dueAt) }, officerPage(task.caseId), now, 'staff'))
  return outcomes
}
