// Subscription messages of the requests desk: the resident's "answered" (never for an anonymous
// request: there is no account to send to), the officer's reminder and the leaders' escalation
// when a deadline passes, and the leaders' rectification task. Messages carry kind and time,
// never the request's text or the filer's contact.
import type { DeadlineStep } from '../../src/core/requests/lifecycle'
import type { RequestKind } from '../../src/core/requests/kinds'
import { loadCurrent } from '../_shared/jurisdiction-store'
import { messageTime, sendSubscribeMessage, type Recipient, type SendOutcome } from '../_shared/subscribe-message'
import { requestsSettings } from './settings'
import { openidsOfOfficers } from './store'

// Template fields are Chinese (WeChat renders templates in the language they were registered in).
export const KIND_NAME: Record<RequestKind, string> = { consultation: '咨询', help: '求助', tip_off: '线索举报', fraud_report: '涉诈举报', complaint: '投诉建议' }
const STEP_NAME: Record<DeadlineStep, string> = { accept: '受理超时', answer: '答复超时' }

function send(openid: string, kind: 'answered' | 'overdue' | 'rectification', values: Record<string, string>, page: string, recipient: Recipient) {
  const messages = requestsSettings().messages
  return sendSubscribeMessage(openid, messages[kind], values, page, messages.miniprogramState, recipient)
}

const officerPage = (id: string) => `${requestsSettings().messages.officerPage}?id=${id}`
const residentPage = (id: string) => `${requestsSettings().messages.residentPage}?id=${id}`

/** The station leadership's WeChat identities (a job looks them up once per run). */
export async function leaderOpenids(): Promise<string[]> {
  const { jurisdiction } = await loadCurrent()
  return openidsOfOfficers(jurisdiction.station.leadershipOfficerIds)
}

export async function notifyAnswered(r: { _id: string; kind: RequestKind; filerOpenid: string | null }, at: Date): Promise<SendOutcome | null> {
  if (!r.filerOpenid) return null
  return send(r.filerOpenid, 'answered', { kind: KIND_NAME[r.kind], time: messageTime(at) }, residentPage(r._id), 'resident')
}

/** A passed deadline: the officer answering it is reminded, the leaders are told (escalation). */
export async function notifyOverdue(r: { _id: string; kind: RequestKind; officerId: string | null }, step: DeadlineStep, deadline: Date, leaders: string[]): Promise<SendOutcome[]> {
  const values = { kind: KIND_NAME[r.kind], step: STEP_NAME[step], time: messageTime(deadline) }
  const outcomes: SendOutcome[] = []
  const officer = r.officerId ? await openidsOfOfficers([r.officerId]) : []
  for (const openid of new Set([...officer, ...leaders])) outcomes.push(await send(openid, 'overdue', values, officerPage(r._id), 'staff'))
  return outcomes
}

export async function notifyRectification(task: { requestId: string; kind: RequestKind; dueAt: Date }): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = []
  for (const openid of await leaderOpenids()) outcomes.push(await send(openid, 'rectification', { kind: KIND_NAME[task.kind], time: messageTime(task.dueAt) }, officerPage(task.requestId), 'staff'))
  return outcomes
}
