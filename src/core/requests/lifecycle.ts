// The life of a resident request (after Open311 GeoReport v2's open/closed and FixMyStreet's
// states, with the platform's 受理 → 转办 → 答复 → 回访 steps):
//
//   submitted ─accept→ accepted ─reply→ answered ─confirm→ closed ─rate→ rated
//      │  ↑               │  ↑  ↘handOff→ with_partner ─partnerAnswer→ accepted
//      │  └─transfer──────┘  └───────────── reply ─────────┘
//      └─withdraw→ withdrawn                     answered ─not_resolved (once)→ reopened ─reply→ answered
//                                                answered ─7 days unconfirmed→ closed (auto_close)
//
// `transferred` waits for the new officer's acceptance like `submitted`. Deadlines count from
// filing and keep running through transfers and hand-offs (限时办理): the next one unmet is
// `deadlineAt`; `watchAt` (indexed) is when the timer job must look: a deadline to escalate, or
// the auto-close of an answer nobody confirmed. Pure: `now` and the calendar are parameters. The
// function applies a decision as one update conditional on the version it was decided from, so of
// two officers acting at once one wins and the other gets CONFLICT.
import * as z from 'zod/mini'
import type { Dayjs } from '../time'
import { addWorkingDays, type WorkCalendar } from './deadlines'
import type { TimeLimits } from './kinds'

export const RequestStatus = z.enum(['submitted', 'transferred', 'accepted', 'with_partner', 'answered', 'reopened', 'closed', 'rated', 'withdrawn'])
export type RequestStatus = z.infer<typeof RequestStatus>

export const Transition = z.enum(['withdraw', 'accept', 'transfer', 'hand_off', 'partner_answer', 'reply', 'confirm', 'not_resolved', 'auto_close', 'rate', 'overdue'])
export type Transition = z.infer<typeof Transition>

/** Where each transition may start. Everything else is FAILED_PRECONDITION. */
export const ALLOWED_FROM: Record<Transition, readonly RequestStatus[]> = {
  withdraw: ['submitted', 'transferred'],
  accept: ['submitted', 'transferred'],
  transfer: ['submitted', 'transferred', 'accepted', 'reopened'],
  hand_off: ['accepted', 'reopened', 'with_partner'],
  partner_answer: ['with_partner'],
  reply: ['accepted', 'with_partner', 'reopened'],
  confirm: ['answered'],
  not_resolved: ['answered'],
  auto_close: ['answered'],
  rate: ['closed'],
  overdue: ['submitted', 'transferred', 'accepted', 'with_partner', 'reopened'],
}

/** How many times a resident may say "not resolved" (issue 15: reopened once). */
export const MAX_REOPENS = 1
/** An answer nobody confirmed closes by itself after this many days (issue 15). */
export const AUTO_CLOSE_DAYS = 7

/** Statuses waiting for staff: what an officer's inbox shows. */
export const WAITING_FOR_STAFF: readonly RequestStatus[] = ['submitted', 'transferred', 'accepted', 'with_partner', 'reopened']
export const isOpen = (status: RequestStatus) => WAITING_FOR_STAFF.includes(status)

export const DeadlineStep = z.enum(['accept', 'answer'])
export type DeadlineStep = z.infer<typeof DeadlineStep>

/** The two deadlines of a request, fixed at filing from its kind's limits and the calendar. */
export function deadlinesOf(filedAt: Dayjs, limits: TimeLimits, calendar: WorkCalendar): { acceptBy: Date; answerBy: Date } {
  return { acceptBy: filedAt.add(limits.acceptHours, 'hour').toDate(), answerBy: addWorkingDays(filedAt, limits.answerWorkingDays, calendar) }
}

/** What a decision needs to know about a request. */
export interface RequestState {
  status: RequestStatus
  acceptBy: Date
  answerBy: Date
  /** Set on the first acceptance; withdrawing is only possible before it. */
  everAccepted: boolean
  reopenCount: number
  answeredAt: Date | null
  /** Deadlines already escalated: each is escalated once. */
  escalated: readonly DeadlineStep[]
}

/** The fields a transition sets, as stored on the request. */
export interface RequestChange {
  status: RequestStatus
  open: boolean
  /** The next unmet deadline, shown and sorted by; null once nothing is due. */
  deadlineAt: Date | null
  deadlineStep: DeadlineStep | null
  /** When the timer job must look at the request (indexed); null when never. */
  watchAt: Date | null
  everAccepted?: true
  reopenCount?: number
  answeredAt?: Date
  closedAt?: Date
  closedBy?: 'resident' | 'system'
  escalated?: DeadlineStep[]
  overdue?: true
  /** Reopening sets a new answer deadline (the kind's working days again, from the reopening). */
  answerBy?: Date
}

export type Decision = { ok: true; change: RequestChange; escalatedStep?: DeadlineStep } | { ok: false; code: 'FAILED_PRECONDITION'; reason: string }

/** The deadline that applies in `status`: acceptance until accepted, then the answer. */
export function nextDeadline(status: RequestStatus, s: Pick<RequestState, 'acceptBy' | 'answerBy'>): { at: Date; step: DeadlineStep } | null {
  if (status === 'submitted' || status === 'transferred') return { at: s.acceptBy, step: 'accept' }
  if (status === 'accepted' || status === 'with_partner' || status === 'reopened') return { at: s.answerBy, step: 'answer' }
  return null
}

/** When the job must look next: the next deadline not yet escalated, or an answer's auto-close. */
function watchOf(status: RequestStatus, s: Pick<RequestState, 'acceptBy' | 'answerBy' | 'escalated'>, answeredAt: Date | null): Date | null {
  if (status === 'answered' && answeredAt) return new Date(answeredAt.getTime() + AUTO_CLOSE_DAYS * 86_400_000)
  const due = nextDeadline(status, s)
  if (!due) return null
  if (!s.escalated.includes(due.step)) return due.at
  // Acceptance escalated already: the answer deadline is still ahead to watch.
  if (due.step === 'accept' && !s.escalated.includes('answer')) return s.answerBy
  return null
}

function changeTo(status: RequestStatus, s: RequestState, extra: Omit<Partial<RequestChange>, 'status' | 'open' | 'deadlineAt' | 'deadlineStep' | 'watchAt'> = {}): RequestChange {
  const escalated = extra.escalated ?? [...s.escalated]
  const answeredAt = extra.answeredAt ?? s.answeredAt
  const due = nextDeadline(status, s)
  return { ...extra, status, open: isOpen(status), deadlineAt: due?.at ?? null, deadlineStep: due?.step ?? null, watchAt: watchOf(status, { ...s, escalated }, answeredAt) }
}

/** The first state of a new request. */
export function initialChange(s: Pick<RequestState, 'acceptBy' | 'answerBy'>): RequestChange {
  return changeTo('submitted', { ...s, status: 'submitted', everAccepted: false, reopenCount: 0, answeredAt: null, escalated: [] })
}

const refuse = (reason: string): Decision => ({ ok: false, code: 'FAILED_PRECONDITION', reason })

const PHRASE: Record<Transition, string> = {
  withdraw: 'be withdrawn',
  accept: 'be accepted',
  transfer: 'be transferred',
  hand_off: 'be handed to a partner unit',
  partner_answer: 'take a partner unit’s answer',
  reply: 'be answered',
  confirm: 'be confirmed',
  not_resolved: 'be reopened',
  auto_close: 'close by itself',
  rate: 'be rated',
  overdue: 'be overdue',
}

/** `reanswerBy`: the new answer deadline when the resident reopens (the function computes it from the kind and calendar). */
export function decide(s: RequestState, transition: Transition, now: Dayjs, reanswerBy?: Date): Decision {
  if (!ALLOWED_FROM[transition].includes(s.status)) return refuse(`A request that is ${s.status.replace('_', ' ')} cannot ${PHRASE[transition]}.`)
  const at = now.toDate()
  switch (transition) {
    case 'withdraw':
      if (s.everAccepted) return refuse('The request was already accepted; it can no longer be withdrawn.')
      return { ok: true, change: changeTo('withdrawn', s, { closedAt: at, closedBy: 'resident' }) }
    case 'accept':
      return { ok: true, change: changeTo('accepted', s, { everAccepted: true }) }
    case 'transfer':
      // The new officer accepts again; the deadlines stay those set at filing.
      return { ok: true, change: changeTo(s.everAccepted ? 'accepted' : 'transferred', s) }
    case 'hand_off':
      return { ok: true, change: changeTo('with_partner', s) }
    case 'partner_answer':
      return { ok: true, change: changeTo('accepted', s) }
    case 'reply':
      return { ok: true, change: changeTo('answered', s, { answeredAt: at }) }
    case 'confirm':
      return { ok: true, change: changeTo('closed', s, { closedAt: at, closedBy: 'resident' }) }
    case 'not_resolved':
      if (s.reopenCount >= MAX_REOPENS) return refuse('This request was reopened once already; rate it to tell the station leadership.')
      if (!reanswerBy) throw new Error('decide(not_resolved) needs the new answer deadline')
      // The officer gets the kind's working days again from the reopening, watched afresh.
      return { ok: true, change: changeTo('reopened', { ...s, answerBy: reanswerBy }, { reopenCount: s.reopenCount + 1, answerBy: reanswerBy, escalated: s.escalated.filter((e) => e !== 'answer') }) }
    case 'auto_close': {
      if (!s.answeredAt || s.answeredAt.getTime() + AUTO_CLOSE_DAYS * 86_400_000 > at.getTime()) return refuse(`An answer closes by itself ${AUTO_CLOSE_DAYS} days after it was given.`)
      return { ok: true, change: changeTo('closed', s, { closedAt: at, closedBy: 'system' }) }
    }
    case 'rate':
      return { ok: true, change: changeTo('rated', s) }
    case 'overdue': {
      const due = nextDeadline(s.status, s)
      // The step to escalate: the current one, or the answer when acceptance was escalated already.
      const step = due && !s.escalated.includes(due.step) ? due.step : due?.step === 'accept' && !s.escalated.includes('answer') ? 'answer' : null
      const deadline = step === 'accept' ? s.acceptBy : step === 'answer' ? s.answerBy : null
      if (!step || !deadline || deadline.getTime() > at.getTime()) return refuse('No deadline of this request has passed.')
      return { ok: true, change: changeTo(s.status, s, { escalated: [...s.escalated, step], overdue: true }), escalatedStep: step }
    }
  }
}

/** The transitions a state allows now (for the screens' buttons); the overdue and auto-close are the job's. */
export function allowedNow(s: RequestState): Transition[] {
  return Transition.options.filter((t) => t !== 'overdue' && t !== 'auto_close' && ALLOWED_FROM[t].includes(s.status) && !(t === 'withdraw' && s.everAccepted) && !(t === 'not_resolved' && s.reopenCount >= MAX_REOPENS))
}
