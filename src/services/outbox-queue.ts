// The rules of the outbox, pure (no storage, no clock, no network): what is waiting, what is due,
// how long to wait after a failed attempt, what expires. services/outbox.ts stores the queue and
// sends; tests drive these rules with an injected clock (test/unit/outbox-queue.test.ts).
//
// One entry is one submission, keyed by its requestId: the backend answers a repeat of the same
// requestId with the first result, so sending an entry again after a lost answer never creates a
// second record. An entry that got an answer (accepted or refused) is never sent again.
import * as z from 'zod/mini'
import { ErrorCode } from '../core/envelope'

/** What the person submitted, for the list of what waits and what was sent. */
export const OUTBOX_KINDS = ['booking', 'homeVisit', 'dispute', 'volunteerApply', 'volunteerSignUp', 'notice', 'answer', 'caseNote', 'request'] as const
export type OutboxKind = (typeof OUTBOX_KINDS)[number]

export const OutboxEntry = z.object({
  requestId: z.string().check(z.minLength(1)),
  kind: z.enum(OUTBOX_KINDS),
  /** The cloud function and the event as the page would have sent it (with action and requestId). */
  fn: z.string().check(z.minLength(1)),
  /** Dropped once the entry is answered or expires: what a person typed stays on the phone only while it must. */
  data: z.nullable(z.record(z.string(), z.unknown())),
  /** The draft to clear once the backend accepted the submission. */
  draftKey: z.optional(z.string()),
  /** Who queued it (the h5 demo identity; empty on weapp, where one WeChat account is one person). */
  owner: z.string(),
  createdAt: z.number(),
  attempts: z.number().check(z.int(), z.gte(0)),
  nextAttemptAt: z.number(),
  state: z.enum(['waiting', 'sent', 'refused', 'expired']),
  settledAt: z.optional(z.number()),
  /** The backend's error code when it refused, for the person's message. */
  refusedWith: z.optional(ErrorCode),
})
export type OutboxEntry = z.infer<typeof OutboxEntry>
export const OutboxQueue = z.array(OutboxEntry)

/** First wait after a failed attempt; doubled each time up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 15_000
export const MAX_BACKOFF_MS = 10 * 60_000
/** A submission not sent within this long is given up (a booked slot or a notice would be stale) and the person told. */
export const WAIT_LIMIT_MS = 7 * 24 * 3600_000
/** Answered and expired entries stay listed this long so the person can see what happened, then go. */
export const KEEP_SETTLED_MS = 7 * 24 * 3600_000

export interface NewSubmission {
  requestId: string
  kind: OutboxKind
  fn: string
  data: Record<string, unknown>
  draftKey?: string
  owner: string
}

/** Adds a submission; a requestId already queued (waiting or answered) is left as it is. */
export function enqueue(queue: OutboxEntry[], submission: NewSubmission, now: number): OutboxEntry[] {
  if (queue.some((entry) => entry.requestId === submission.requestId)) return queue
  return [...queue, { ...submission, createdAt: now, attempts: 0, nextAttemptAt: now, state: 'waiting' }]
}

export const backoffAfter = (attempts: number) => Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)

/**
 * The waiting entries of `owner` to send now, oldest first (a person's submissions arrive in the
 * order they made them). `ignoreBackoff` when the network just came back or the app just opened.
 */
export function dueEntries(queue: OutboxEntry[], owner: string, now: number, ignoreBackoff = false): OutboxEntry[] {
  return queue
    .filter((entry) => entry.state === 'waiting' && entry.owner === owner && entry.data !== null && (ignoreBackoff || entry.nextAttemptAt <= now))
    .sort((a, b) => a.createdAt - b.createdAt)
}

export type AttemptOutcome = { result: 'sent' } | { result: 'refused'; code: ErrorCode } | { result: 'unreachable' }

/** Records what one attempt at `requestId` gave; an entry no longer waiting is not touched. */
export function recordAttempt(queue: OutboxEntry[], requestId: string, outcome: AttemptOutcome, now: number): OutboxEntry[] {
  return queue.map((entry) => {
    if (entry.requestId !== requestId || entry.state !== 'waiting') return entry
    const attempts = entry.attempts + 1
    if (outcome.result === 'unreachable') return { ...entry, attempts, nextAttemptAt: now + backoffAfter(attempts) }
    const settled = { ...entry, attempts, data: null, settledAt: now }
    return outcome.result === 'sent' ? { ...settled, state: 'sent' as const } : { ...settled, state: 'refused' as const, refusedWith: outcome.code }
  })
}

/** Gives up submissions that waited too long and forgets settled ones after KEEP_SETTLED_MS. */
export function expire(queue: OutboxEntry[], now: number): OutboxEntry[] {
  return queue.flatMap((entry) => {
    if (entry.state === 'waiting') {
      return now - entry.createdAt >= WAIT_LIMIT_MS ? [{ ...entry, state: 'expired' as const, data: null, settledAt: now }] : [entry]
    }
    return now - (entry.settledAt ?? entry.createdAt) >= KEEP_SETTLED_MS ? [] : [entry]
  })
}

/** When the next waiting entry of `owner` is due, or null when nothing waits. */
export function nextDueAt(queue: OutboxEntry[], owner: string): number | null {
  const times = queue.filter((entry) => entry.state === 'waiting' && entry.owner === owner).map((entry) => entry.nextAttemptAt)
  return times.length > 0 ? Math.min(...times) : null
}
