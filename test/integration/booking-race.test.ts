// Capacity under concurrency: many residents booking the same few places at once, through the
// real SDK against the emulator's function host (several warm instances in parallel).
import type { BookingView } from '../../src/core/booking/contract'
import type { Envelope } from '../../src/core/envelope'
import type { TestCloud } from '../support/cloud'
import { buildApplicant, dataOf, expectCapacityInvariant, newRequestId, roundTheClockCounter, slotDocs, startBookingCloud } from './booking-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud([roundTheClockCounter('counter-race'), roundTheClockCounter('counter-last')])
})
afterAll(() => cloud.stop())

const book = (openid: string, slotId: string) =>
  cloud.call<BookingView>(openid, 'booking', { action: 'book', slotId, serviceId: 'id-card-first', requestId: newRequestId(), applicant: buildApplicant() })

describe('500 residents booking 20 slots of 3 places at once', () => {
  let results: Array<Envelope<BookingView>>
  let slotIds: string[]

  beforeAll(async () => {
    const slots = slotDocs('counter-race', { minutesAhead: 3 * 60, count: 20, capacity: 3 })
    slotIds = slots.map((s) => s._id)
    await cloud.emulator.seed({ booking_slots: slots })
    results = await Promise.all(Array.from({ length: 500 }, (_, i) => book(`racer-${i}`, slotIds[i % 20])))
  })

  it('books exactly 60 and turns the other 440 away with CONFLICT', () => {
    expect(results.filter((r) => r.ok)).toHaveLength(60)
    const refused = results.filter((r) => !r.ok)
    expect(refused).toHaveLength(440)
    expect(refused.every((r) => !r.ok && r.error.code === 'CONFLICT' && r.error.details?.why === 'full')).toBe(true)
  })

  it('leaves no place in any slot and exactly three bookings per slot', async () => {
    const stored = await cloud.stored('bookings', { counterId: 'counter-race' })
    expect(stored).toHaveLength(60)
    const perSlot = new Map<string, number>()
    for (const b of stored) perSlot.set(b.slotId as string, (perSlot.get(b.slotId as string) ?? 0) + 1)
    expect([...perSlot.values()]).toEqual(Array(20).fill(3))
    const slots = await cloud.stored('booking_slots', { counterId: 'counter-race' })
    expect(slots.map((s) => s.remaining)).toEqual(Array(20).fill(0))
  })

  it('keeps remaining = capacity − bookings holding a place', async () => {
    await expectCapacityInvariant({ counterId: 'counter-race' })
  })

  it('gives every booking of a day its own check-in code', async () => {
    const stored = await cloud.stored('bookings', { counterId: 'counter-race' })
    expect(new Set(stored.map((b) => b.checkinKey)).size).toBe(stored.length)
  })
})

describe('two residents racing for the last place', () => {
  it('lets exactly one win; the other gets CONFLICT with the next free slots', async () => {
    const [last, ...later] = slotDocs('counter-last', { minutesAhead: 4 * 60, count: 4, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: [{ ...last, capacity: 1, remaining: 1 }, ...later] })
    const [a, b] = await Promise.all([book('last-a', last._id), book('last-b', last._id)])
    const winners = [a, b].filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    const loser = [a, b].find((r) => !r.ok)!
    expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { why: 'full' } } })
    const nextFree = (loser.ok ? [] : (loser.error.details?.nextFree as Array<{ slotId: string; startsAt: string; remaining: number }>)) ?? []
    expect(nextFree.map((s) => s.slotId)).toEqual(later.map((s) => s._id))
    expect(nextFree[0]).toMatchObject({ startsAt: later[0].startsAt.toISOString(), remaining: 3 })
    // The loser books the first of them.
    dataOf(await book(winners[0] === a ? 'last-b' : 'last-a', nextFree[0].slotId))
    await expectCapacityInvariant({ counterId: 'counter-last' })
  })
})

describe('one resident booking many slots at once', () => {
  it('never holds more than three upcoming bookings', async () => {
    const slots = slotDocs('counter-last', { minutesAhead: 24 * 60, count: 8, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: slots })
    const results = await Promise.all(slots.map((s) => book('greedy', s._id)))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && ['RESOURCE_EXHAUSTED', 'CONFLICT'].includes(r.error.code))).toBe(true)
    expect(await cloud.stored('bookings', { openid: 'greedy' })).toHaveLength(3)
    await expectCapacityInvariant({ counterId: 'counter-last' })
  })
})
