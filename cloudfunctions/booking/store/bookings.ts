// Booking documents. A booking is inserted only after its place was taken in the slot, and it
// stops holding the place (status change) before the place is given back; the reconcile job
// mends the one window a crash can leave open (see ../jobs.ts).
import * as z from 'zod/mini'
import { HOLDS_PLACE } from '../../../src/core/booking/rules'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { readDoc } from '../../_shared/documents'
import { BookingDoc, CounterDoc, ServiceDoc, SlotDoc } from '../records'
import type { Join, Joined, Joins } from '../../_shared/users'

export const bookings = () => db.collection(COLLECTIONS.bookings)

type Updated = { stats: { updated: number } }

export const getBooking = (id: string) => readDoc(bookings(), id, BookingDoc)

/** getBooking as a join onto the runtime's user read (withJoins); joinedBooking parses what it found. */
export const bookingJoin = (id: string, options: { withService?: boolean } = {}): Join => ({
  from: COLLECTIONS.bookings,
  match: { _id: id },
  limit: 1,
  ...(options.withService ? { refers: { from: COLLECTIONS.bookingServices, localField: 'serviceId', foreignField: '_id', as: 'serviceNow' } } : {}),
})
export const joinedBooking = (joined: Joined, as = 'booking'): BookingDoc | null => z.array(BookingDoc).check(z.maxLength(1)).parse(joined[as])[0] ?? null

const parseList = (data: unknown) => z.array(BookingDoc).parse(data)

const BookingState = z.object({
  counter: CounterDoc,
  slot: z.array(SlotDoc).check(z.maxLength(1)),
  service: z.array(ServiceDoc).check(z.maxLength(1)),
  mine: z.array(BookingDoc),
})

export interface BookingState {
  counter: CounterDoc
  slot: SlotDoc | null
  service: z.infer<typeof ServiceDoc> | null
  /** The caller's upcoming bookings, recent no-shows, and the booking this request made earlier, if any. */
  mine: BookingDoc[]
}

/** The caller's upcoming bookings, recent no-shows, and the booking of `bookingId`. */
const mineMatch = (q: { openid: string; bookingId: string; noShowsSince: Date }) =>
  _.or([{ _id: q.bookingId }, { openid: q.openid, status: 'booked' }, { openid: q.openid, status: 'no_show', startsAt: _.gte(q.noShowsSince) }])

/**
 * Everything `book` decides on, as joins onto the runtime's user read (withJoins): the counter,
 * the slot, the service and the caller's relevant bookings, read in the same request as the user.
 */
export const bookingStateJoins = (q: { counterId: string; slotId: string; serviceId: string; openid: string; bookingId: string; noShowsSince: Date }): Joins => ({
  ...bookingStateJoinsWithoutService(q),
  service: { from: COLLECTIONS.bookingServices, match: { _id: q.serviceId }, limit: 1 },
})

/** bookingStateJoins for a service not known before the read (reschedule: the booking's own, joined with it by serviceJoinedTo). */
export const bookingStateJoinsWithoutService = (q: { counterId: string; slotId: string; openid: string; bookingId: string; noShowsSince: Date }): Joins => ({
  counter: { from: COLLECTIONS.bookingCounters, match: { _id: q.counterId }, limit: 1 },
  slot: { from: COLLECTIONS.bookingSlots, match: { _id: q.slotId }, limit: 1 },
  mine: { from: COLLECTIONS.bookings, match: mineMatch(q) },
})

const BookingJoined = z.extend(BookingState, { counter: z.array(CounterDoc).check(z.maxLength(1)), service: z._default(z.array(ServiceDoc).check(z.maxLength(1)), []) })

/** What bookingStateJoins found; null when the counter does not exist. */
export function bookingStateOf(joined: Joined): BookingState | null {
  const { counter, slot, service, mine } = BookingJoined.parse(joined)
  return counter[0] ? { counter: counter[0], slot: slot[0] ?? null, service: service[0] ?? null, mine } : null
}

/** A booking's service, as bookingJoin(id, { withService: true }) found it next to the booking. */
export const serviceJoinedTo = (joined: Joined, as = 'booking') =>
  z.array(z.object({ serviceNow: z.array(ServiceDoc).check(z.maxLength(1)) })).check(z.maxLength(1)).parse(joined[as])[0]?.serviceNow[0] ?? null

/** The caller's bookings that matter to the limit and to a suspension. */
export async function ownBookings(openid: string, noShowsSince: Date): Promise<BookingDoc[]> {
  const { data } = (await bookings()
    .where(_.or([{ openid, status: 'booked' }, { openid, status: 'no_show', startsAt: _.gte(noShowsSince) }]))
    .limit(1000)
    .get()) as { data: unknown }
  return parseList(data)
}

export async function insertBooking(doc: BookingDoc) {
  const { _id, ...data } = doc
  await bookings().add({ data: { _id, ...data } })
}

/** Which unique key an insert collided with: the request (same _id), the seat, or the check-in code. */
export async function collisionOf(doc: BookingDoc): Promise<{ sameRequest: BookingDoc | null; seatTaken: boolean; codeTaken: boolean }> {
  const { data } = (await bookings()
    .where(_.or([{ _id: doc._id }, { seat: doc.seat }, { checkinKey: doc.checkinKey }]))
    .limit(10)
    .get()) as { data: unknown }
  const found = parseList(data)
  return {
    sameRequest: found.find((b) => b._id === doc._id) ?? null,
    seatTaken: found.some((b) => b._id !== doc._id && b.seat === doc.seat),
    codeTaken: found.some((b) => b._id !== doc._id && b.checkinKey === doc.checkinKey),
  }
}

/** Conditions the actions write under, so a stale read can never overwrite a newer state. */
export const when = {
  booked: { status: 'booked' },
  /** The caller's, booked, and starting no earlier than `instant` (the change deadline has not passed). */
  bookedStartingFrom: (openid: string, instant: Date) => ({ openid, status: 'booked', startsAt: _.gte(instant) }),
  bookedAt: (slotId: string) => ({ status: 'booked', slotId }),
  notReminded: { status: 'booked', remindedAt: null },
  remindedAt: (at: Date) => ({ remindedAt: at }),
  closureNotNotified: { status: 'station_closed', 'closure.notifiedAt': null },
}

/** A conditional update of one booking; false when the condition no longer held. */
export async function updateBookingWhere(id: string, condition: Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
  const result = (await bookings()
    .where({ ...condition, _id: id })
    .update({ data })) as Updated
  return result.stats.updated === 1
}

export async function myBookingList(openid: string): Promise<BookingDoc[]> {
  const { data } = (await bookings().where({ openid }).orderBy('startsAt', 'desc').limit(100).get()) as { data: unknown }
  return parseList(data)
}

export async function bookingByCheckinKey(checkinKey: string): Promise<BookingDoc | null> {
  const { data } = (await bookings().where({ checkinKey }).limit(1).get()) as { data: unknown }
  return parseList(data)[0] ?? null
}

export async function bookingsOfCounterDay(counterId: string, localDate: string, statuses?: readonly string[]): Promise<BookingDoc[]> {
  const { data } = (await bookings()
    .where({ counterId, localDate, ...(statuses ? { status: _.in([...statuses]) } : {}) })
    .orderBy('startsAt', 'asc')
    .limit(1000)
    .get()) as { data: unknown }
  return parseList(data)
}

export async function bookingsByIds(ids: readonly string[]): Promise<BookingDoc[]> {
  const found: BookingDoc[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const { data } = (await bookings()
      .where({ _id: _.in(ids.slice(i, i + 500)) })
      .limit(1000)
      .get()) as { data: unknown }
    found.push(...parseList(data))
  }
  return found
}

/** Up to `limit` bookings matching `where`, soonest first. */
export async function bookingsWhere(where: Record<string, unknown>, limit = 1000): Promise<BookingDoc[]> {
  const { data } = (await bookings().where(where).orderBy('startsAt', 'asc').limit(limit).get()) as { data: unknown }
  return parseList(data)
}

/** Still 'booked' although the slot ended before `cutoff`: the no-show job's work. */
export const overdueBookings = (cutoff: Date, limit: number) => bookingsWhere({ status: 'booked', endsAt: _.lt(cutoff) }, limit)

/** Booked, not reminded, starting in (from, to]. */
export const reminderCandidates = (from: Date, to: Date) => bookingsWhere({ ...when.notReminded, startsAt: _.gt(from).and(_.lte(to)) })

export const closuresNotNotified = () => bookingsWhere(when.closureNotNotified)

/** Position in today's arrival order: bookings of the counter and day checked in no later than `at`. */
export async function arrivalNumber(counterId: string, localDate: string, at: Date): Promise<number> {
  const { total } = (await bookings().where({ counterId, localDate, status: 'checked_in', checkedInAt: _.lte(at) }).count()) as { total: number }
  return total
}

/** Whether a booking in this state occupies its slot's place. */
export const holdsPlace = (doc: Pick<BookingDoc, 'status'>) => HOLDS_PLACE.includes(doc.status)

export type { BookingDoc, SlotDoc }
