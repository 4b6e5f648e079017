// The booking rules, pure: every decision takes the state it needs and `now`, and answers what
// to do or why not. The booking function loads the state, asks here, and writes; the atomic
// conditions it writes with (a place left, the slot open, the start far enough ahead) are the
// same rules, so a decision made on a read can never be overtaken by a concurrent write.
import * as z from 'zod/mini'
import { dayjs, STATION_TIME_ZONE, type Dayjs } from '../time'
import type { BookingConfig } from './config'
import { counterBookingRefusal, type Service } from './catalog'
import { localDateOf, startOfLocalDay } from './slots'
import { refuse, type Refusal } from '../refusal'

export const BookingStatus = z.enum(['booked', 'checked_in', 'cancelled', 'no_show', 'station_closed'])
export type BookingStatus = z.infer<typeof BookingStatus>

/** Bookings that occupy a place in their slot: remaining = capacity − bookings in these states. */
export const HOLDS_PLACE: readonly BookingStatus[] = ['booked', 'checked_in', 'no_show']
/** Upcoming bookings, counted against the per-account limit. */
export const UPCOMING: readonly BookingStatus[] = ['booked']

export type { Refusal }

// ── Slots ────────────────────────────────────────────────────────────────────────────────────

export interface SlotState {
  startsAt: Date
  capacity: number
  remaining: number
  closed: boolean
  closedReason: string | null
}

/** The earliest start a booking made at `now` may have. */
export const earliestBookableStart = (now: Dayjs, config: BookingConfig) => now.add(config.minNoticeMinutes, 'minute')

/** The end of the booking window: residents see and book slots starting before it. */
export const windowEnd = (now: Dayjs, config: BookingConfig) => startOfLocalDay(now).add(config.windowDays, 'day')

/** Why a slot cannot be booked at `now` whoever books, leaving aside whether places are left; null when it can. */
export function slotTimeRefusal(slot: SlotState | null, now: Dayjs, config: BookingConfig): Refusal | null {
  if (!slot) return refuse('NOT_FOUND', 'unknown_slot', 'No such slot.')
  const start = dayjs(slot.startsAt)
  if (!start.isAfter(now)) return refuse('FAILED_PRECONDITION', 'past', 'The slot has already started.')
  if (slot.closed) return refuse('FAILED_PRECONDITION', 'closed', `The counter is closed at that time${slot.closedReason ? `: ${slot.closedReason}` : ''}.`, { reason: slot.closedReason })
  if (start.isBefore(earliestBookableStart(now, config))) {
    return refuse('FAILED_PRECONDITION', 'too_soon', `Book at least ${config.minNoticeMinutes} minutes before the slot starts.`, { minNoticeMinutes: config.minNoticeMinutes })
  }
  if (!start.isBefore(windowEnd(now, config))) return refuse('FAILED_PRECONDITION', 'beyond_window', `Slots can be booked up to ${config.windowDays} days ahead.`, { windowDays: config.windowDays })
  return null
}

const FULL = refuse('CONFLICT', 'full', 'The slot has just been fully booked.')

/** Why a slot cannot take a booking at `now` (not counting who books), or null when it can. */
export const slotRefusal = (slot: SlotState | null, now: Dayjs, config: BookingConfig): Refusal | null =>
  slotTimeRefusal(slot, now, config) ?? (slot && slot.remaining <= 0 ? FULL : null)

/** A slot residents may still book: open, places left, far enough ahead. */
export const isBookable = (slot: SlotState, now: Dayjs, config: BookingConfig) => slotRefusal(slot, now, config) === null

// ── The caller's bookings: limit, seats, suspension ──────────────────────────────────────────

export interface OwnBooking {
  id: string
  status: BookingStatus
  slotId: string
  startsAt: Date
  /** `<openid>#<n>` while upcoming; unique in the database, so an account never holds more than the limit. */
  seat: string
}

export const seatOf = (openid: string, n: number) => `${openid}#${n}`
export const voidSeat = (bookingId: string) => `void:${bookingId}`

/**
 * A free seat number (1…limit) for a new upcoming booking, or null at the limit. The seat goes
 * into the booking's unique `seat` field: two bookings racing for the last seat cannot both land.
 */
export function freeSeat(openid: string, mine: readonly OwnBooking[], config: BookingConfig): number | null {
  const taken = new Set(mine.filter((b) => b.status === 'booked').map((b) => b.seat))
  for (let n = 1; n <= config.maxActivePerAccount; n++) if (!taken.has(seatOf(openid, n))) return n
  return null
}

export interface Suspension {
  /** The no-show that triggered it and when it ends (UTC ISO). */
  since: string
  until: string
  /** Dates of the no-shows that counted. */
  noShows: string[]
}

/**
 * Online booking is suspended for `suspendDays` from the no-show that makes `threshold` within
 * `withinDays`. No-shows before a suspension began do not count towards the next one. Derived
 * from the stored no-shows each time, so the rule can change without migrating accounts.
 */
export function suspensionAt(noShowStarts: readonly Date[], now: Dayjs, config: BookingConfig): Suspension | null {
  const sorted = [...noShowStarts].map((d) => dayjs(d)).sort((a, b) => a.valueOf() - b.valueOf())
  let counted: Dayjs[] = []
  let latest: Suspension | null = null
  for (const at of sorted) {
    counted = counted.filter((earlier) => earlier.isAfter(at.subtract(config.noShow.withinDays, 'day')))
    counted.push(at)
    if (counted.length >= config.noShow.threshold) {
      latest = { since: at.toISOString(), until: at.add(config.noShow.suspendDays, 'day').toISOString(), noShows: counted.map((d) => d.toISOString()) }
      counted = []
    }
  }
  return latest && dayjs(latest.until).isAfter(now) ? latest : null
}

/** How far back no-shows can matter to a suspension that is still running. */
export const noShowLookback = (now: Dayjs, config: BookingConfig) => now.subtract(config.noShow.withinDays + config.noShow.suspendDays, 'day')

/** Why this account may not book now (suspension, limit), or the seat to book with. */
export function accountDecision(openid: string, mine: readonly OwnBooking[], now: Dayjs, config: BookingConfig): { ok: true; seat: number } | { ok: false; refusal: Refusal } {
  const suspension = suspensionAt(
    mine.filter((b) => b.status === 'no_show').map((b) => b.startsAt),
    now,
    config,
  )
  if (suspension) {
    return {
      ok: false,
      refusal: refuse('FAILED_PRECONDITION', 'suspended', `Online booking is suspended until ${dayjs(suspension.until).tz(STATION_TIME_ZONE).format('YYYY-MM-DD HH:mm')} after ${suspension.noShows.length} missed appointments.`, {
        suspendedUntil: suspension.until,
        noShows: suspension.noShows,
      }),
    }
  }
  const seat = freeSeat(openid, mine, config)
  if (seat === null) {
    return {
      ok: false,
      refusal: refuse('RESOURCE_EXHAUSTED', 'limit', `You already hold ${config.maxActivePerAccount} upcoming bookings; cancel one or attend it first.`, { maxActive: config.maxActivePerAccount }),
    }
  }
  return { ok: true, seat }
}

export interface BookingFacts {
  openid: string
  slot: (SlotState & { holders: ReadonlyArray<{ openid: string; bookingId: string }> }) | null
  service: Service | null
  /** The slot's counter: whether it takes bookings at all, and the services it handles. */
  counterActive: boolean
  counterServiceIds: readonly string[]
  /** The caller's upcoming bookings and recent no-shows. */
  mine: readonly OwnBooking[]
}

/**
 * Whether the caller may book this slot for this service now, and with which seat. The checks go
 * from the most to the least fundamental, so a resident is told the reason that matters first:
 * the slot itself, the service, the account (suspension, limit), a place already held, and last
 * whether a place is left.
 */
export function decideBooking(facts: BookingFacts, now: Dayjs, config: BookingConfig): { ok: true; seat: number } | { ok: false; refusal: Refusal } {
  const slotProblem = slotTimeRefusal(facts.slot, now, config)
  if (slotProblem) return { ok: false, refusal: slotProblem }
  if (!facts.counterActive) return { ok: false, refusal: refuse('FAILED_PRECONDITION', 'counter_inactive', 'This counter no longer takes bookings.') }
  const serviceProblem = counterBookingRefusal(facts.service, facts.counterServiceIds)
  if (serviceProblem) return { ok: false, refusal: refuse(serviceProblem.code, serviceProblem.why, serviceProblem.message, facts.service?.notRequired ? { notRequired: facts.service.notRequired } : undefined) }
  const account = accountDecision(facts.openid, facts.mine, now, config)
  if (!account.ok) return account
  const mineHere = facts.slot!.holders.find((h) => h.openid === facts.openid)
  if (mineHere) return { ok: false, refusal: refuse('CONFLICT', 'already_booked', 'You already hold a place in this slot.', { bookingId: mineHere.bookingId }) }
  if (facts.slot!.remaining <= 0) return { ok: false, refusal: FULL }
  return account
}

// ── Cancelling and rescheduling ─────────────────────────────────────────────────────────────

export const cancellationDeadline = (startsAt: Date | Dayjs, config: BookingConfig) => dayjs(startsAt).subtract(config.cancelUntilMinutes, 'minute')

export interface ChangeableBooking {
  openid: string
  status: BookingStatus
  startsAt: Date
}

/** Why the caller may not cancel or move this booking now, or null when they may. */
export function changeRefusal(booking: ChangeableBooking | null, openid: string, now: Dayjs, config: BookingConfig): Refusal | null {
  // Someone else's booking is answered like a missing one: ids do not reveal other people's bookings.
  if (!booking || booking.openid !== openid) return refuse('NOT_FOUND', 'unknown_booking', 'No such booking.')
  if (booking.status !== 'booked') return refuse('FAILED_PRECONDITION', booking.status, `The booking is ${booking.status.replace('_', ' ')}.`, { status: booking.status })
  const deadline = cancellationDeadline(booking.startsAt, config)
  if (now.isAfter(deadline)) {
    return refuse('FAILED_PRECONDITION', 'too_late', `Changes are possible until ${config.cancelUntilMinutes} minutes before the appointment.`, { deadline: deadline.toISOString() })
  }
  return null
}

// ── At the counter ───────────────────────────────────────────────────────────────────────────

export const CheckInCode = z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code of the booking'))

/** `<local date>-<code>`: unique among the bookings that hold their code (a unique index). */
export const checkinKeyOf = (localDate: string, code: string) => `${localDate}-${code}`
export const voidCheckinKey = (bookingId: string) => `void:${bookingId}`

/** A 6-digit code from a random integer source (crypto in the function, a fixed one in tests). */
export const checkinCodeFrom = (randomBelow: (n: number) => number) => String(randomBelow(1_000_000)).padStart(6, '0')

const QR_PREFIX = 'FQB1'
/** What the resident's QR code holds: no personal data, only the booking and its code. */
export const qrPayloadOf = (bookingId: string, code: string) => `${QR_PREFIX}:${bookingId}:${code}`
export function parseQrPayload(payload: string): { bookingId: string; code: string } | null {
  const match = new RegExp(`^${QR_PREFIX}:([A-Za-z0-9_-]{1,64}):(\\d{6})$`).exec(payload.trim())
  return match ? { bookingId: match[1], code: match[2] } : null
}

export interface CheckInState {
  status: BookingStatus
  localDate: string
  counterId: string
}

/** Whether a booking found by its code may be checked in now; 'already' makes a repeated scan harmless. */
export function checkInDecision(booking: CheckInState | null, counterId: string | undefined, now: Dayjs): { ok: true; already: boolean } | { ok: false; refusal: Refusal } {
  if (!booking) return { ok: false, refusal: refuse('NOT_FOUND', 'unknown_code', 'No booking today with this code.') }
  if (booking.localDate !== localDateOf(now)) return { ok: false, refusal: refuse('FAILED_PRECONDITION', 'not_today', `The booking is for ${booking.localDate}.`, { localDate: booking.localDate }) }
  if (counterId && booking.counterId !== counterId) {
    return { ok: false, refusal: refuse('FAILED_PRECONDITION', 'other_counter', 'The booking is for another counter.', { counterId: booking.counterId }) }
  }
  if (booking.status === 'checked_in') return { ok: true, already: true }
  if (booking.status !== 'booked') return { ok: false, refusal: refuse('FAILED_PRECONDITION', booking.status, `The booking is ${booking.status.replace('_', ' ')}.`, { status: booking.status }) }
  return { ok: true, already: false }
}

// ── Jobs ─────────────────────────────────────────────────────────────────────────────────────

/** Bookings still 'booked' whose slot ended before this instant are no-shows. */
export const noShowCutoff = (now: Dayjs, config: BookingConfig) => now.subtract(config.noShow.graceMinutes, 'minute')

/** The reminder is due the day before the appointment at `reminderHour`, station time. */
export function reminderDueAt(startsAt: Date | Dayjs, config: BookingConfig): Dayjs {
  return dayjs(startsAt).tz(STATION_TIME_ZONE).startOf('day').subtract(1, 'day').add(config.reminderHour, 'hour')
}

/** Due and still useful: a booking made after its reminder time is reminded at once, never after it started. */
export const isReminderDue = (startsAt: Date, now: Dayjs, config: BookingConfig) => !now.isBefore(reminderDueAt(startsAt, config)) && now.isBefore(dayjs(startsAt))

// ── What the resident sees of their account ─────────────────────────────────────────────────

export function bookingAccountStatus(mine: readonly Pick<OwnBooking, 'status' | 'startsAt'>[], now: Dayjs, config: BookingConfig) {
  const noShows = mine.filter((b) => b.status === 'no_show').map((b) => b.startsAt)
  const windowStart = now.subtract(config.noShow.withinDays, 'day')
  return {
    upcoming: mine.filter((b) => b.status === 'booked').length,
    maxActive: config.maxActivePerAccount,
    suspension: suspensionAt(noShows, now, config),
    recentNoShows: noShows
      .filter((d) => dayjs(d).isAfter(windowStart))
      .map((d) => d.toISOString())
      .sort(),
    rules: {
      noShowThreshold: config.noShow.threshold,
      noShowWithinDays: config.noShow.withinDays,
      suspendDays: config.noShow.suspendDays,
      cancelUntilMinutes: config.cancelUntilMinutes,
      minNoticeMinutes: config.minNoticeMinutes,
    },
  }
}
