// Booking rules that a station may tune, as data (STYLE.md › Config is data). The defaults are
// what 潮格温都尔镇派出所 works with; a deployment can override any of them without a code change
// (cloudfunctions/booking/settings.ts reads BOOKING_CONFIG from the function's environment).
import * as z from 'zod/mini'

const Minutes = z.number().check(z.int(), z.gte(0), z.lte(7 * 24 * 60))

/** One subscription-message template: its id from the mini-program console and the key of each field. */
export const MessageTemplate = z.object({
  templateId: z.string().check(z.minLength(1)),
  /** Our field name → the template's keyword key (thing1, time2, character_string3, …). */
  fields: z.record(z.string(), z.string().check(z.regex(/^[a-z_]+\d+$/))),
})
export type MessageTemplate = z.infer<typeof MessageTemplate>

export const BookingConfig = z.object({
  /** Residents see and book this many days ahead, today included. */
  windowDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
  /** A booking must be made at least this long before the slot starts. */
  minNoticeMinutes: Minutes,
  /** Cancelling or rescheduling is allowed until this long before the slot starts. */
  cancelUntilMinutes: Minutes,
  /** Upcoming (not yet attended) bookings one WeChat account may hold at once. */
  maxActivePerAccount: z.number().check(z.int(), z.gte(1), z.lte(20)),
  noShow: z.object({
    /** A booking not checked in this long after its slot ended is a no-show. */
    graceMinutes: Minutes,
    /** This many no-shows … */
    threshold: z.number().check(z.int(), z.gte(1), z.lte(20)),
    /** … within this many days … */
    withinDays: z.number().check(z.int(), z.gte(1), z.lte(365)),
    /** … suspend online booking for this many days. */
    suspendDays: z.number().check(z.int(), z.gte(1), z.lte(365)),
  }),
  /** Reminders go out the day before the slot, from this hour of the station's day. */
  reminderHour: z.number().check(z.int(), z.gte(0), z.lte(23)),
  /**
   * A slot place held this long without a matching booking is released by the reconcile job.
   * Must exceed the function timeout, so an invocation still running is never mistaken for a crash.
   */
  reconcileGraceMinutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
  /** Door-to-door service: the age from which a resident qualifies by age alone. */
  homeVisitMinAge: z.number().check(z.int(), z.gte(0), z.lte(120)),
  messages: z.object({
    /** 'developer' | 'trial' | 'formal': which build of the mini-program a message opens. */
    miniprogramState: z.enum(['developer', 'trial', 'formal']),
    /** The page a booking message opens; `?id=<bookingId>` is appended. */
    bookingPage: z.string().check(z.minLength(1)),
    homeVisitPage: z.string().check(z.minLength(1)),
    confirmation: MessageTemplate,
    reminder: MessageTemplate,
    cancellation: MessageTemplate,
    closure: MessageTemplate,
    homeVisitProposed: MessageTemplate,
  }),
})
export type BookingConfig = z.infer<typeof BookingConfig>

/**
 * Template ids are placeholders until the station registers its templates in the mini-program
 * console (订阅消息 › 我的模板); set the real ones through BOOKING_CONFIG.
 */
export const DEFAULT_BOOKING_CONFIG: BookingConfig = {
  windowDays: 14,
  minNoticeMinutes: 60,
  cancelUntilMinutes: 120,
  maxActivePerAccount: 3,
  noShow: { graceMinutes: 30, threshold: 3, withinDays: 90, suspendDays: 30 },
  reminderHour: 18,
  reconcileGraceMinutes: 5,
  homeVisitMinAge: 70,
  messages: {
    miniprogramState: 'formal',
    // The booking subpackage's page; messages open it on the right tab (see notify.ts).
    bookingPage: 'packages/booking/pages/index/index',
    homeVisitPage: 'packages/booking/pages/index/index',
    confirmation: { templateId: 'TEMPLATE_BOOKING_CONFIRMED', fields: { service: 'thing1', time: 'time2', place: 'thing3', code: 'character_string4' } },
    reminder: { templateId: 'TEMPLATE_BOOKING_REMINDER', fields: { service: 'thing1', time: 'time2', place: 'thing3', code: 'character_string4' } },
    cancellation: { templateId: 'TEMPLATE_BOOKING_CANCELLED', fields: { service: 'thing1', time: 'time2', reason: 'thing3' } },
    closure: { templateId: 'TEMPLATE_COUNTER_CLOSED', fields: { service: 'thing1', time: 'time2', reason: 'thing3' } },
    homeVisitProposed: { templateId: 'TEMPLATE_HOME_VISIT_PROPOSED', fields: { service: 'thing1', time: 'time2', officer: 'thing3' } },
  },
}

/** Deep-merges a partial override (from the environment) into the defaults, then validates the result. */
export function bookingConfigWith(override: unknown): BookingConfig {
  const merge = (base: unknown, patch: unknown): unknown => {
    if (patch === undefined) return base
    if (base && typeof base === 'object' && !Array.isArray(base) && patch && typeof patch === 'object' && !Array.isArray(patch)) {
      const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
      for (const [key, value] of Object.entries(patch)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue
        out[key] = merge(out[key], value)
      }
      return out
    }
    return patch
  }
  return BookingConfig.parse(merge(DEFAULT_BOOKING_CONFIG, override))
}
