// The officers' counter desk: check-in by code or QR, today's queue, a day's bookings, and
// closing a counter for a day.
import * as z from 'zod/mini'
import type { DeskBooking } from '../../../src/core/booking/contract'
import { checkInDecision, checkinKeyOf, parseQrPayload, voidCheckinKey, voidSeat } from '../../../src/core/booking/rules'
import { localDateOf } from '../../../src/core/booking/slots'
import { AppError } from '../../../src/core/envelope'
import { _ } from '../../_shared/cloud'
import type { Dayjs } from '../../../src/core/time'
import { COLLECTIONS } from '../../_shared/collections'
import { withJoins, type Ctx } from '../../_shared/runtime'
import { serves, requireServes } from '../stations'
import { sendClosureMessage } from '../notify'
import { CounterDoc, deskBooking, type BookingDoc } from '../records'
import { refusalError } from '../refusal'
import { bookingSettings } from '../settings'
import { arrivalNumber, bookingByCheckinKey, bookingsOfCounterDay, getBooking, updateBookingWhere, when } from '../store/bookings'
import { addClosure, getCounter } from '../store/catalog'
import { closeSlotsOfDay, releasePlace } from '../store/slots'

async function findByKey(key: string, today: string): Promise<BookingDoc | null> {
  const qr = parseQrPayload(key)
  if (!qr) return bookingByCheckinKey(checkinKeyOf(today, key))
  const booking = await getBooking(qr.bookingId)
  return booking && booking.code === qr.code ? booking : null
}

/**
 * Checking in ends the booking's claim on the account's limit (the seat); its place in the slot
 * stays taken. A code of another station's booking is not found at this one.
 */
export const checkIn = async (ctx: Ctx, input: { code: string; counterId?: string }) => {
  const config = bookingSettings()
  const now = ctx.now()
  const today = localDateOf(now)
  const { bureau } = await ctx.current()
  const found = await findByKey(input.code, today)
  let booking = found && serves(ctx.user, bureau, found) ? found : null
  let decision = checkInDecision(booking, input.counterId, now)
  if (decision.ok && !decision.already) {
    const change = { status: 'checked_in', checkedInAt: now.toDate(), checkedInBy: ctx.user.officerId ?? ctx.openid, seat: voidSeat(booking!._id), updatedAt: now.toDate() }
    if (await updateBookingWhere(booking!._id, when.booked, change)) {
      booking = { ...booking!, ...change, status: 'checked_in' }
    } else {
      // A second officer scanned the same code at the same moment, or the booking changed.
      booking = await getBooking(booking!._id)
      decision = checkInDecision(booking, input.counterId, now)
      if (decision.ok && !decision.already) throw new AppError('CONFLICT', 'The booking changed at the same moment; scan again.', undefined, { why: 'changed' })
    }
  }
  if (!decision.ok) throw refusalError(decision.refusal)
  const arrived = booking!
  return {
    booking: deskBooking(arrived, config, await arrivalNumber(arrived.counterId, arrived.localDate, arrived.checkedInAt!)),
    alreadyCheckedIn: decision.already,
  }
}

/** A day's bookings in desk order: arrivals numbered by time of check-in. */
function deskList(list: BookingDoc[]): DeskBooking[] {
  const config = bookingSettings()
  const arrivals = list.filter((b) => b.checkedInAt !== null && b.status === 'checked_in').sort((a, b) => a.checkedInAt!.valueOf() - b.checkedInAt!.valueOf())
  const arrivalNo = new Map(arrivals.map((b, i) => [b._id, i + 1]))
  return list.map((b) => deskBooking(b, config, arrivalNo.get(b._id) ?? null))
}

/** The counter on the runtime's user read (which carries the jurisdiction's pointer too): the station check costs no request. */
const counterJoins = (input: { counterId: string }) => ({
  deskCounter: { from: COLLECTIONS.bookingCounters, match: { _id: input.counterId }, limit: 1 },
})

/** Refuses another station's counter to a member of staff of one station; an unknown counter is NOT_FOUND. */
async function requireOwnCounter(ctx: Ctx) {
  const [counter] = z.array(CounterDoc).check(z.maxLength(1)).parse(ctx.joined.deskCounter)
  if (!counter) throw new AppError('NOT_FOUND', 'No such counter.', undefined, { why: 'unknown_counter' })
  requireServes(ctx.user, (await ctx.current()).bureau, counter)
}

export const counterQueue = withJoins(counterJoins, async (ctx: Ctx, input: { counterId: string }) => {
  await requireOwnCounter(ctx)
  const date = localDateOf(ctx.now())
  const list = deskList(await bookingsOfCounterDay(input.counterId, date, ['booked', 'checked_in', 'no_show']))
  return {
    counterId: input.counterId,
    date,
    arrived: list.filter((b) => b.status === 'checked_in').sort((a, b) => a.arrivalNo! - b.arrivalNo!),
    expected: list.filter((b) => b.status === 'booked'),
    noShows: list.filter((b) => b.status === 'no_show'),
  }
})

export const dayBookings = withJoins(counterJoins, async (ctx: Ctx, input: { counterId: string; date: string }) => {
  await requireOwnCounter(ctx)
  return deskList(await bookingsOfCounterDay(input.counterId, input.date))
})

/**
 * Closing is idempotent and resumable: running it again for the same day finishes whatever a
 * crash left undone (bookings not yet marked, places not given back, residents not notified).
 * Each resident is notified at most once: the notice is claimed on the booking before sending.
 */
export const closeCounterDay = async (ctx: Ctx, input: { counterId: string; date: string; reason: string }) => {
  const now = ctx.now()
  if (input.date < localDateOf(now)) throw new AppError('FAILED_PRECONDITION', 'That day is over.', undefined, { why: 'past' })
  const counter = await getCounter(input.counterId)
  if (!counter) throw new AppError('NOT_FOUND', 'No such counter.', undefined, { why: 'unknown_counter' })
  // The bureau admin manages every station's counters; the desk only its own station's.
  if (!ctx.user.roles.includes('bureau_admin')) requireServes(ctx.user, (await ctx.current()).bureau, counter)
  const reason = counter.closures.find((c) => c.date === input.date)?.reason ?? input.reason
  await addClosure(input.counterId, { date: input.date, reason, closedBy: ctx.user.officerId ?? ctx.openid, at: now.toISOString() })
  const closedSlots = await closeSlotsOfDay(input.counterId, input.date, reason)
  const affected = await bookingsOfCounterDay(input.counterId, input.date, ['booked', 'station_closed'])
  let notified = 0
  let marked = 0
  for (const booking of affected) {
    if (booking.status === 'booked') {
      const closure = { reason, at: now.toDate(), notifiedAt: null }
      const change = { status: 'station_closed' as const, seat: voidSeat(booking._id), checkinKey: voidCheckinKey(booking._id), updatedAt: now.toDate() }
      // Checked in or cancelled meanwhile: it is no longer affected.
      if (!(await updateBookingWhere(booking._id, when.booked, { ...change, closure: _.set(closure) }))) continue
      Object.assign(booking, change, { closure })
    }
    marked++
    await releasePlace(booking.slotId, booking._id)
    if (await notifyClosure(booking, now)) notified++
  }
  return { counterId: input.counterId, date: input.date, closedSlots, affectedBookings: marked, notified }
}

/** Claims the closure notice on the booking, then sends it; false when it was sent before. */
export async function notifyClosure(booking: BookingDoc, now: Dayjs): Promise<boolean> {
  if (booking.closure?.notifiedAt) return false
  const at = now.toDate()
  if (!(await updateBookingWhere(booking._id, when.closureNotNotified, { 'closure.notifiedAt': at, updatedAt: at }))) return false
  await sendClosureMessage(booking, booking.closure?.reason ?? '', now)
  return true
}
