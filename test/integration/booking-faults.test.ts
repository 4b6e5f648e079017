// Booking under the cloud's failures, injected with the emulator's fault hooks: a write that
// fails, a write whose answer is lost, two failures in a row, a function that dies in the middle,
// a busy message service. Runs are cut at a chosen request, never by racing real milliseconds. After each, no slot is oversold, no place is lost for good, and no
// booking exists without its place.
import type { BookingView } from '../../src/core/booking/contract'
import { dayjs } from '../../src/core/time'
import type { TestCloud } from '../support/cloud'
import { pollUntil } from '../support/poll'
import { bookingDoc, buildApplicant, dataOf, expectCapacityInvariant, newRequestId, roundTheClockCounter, slotDocs, startBookingCloud, testDatabase } from './booking-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud([roundTheClockCounter('counter-faults'), roundTheClockCounter('counter-faults-race')])
})
afterAll(() => cloud.stop())
afterEach(() => cloud.emulator.faults.clear())

const book = (openid: string, slotId: string, requestId = newRequestId()) =>
  cloud.call<BookingView>(openid, 'booking', { action: 'book', slotId, serviceId: 'id-card-first', requestId, applicant: buildApplicant() })

const runJob = (name: string) => cloud.emulator.runTimer('booking', name) as Promise<{ ok: boolean; data: Record<string, number> }>

/** Ages every holder of the counter's slots past the reconcile grace, as if the crash was a while ago. */
async function ageHolders(counterId: string) {
  const { db } = await testDatabase()
  const slots = await cloud.stored('booking_slots', { counterId })
  const longAgo = dayjs().subtract(30, 'minute').toDate()
  for (const slot of slots) {
    const holders = (slot.holders as Array<Record<string, unknown>>).map((h) => ({ ...h, at: longAgo }))
    await db.collection('booking_slots').doc(slot._id as string).update({ data: { holders } })
  }
}

let codeSeq = 100000
/** `count` booked bookings spread over the slots, by different residents, with distinct check-in codes. */
function bookingDocs(prefix: string, slots: ReturnType<typeof slotDocs>, count: number) {
  const counter = roundTheClockCounter('counter-faults', { capacity: 100 })
  return Array.from({ length: count }, (_, i) =>
    bookingDoc({ id: `bk_${prefix.replace(/-/g, '_')}_${i}`, openid: `${prefix}-${i}`, slot: slots[i % slots.length], code: String(codeSeq++), counter }),
  )
}

let nextSlot = 0
async function freshSlot(capacity = 3) {
  const [slot] = slotDocs('counter-faults', { minutesAhead: 6 * 60 + 30 * nextSlot++, count: 1, capacity })
  await cloud.emulator.seed({ booking_slots: [slot] })
  return slot._id
}

const INSERT_BOOKING = { action: 'database.insertDocument', collection: 'bookings', function: 'booking' } as const
const SLOT_UPDATE = { action: 'database.modifyDocument', collection: 'booking_slots', function: 'booking' } as const

describe('a booking insert that fails', () => {
  it('answers INTERNAL, stores no booking and gives the place back', async () => {
    const slotId = await freshSlot()
    cloud.emulator.faults.failDatabaseRequest(INSERT_BOOKING)
    expect(await book('fault-a', slotId)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(cloud.emulator.faults.fired.database).toBe(1)
    expect(await cloud.stored('bookings', { openid: 'fault-a' })).toHaveLength(0)
    const [slot] = await cloud.stored('booking_slots', { _id: slotId })
    expect(slot.remaining).toBe(3)
    await expectCapacityInvariant({ counterId: 'counter-faults' })
  })
})

describe('a booking insert whose answer is lost after it was stored', () => {
  it('confirms the booking and keeps its place', async () => {
    const slotId = await freshSlot()
    cloud.emulator.faults.failDatabaseRequest({ ...INSERT_BOOKING, when: 'after' })
    const view = dataOf(await book('fault-b', slotId))
    expect(await cloud.stored('bookings', { openid: 'fault-b' })).toEqual([expect.objectContaining({ _id: view.id, status: 'booked' })])
    const [slot] = await cloud.stored('booking_slots', { _id: slotId })
    expect(slot.remaining).toBe(2)
    await expectCapacityInvariant({ counterId: 'counter-faults' })
  })
})

describe('an insert and the release after it both failing', () => {
  it('leaves the place held until the reconcile job frees it, never lost', async () => {
    const slotId = await freshSlot()
    cloud.emulator.faults.failDatabaseRequest(INSERT_BOOKING)
    // The first slot update takes the place; the second would give it back.
    cloud.emulator.faults.failDatabaseRequest({ ...SLOT_UPDATE, nth: 2 })
    expect(await book('fault-c', slotId)).toMatchObject({ ok: false })
    expect((await cloud.stored('booking_slots', { _id: slotId }))[0].remaining).toBe(2)
    await ageHolders('counter-faults')
    expect((await runJob('reconcile')).data).toMatchObject({ released: 1 })
    expect((await cloud.stored('booking_slots', { _id: slotId }))[0].remaining).toBe(3)
    await expectCapacityInvariant({ counterId: 'counter-faults' })
  })
})

describe('a slot update whose answer is lost', () => {
  it('makes a retry of the same request wait, and the reconcile job frees the orphaned place', async () => {
    const slotId = await freshSlot()
    const requestId = newRequestId()
    cloud.emulator.faults.failDatabaseRequest({ ...SLOT_UPDATE, when: 'after' })
    expect(await book('fault-d', slotId, requestId)).toMatchObject({ ok: false })
    expect(await book('fault-d', slotId, requestId)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { why: 'in_progress' } } })
    await ageHolders('counter-faults')
    expect((await runJob('reconcile')).data).toMatchObject({ released: 1 })
    // Now the retry goes through, once.
    dataOf(await book('fault-d', slotId, requestId))
    expect(await cloud.stored('bookings', { openid: 'fault-d' })).toHaveLength(1)
    await expectCapacityInvariant({ counterId: 'counter-faults' })
  })
})

describe('a function that dies between taking the place and recording the booking', () => {
  it('never oversells; the place stays held until the reconcile job frees it for the next resident', async () => {
    const slotId = await freshSlot(1)
    // The booking insert is held, then fails: the instance is killed while it waits, so nothing
    // after the place was taken runs (no insert, no giving the place back), as in a crash or cut-off.
    cloud.emulator.faults.delayRequests({ ...INSERT_BOOKING, ms: 3000, count: 1 })
    cloud.emulator.faults.failDatabaseRequest(INSERT_BOOKING)
    const dying = book('fault-e', slotId).catch((error: Error) => error)
    await pollUntil(() => cloud.emulator.faults.fired.delay === 1, 'the booking insert to be held')
    expect(await cloud.emulator.crashFunction('booking')).toBe(1)
    expect(await dying).toMatchObject({ errCode: -504002 })
    // The held insert still reaches the emulator after its delay and fails there; wait for that, or
    // the armed failure would meet the next resident's insert instead.
    await pollUntil(() => cloud.emulator.faults.fired.database === 1, 'the held booking insert to fail')
    expect(await cloud.stored('bookings', { openid: 'fault-e' })).toEqual([])
    // Not oversold: the place is held by a booking that was never written, until the reconcile job.
    const [held] = await cloud.stored('booking_slots', { _id: slotId })
    expect({ remaining: held.remaining, holders: (held.holders as unknown[]).length }).toEqual({ remaining: 0, holders: 1 })
    // The held place is not lost: the next resident is refused until the reconcile job frees it.
    expect(await book('fault-e-other', slotId)).toMatchObject({ ok: false })
    await ageHolders('counter-faults')
    expect((await runJob('reconcile')).data).toMatchObject({ released: 1 })
    dataOf(await book('fault-e-other', slotId))
    expect((await cloud.stored('booking_slots', { _id: slotId }))[0].remaining).toBe(0)
    await expectCapacityInvariant({ counterId: 'counter-faults' })
  })
})

describe('a race of 120 bookings for 15 places with failures sprinkled in', () => {
  it('books at most the capacity; after reconcile the racers who failed retry and exactly 15 are booked', async () => {
    const slots = slotDocs('counter-faults-race', { minutesAhead: 8 * 60, count: 5, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: slots })
    for (let n = 3; n <= 30; n += 3) cloud.emulator.faults.failDatabaseRequest({ ...INSERT_BOOKING, nth: n, when: n % 2 ? 'after' : 'before' })
    for (let n = 5; n <= 40; n += 7) cloud.emulator.faults.failDatabaseRequest({ ...SLOT_UPDATE, nth: n, when: n % 2 ? 'after' : 'before' })
    const requestIds = Array.from({ length: 120 }, () => newRequestId())
    const racer = (i: number) => book(`fault-racer-${i}`, slots[i % 5]._id, requestIds[i])
    const results = await Promise.all(requestIds.map((_, i) => racer(i)))
    expect(cloud.emulator.faults.fired.database).toBeGreaterThan(5)
    const booked = await cloud.stored('bookings', { counterId: 'counter-faults-race' })
    expect(booked.length).toBeLessThanOrEqual(15)
    // Every booking answered ok is stored.
    const okIds = results.flatMap((r) => (r.ok ? [r.data.id] : []))
    expect(booked.map((b) => b._id)).toEqual(expect.arrayContaining(okIds))
    await ageHolders('counter-faults-race')
    await runJob('reconcile')
    await expectCapacityInvariant({ counterId: 'counter-faults-race' })
    // Everyone not booked tries again with the same request (as the app retries): the places the
    // failures left free are taken, so exactly the capacity is booked, each resident once.
    const notBooked = requestIds.flatMap((_, i) => (results[i].ok ? [] : [i]))
    await Promise.all(notBooked.map((i) => racer(i)))
    const final = await cloud.stored('bookings', { counterId: 'counter-faults-race', status: 'booked' })
    expect(final).toHaveLength(15)
    expect(new Set(final.map((b) => b.openid)).size).toBe(15)
    expect((await cloud.stored('booking_slots', { counterId: 'counter-faults-race' })).map((slot) => slot.remaining)).toEqual([0, 0, 0, 0, 0])
    await expectCapacityInvariant({ counterId: 'counter-faults-race' })
  })
})

describe('a reminder when the message service is busy', () => {
  it('is sent on the next run, exactly once', async () => {
    const [soon] = slotDocs('counter-faults', { minutesAhead: 150, count: 1, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: [soon] })
    dataOf(await book('fault-reminded', soon._id))
    cloud.emulator.faults.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, openid: 'fault-reminded' })
    expect((await runJob('sendReminders')).data).toMatchObject({ failed: 1 })
    expect((await runJob('sendReminders')).data).toMatchObject({ sent: 1 })
    expect((await runJob('sendReminders')).data).toMatchObject({ sent: 0 })
    const attempts = cloud.emulator
      .outbox()
      .filter((m) => m.api === 'subscribeMessage.send')
      .map((m) => ({ ...(m.data as { touser: string; template_id: string }), errcode: (m.result as { errcode: number }).errcode }))
      .filter((m) => m.touser === 'fault-reminded' && m.template_id === 'TEMPLATE_BOOKING_REMINDER')
    expect(attempts.map((m) => m.errcode)).toEqual([-1, 0])
  })
})

describe('timer jobs under their time limit and run twice at once', () => {
  const overdue = (prefix: string, count: number) => {
    const yesterday = slotDocs('counter-faults', { minutesAhead: -26 * 60, count: 3, capacity: 100 })
    return bookingDocs(prefix, yesterday, count)
  }

  it('a no-show run that fails at its 120th write leaves 181 for the next run, each marked once', async () => {
    const bookings = overdue('late-a', 300)
    await cloud.emulator.seed({ bookings })
    // The job marks one booking per write, in order: the 120th write fails and ends the run.
    cloud.emulator.faults.failDatabaseRequest({ action: 'database.modifyDocument', collection: 'bookings', function: 'booking', nth: 120 })
    expect(await runJob('markNoShows')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const noShows = () => cloud.stored('bookings', { openid: /^late-a-/ as unknown as string, status: 'no_show' })
    expect(await noShows()).toHaveLength(119)
    const second = await runJob('markNoShows')
    expect(second).toEqual({ ok: true, data: { marked: 181, done: true } })
    expect(await noShows()).toHaveLength(300)
  })

  /**
   * Two runs at once, then (on a slow machine either may stop at its time budget, saying
   * `done: false`) more pairs until both say done: the total over all runs is exact.
   */
  async function pairsUntilDone(name: string, counted: string): Promise<number> {
    let total = 0
    for (let round = 0; round < 10; round++) {
      const runs = await Promise.all([runJob(name), runJob(name)])
      total += runs[0].data[counted] + runs[1].data[counted]
      if (runs.every((r) => (r.data as { done?: boolean }).done !== false)) return total
    }
    throw new Error(`${name} did not finish in 10 rounds`)
  }

  it('two no-show runs at once mark every booking exactly once between them', async () => {
    await cloud.emulator.seed({ bookings: overdue('late-b', 300) })
    expect(await pairsUntilDone('markNoShows', 'marked')).toBe(300)
  })

  it('two reminder runs at once send each reminder exactly once', async () => {
    const soon = slotDocs('counter-faults', { minutesAhead: 180, count: 1, capacity: 40 })
    await cloud.emulator.seed({ bookings: bookingDocs('remind-twice', soon, 40) })
    expect(await pairsUntilDone('sendReminders', 'sent')).toBe(40)
    const sent = cloud.emulator
      .outbox()
      .filter((m) => m.api === 'subscribeMessage.send' && (m.data as { touser: string }).touser.startsWith('remind-twice-'))
      .map((m) => (m.data as { touser: string }).touser)
    expect(sent).toHaveLength(40)
    expect(new Set(sent).size).toBe(40)
  })
})
