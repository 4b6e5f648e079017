// Abuse limits in the database: one counter document per (limit, window, subject), taken one unit
// at a time by a single update guarded in its where clause (`count < max`), so however many calls
// race, no more than `max` pass; the first use of a window creates the counter with a unique id.
// Never read-check-write. The limits are src/core/rate-limit.ts's defaults, overridden by the JSON
// in the function's RATE_LIMITS environment variable (config.json envVariables or the cloud
// console), parsed once per instance.
//
// A refused call writes nothing: the guarded update matches no document. A unit taken for work
// that then fails is given back (`limited`), so only what happened counts.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../src/core/envelope'
import { counterId, limitRefusal, limitsWith, windowOf, type LimitName } from '../../src/core/rate-limit'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey } from './documents'
import { settingsFromEnv } from './env-settings'
import type { Join } from './users'

export const rateLimits = settingsFromEnv('RATE_LIMITS', limitsWith)

const counters = () => db.collection(COLLECTIONS.rateCounters)
const updatedCount = (result: unknown) => (result as { stats?: { updated?: number } }).stats?.updated ?? 0
const changed = (result: unknown) => updatedCount(result) > 0

export interface Unit {
  /** Gives the unit back (the work it was taken for did not happen). */
  giveBack(): Promise<void>
}

/**
 * Reads `name`'s counter for `subject` in `now`'s window together with the runtime's user read
 * (withJoins), so that taking a unit is one request: the guarded update when the counter exists,
 * the insert when it does not. Pass what the join found to tryTake as `seen`.
 */
export function counterJoin(name: LimitName, subject: string, now: Dayjs): Join {
  return { from: COLLECTIONS.rateCounters, match: { _id: counterOf(name, subject, now).id }, limit: 1 }
}

function counterOf(name: LimitName, subject: string, now: Dayjs) {
  const rule = rateLimits()[name]
  const window = windowOf(rule.per, now)
  const id = counterId(name, window, subject)
  return {
    rule,
    id,
    /** The counter as a window's first use creates it; `expiresAt` lets the security function's sweep remove it. */
    fresh: (extra: Record<string, unknown> = {}) => ({ _id: id, limit: name, subject, window: window.key, count: 1, expiresAt: window.endsAt, ...extra }),
    take: async () => changed(await counters().where({ _id: id, count: _.lt(rule.max) }).update({ data: { count: _.inc(1) } })),
    unit: {
      async giveBack() {
        await counters().where({ _id: id, count: _.gt(0) }).update({ data: { count: _.inc(-1) } })
      },
    } satisfies Unit,
  }
}

/**
 * Whether a counter exists, from what its join found (counterJoin): the join was made with the
 * user read, maybe in the window before this one, so only a row with this very id says so.
 */
function existsIn(seen: unknown[] | undefined, id: string): boolean | undefined {
  if (!seen) return undefined
  return seen.some((doc) => (doc as { _id?: unknown })._id === id)
}

/**
 * Takes one unit of `name` for `subject` now; null when the window's allowance is used up.
 * `seen`: what counterJoin found, when the action joined it onto the user read.
 */
export async function tryTake(name: LimitName, subject: string, now: Dayjs, seen?: unknown[]): Promise<Unit | null> {
  const counter = counterOf(name, subject, now)
  if (counter.rule.max < 1) return null
  // A counter seen in this window is never removed before the window ends: the guarded update alone decides.
  if (existsIn(seen, counter.id)) return (await counter.take()) ? counter.unit : null
  // Unseen, most people use a window once (one booking, one message a day), so creating the
  // counter comes first: one request in the common case, and a second (the guarded update) only
  // when it exists.
  try {
    await counters().add({ data: counter.fresh() })
    return counter.unit
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  return (await counter.take()) ? counter.unit : null
}

/**
 * A unit of `required` (refused with RESOURCE_EXHAUSTED when used up) together with one of
 * `optional` (null when used up: the optional thing is skipped, the work goes on; undefined when
 * its counter could not be reached: it is left to be taken when needed), each with what
 * its counterJoin found. When neither counter exists yet (the first use of the day) both are
 * created by one batch insert: one request for the two. A batch that collides with a racing
 * first use may or may not have stored its other counter (the cloud may insert a batch's
 * documents up to the one that collided), so each counter the batch creates carries the call's
 * token, and after a collision a read of the two tells which ones this call created.
 */
export async function takeWithOptional(required: { name: LimitName; subject: string; seen?: unknown[] }, optional: { name: LimitName; subject: string; seen?: unknown[] }, now: Dayjs): Promise<{ required: Unit; optional: Unit | null | undefined }> {
  // The optional counter out of reach never fails the work: undefined leaves it to be taken later.
  const optionalUnit = (seen?: unknown[]) => tryTake(optional.name, optional.subject, now, seen).catch(() => undefined)
  const a = counterOf(required.name, required.subject, now)
  const b = counterOf(optional.name, optional.subject, now)
  if (a.rule.max >= 1 && b.rule.max >= 1 && existsIn(required.seen, a.id) === false && existsIn(optional.seen, b.id) === false) {
    const token = randomUUID()
    try {
      await counters().add({ data: [a.fresh({ createdBy: token }), b.fresh({ createdBy: token })] })
      return { required: a.unit, optional: b.unit }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    const { data } = (await counters().where({ _id: _.in([a.id, b.id]) }).get()) as { data: Array<{ _id: string; createdBy?: string }> }
    const mine = new Set(data.filter((doc) => doc.createdBy === token).map((doc) => doc._id))
    const requiredUnit = mine.has(a.id) ? a.unit : await tryTake(required.name, required.subject, now)
    if (!requiredUnit) {
      if (mine.has(b.id)) await b.unit.giveBack().catch(() => undefined)
      throw exhausted(required.name, now)
    }
    return { required: requiredUnit, optional: mine.has(b.id) ? b.unit : await optionalUnit() }
  }
  const requiredUnit = await tryTake(required.name, required.subject, now, required.seen)
  if (!requiredUnit) throw exhausted(required.name, now)
  return { required: requiredUnit, optional: await optionalUnit(optional.seen) }
}

function exhausted(name: LimitName, now: Dayjs): AppError {
  const rule = rateLimits()[name]
  const refusal = limitRefusal(name, rule, windowOf(rule.per, now), now)
  return new AppError(refusal.code, refusal.message, undefined, { why: refusal.why, ...refusal.details })
}

/** Takes one unit or refuses the call with RESOURCE_EXHAUSTED and when to try again (details.retryAt). */
export async function take(name: LimitName, subject: string, now: Dayjs, seen?: unknown[]): Promise<Unit> {
  const unit = await tryTake(name, subject, now, seen)
  if (unit) return unit
  throw exhausted(name, now)
}

/** A limit an action counts against, with what its counterJoin found (when it joined one). */
export interface Counted {
  name: LimitName
  subject: string
  seen?: unknown[]
}

/** One unit of each limit, in order, or none: a refusal gives back the units already taken. */
export async function takeAll(limits: Counted[], now: Dayjs): Promise<Unit> {
  const units: Unit[] = []
  for (const { name, subject, seen } of limits) {
    const unit = await tryTake(name, subject, now, seen)
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

/** An attempt admit() let through without taking a unit. */
export interface Admission {
  /**
   * Counts the attempt after all, when it failed after it was admitted: a unit of each limit,
   * taken without the guard (the attempt already happened, so it counts even if the allowance
   * was used up since; a counter past its max only refuses sooner). One request for all.
   */
  count(): Promise<void>
}

/**
 * For an attempt that counts only when it fails (an invite code that redeems is no guess):
 * checks, in one atomic step per counter, that every limit still has room, without taking a
 * unit, or refuses with RESOURCE_EXHAUSTED naming the first limit (in `limits`' order) used up.
 *
 * Why this limits as takeAll would: the check is a guarded write (`count < max` in the where
 * clause) on the very counter documents the failures take their units from, so each admission is
 * ordered among the takes of concurrent attempts exactly as a take would be: an attempt arriving
 * once the allowance is used up is refused, whatever its code. Taking a unit and giving it back
 * on success (what this replaces) ends in the same count with one request more. The write bumps
 * `admitted` (never `count`), which is what makes it a write: a where clause alone, read, would
 * be ordered with nothing. A counter not there yet is created with `count: 0` (an insert, which
 * a racing creation refuses; then the guarded write decides).
 *
 * Requests: one when no counter exists yet (a batch insert) or when all exist (one multi-document
 * update, each document under its own guard); one per counter otherwise.
 */
export async function admit(limits: Counted[], now: Dayjs): Promise<Admission> {
  const all = limits.map((limit) => ({ ...limit, counter: counterOf(limit.name, limit.subject, now) }))
  const admission: Admission = {
    async count() {
      await counters().where({ _id: _.in(all.map((a) => a.counter.id)) }).update({ data: { count: _.inc(1) } })
    },
  }
  const known = all.map((a) => existsIn(a.seen, a.counter.id))
  if (known.every((exists) => exists === false)) {
    try {
      await counters().add({ data: all.map((a) => a.counter.fresh({ count: 0, admitted: 1 })) })
      return admission
    } catch (error) {
      // The cloud may have stored the batch up to the counter that collided: each is settled alone below.
      if (!isDuplicateKey(error)) throw error
    }
  } else if (known.every((exists) => exists === true)) {
    const guarded = all.map((a) => ({ _id: a.counter.id, count: _.lt(a.counter.rule.max) }))
    const result = await counters().where(_.or(guarded)).update({ data: { admitted: _.inc(1) } })
    if (updatedCount(result) === all.length) return admission
    // One was used up: which one (in order) is told by asking each alone. A counter the update
    // passed is asked again; an admission that does not count can be given twice.
  }
  for (const a of all) {
    if (!(await admitOne(a.counter, existsIn(a.seen, a.counter.id) === true))) throw exhausted(a.name, now)
  }
  return admission
}

/** admit() for one counter: its guarded write, or its creation at count 0 when it was not seen. */
async function admitOne(counter: ReturnType<typeof counterOf>, seen: boolean): Promise<boolean> {
  if (!seen) {
    try {
      await counters().add({ data: counter.fresh({ count: 0, admitted: 1 }) })
      return true
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  return changed(await counters().where({ _id: counter.id, count: _.lt(counter.rule.max) }).update({ data: { admitted: _.inc(1) } }))
}

/**
 * Runs `work` within the caller's allowance of `name`: refused before it starts when used up. The
 * unit is given back when the work throws (a refusal, a duplicate insert of a retried request) or
 * answers null (it did nothing), so only what was stored counts. `seen`: as for tryTake.
 */
export async function limited<T>(name: LimitName, subject: string, now: Dayjs, work: () => Promise<T | null>, seen?: unknown[]): Promise<T | null> {
  const unit = await take(name, subject, now, seen)
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
