// The resident's own bookings: cancel, reschedule, and what they hold.
//
// cancel:     4 requests: the runtime's user read with the booking and the message cap joined,
//             then the booking stops holding its place (a conditional update that re-checks the
//             deadline), then the place is given back. A crash in between leaves a holder whose
//             booking no longer holds a place: the reconcile job releases it.
// reschedule: 5 requests: the runtime's user read with the booking, its service, the new slot's
//             state and the message cap joined, then take the new place, point the booking at it (conditional on the old slot), give
//             the old place back. A crash leaves at most one extra holder, which reconcile
//             releases (its booking points elsewhere).
import { randomInt } from 'node:crypto'
import type { BookingView } from '../../../src/core/booking/contract'
import { localized } from '../../../src/core/booking/catalog'
import {
  bookingAccountStatus,
  type BookingFacts,
  changeRefusal,
  checkinCodeFrom,
  checkinKeyOf,
  decideBooking,
  earliestBookableStart,
  noShowLookback,
  voidCheckinKey,
  voidSeat,
} from '../../../src/core/booking/rules'
import { parseSlotId } from '../../../src/core/booking/slots'
import { AppError } from '../../../src/core/envelope'
import type { Dayjs } from '../../../src/core/time'
import { isDuplicateKey } from '../../_shared/documents'
import { withJoins, type Ctx } from '../../_shared/runtime'
import { capJoin } from '../../_shared/subscribe-message'
import type { Joins } from '../../_shared/users'
import { sendBookingMessage, sendCancellationMessage } from '../notify'
import { bookingView, counterOf, ownBooking, serviceOf, type BookingDoc } from '../records'
import { raise, refusalError } from '../refusal'
import { bookingSettings } from '../settings'
import { bookingJoin, bookingStateJoinsWithoutService, bookingStateOf, getBooking, joinedBooking, serviceJoinedTo, myBookingList, ownBookings, updateBookingWhere, when } from '../store/bookings'
import { getSlot, releasePlace, takePlace } from '../store/slots'

/** The Mongolian awaits review by a native speaker, like every mn-Mong phrase (MONGOLIAN_PHRASES_REVIEWED). */
const CANCELLED_BY_RESIDENT = { zh: '本人取消', mn: 'ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠪᠣᠯᠢᠭᠤᠯᠪᠠ' }

/**
 * The cancel path, shared with account deletion: the booking stops holding its place under
 * `condition` (null when it no longer held), then the place is given back.
 */
export async function withdrawBooking(booking: BookingDoc, condition: Record<string, unknown>, now: Dayjs): Promise<BookingDoc | null> {
  const change = { status: 'cancelled' as const, seat: voidSeat(booking._id), checkinKey: voidCheckinKey(booking._id), cancelledAt: now.toDate(), updatedAt: now.toDate() }
  if (!(await updateBookingWhere(booking._id, condition, change))) return null
  await releasePlace(booking.slotId, booking._id)
  return { ...booking, ...change }
}

/** The booking to change and the caller's message cap, joined onto the runtime's user read. */
const changeJoins = (input: { bookingId: string }, caller: { openid: string; now: Dayjs }): Joins => ({
  booking: bookingJoin(input.bookingId),
  messageCap: capJoin(caller.openid, caller.now),
})

export const cancel = withJoins(changeJoins, async (ctx: Ctx): Promise<BookingView> => {
  const config = bookingSettings()
  const now = ctx.now()
  const booking = joinedBooking(ctx.joined)
  if (booking) ctx.requireOwner(booking.openid)
  // Cancelling twice is harmless: the second call answers with the cancelled booking.
  if (booking?.status === 'cancelled') return bookingView(booking, config)
  raise(changeRefusal(booking, ctx.openid, now, config))
  const latestStart = now.add(config.cancelUntilMinutes, 'minute').toDate()
  const cancelled = await withdrawBooking(booking!, when.bookedStartingFrom(ctx.openid, latestStart), now)
  if (!cancelled) {
    // Changed since the read (checked in, moved, cancelled by a second tap): answer from what it is now.
    const fresh = await getBooking(booking!._id)
    if (fresh?.status === 'cancelled') return bookingView(fresh, config)
    raise(changeRefusal(fresh, ctx.openid, now, config))
    throw new AppError('CONFLICT', 'The booking changed at the same moment; reload it.', undefined, { why: 'changed' })
  }
  await sendCancellationMessage(cancelled, localized(CANCELLED_BY_RESIDENT, cancelled.language), now, { seen: ctx.joined.messageCap })
  return bookingView(cancelled, config)
})

/**
 * The booking with its service, the caller's message cap, and everything book decides on for the
 * new slot, joined onto the runtime's user read: one request for every read before the writes.
 */
function rescheduleJoins(input: { bookingId: string; slotId: string }, caller: { openid: string; now: Dayjs }): Joins {
  const parsed = parseSlotId(input.slotId)
  return {
    booking: bookingJoin(input.bookingId, { withService: true }),
    messageCap: capJoin(caller.openid, caller.now),
    ...(parsed ? bookingStateJoinsWithoutService({ counterId: parsed.counterId, slotId: input.slotId, openid: caller.openid, bookingId: input.bookingId, noShowsSince: noShowLookback(caller.now, bookingSettings()).toDate() }) : {}),
  }
}

export const reschedule = withJoins(rescheduleJoins, async (ctx: Ctx, input: { bookingId: string; slotId: string }): Promise<BookingView> => {
  const config = bookingSettings()
  const now = ctx.now()
  const booking = joinedBooking(ctx.joined)
  if (booking) ctx.requireOwner(booking.openid)
  raise(changeRefusal(booking, ctx.openid, now, config))
  const current = booking!
  if (current.slotId === input.slotId) return bookingView(current, config)
  const parsed = parseSlotId(input.slotId)
  const joinedState = parsed && bookingStateOf(ctx.joined)
  const state = joinedState && { ...joinedState, service: serviceJoinedTo(ctx.joined) }
  if (!state?.slot) throw new AppError('NOT_FOUND', 'No such slot.', undefined, { why: 'unknown_slot' })
  const counter = counterOf(state.counter)
  const service = state.service ? serviceOf(state.service) : null
  // The booking keeps its seat, so it does not count against the limit for its own move.
  const others = state.mine.filter((b) => b._id !== current._id).map(ownBooking)
  const decide = (slot: BookingFacts['slot']) => decideBooking({ openid: ctx.openid, slot, service, counterActive: counter.active, counterServiceIds: counter.serviceIds, mine: others }, now, config)
  const decision = decide(state.slot)
  if (!decision.ok) throw refusalError(decision.refusal)

  if (!(await takePlace(input.slotId, { bookingId: current._id, openid: ctx.openid, at: now.toDate() }, earliestBookableStart(now, config).toDate()))) {
    const again = decide(await getSlot(input.slotId))
    throw again.ok ? new AppError('CONFLICT', 'The slot changed at the same moment; try again.', undefined, { why: 'contended' }) : refusalError(again.refusal)
  }
  const slot = state.slot
  let moved: BookingDoc | null = null
  try {
    for (let attempt = 0; attempt < 6 && !moved; attempt++) {
      // A new day may already have this code in use: draw another one until the unique key accepts it.
      const code = attempt === 0 ? current.code : checkinCodeFrom(randomInt)
      const change = {
        slotId: slot._id,
        counterId: slot.counterId,
        stationId: counter.stationId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        localDate: slot.localDate,
        localTime: slot.localTime,
        counter: { name: counter.name, place: counter.place, languages: counter.languages },
        code,
        checkinKey: checkinKeyOf(slot.localDate, code),
        remindedAt: null,
        moves: [...current.moves, { from: current.slotId, to: slot._id, at: now.toDate() }],
        updatedAt: now.toDate(),
      }
      try {
        if (!(await updateBookingWhere(current._id, { ...when.bookedAt(current.slotId), startsAt: current.startsAt }, change))) {
          throw new AppError('CONFLICT', 'The booking changed at the same moment; reload it.', undefined, { why: 'changed' })
        }
        moved = { ...current, ...change }
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    }
    if (!moved) throw new AppError('CONFLICT', 'Could not move the booking; try again.', undefined, { why: 'contended' })
  } catch (error) {
    await releasePlace(slot._id, current._id)
    throw error
  }
  await releasePlace(current.slotId, current._id)
  await sendBookingMessage('confirmation', moved, now, { seen: ctx.joined.messageCap })
  return bookingView(moved, config)
})

export async function myBookings(ctx: Ctx) {
  const config = bookingSettings()
  const now = ctx.now()
  const list = await myBookingList(ctx.openid)
  // The newest hundred cover the suspension look-back many times over (the limit is a handful of upcoming bookings).
  return { bookings: list.map((b) => bookingView(b, config)), status: bookingAccountStatus(list.map(ownBooking), now, config) }
}

export async function myBookingStatus(ctx: Ctx) {
  const config = bookingSettings()
  const now = ctx.now()
  return bookingAccountStatus((await ownBookings(ctx.openid, noShowLookback(now, config).toDate())).map(ownBooking), now, config)
}
