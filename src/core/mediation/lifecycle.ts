// The life of a dispute case (三级联动): submitted → accepted → in mediation (sessions scheduled
// and held) → settled | not settled at this level → escalated to the next level → … → closed.
// A resident may withdraw before the first acceptance. Pure: the clock is `now`, the deadlines
// come from config. The function applies a decision as one update conditional on the status and
// level it was decided from, so of two officers acting at once only one wins.
import * as z from 'zod/mini'
import type { Dayjs } from '../time'
import type { MediationConfig } from './config'

export const CaseStatus = z.enum(['submitted', 'escalated', 'accepted', 'in_mediation', 'settled', 'not_settled', 'closed', 'withdrawn'])
export type CaseStatus = z.infer<typeof CaseStatus>

export const Level = z.union([z.literal(1), z.literal(2), z.literal(3)])
export type Level = z.infer<typeof Level>

/** Everything that moves a case, by staff, the resident or the escalation job. */
export const TransitionName = z.enum(['withdraw', 'accept', 'schedule', 'hold', 'settle', 'not_settled', 'overdue', 'close'])
export type TransitionName = z.infer<typeof TransitionName>

/** Where each transition may start. Everything else is FAILED_PRECONDITION. */
export const ALLOWED_FROM: Record<TransitionName, readonly CaseStatus[]> = {
  withdraw: ['submitted'],
  accept: ['submitted', 'escalated'],
  schedule: ['accepted', 'in_mediation'],
  hold: ['in_mediation'],
  settle: ['in_mediation'],
  not_settled: ['in_mediation'],
  overdue: ['submitted', 'escalated', 'accepted', 'in_mediation'],
  close: ['settled', 'not_settled'],
}

/**
 * Cases stay in the staff's inbox until closed or withdrawn: a settled case still waits for the
 * officer to close it. Having no deadline, such a case sorts before the ones with deadlines.
 */
export const inInbox = (status: CaseStatus) => status !== 'closed' && status !== 'withdrawn'

export const DeadlineKind = z.enum(['accept', 'first_session', 'settle'])
export type DeadlineKind = z.infer<typeof DeadlineKind>

/** What a decision needs to know about the case. */
export interface CaseState {
  status: CaseStatus
  level: Level
  /** When the case reached its current level: deadlines count from here. */
  levelSince: Date
  /** Sessions scheduled and not yet held / held, at the current level. */
  sessionsPending: number
  sessionsHeld: number
  /** Withdrawing is only possible before anybody accepted the case, at any level. */
  everAccepted: boolean
}

/** The fields a transition sets, as stored on the case. */
export interface CaseChange {
  status: CaseStatus
  level: Level
  levelSince: Date
  /** The next deadline, shown and sorted by; null once nothing is due. */
  deadlineAt: Date | null
  deadlineKind: DeadlineKind | null
  /** When the escalation job must look at the case (indexed); null when it never needs to. */
  watchAt: Date | null
  /** Set when a deadline passed at least once. */
  overdue?: true
  outcome?: 'settled' | 'not_settled'
  settledLevel?: Level
  settledAt?: Date
  closedAt?: Date
}

export type Decision =
  | { ok: true; change: CaseChange; event: { kind: TransitionName | 'escalated'; level: Level } }
  | { ok: false; code: 'FAILED_PRECONDITION'; reason: string }

/** The deadline that applies to a case in `status` at `level` since `levelSince`. */
export function nextDeadline(status: CaseStatus, level: Level, levelSince: Date, sessionsHeld: number, config: MediationConfig): { at: Date; kind: DeadlineKind } | null {
  const limits = config.deadlines[level - 1]
  const after = (hours: number) => new Date(levelSince.getTime() + hours * 3600_000)
  if (status === 'submitted' || status === 'escalated') return { at: after(limits.acceptHours), kind: 'accept' }
  if (status === 'accepted' || status === 'in_mediation') {
    return sessionsHeld === 0 ? { at: after(limits.firstSessionHours), kind: 'first_session' } : { at: after(limits.settleHours), kind: 'settle' }
  }
  return null
}

function withDeadline(state: Omit<CaseChange, 'deadlineAt' | 'deadlineKind' | 'watchAt'>, sessionsHeld: number, config: MediationConfig): CaseChange {
  const deadline = nextDeadline(state.status, state.level, state.levelSince, sessionsHeld, config)
  return { ...state, deadlineAt: deadline?.at ?? null, deadlineKind: deadline?.kind ?? null, watchAt: deadline?.at ?? null }
}

/** The first state of a new case at level 1. */
export function initialChange(now: Dayjs, config: MediationConfig): CaseChange {
  return withDeadline({ status: 'submitted', level: 1, levelSince: now.toDate() }, 0, config)
}

const refuse = (reason: string): Decision => ({ ok: false, code: 'FAILED_PRECONDITION', reason })

export function decide(state: CaseState, transition: TransitionName, now: Dayjs, config: MediationConfig): Decision {
  if (!ALLOWED_FROM[transition].includes(state.status)) return refuse(`A case that is ${state.status} cannot ${transition.replace('_', ' ')}.`)
  const at = now.toDate()
  const same = { level: state.level, levelSince: state.levelSince }
  const escalate = (): Decision => {
    const level = (state.level + 1) as Level
    return { ok: true, change: withDeadline({ status: 'escalated', level, levelSince: at }, 0, config), event: { kind: 'escalated', level } }
  }
  switch (transition) {
    case 'withdraw':
      if (state.everAccepted) return refuse('The case was already accepted; it can no longer be withdrawn.')
      return { ok: true, change: withDeadline({ status: 'withdrawn', ...same }, state.sessionsHeld, config), event: { kind: 'withdraw', level: state.level } }
    case 'accept':
      return { ok: true, change: withDeadline({ status: 'accepted', ...same }, state.sessionsHeld, config), event: { kind: 'accept', level: state.level } }
    case 'schedule':
      return { ok: true, change: withDeadline({ status: 'in_mediation', ...same }, state.sessionsHeld, config), event: { kind: 'schedule', level: state.level } }
    case 'hold':
      if (state.sessionsPending === 0) return refuse('No session is scheduled to be held.')
      return { ok: true, change: withDeadline({ status: 'in_mediation', ...same }, state.sessionsHeld + 1, config), event: { kind: 'hold', level: state.level } }
    case 'settle':
      if (state.sessionsHeld === 0) return refuse('An agreement is recorded after at least one session was held.')
      return {
        ok: true,
        change: withDeadline({ status: 'settled', ...same, outcome: 'settled', settledLevel: state.level, settledAt: at }, state.sessionsHeld, config),
        event: { kind: 'settle', level: state.level },
      }
    case 'not_settled':
      if (state.level < 3) return escalate()
      return { ok: true, change: withDeadline({ status: 'not_settled', ...same, outcome: 'not_settled' }, state.sessionsHeld, config), event: { kind: 'not_settled', level: 3 } }
    case 'overdue': {
      const deadline = nextDeadline(state.status, state.level, state.levelSince, state.sessionsHeld, config)
      if (!deadline || deadline.at.getTime() > at.getTime()) return refuse('No deadline of this case has passed.')
      if (state.level < 3) {
        const decision = escalate()
        return decision.ok ? { ...decision, change: { ...decision.change, overdue: true } } : decision
      }
      // The joint panel is the last level: the case stays with it, marked overdue, and the job stops watching it.
      return { ok: true, change: { status: state.status, ...same, deadlineAt: deadline.at, deadlineKind: deadline.kind, watchAt: null, overdue: true }, event: { kind: 'overdue', level: 3 } }
    }
    case 'close':
      return { ok: true, change: withDeadline({ status: 'closed', ...same, closedAt: at }, state.sessionsHeld, config), event: { kind: 'close', level: state.level } }
  }
}
