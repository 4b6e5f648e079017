// The resident's side of booking through the real SDK against the emulator: catalog, slots,
// book / cancel / reschedule, idempotent retries, messages, and bad input that writes nothing.
import type { BookingAccountStatus, BookingView, ServiceView, SlotView } from '../../src/core/booking/contract'
import { dayjs, STATION_TIME_ZONE } from '../../src/core/time'
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { buildApplicant, dataOf, expectCapacityInvariant, messagesTo, newRequestId, slotDocs, slotIdAfter, startBookingCloud } from './booking-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud()
})
afterAll(() => cloud.stop())

type SlotList = { from: string; to: string; counters: Array<{ id: string }>; slots: SlotView[] }

const call = <T>(openid: string, event: Record<string, unknown>) => cloud.call<T>(openid, 'booking', event)
const book = (openid: string, event: Record<string, unknown>) => call<BookingView>(openid, { action: 'book', serviceId: 'id-card-renewal', requestId: newRequestId(), applicant: buildApplicant(), ...event })
/** Residents who have opened the app before (so a refused call has nothing to create). */
const knownResident = async (openid: string) => {
  await cloud.call(openid, 'account', { action: 'me' })
  return openid
}

describe('listServices', () => {
  it('lists the catalog with materials, fees and modes, explaining abolished certificates', async () => {
    const services = dataOf(await call<ServiceView[]>('demo-resident-1', { action: 'listServices' }))
    expect(services.map((s) => s.id)).toEqual(expect.arrayContaining(['id-card-first', 'id-card-renewal', 'id-card-lost', 'id-card-temporary', 'birth-registration', 'household-move-in', 'household-move-out', 'residence-permit']))
    expect(services.find((s) => s.id === 'id-card-lost')).toMatchObject({ fee: { yuan: 40 }, mode: 'counter', bookable: true, homeVisit: false })
    expect(services.find((s) => s.id === 'id-card-renewal')).toMatchObject({ mode: 'home', bookable: true, homeVisit: true })
    expect(services.find((s) => s.id === 'kinship-certificate')).toMatchObject({ bookable: false, notRequired: { reason: { zh: expect.stringContaining('户口簿') } } })
  })
})

describe('listSlots', () => {
  it('shows free places per slot for the next 14 days, generating slots on first use', async () => {
    const list = dataOf(await call<SlotList>('demo-resident-1', { action: 'listSlots' }))
    // The demo bureau's other stations have a counter each; the first station's come first.
    expect(list.counters.map((c) => c.id)).toEqual(['counter-24h', 'counter-bilingual', 'counter-chinese', expect.any(String), expect.any(String)])
    expect(list.counters.slice(3).map((c) => c.id).sort()).toEqual(['counter-bb-bilingual', 'counter-su-bilingual'])
    const days = [...new Set(list.slots.filter((s) => s.counterId === 'counter-24h').map((s) => s.localDate))].sort()
    // Today (unless its last slot has started) and the 13 days after it.
    expect(days.at(-1)).toBe(dayjs().tz(STATION_TIME_ZONE).add(13, 'day').format('YYYY-MM-DD'))
    expect(days.length).toBeGreaterThanOrEqual(13)
    expect(list.slots.every((s) => new Date(s.startsAt) < new Date(list.to))).toBe(true)
    expect(list.slots.filter((s) => s.counterId === 'counter-bilingual').every((s) => s.capacity === 2)).toBe(true)
  })

  it('filters by language: the Mongolian-speaking counters only', async () => {
    const list = dataOf(await call<SlotList>('demo-resident-2', { action: 'listSlots', language: 'mn', days: 3 }))
    expect(new Set(list.slots.map((s) => s.counterId))).toEqual(new Set(['counter-24h', 'counter-bilingual', 'counter-bb-bilingual', 'counter-su-bilingual']))
  })

  it('costs two database requests (the caller, then one aggregation) whatever the number of bookings', async () => {
    for (let i = 0; i < 5; i++) dataOf(await book(`lister-${i}`, { slotId: slotIdAfter('counter-24h', 180 + i * 30) }))
    cloud.emulator.resetStats()
    dataOf(await call<SlotList>('demo-resident-1', { action: 'listSlots' }))
    expect(cloud.emulator.stats().requests).toBe(2)
  })
})

describe('book', () => {
  it('books a place, stores the identity number encrypted, and confirms by subscription message', async () => {
    const slotId = slotIdAfter('counter-24h', 24 * 60)
    cloud.emulator.resetStats()
    const booking = dataOf(await book('booker-1', { slotId, applicant: buildApplicant({ relation: 'family', name: '巴特尔', idNumber: '11010519491231002X' }) }))
    expect(booking).toMatchObject({ status: 'booked', slot: { id: slotId }, applicant: { relation: 'family', name: '巴特尔', idNumberMasked: '1101**********002X' }, code: expect.stringMatching(/^\d{6}$/) })
    expect(JSON.stringify(booking)).not.toContain('11010519491231002X')
    const [stored] = await cloud.stored('bookings', { _id: booking.id })
    expect(JSON.stringify(stored)).not.toContain('19491231')
    const sealed = { v: 1, keyId: 'dev', iv: expect.any(String), tag: expect.any(String), data: expect.any(String) }
    expect(stored.applicant).toMatchObject({ idNumber: { sealed, masked: '1101**********002X', hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, phone: { sealed, masked: expect.stringMatching(/^1\d\d\*{4}\d{4}$/) } })
    const [slot] = await cloud.stored('booking_slots', { _id: slotId })
    expect(slot).toMatchObject({ capacity: 3, remaining: 2 })
    expect(messagesTo(cloud, 'booker-1', 'TEMPLATE_BOOKING_CONFIRMED')).toHaveLength(1)
    // The runtime's user read (one aggregation with everything book decides on) finds no user: the
    // first user's insert and the aggregation again; then the day's booking limit and message cap
    // created together (one batch insert: the resident's first of the day), slot update, booking insert.
    expect(cloud.emulator.stats().byAction).toMatchObject({ 'database.aggregateDocuments': 2, 'database.insertDocument': 3, 'database.modifyDocument': 1 })
  })

  it('costs four database requests for a returning resident (the runtime’s user read and the abuse-limit counters included)', async () => {
    await knownResident('booker-2')
    cloud.emulator.resetStats()
    dataOf(await book('booker-2', { slotId: slotIdAfter('counter-24h', 25 * 60) }))
    const { byAction } = cloud.emulator.stats()
    const database = Object.entries(byAction).filter(([action]) => action.startsWith('database.'))
    // The user read with the state and both counters joined, the daily booking limit and the
    // message cap created by one batch insert (the resident's first booking of the day), the
    // slot update, the booking insert. A later booking that day takes a guarded update on each counter: 5.
    expect(database.reduce((sum, [, n]) => sum + n, 0)).toBe(4)
    cloud.emulator.resetStats()
    dataOf(await book('booker-2', { slotId: slotIdAfter('counter-24h', 27 * 60) }))
    expect(Object.entries(cloud.emulator.stats().byAction).filter(([action]) => action.startsWith('database.')).reduce((sum, [, n]) => sum + n, 0)).toBe(5)
  })

  it('counts each stored booking and each sent confirmation once when a resident’s first bookings of the day race', async () => {
    // All but one of the racing calls find their batch insert of the two counters colliding, and
    // tell by the counters' createdBy token which ones (if any) they created.
    await knownResident('booker-racing')
    const results = await Promise.all([30, 31, 32, 33, 34].map((hours) => book('booker-racing', { slotId: slotIdAfter('counter-24h', hours * 60) })))
    const stored = results.filter((r) => r.ok).length
    expect(stored).toBeGreaterThan(0)
    const counters = await cloud.stored('rate_counters', { subject: 'booker-racing' })
    expect(counters.find((c) => c.limit === 'booking')).toMatchObject({ count: stored })
    expect(counters.find((c) => c.limit === 'subscribeMessage')).toMatchObject({ count: messagesTo(cloud, 'booker-racing', 'TEMPLATE_BOOKING_CONFIRMED').length })
    expect(messagesTo(cloud, 'booker-racing', 'TEMPLATE_BOOKING_CONFIRMED')).toHaveLength(stored)
  })

  it('does not fail when the resident refused subscription messages (43101)', async () => {
    cloud.emulator.setSubscribeRefused('booker-3')
    const booking = dataOf(await book('booker-3', { slotId: slotIdAfter('counter-24h', 24 * 60) }))
    expect(booking.status).toBe('booked')
    const [refused] = cloud.emulator.outbox().filter((m) => m.api === 'subscribeMessage.send' && (m.data as { touser: string }).touser === 'booker-3')
    expect(refused.result).toMatchObject({ errcode: 43101 })
  })

  describe('with a requestId already used', () => {
    it('answers a retry with the first booking and writes nothing', async () => {
      const event = { slotId: slotIdAfter('counter-24h', 26 * 60), requestId: newRequestId(), applicant: buildApplicant() }
      const first = dataOf(await book('retrier', event))
      cloud.resetWrites()
      const again = dataOf(await book('retrier', event))
      expect(again).toEqual(first)
      expectNothingHappened(cloud)
      expect(await cloud.stored('bookings', { openid: 'retrier' })).toHaveLength(1)
    })

    it('refuses different content under the same requestId with INVALID_ARGUMENT and writes nothing', async () => {
      const requestId = newRequestId()
      dataOf(await book('retrier-2', { slotId: slotIdAfter('counter-24h', 27 * 60), requestId, applicant: buildApplicant({ name: '甲' }) }))
      cloud.resetWrites()
      const error = expectError(await book('retrier-2', { slotId: slotIdAfter('counter-24h', 28 * 60), requestId, applicant: buildApplicant({ name: '乙' }) }), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
    })

    it('is per account: another resident may use the same requestId', async () => {
      const requestId = newRequestId()
      const a = dataOf(await book('same-id-a', { slotId: slotIdAfter('counter-24h', 29 * 60), requestId }))
      const b = dataOf(await book('same-id-b', { slotId: slotIdAfter('counter-24h', 29 * 60), requestId }))
      expect(a.id).not.toBe(b.id)
    })
  })

  it('allows one place per account per slot', async () => {
    const slotId = slotIdAfter('counter-24h', 30 * 60)
    dataOf(await book('twice', { slotId }))
    expect(expectError(await book('twice', { slotId, applicant: buildApplicant({ relation: 'family' }) }), 'CONFLICT')?.details).toMatchObject({ why: 'already_booked' })
  })

  it('allows at most three upcoming bookings per account', async () => {
    for (let i = 0; i < 3; i++) dataOf(await book('busy', { slotId: slotIdAfter('counter-24h', (31 + i) * 60) }))
    cloud.resetWrites()
    const error = expectError(await book('busy', { slotId: slotIdAfter('counter-24h', 35 * 60) }), 'RESOURCE_EXHAUSTED')
    expect(error?.details).toMatchObject({ why: 'limit', maxActive: 3 })
    expectNothingHappened(cloud)
    const status = dataOf(await call<BookingAccountStatus>('busy', { action: 'myBookingStatus' }))
    expect(status).toMatchObject({ upcoming: 3, maxActive: 3, suspension: null })
  })
})

describe('bad input', () => {
  let resident: string
  beforeAll(async () => {
    resident = await knownResident('careless')
    await cloud.emulator.seed({
      booking_slots: [
        ...slotDocs('counter-24h', { minutesAhead: -24 * 60, count: 1, capacity: 3 }),
        { ...slotDocs('counter-24h', { minutesAhead: 40 * 60, count: 1, capacity: 3 })[0], closed: true, closedReason: '系统升级' },
      ],
    })
  })

  const pastSlot = () => slotIdAfter('counter-24h', -24 * 60)
  const cases: Array<[string, () => Record<string, unknown>, string, Record<string, unknown>]> = [
    ['a past slot that exists', () => ({ slotId: pastSlot() }), 'FAILED_PRECONDITION', { why: 'past' }],
    ['a past slot that was never generated', () => ({ slotId: slotIdAfter('counter-24h', -3 * 24 * 60) }), 'FAILED_PRECONDITION', { why: 'past' }],
    ['a slot too soon to book', () => ({ slotId: slotIdAfter('counter-24h', 10) }), 'FAILED_PRECONDITION', {}],
    ['a slot of a closed counter', () => ({ slotId: slotIdAfter('counter-24h', 40 * 60) }), 'FAILED_PRECONDITION', { why: 'closed', reason: '系统升级' }],
    ['a slot beyond the window', () => ({ slotId: slotIdAfter('counter-24h', 20 * 24 * 60) }), 'FAILED_PRECONDITION', { why: 'beyond_window' }],
    ['an unknown slot', () => ({ slotId: 'counter-nowhere-203001010900' }), 'NOT_FOUND', {}],
    ['a time the counter has no slot at', () => ({ slotId: slotIdAfter('counter-24h', 41 * 60).replace(/..$/, '17') }), 'NOT_FOUND', {}],
    ['an unknown service', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), serviceId: 'passport' }), 'NOT_FOUND', { why: 'unknown' }],
    ['a certificate no longer required', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), serviceId: 'kinship-certificate' }), 'FAILED_PRECONDITION', { why: 'not_required' }],
    ['a service that needs no visit', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), serviceId: 'id-card-progress' }), 'FAILED_PRECONDITION', { why: 'no_visit' }],
    ['an invalid identity number', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), applicant: buildApplicant({ idNumber: '110105194912310021' }) }), 'INVALID_ARGUMENT', {}],
    ['a phone number that is not a Chinese mobile', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), applicant: buildApplicant({ phone: '0471-6661234' }) }), 'INVALID_ARGUMENT', {}],
    ['no name', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), applicant: { relation: 'self', phone: '13912345678' } }), 'INVALID_ARGUMENT', {}],
    ['a malformed requestId', () => ({ slotId: slotIdAfter('counter-24h', 42 * 60), requestId: 'x' }), 'INVALID_ARGUMENT', {}],
  ]

  it.each(cases)('refuses %s with a clear code and writes nothing', async (_label, event, code, details) => {
    cloud.resetWrites()
    const error = expectError(await book(resident, event()), code)
    expect(error?.details ?? {}).toMatchObject(details)
    expectNothingHappened(cloud)
  })

  it('names the bad applicant fields', async () => {
    const error = expectError(await book(resident, { slotId: slotIdAfter('counter-24h', 42 * 60), applicant: buildApplicant({ idNumber: '110105194912310021', phone: '12345' }) }), 'INVALID_ARGUMENT')
    expect(error?.issues?.map((i) => i.path.join('.')).sort()).toEqual(['applicant.idNumber', 'applicant.phone'])
  })

  it('explains a certificate that is no longer required', async () => {
    const error = expectError(await book(resident, { slotId: slotIdAfter('counter-24h', 42 * 60), serviceId: 'household-facts-certificate' }), 'FAILED_PRECONDITION')
    expect(error?.details).toMatchObject({ notRequired: { reason: { zh: expect.stringContaining('居民身份证') }, basis: expect.stringContaining('证明') } })
  })
})

describe('cancel and reschedule', () => {
  it('cancel frees the place, sends a cancellation message and keeps the invariant', async () => {
    const slotId = slotIdAfter('counter-24h', 50 * 60)
    const booking = dataOf(await book('canceller', { slotId }))
    const cancelled = dataOf(await call<BookingView>('canceller', { action: 'cancel', bookingId: booking.id }))
    expect(cancelled).toMatchObject({ status: 'cancelled', code: null })
    const [slot] = await cloud.stored('booking_slots', { _id: slotId })
    expect(slot).toMatchObject({ remaining: 3, holders: [] })
    expect(messagesTo(cloud, 'canceller', 'TEMPLATE_BOOKING_CANCELLED')).toHaveLength(1)
    // A second tap answers the same and changes nothing.
    cloud.resetWrites()
    expect(dataOf(await call<BookingView>('canceller', { action: 'cancel', bookingId: booking.id })).status).toBe('cancelled')
    expectNothingHappened(cloud)
    await expectCapacityInvariant({ counterId: 'counter-24h' })
  })

  it('cancel is refused within two hours of the slot', async () => {
    const booking = dataOf(await book('late-canceller', { slotId: slotIdAfter('counter-24h', 61) }))
    cloud.resetWrites()
    expect(expectError(await call('late-canceller', { action: 'cancel', bookingId: booking.id }), 'FAILED_PRECONDITION')?.details).toMatchObject({ why: 'too_late', deadline: booking.changeableUntil })
    expectNothingHappened(cloud)
  })

  it('cancel of someone else’s booking is PERMISSION_DENIED', async () => {
    const booking = dataOf(await book('owner', { slotId: slotIdAfter('counter-24h', 51 * 60) }))
    expectError(await call('intruder', { action: 'cancel', bookingId: booking.id }), 'PERMISSION_DENIED')
  })

  it('reschedule moves the place, keeps the seat, and keeps the invariant', async () => {
    const from = slotIdAfter('counter-24h', 52 * 60)
    const to = slotIdAfter('counter-24h', 53 * 60)
    const booking = dataOf(await book('mover', { slotId: from }))
    const moved = dataOf(await call<BookingView>('mover', { action: 'reschedule', bookingId: booking.id, slotId: to }))
    expect(moved).toMatchObject({ id: booking.id, status: 'booked', slot: { id: to } })
    const [old] = await cloud.stored('booking_slots', { _id: from })
    const [now] = await cloud.stored('booking_slots', { _id: to })
    expect([old.remaining, now.remaining]).toEqual([3, 2])
    const [stored] = await cloud.stored('bookings', { _id: booking.id })
    expect(stored).toMatchObject({ seat: 'mover#1', slotId: to, moves: [{ from, to }] })
    await expectCapacityInvariant({ counterId: 'counter-24h' })
  })

  it('reschedule into a full slot is CONFLICT and leaves everything as it was', async () => {
    const [full] = slotDocs('counter-24h', { minutesAhead: 54 * 60, count: 1, capacity: 1 })
    await cloud.emulator.seed({ booking_slots: [full] })
    dataOf(await book('first-in', { slotId: full._id }))
    const booking = dataOf(await book('mover-2', { slotId: slotIdAfter('counter-24h', 55 * 60) }))
    expect(expectError(await call('mover-2', { action: 'reschedule', bookingId: booking.id, slotId: full._id }), 'CONFLICT')?.details).toMatchObject({ why: 'full' })
    await expectCapacityInvariant({ counterId: 'counter-24h' })
  })
})

describe('myBookings', () => {
  it('lists the caller’s bookings with the QR payload and the account status', async () => {
    const booking = dataOf(await book('lister', { slotId: slotIdAfter('counter-24h', 56 * 60) }))
    const mine = dataOf(await call<{ bookings: BookingView[]; status: BookingAccountStatus }>('lister', { action: 'myBookings' }))
    expect(mine.bookings).toEqual([booking])
    expect(booking.qrPayload).toBe(`FQB1:${booking.id}:${booking.code}`)
    expect(mine.status).toMatchObject({ upcoming: 1, maxActive: 3, suspension: null })
  })
})
