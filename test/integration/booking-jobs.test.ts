// The booking function's timer jobs, run on demand through the emulator: slot generation,
// no-shows and suspension, reminders, and the reconcile step that mends a crash between writes.
import type { BookingAccountStatus, BookingView } from '../../src/core/booking/contract'
import { generateSlots } from '../../src/core/booking/slots'
import { dayjs } from '../../src/core/time'
import { demoCounters } from '../../scripts/demo-services'
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { bookingDoc, buildApplicant, dataOf, expectCapacityInvariant, messagesTo, newRequestId, roundTheClockCounter, slotDocs, slotIdAfter, startBookingCloud, testDatabase } from './booking-support'

const COUNTER = roundTheClockCounter('counter-24h')
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud([COUNTER])
})
afterAll(() => cloud.stop())

const runJob = (name: string) => cloud.emulator.runTimer('booking', name) as Promise<{ ok: boolean; data: Record<string, number> }>
const book = (openid: string, slotId: string) =>
  cloud.call<BookingView>(openid, 'booking', { action: 'book', slotId, serviceId: 'id-card-renewal', requestId: newRequestId(), applicant: buildApplicant() })

describe('generateSlots (daily)', () => {
  it('materializes every counter’s window once; a second run creates nothing', async () => {
    const first = await runJob('generateSlots')
    // The fixture's counter and the demo bureau's four (two at the first station, one at each other).
    expect(first).toMatchObject({ ok: true, data: { counters: 5 } })
    const now = dayjs()
    const bilingual = demoCounters().find((c) => c.id === 'counter-bilingual')!
    const expected = generateSlots(bilingual, now, 15, now).map((s) => s.id)
    const stored = (await cloud.stored('booking_slots', { counterId: 'counter-bilingual' })).map((s) => s._id)
    // Slots that started between the job and this line are gone from `expected`, never added.
    expect(expected.every((id) => stored.includes(id))).toBe(true)
    cloud.resetWrites()
    expect((await runJob('generateSlots')).data.created).toBe(0)
  })
})

describe('markNoShows (every 15 minutes)', () => {
  const openid = 'forgetful'
  beforeAll(async () => {
    // Three appointments in the past few days, never attended, as `book` would have stored them.
    const slots = [3, 2, 1].map((d) => slotDocs('counter-24h', { minutesAhead: -d * 24 * 60, count: 1, capacity: 3 })[0])
    const bookings = slots.map((slot, i) => bookingDoc({ id: `bk_missed_${i}`, openid, slot, seat: i + 1, counter: COUNTER }))
    await cloud.emulator.seed({
      booking_slots: slots.map((slot, i) => ({ ...slot, remaining: 2, holders: [{ bookingId: bookings[i]._id, openid, at: slot.createdAt }] })),
      bookings,
    })
  })

  it('marks bookings not checked in by the end of their slot, once however often it runs', async () => {
    expect((await runJob('markNoShows')).data).toEqual({ marked: 3, done: true })
    cloud.resetWrites()
    expect((await runJob('markNoShows')).data).toEqual({ marked: 0, done: true })
    expectNothingHappened(cloud)
    const stored = await cloud.stored('bookings', { openid })
    expect(stored.map((b) => b.status)).toEqual(['no_show', 'no_show', 'no_show'])
    // The place was used up: it stays taken.
    await expectCapacityInvariant({ counterId: 'counter-24h' })
  })

  it('suspends online booking for 30 days after three no-shows in 90 days, and says why', async () => {
    const status = dataOf(await cloud.call<BookingAccountStatus>(openid, 'booking', { action: 'myBookingStatus' }))
    const lastMissed = dayjs(slotDocs('counter-24h', { minutesAhead: -24 * 60, count: 1, capacity: 3 })[0].startsAt)
    expect(status.suspension).toMatchObject({ until: lastMissed.add(30, 'day').toISOString() })
    expect(status.suspension?.noShows).toHaveLength(3)
    cloud.resetWrites()
    const error = expectError(await book(openid, slotIdAfter('counter-24h', 24 * 60)), 'FAILED_PRECONDITION')
    expect(error?.details).toMatchObject({ why: 'suspended', suspendedUntil: status.suspension!.until })
    expectNothingHappened(cloud)
  })

  it('leaves bookings whose slot has not ended alone', async () => {
    const booking = dataOf(await book('punctual', slotIdAfter('counter-24h', 90)))
    await runJob('markNoShows')
    const [stored] = await cloud.stored('bookings', { _id: booking.id })
    expect(stored.status).toBe('booked')
  })
})

describe('sendReminders (hourly)', () => {
  it('reminds the day before at the configured hour: run twice, one message', async () => {
    const soon = dataOf(await book('reminded', slotIdAfter('counter-24h', 150)))
    const later = dataOf(await book('reminded-later', slotIdAfter('counter-24h', 5 * 24 * 60)))
    await runJob('sendReminders')
    await runJob('sendReminders')
    const reminders = messagesTo(cloud, 'reminded', 'TEMPLATE_BOOKING_REMINDER')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toMatchObject({ page: `packages/booking/pages/index/index?tab=mine&id=${soon.id}`, data: { character_string4: { value: soon.code } } })
    expect(messagesTo(cloud, 'reminded-later', 'TEMPLATE_BOOKING_REMINDER')).toHaveLength(0)
    const [stored] = await cloud.stored('bookings', { _id: soon.id })
    expect(stored.remindedAt).toBeInstanceOf(Date)
    expect((await cloud.stored('bookings', { _id: later.id }))[0].remindedAt).toBeNull()
  })

  it('counts a refused reminder as sent to nobody, without failing or retrying', async () => {
    cloud.emulator.setSubscribeRefused('refuser')
    dataOf(await book('refuser', slotIdAfter('counter-24h', 180)))
    const first = await runJob('sendReminders')
    expect(first.data).toMatchObject({ refused: 1 })
    expect((await runJob('sendReminders')).data).toMatchObject({ refused: 0, sent: 0 })
  })
})

describe('reconcile (every 10 minutes)', () => {
  it('releases a place taken by a booking that was never written (a crash between two writes)', async () => {
    const { db, _ } = await testDatabase()
    const slotId = slotIdAfter('counter-24h', 30 * 60)
    dataOf(await book('neighbour', slotId))
    // What `book` leaves behind when its instance dies after taking the place.
    const longAgo = dayjs().subtract(10, 'minute').toDate()
    await db.collection('booking_slots').where({ _id: slotId }).update({ data: { remaining: _.inc(-1), holders: _.push([{ bookingId: 'bk_crashed', openid: 'crasher', at: longAgo }]) } })
    const [broken] = await cloud.stored('booking_slots', { _id: slotId })
    expect(broken.remaining).toBe(1)
    expect((await runJob('reconcile')).data).toMatchObject({ released: 1 })
    const [mended] = await cloud.stored('booking_slots', { _id: slotId })
    expect(mended.remaining).toBe(2)
    await expectCapacityInvariant({ counterId: 'counter-24h' })
    // Running it again finds nothing more to do.
    expect((await runJob('reconcile')).data).toMatchObject({ released: 0 })
  })

  it('releases the place of a booking cancelled just before a crash', async () => {
    const { db } = await testDatabase()
    const slotId = slotIdAfter('counter-24h', 31 * 60)
    const booking = dataOf(await book('crash-canceller', slotId))
    await db.collection('bookings').doc(booking.id).update({ data: { status: 'cancelled' } })
    await db.collection('booking_slots').doc(slotId).update({ data: { 'holders.0.at': dayjs().subtract(10, 'minute').toDate() } })
    expect((await runJob('reconcile')).data).toMatchObject({ released: 1 })
    await expectCapacityInvariant({ counterId: 'counter-24h' })
  })

  it('releases the new place of a move that crashed before the booking was pointed at it', async () => {
    const { db, _ } = await testDatabase()
    const from = slotIdAfter('counter-24h', 33 * 60)
    const to = slotIdAfter('counter-24h', 34 * 60)
    const booking = dataOf(await book('crash-mover', from))
    dataOf(await cloud.call('crash-mover', 'booking', { action: 'listSlots', days: 3 }))
    await db.collection('booking_slots').where({ _id: to }).update({ data: { remaining: _.inc(-1), holders: _.push([{ bookingId: booking.id, openid: 'crash-mover', at: dayjs().subtract(10, 'minute').toDate() }]) } })
    expect((await runJob('reconcile')).data).toMatchObject({ released: 1 })
    const [kept] = await cloud.stored('booking_slots', { _id: from })
    const [freed] = await cloud.stored('booking_slots', { _id: to })
    expect([kept.remaining, freed.remaining]).toEqual([2, 3])
    await expectCapacityInvariant({ counterId: 'counter-24h' })
  })

  it('leaves places of bookings in flight alone (younger than the grace period)', async () => {
    const { db, _ } = await testDatabase()
    const slotId = slotIdAfter('counter-24h', 32 * 60)
    dataOf(await book('steady', slotId))
    await db.collection('booking_slots').where({ _id: slotId }).update({ data: { remaining: _.inc(-1), holders: _.push([{ bookingId: 'bk_in_flight', openid: 'busy', at: new Date() }]) } })
    expect((await runJob('reconcile')).data).toMatchObject({ released: 0 })
    const [slot] = await cloud.stored('booking_slots', { _id: slotId })
    expect(slot.remaining).toBe(1)
  })
})
