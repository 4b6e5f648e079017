// Timer jobs stop taking new work well before the function's time limit, so that a run with more
// to do than one invocation can hold ends cleanly instead of being cut off mid-write; the next run
// picks up the rest, because each job's stored state (a status, a mark) is its cursor.

export interface JobBudget {
  hasTimeLeft(): boolean
}

/** The share of the time limit a job may spend; the rest is a margin for the last batch. */
const SPENDABLE_SHARE = 0.6

/**
 * The budget of this invocation, from the time limit the platform passes in the function's
 * context (`time_limit_in_ms`), or from `fallbackSeconds` when there is none.
 */
export function jobBudget(context: unknown, fallbackSeconds: number): JobBudget {
  const limit = (context as { time_limit_in_ms?: unknown } | undefined)?.time_limit_in_ms
  const limitMs = typeof limit === 'number' && limit > 0 ? limit : fallbackSeconds * 1000
  const until = Date.now() + limitMs * SPENDABLE_SHARE
  return { hasTimeLeft: () => Date.now() < until }
}
