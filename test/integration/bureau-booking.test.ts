// Counters and slots per station (docs/bureau.md › Counters): counters of two stations of the
// demo bureau; a resident of each station sees their station's counters first, then the others
// nearest first; bookings carry their counter's station; a station's desk serves only its own
// station's counters and bookings (bureau staff: every station's), and is refused another's
// with nothing written and nothing of it revealed.
import type { BookingView, CounterView, DeskBooking, SlotView } from '../../src/core/booking/contract'
import { counterRecord } from '../../cloudfunctions/booking/records'
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { bookingDoc, buildApplicant, dataOf, newRequestId, roundTheClockCounter, slotDocs, slotIdAfter, startBookingCloud } from './booking-support'

const FIRST = 'station-chaogewendur'
const BB = 'station-bayanbolag'
const COUNTER_A = roundTheClockCounter('counter-a', { stationId: FIRST })
const COUNTER_B = roundTheClockCounter('counter-b', { stationId: BB })

const RESIDENT_A = 'demo-resident-1' // 其木格 of 巴音布拉格嘎查, first station
const RESIDENT_B = 'demo-resident-bb-1' // 乌云 of 阿拉坦社区, 巴音宝力格镇派出所
const OFFICER_A = 'demo-officer-1'
const OFFICER_B = 'demo-officer-bb-1'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud([COUNTER_A, COUNTER_B])
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, event: Record<string, unknown>) => cloud.call<T>(openid, 'booking', event)

/** Own station's counters form a prefix, and the others follow nearest first. */
function expectOwnFirstThenNearest(list: CounterView[], station: string) {
  const own = list.filter((c) => c.ownStation)
  expect(own.length).toBeGreaterThan(0)
  expect(list.slice(0, own.length).every((c) => c.ownStation && c.station.id === station)).toBe(true)
  const others = list.slice(own.length).map((c) => c.distanceKm!)
  expect(others.every((km) => km > 0)).toBe(true)
  expect(others).toEqual([...others].sort((a, b) => a - b))
}

describe('listing counters for residents', () => {
  it('lists the second station’s counters first to its resident, each with its station named, then the others nearest first', async () => {
    const list = dataOf(await call<CounterView[]>(RESIDENT_B, { action: 'listCounters' }))
    expectOwnFirstThenNearest(list, BB)
    expect(list.slice(0, 2).map((c) => c.id)).toEqual(['counter-b', 'counter-bb-bilingual'])
    expect(list[0].station).toEqual({ id: BB, name: { zh: '巴音宝力格镇派出所', mn: expect.stringContaining('ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ') } })
    expect(list.map((c) => c.station.id)).toEqual(expect.arrayContaining([FIRST, BB, 'station-saiusu']))
  })

  it('lists the first station’s counters first to its resident', async () => {
    const list = dataOf(await call<CounterView[]>(RESIDENT_A, { action: 'listCounters' }))
    expectOwnFirstThenNearest(list, FIRST)
    expect(list.filter((c) => c.ownStation).map((c) => c.id)).toEqual(['counter-a', 'counter-bilingual', 'counter-chinese'])
    expect(list.find((c) => c.id === 'counter-b')).toMatchObject({ ownStation: false, station: { id: BB } })
  })

  it('gives listSlots’ counters in the same order, with the slots of each', async () => {
    // Two days: late in the evening a counter has no slot left today.
    const answer = dataOf(await call<{ counters: CounterView[]; slots: SlotView[] }>(RESIDENT_B, { action: 'listSlots', days: 2 }))
    expect(answer.counters[0]).toMatchObject({ id: 'counter-b', ownStation: true })
    expect(answer.slots.some((s) => s.counterId === 'counter-b')).toBe(true)
  })
})

describe('booking at a station', () => {
  let booked: BookingView
  it('stores the counter’s station on the booking', async () => {
    const applicant = buildApplicant()
    booked = dataOf(await call<BookingView>(RESIDENT_B, { action: 'book', slotId: slotIdAfter('counter-b', 180), serviceId: 'id-card-renewal', applicant, requestId: newRequestId() }))
    const [stored] = await cloud.stored('bookings', { _id: booked.id })
    expect(stored).toMatchObject({ counterId: 'counter-b', stationId: BB })
  })

  it('counts a counter from before bureaus (no station) as the first station’s', async () => {
    const { stationId: _none, ...unstamped } = counterRecord(roundTheClockCounter('counter-old'))
    await cloud.emulator.seed({ booking_counters: [unstamped] })
    const today = booked.slot.localDate
    expect(dataOf(await call<DeskBooking[]>(OFFICER_A, { action: 'dayBookings', counterId: 'counter-old', date: today }))).toEqual([])
    expectError(await call(OFFICER_B, { action: 'dayBookings', counterId: 'counter-old', date: today }), 'PERMISSION_DENIED')
    const list = dataOf(await call<CounterView[]>(RESIDENT_A, { action: 'listCounters' }))
    expect(list.find((c) => c.id === 'counter-old')).toMatchObject({ station: { id: FIRST }, ownStation: true })
  })

  it('lets the second station’s desk see the day’s bookings of its counter', async () => {
    const day = dataOf(await call<DeskBooking[]>(OFFICER_B, { action: 'dayBookings', counterId: 'counter-b', date: booked.slot.localDate }))
    expect(day.map((b) => b.id)).toEqual([booked.id])
  })

  it('refuses the first station’s desk the second station’s day bookings and queue, writing nothing and naming nobody', async () => {
    cloud.resetWrites()
    const day = await call(OFFICER_A, { action: 'dayBookings', counterId: 'counter-b', date: booked.slot.localDate })
    expectError(day, 'PERMISSION_DENIED')
    const queue = await call(OFFICER_A, { action: 'counterQueue', counterId: 'counter-b' })
    expectError(queue, 'PERMISSION_DENIED')
    const close = await call(OFFICER_A, { action: 'closeCounterDay', counterId: 'counter-b', date: booked.slot.localDate, reason: '停电' })
    expectError(close, 'PERMISSION_DENIED')
    expect(JSON.stringify([day, queue, close])).not.toContain(booked.applicant.name)
    expectNothingHappened(cloud)
  })

  it('shows each desk its own station’s counters; bureau-wide lists are only for bureau staff', async () => {
    const deskA = dataOf(await call<CounterView[]>(OFFICER_A, { action: 'listCounters', desk: true }))
    expect(deskA.map((c) => c.id)).toEqual(['counter-a', 'counter-bilingual', 'counter-chinese', 'counter-old'])
    const deskB = dataOf(await call<CounterView[]>(OFFICER_B, { action: 'listCounters', desk: true }))
    expect(deskB.map((c) => c.id)).toEqual(['counter-b', 'counter-bb-bilingual'])
    expect(deskB.every((c) => c.station.id === BB)).toBe(true)
    expectError(await call(RESIDENT_B, { action: 'listCounters', desk: true }), 'PERMISSION_DENIED')
  })

  it('finds a resident’s bookings only at the desk of their booking’s station', async () => {
    const phone = '13900000000'
    const [slot] = slotDocs('counter-b', { minutesAhead: -30, count: 1, capacity: 3 })
    const today = bookingDoc({ id: 'bk_station_b_today', openid: 'station-b-walker', slot, code: '512345', counter: COUNTER_B })
    await cloud.emulator.seed({ booking_slots: [{ ...slot, remaining: 2, holders: [{ bookingId: today._id, openid: today.openid, at: new Date() }] }], bookings: [today] })
    const foundA = dataOf(await call<DeskBooking[]>(OFFICER_A, { action: 'findBookings', phone }))
    expect(foundA.map((b) => b.id)).not.toContain(today._id)
    const foundB = dataOf(await call<DeskBooking[]>(OFFICER_B, { action: 'findBookings', phone }))
    expect(foundB.map((b) => b.id)).toContain(today._id)
    // Nor is its phone revealed to the first station's desk (nothing audited); the second station's may.
    cloud.resetWrites()
    const reveal = await call(OFFICER_A, { action: 'revealBookingContact', bookingId: today._id })
    expectError(reveal, 'PERMISSION_DENIED')
    expect(JSON.stringify(reveal)).not.toContain(phone)
    expectNothingHappened(cloud)
    expect(dataOf(await call<{ phone: string }>(OFFICER_B, { action: 'revealBookingContact', bookingId: today._id })).phone).toBe(phone)

    // Its code is not found at the first station's desk; the second station's checks it in.
    cloud.resetWrites()
    expectError(await call(OFFICER_A, { action: 'checkIn', code: '512345' }), 'NOT_FOUND')
    expectNothingHappened(cloud)
    const checked = dataOf(await call<{ booking: DeskBooking }>(OFFICER_B, { action: 'checkIn', code: '512345', counterId: 'counter-b' }))
    expect(checked.booking).toMatchObject({ id: today._id, status: 'checked_in' })
  })
})

describe("the officer's inbox (今日待办)", () => {
  it("holds today's counter queue of the officer's own station only", async () => {
    const [slot] = slotDocs('counter-b', { minutesAhead: 0, count: 1, capacity: 3 })
    // Starting now: today at the station whatever the hour the test runs.
    const queued = { ...bookingDoc({ id: 'bk_inbox_station_b', openid: 'station-b-queuer', slot, code: '523456', counter: COUNTER_B }), startsAt: new Date() }
    await cloud.emulator.seed({ bookings: [queued] })
    type Inbox = { items: Array<{ source: string; id: string }>; counts: { booking: number } }
    const ofB = dataOf(await cloud.call<Inbox>(OFFICER_B, 'requests', { action: 'inbox' }))
    expect(ofB.items.filter((i) => i.source === 'booking').map((i) => i.id)).toContain(queued._id)
    const ofA = dataOf(await cloud.call<Inbox>(OFFICER_A, 'requests', { action: 'inbox' }))
    expect(ofA.items.map((i) => i.id)).not.toContain(queued._id)
  })
})

describe('bureau roles at the desk', () => {
  const BUREAU_ADMIN = 'bureau-admin-of-desk-test'
  const BUREAU_LEADER_ONLY = 'bureau-leader-of-desk-test'
  beforeAll(async () => {
    const at = new Date('2026-11-01T00:00:00Z')
    const user = (_id: string, roles: string[]) => ({ _id, roles, displayName: '局', language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId: null, createdAt: at, updatedAt: at })
    await cloud.emulator.seed({ users: [user(BUREAU_ADMIN, ['resident', 'bureau_admin']), user(BUREAU_LEADER_ONLY, ['resident', 'bureau_leader'])] })
  })

  it('serve no counter: a bureau leader or admin without the officer role is refused the desk, with nothing written', async () => {
    cloud.resetWrites()
    for (const openid of [BUREAU_ADMIN, BUREAU_LEADER_ONLY]) {
      expectError(await call(openid, { action: 'checkIn', code: '512345' }), 'PERMISSION_DENIED')
      expectError(await call(openid, { action: 'counterQueue', counterId: 'counter-b' }), 'PERMISSION_DENIED')
      expectError(await call(openid, { action: 'findBookings', phone: '13900000000' }), 'PERMISSION_DENIED')
      expectError(await call(openid, { action: 'listCounters', desk: true }), 'PERMISSION_DENIED')
    }
    expectError(await call(BUREAU_LEADER_ONLY, { action: 'closeCounterDay', counterId: 'counter-b', date: '2099-01-05', reason: '停电' }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it("let the bureau admin close any station's counter for a day", async () => {
    const closed = dataOf(await call<{ counterId: string; closedSlots: number }>(BUREAU_ADMIN, { action: 'closeCounterDay', counterId: 'counter-b', date: '2099-01-06', reason: '暴雪' }))
    expect(closed.counterId).toBe('counter-b')
    const [counter] = await cloud.stored('booking_counters', { _id: 'counter-b' })
    expect((counter as { closures: Array<{ date: string; closedBy: string }> }).closures).toContainEqual(expect.objectContaining({ date: '2099-01-06', closedBy: BUREAU_ADMIN }))
  })
})

describe('database requests', () => {
  // Performance is measured in requests: the station check must not add any on a warm instance.
  it('lists counters in 2 requests and a desk day in 2, stations and all', async () => {
    dataOf(await call(RESIDENT_B, { action: 'listCounters' }))
    cloud.emulator.resetStats()
    dataOf(await call(RESIDENT_B, { action: 'listCounters' }))
    expect(cloud.emulator.stats().requests).toBe(2)
    const date = (await cloud.stored('bookings', { counterId: 'counter-b' }))[0].localDate as string
    dataOf(await call(OFFICER_B, { action: 'dayBookings', counterId: 'counter-b', date }))
    cloud.emulator.resetStats()
    dataOf(await call(OFFICER_B, { action: 'dayBookings', counterId: 'counter-b', date }))
    expect(cloud.emulator.stats().requests).toBe(2)
  })
})
