// Subscription messages of the requests desk: the resident's "answered" (never for an anonymous
// request: there is no account to send to), the officer's reminder and the leaders' escalation
// when a deadline passes, and the leaders' rectification task. Messages carry kind and time,
// never the request's text or the filer's contact.
import type { DeadlineStep } from '../../src/core/requests/lifecycle'
import type { RequestKind } from '../../src/core/requests/kinds'
import type { Dayjs } from '../../src/core/time'
import { leadershipOf, loadCurrent } from '../_shared/jurisdiction-store'
import { messageTime, sendSubscribeMessage, type Recipient, type SendOutcome } from '../_shared/subscribe-message'
import { requestsSettings } from './settings'
import { openidsOfOfficers } from './store'

// Template fields are Chinese (WeChat renders templates in the language they were registered in).
export const KIND_NAME: Record<RequestKind, string> = { consultation: '咨询', help: '求助', tip_off: '线索举报', fraud_report: '涉诈举报', complaint: '投诉建议' }
const STEP_NAME: Record<DeadlineStep, string> = { accept: '受理超时', answer: '答复超时' }

function send(openid: string, kind: 'answered' | 'overdue' | 'rectification', values: Record<string, string>, page: string, recipient: Recipient, now: Dayjs) {
  const messages = requestsSettings().messages
  return sendSubscribeMessage(openid, messages[kind], values, page, messages.miniprogramState, now, recipient)
}

const officerPage = (id: string) => `${requestsSettings().messages.officerPage}?id=${id}`
const residentPage = (id: string) => `${requestsSettings().messages.residentPage}?id=${id}`

/**
 * The WeChat identities of the leadership of a record's station (a job keeps them per station for
 * its run). A record from before bureaus (no station) is the first station's.
 */
export async function leaderOpenids(stationId: string | null): Promise<string[]> {
  const current = await loadCurrent()
  return openidsOfOfficers(leadershipOf(current, stationId ?? current.bureau.stations[0]?.station.id ?? null))
}

export async function notifyAnswered(r: { _id: string; kind: RequestKind; filerOpenid: string | null }, at: Date, now: Dayjs): Promise<SendOutcome | null> {
  if (!r.filerOpenid) return null
  return send(r.filerOpenid, 'answered', { kind: KIND_NAME[r.kind], time: messageTime(at) }, residentPage(r._id), 'resident', now)
}

/** A passed deadline: the officer answering it is reminded, the leaders are told (escalation). */
export async function notifyOverdue(r: { _id: string; kind: RequestKind; officerId: string | null }, step: DeadlineStep, deadline: Date, leaders: string[], now: Dayjs): Promise<SendOutcome[]> {
  const values = { kind: KIND_NAME[r.kind], step: STEP_NAME[step], time: messageTime(deadline) }
  const outcomes: SendOutcome[] = []
  const officer = r.officerId ? await openidsOfOfficers([r.officerId]) : []
  for (const openid of new Set([...officer, ...leaders])) outcomes.push(await send(openid, 'overdue', values, officerPage(r._id), 'staff', now))
  return outcomes
}

export async function notifyRectification(task: { requestId: string; kind: RequestKind; dueAt: Date; stationId: string | null }, now: Dayjs): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = []
  for (const openid of await leaderOpenids(task.stationId)) outcomes.push(await send(openid, 'rectification', { kind: KIND_NAME[task.kind], time: messageTime(task.dueAt) }, officerPage(task.requestId), 'staff', now))
  return outcomes
}
