// Abuse limits (issue #9): how many times one person (or the whole station, for invite guesses)
// may do a costly or harmful thing within a fixed window of the station's calendar: a day from
// local midnight, or a clock hour. Pure: the window, the counter's id and the retry time follow
// from `now`; the counting itself is one guarded database update (cloudfunctions/_shared/rate-limit.ts).
import * as z from 'zod/mini'
import { refuse, type Refusal } from './refusal'
import { STATION_TIME_ZONE, dayjs, type Dayjs } from './time'

export const LimitWindow = z.enum(['hour', 'day'])
export type LimitWindow = z.infer<typeof LimitWindow>

export const LimitRule = z.strictObject({ max: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)), per: LimitWindow })
export type LimitRule = z.infer<typeof LimitRule>

/**
 * Every limit, with production defaults. A resident books a counter visit or files a dispute a few
 * times a year, so a handful a day never stops a real person; an officer publishes a few notices
 * a day; WeChat lets a person subscribe to a message once per tap, and ten a day is already a lot
 * of pushes for one phone. Invite codes have 32^8 values: five wrong guesses an hour per person
 * and thirty for the whole station make guessing hopeless while an officer who mistypes can retry.
 */
export const DEFAULT_LIMITS = {
  booking: { max: 5, per: 'day' },
  mediationFiling: { max: 3, per: 'day' },
  // Requests to the desk (questions, tip-offs…): a person asks a few things a day at most; ten keeps one person from flooding an officer's inbox.
  requestFiling: { max: 10, per: 'day' },
  notice: { max: 20, per: 'hour' },
  subscribeMessage: { max: 10, per: 'day' },
  inviteAttempt: { max: 5, per: 'hour' },
  inviteAttemptStation: { max: 30, per: 'hour' },
} as const satisfies Record<string, LimitRule>

export type LimitName = keyof typeof DEFAULT_LIMITS
export type Limits = Record<LimitName, LimitRule>

/** The override a deployment sets (the functions' RATE_LIMITS variable): any subset of the limits. */
export const LimitsOverride = z.strictObject({
  booking: z.optional(LimitRule),
  mediationFiling: z.optional(LimitRule),
  requestFiling: z.optional(LimitRule),
  notice: z.optional(LimitRule),
  subscribeMessage: z.optional(LimitRule),
  inviteAttempt: z.optional(LimitRule),
  inviteAttemptStation: z.optional(LimitRule),
})

/** The defaults with an override applied; an override that does not parse throws (a deployment error). */
export function limitsWith(override: unknown): Limits {
  const parsed = LimitsOverride.parse(override ?? {})
  const limits: Limits = { ...DEFAULT_LIMITS }
  for (const [name, rule] of Object.entries(parsed) as Array<[LimitName, LimitRule | undefined]>) if (rule) limits[name] = rule
  return limits
}

export interface Window {
  /** Names the window in a counter's id: YYYYMMDD for a day, YYYYMMDDHH for an hour, station time. */
  key: string
  startsAt: Date
  endsAt: Date
}

/** The window `now` falls in, on the station's calendar (a resident's "day" starts at local midnight). */
export function windowOf(per: LimitWindow, now: Dayjs): Window {
  const start = dayjs(now).tz(STATION_TIME_ZONE).startOf(per)
  return { key: start.format(per === 'day' ? 'YYYYMMDD' : 'YYYYMMDDHH'), startsAt: start.toDate(), endsAt: start.add(1, per).toDate() }
}

/** One counter per (limit, window, subject): its id, so the first use of a window can create it with a unique insert. */
export const counterId = (name: LimitName, window: Window, subject: string) => `${name}:${window.key}:${subject}`

/** The refusal when the window's allowance is used up: when to try again, for the app to say so. */
export function limitRefusal(name: LimitName, rule: LimitRule, window: Window, now: Dayjs): Refusal {
  const retryAfterSeconds = Math.max(1, Math.ceil(dayjs(window.endsAt).diff(now, 'millisecond') / 1000))
  return refuse('RESOURCE_EXHAUSTED', 'rate_limited', `Limit reached: at most ${rule.max} per ${rule.per} (${name}); try again after ${window.endsAt.toISOString()}.`, {
    limit: name,
    max: rule.max,
    per: rule.per,
    retryAt: window.endsAt.toISOString(),
    retryAfterSeconds,
  })
}
