// book: one place in a slot for the caller or a family member.
//
// Database requests on the happy path:
//   1. one aggregation: the runtime's user read with counter + slot + service + the caller's
//      relevant bookings (and this request's earlier booking, if it was made already) and the two
//      abuse-limit counters below joined (withJoins) — everything the rules decide on;
//   2. the abuse limits: a unit of bookings per day and one of the resident's daily message cap
//      for the confirmation, taken together (takeWithOptional): one batch insert on the first
//      booking of the day, a guarded update each on a later one (the join said they exist);
//   3. take the place: a conditional single-document update of the slot (open, a place left,
//      far enough ahead, no place held by this account yet) — capacity can never be oversold;
//   4. insert the booking, whose unique keys make the rest atomic too: _id (derived from the
//      caller and requestId: a request takes effect once), seat (the per-account limit) and
//      checkinKey (the day's codes are unique).
// So 4 requests on the first booking of the day, 5 on a later one the same day.
// Every refusal the rules can give from step 1 is given before anything is written, so bad
// input writes nothing. After step 2 a failure gives the place back (an idempotent update);
// a crash between 2 and 3 leaves a holder without a booking, which the reconcile job releases.
import { randomInt } from 'node:crypto'
import { accountDecision, type BookingFacts, checkinCodeFrom, decideBooking, earliestBookableStart, noShowLookback, seatOf } from '../../../src/core/booking/rules'
import type { Applicant, BookingView } from '../../../src/core/booking/contract'
import { parseSlotId } from '../../../src/core/booking/slots'
import type { BookingConfig } from '../../../src/core/booking/config'
import { AppError } from '../../../src/core/envelope'
import type { Dayjs } from '../../../src/core/time'
import { isDuplicateKey } from '../../_shared/documents'
import { counterJoin, takeWithOptional, type Unit } from '../../_shared/rate-limit'
import { withJoins, type Ctx } from '../../_shared/runtime'
import { capJoin } from '../../_shared/subscribe-message'
import { idForRequest, protect, requestDigest } from '../../_shared/personal-data'
import { sendBookingMessage } from '../notify'
import { bookingRecord, bookingView, counterOf, ownBooking, serviceOf, type BookingDoc, type SlotDoc, type StoredPerson } from '../records'
import type { Counter } from '../../../src/core/booking/counter'
import type { Service } from '../../../src/core/booking/catalog'
import { refusalError } from '../refusal'
import { bookingSettings } from '../settings'
import { bookingsByIds, bookingStateJoins, bookingStateOf, collisionOf, insertBooking, ownBookings } from '../store/bookings'
import { getSlot, materializeSlot, nextFreeSlots, releasePlace, takePlace } from '../store/slots'

interface BookInput {
  slotId: string
  serviceId: string
  applicant: Applicant
  requestId: string
}

export const bookingIdFor = (openid: string, requestId: string) => idForRequest('bk_', openid, requestId)

/** The first answer again for a retried request; the same requestId with other content is refused. */
function replay(earlier: BookingDoc, digest: string, config: BookingConfig): BookingView {
  if (earlier.requestDigest !== digest) {
    throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for a different booking; use a new requestId for a new booking.', [
      { path: ['requestId'], message: 'already used for a different booking' },
    ])
  }
  return bookingView(earlier, config)
}

export const storedPerson = (person: { relation: 'self' | 'family'; name: string; phone: string; idNumber?: string }): StoredPerson => ({
  relation: person.relation,
  name: person.name,
  phone: protect('phone', person.phone),
  idNumber: person.idNumber ? protect('id-number', person.idNumber) : null,
})

/** Everything book decides on, and its two abuse-limit counters, joined onto the runtime's user read. */
function bookJoins(input: BookInput, caller: { openid: string; now: Dayjs }) {
  const parsed = parseSlotId(input.slotId)
  const state = parsed
    ? bookingStateJoins({ counterId: parsed.counterId, slotId: input.slotId, serviceId: input.serviceId, openid: caller.openid, bookingId: bookingIdFor(caller.openid, input.requestId), noShowsSince: noShowLookback(caller.now, bookingSettings()).toDate() })
    : {}
  return { ...state, bookingLimit: counterJoin('booking', caller.openid, caller.now), messageCap: capJoin(caller.openid, caller.now) }
}

export const book = withJoins(bookJoins, async (ctx: Ctx, input: BookInput): Promise<BookingView> => {
  const config = bookingSettings()
  const now = ctx.now()
  const bookingId = bookingIdFor(ctx.openid, input.requestId)
  const digest = requestDigest({ slotId: input.slotId, serviceId: input.serviceId, applicant: input.applicant })
  const parsed = parseSlotId(input.slotId)
  if (!parsed) throw new AppError('NOT_FOUND', 'No such slot.', undefined, { why: 'unknown_slot' })

  const state = bookingStateOf(ctx.joined)
  const earlier = state?.mine.find((b) => b._id === bookingId)
  if (earlier) return replay(earlier, digest, config)
  if (!state) throw new AppError('NOT_FOUND', 'No such slot.', undefined, { why: 'unknown_slot' })
  if (!parsed.startsAt.isAfter(now)) throw new AppError('FAILED_PRECONDITION', 'The slot has already started.', undefined, { why: 'past' })

  const counter = counterOf(state.counter)
  const service = state.service ? serviceOf(state.service) : null
  const mine = state.mine.map(ownBooking)
  const decide = (slot: BookingFacts['slot']) => decideBooking({ openid: ctx.openid, slot, service, counterActive: counter.active, counterServiceIds: counter.serviceIds, mine }, now, config)

  let slot = state.slot
  if (!slot) {
    // A slot the rules produce but no job has written yet (a new counter) is written on demand,
    // once everything else was checked as if it existed, so that bad input still writes nothing.
    const unwritten = decide({ startsAt: parsed.startsAt.toDate(), capacity: 1, remaining: 1, closed: false, closedReason: null, holders: [] })
    if (!unwritten.ok) throw refusalError(unwritten.refusal)
    slot = await materializeSlot(state.counter, input.slotId, parsed.startsAt, now)
  }

  // The day's allowance (rate limit `booking`) and the confirmation's unit of the message cap are
  // taken with the place, after every check that needs no write, and kept across attempts; they
  // are given back when no booking results, so only stored bookings (and sent messages) count.
  let units: { booking: Unit; message: Unit | null | undefined } | null = null
  try {
    for (let attempt = 0; ; attempt++) {
      // This request holds a place already: its first attempt is still running, or was cut off.
      if (slot?.holders.some((h) => h.bookingId === bookingId)) {
        throw new AppError('CONFLICT', 'The same request is still being processed; retry it in a moment.', undefined, { why: 'in_progress' })
      }
      const decision = decide(slot)
      if (!decision.ok && decision.refusal.why === 'full') {
        const next = await nextFreeSlots(counter.id, earliestBookableStart(now, config).toDate(), ctx.openid)
        const nextFree = next.map((s) => ({ slotId: s._id, startsAt: s.startsAt.toISOString(), localDate: s.localDate, localTime: s.localTime, remaining: s.remaining }))
        throw refusalError({ ...decision.refusal, details: { nextFree } })
      }
      if (!decision.ok) throw refusalError(decision.refusal)
      if (!units) {
        const taken = await takeWithOptional({ name: 'booking', subject: ctx.openid, seen: ctx.joined.bookingLimit }, { name: 'subscribeMessage', subject: ctx.openid, seen: ctx.joined.messageCap }, now)
        units = { booking: taken.required, message: taken.optional }
      }
      if (await takePlace(input.slotId, { bookingId, openid: ctx.openid, at: now.toDate() }, earliestBookableStart(now, config).toDate())) {
        const { message } = units
        const stored = await insertTaken({ ctx, input, config, bookingId, digest, seat: decision.seat, slot: slot!, counter, service: service!, message })
        // The booking's unit counts (a replayed request's booking as well); the message's is the send's, or back when none was sent.
        units = null
        if (!stored.confirmed) await message?.giveBack().catch(() => undefined)
        return stored.view
      }
      // The slot changed between the read and the update (the last place went, it closed): read it again and decide anew.
      slot = await getSlot(input.slotId)
      if (attempt >= 2) throw new AppError('CONFLICT', 'The slot is changing fast; try again.', undefined, { why: 'contended' })
    }
  } catch (error) {
    // Failing to give them back only makes the limits stricter for the rest of the day.
    if (units) await Promise.all([units.booking.giveBack().catch(() => undefined), units.message?.giveBack().catch(() => undefined)])
    throw error
  }
})

interface Taken {
  ctx: Ctx
  input: BookInput
  config: BookingConfig
  bookingId: string
  digest: string
  seat: number
  slot: SlotDoc
  counter: Counter
  service: Service
  /** The confirmation's unit of the message cap, taken with the booking's (see Cap.taken). */
  message: Unit | null | undefined
}

/**
 * The place is ours: record the booking and confirm it (`confirmed`: this call sent the
 * confirmation; a replay of the same request does not), or give the place back if it cannot be recorded.
 */
async function insertTaken(t: Taken): Promise<{ view: BookingView; confirmed: boolean }> {
  const { ctx, config } = t
  const now = ctx.now()
  let seat = t.seat
  const applicant = storedPerson(t.input.applicant)
  let keepPlace = false
  try {
    for (let attempt = 0; attempt < 6; attempt++) {
      const doc = bookingRecord({
        id: t.bookingId,
        openid: ctx.openid,
        requestDigest: t.digest,
        seat: seatOf(ctx.openid, seat),
        code: checkinCodeFrom(randomInt),
        slot: t.slot,
        service: t.service,
        counter: t.counter,
        applicant,
        language: ctx.user.language,
        now: now.toDate(),
      })
      try {
        await insertBooking(doc)
      } catch (error) {
        if (!isDuplicateKey(error)) {
          // The answer may be lost after the insert took effect (a timeout, a dropped connection):
          // giving the place back then would leave a booking without its place and oversell the slot.
          const stored = await insertOutcome(doc._id)
          if (stored === 'stored') return { view: await confirmed(doc, config, now, t.message), confirmed: true }
          if (stored === 'unknown') keepPlace = true
          throw error
        }
        const collision = await collisionOf(doc)
        if (collision.sameRequest) {
          // The same request finished first (on another slot, or this one was given back).
          await releasePlace(t.slot._id, t.bookingId)
          return { view: replay(collision.sameRequest, t.digest, config), confirmed: false }
        }
        if (collision.seatTaken) {
          // Another booking of this account took the seat at the same moment: count again.
          const account = accountDecision(ctx.openid, (await ownBookings(ctx.openid, noShowLookback(now, config).toDate())).map(ownBooking), now, config)
          if (!account.ok) throw refusalError(account.refusal)
          seat = account.seat
        }
        continue
      }
      return { view: await confirmed(doc, config, now, t.message), confirmed: true }
    }
    throw new AppError('CONFLICT', 'Could not record the booking; try again.', undefined, { why: 'contended' })
  } catch (error) {
    // When the release fails too, or whether the booking was stored is unknown, the place stays
    // held: the reconcile job frees it if no booking holds it. Never oversold, never lost.
    if (!keepPlace) await releasePlace(t.slot._id, t.bookingId)
    throw error
  }
}

async function confirmed(doc: BookingDoc, config: BookingConfig, now: Dayjs, message: Unit | null | undefined): Promise<BookingView> {
  await sendBookingMessage('confirmation', doc, now, { taken: message })
  return bookingView(doc, config)
}

/** Whether an insert whose answer was an error stored the booking after all. */
async function insertOutcome(bookingId: string): Promise<'stored' | 'absent' | 'unknown'> {
  try {
    return (await bookingsByIds([bookingId])).length > 0 ? 'stored' : 'absent'
  } catch {
    return 'unknown'
  }
}
