// Abuse limits in the database: one counter document per (limit, window, subject), taken one unit
// at a time by a single update guarded in its where clause (`count < max`), so however many calls
// race, no more than `max` pass; the first use of a window creates the counter with a unique id.
// Never read-check-write. The limits are src/core/rate-limit.ts's defaults, overridden by the JSON
// in the function's RATE_LIMITS environment variable (config.json envVariables or the cloud
// console), parsed once per instance.
//
// A refused call writes nothing: the guarded update matches no document. A unit taken for work
// that then fails is given back (`limited`), so only what happened counts.
import { AppError } from '../../src/core/envelope'
import { counterId, limitRefusal, limitsWith, windowOf, type LimitName } from '../../src/core/rate-limit'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey } from './documents'
import { settingsFromEnv } from './env-settings'

export const rateLimits = settingsFromEnv('RATE_LIMITS', limitsWith)

const counters = () => db.collection(COLLECTIONS.rateCounters)
const changed = (result: unknown) => ((result as { stats?: { updated?: number } }).stats?.updated ?? 0) > 0

export interface Unit {
  /** Gives the unit back (the work it was taken for did not happen). */
  giveBack(): Promise<void>
}

/** Takes one unit of `name` for `subject` now; null when the window's allowance is used up. */
export async function tryTake(name: LimitName, subject: string, now: Dayjs): Promise<Unit | null> {
  const rule = rateLimits()[name]
  const window = windowOf(rule.per, now)
  const id = counterId(name, window, subject)
  const take = async () => changed(await counters().where({ _id: id, count: _.lt(rule.max) }).update({ data: { count: _.inc(1) } }))
  const unit: Unit = {
    async giveBack() {
      await counters().where({ _id: id, count: _.gt(0) }).update({ data: { count: _.inc(-1) } })
    },
  }
  if (rule.max < 1) return null
  // Most people use a window once (one booking, one message a day), so creating the counter comes
  // first: one request in the common case, and a second (the guarded update) only when it exists.
  // `expiresAt` lets the security function's sweep remove old counters.
  try {
    await counters().add({ data: { _id: id, limit: name, subject, window: window.key, count: 1, expiresAt: window.endsAt } })
    return unit
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  return (await take()) ? unit : null
}

function exhausted(name: LimitName, now: Dayjs): AppError {
  const rule = rateLimits()[name]
  const refusal = limitRefusal(name, rule, windowOf(rule.per, now), now)
  return new AppError(refusal.code, refusal.message, undefined, { why: refusal.why, ...refusal.details })
}

/** Takes one unit or refuses the call with RESOURCE_EXHAUSTED and when to try again (details.retryAt). */
export async function take(name: LimitName, subject: string, now: Dayjs): Promise<Unit> {
  const unit = await tryTake(name, subject, now)
  if (unit) return unit
  throw exhausted(name, now)
}

/** One unit of each limit, in order, or none: a refusal gives back the units already taken. */
export async function takeAll(limits: Array<[LimitName, string]>, now: Dayjs): Promise<Unit> {
  const units: Unit[] = []
  for (const [name, subject] of limits) {
    const unit = await tryTake(name, subject, now)
    if (!unit) {
      await Promise.all(units.map((u) => u.giveBack().catch(() => undefined)))
      throw exhausted(name, now)
    }
    units.push(unit)
  }
  return {
    async giveBack() {
      await Promise.all(units.map((u) => u.giveBack()))
    },
  }
}

/**
 * Runs `work` within the caller's allowance of `name`: refused before it starts when used up. The
 * unit is given back when the work throws (a refusal, a duplicate insert of a retried request) or
 * answers null (it did nothing), so only what was stored counts.
 */
export async function limited<T>(name: LimitName, subject: string, now: Dayjs, work: () => Promise<T | null>): Promise<T | null> {
  const unit = await take(name, subject, now)
  let result: T | null
  try {
    result = await work()
  } catch (error) {
    // Failing to give it back only makes the limit stricter for the rest of the window.
    await unit.giveBack().catch(() => undefined)
    throw error
  }
  if (result === null) await unit.giveBack().catch(() => undefined)
  return result
}

/** Removes counters of windows that have ended (one request: a multi-document remove by expiry). */
export async function removeExpiredCounters(now: Dayjs): Promise<number> {
  const result = (await counters().where({ expiresAt: _.lt(now.toDate()) }).remove()) as { stats?: { removed?: number } }
  return result.stats?.removed ?? 0
}
