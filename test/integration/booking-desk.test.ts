// The officers' side: check-in at the counter and the queue, closing a counter for a day, and
// door-to-door service from the resident's request to the recorded visit.
import { randomUUID } from 'node:crypto'
import type { BookingView, CheckInAnswer, DeskBooking, HomeVisitView, SlotView } from '../../src/core/booking/contract'
import type { z } from 'zod/mini'
import { dayjs } from '../../src/core/time'
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { bookingDoc, buildApplicant, dataOf, expectCapacityInvariant, messagesTo, newRequestId, roundTheClockCounter, slotDocs, startBookingCloud } from './booking-support'

const DESK_COUNTER = roundTheClockCounter('counter-desk')
const CLOSING_COUNTER = roundTheClockCounter('counter-closing')
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud([DESK_COUNTER, CLOSING_COUNTER])
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, event: Record<string, unknown>) => cloud.call<T>(openid, 'booking', event)
const OFFICER = 'demo-officer-1'

describe('check-in at the counter', () => {
  // The slot running now (it started in the last 30 minutes), so the bookings are today's whatever
  // the hour: functions read the real clock.
  const [current] = slotDocs('counter-desk', { minutesAhead: -30, count: 1, capacity: 3 })
  const people = ['arrives-second', 'arrives-first', 'not-yet']
  const bookings = people.map((openid, i) => bookingDoc({ id: `bk_desk_${i}`, openid, slot: current, code: `40000${i}`, counter: DESK_COUNTER }))

  beforeAll(async () => {
    await cloud.emulator.seed({ booking_slots: [{ ...current, remaining: 0, holders: bookings.map((b) => ({ bookingId: b._id, openid: b.openid, at: new Date() })) }], bookings })
  })

  // One story, in the order a morning at the counter has it: arrival numbers and the queue depend
  // on which check-ins came before, so the steps are one test rather than tests that rely on each other.
  it('checks in by code and by QR code in order of arrival, answers a repeated scan without a change, and shows the queue and the day in that order', async () => {
    const byCode = dataOf(await call<z.infer<typeof CheckInAnswer>>(OFFICER, { action: 'checkIn', code: '400001', counterId: 'counter-desk' }))
    expect(byCode).toMatchObject({ alreadyCheckedIn: false, booking: { id: 'bk_desk_1', status: 'checked_in', arrivalNo: 1 } })
    const byQr = dataOf(await call<z.infer<typeof CheckInAnswer>>(OFFICER, { action: 'checkIn', code: `FQB1:bk_desk_0:400000` }))
    expect(byQr.booking).toMatchObject({ id: 'bk_desk_0', arrivalNo: 2 })

    cloud.resetWrites()
    const again = dataOf(await call<z.infer<typeof CheckInAnswer>>(OFFICER, { action: 'checkIn', code: '400001' }))
    expect(again).toMatchObject({ alreadyCheckedIn: true, booking: { arrivalNo: 1 } })
    expectNothingHappened(cloud)

    const queue = dataOf(await call<{ arrived: DeskBooking[]; expected: DeskBooking[]; date: string }>(OFFICER, { action: 'counterQueue', counterId: 'counter-desk' }))
    expect(queue.date).toBe(current.localDate)
    expect(queue.arrived.map((b) => [b.id, b.arrivalNo])).toEqual([
      ['bk_desk_1', 1],
      ['bk_desk_0', 2],
    ])
    expect(queue.expected.map((b) => b.id)).toEqual(['bk_desk_2'])

    const day = dataOf(await call<DeskBooking[]>(OFFICER, { action: 'dayBookings', counterId: 'counter-desk', date: current.localDate }))
    expect(day.map((b) => b.status).sort()).toEqual(['booked', 'checked_in', 'checked_in'])
    expect(day.every((b) => b.applicant.idNumberMasked === null && b.applicant.name === '测试居民')).toBe(true)

    // Checking in frees the account's seat but keeps the place taken.
    const [arrived] = await cloud.stored('bookings', { _id: 'bk_desk_1' })
    expect(arrived.seat).toBe('void:bk_desk_1')
    await expectCapacityInvariant({ counterId: 'counter-desk' })
  })

  it.each([
    ['an unknown code', { code: '999999' }, 'NOT_FOUND'],
    ['a QR code whose code does not match', { code: 'FQB1:bk_desk_2:123456' }, 'NOT_FOUND'],
    ['a booking of another counter', { code: '400002', counterId: 'counter-closing' }, 'FAILED_PRECONDITION'],
    ['something that is not a code', { code: 'hello' }, 'INVALID_ARGUMENT'],
  ])('refuses %s', async (_label, event, code) => {
    expectError(await call(OFFICER, { action: 'checkIn', ...event }), code)
  })

  it('is for officers only', async () => {
    cloud.resetWrites()
    expectError(await call('demo-resident-1', { action: 'checkIn', code: '400002' }), 'PERMISSION_DENIED')
    expectError(await call('demo-resident-1', { action: 'counterQueue', counterId: 'counter-desk' }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })
})

describe('closing a counter for a day', () => {
  const tomorrow = dayjs().add(1, 'day')
  const date = tomorrow.tz('Asia/Shanghai').format('YYYY-MM-DD')
  const slotAt = (hour: number) => `counter-closing-${date.replace(/-/g, '')}${String(hour).padStart(2, '0')}00`
  const book = (openid: string, slotId: string) => call<BookingView>(openid, { action: 'book', slotId, serviceId: 'residence-permit', requestId: newRequestId(), applicant: buildApplicant() })
  let affected: BookingView[]

  beforeAll(async () => {
    dataOf(await call(OFFICER, { action: 'listSlots', counterId: 'counter-closing' }))
    affected = [dataOf(await book('closed-out-1', slotAt(9))), dataOf(await book('closed-out-2', slotAt(15)))]
  })

  it('closes the slots, marks the bookings for rebooking and notifies each resident', async () => {
    const result = dataOf(await call<{ closedSlots: number; affectedBookings: number; notified: number }>(OFFICER, { action: 'closeCounterDay', counterId: 'counter-closing', date, reason: '户籍系统升级' }))
    expect(result).toMatchObject({ closedSlots: 48, affectedBookings: 2, notified: 2 })
    for (const openid of ['closed-out-1', 'closed-out-2']) {
      const [message] = messagesTo(cloud, openid, 'TEMPLATE_COUNTER_CLOSED')
      expect(message.data.thing3.value).toBe('户籍系统升级')
    }
    expect(affected.map((b) => b.status)).toEqual(['booked', 'booked'])
    const mine = dataOf(await call<{ bookings: BookingView[] }>('closed-out-1', { action: 'myBookings' }))
    expect(mine.bookings[0]).toMatchObject({ status: 'station_closed', closure: { reason: '户籍系统升级', rebook: true }, code: null })
    await expectCapacityInvariant({ counterId: 'counter-closing' })
  })

  it('shows the day closed, and refuses new bookings on it without writing', async () => {
    const list = dataOf(await call<{ slots: SlotView[]; counters: Array<{ closures: Array<{ date: string; reason: string }> }> }>('demo-resident-1', { action: 'listSlots', counterId: 'counter-closing' }))
    expect(list.slots.filter((s) => s.localDate === date).every((s) => s.closed && !s.bookable)).toBe(true)
    expect(list.counters[0].closures).toEqual([{ date, reason: '户籍系统升级' }])
    await cloud.call('late-comer', 'account', { action: 'me' })
    cloud.resetWrites()
    expect(expectError(await book('late-comer', slotAt(10)), 'FAILED_PRECONDITION')?.details).toMatchObject({ why: 'closed' })
    expectNothingHappened(cloud)
  })

  it('is idempotent: closing again notifies nobody twice', async () => {
    const again = dataOf(await call<{ notified: number; affectedBookings: number }>(OFFICER, { action: 'closeCounterDay', counterId: 'counter-closing', date, reason: '户籍系统升级' }))
    expect(again).toMatchObject({ notified: 0, affectedBookings: 2 })
    expect(messagesTo(cloud, 'closed-out-1', 'TEMPLATE_COUNTER_CLOSED')).toHaveLength(1)
  })

  it('lets the resident book again elsewhere', async () => {
    const slotId = `counter-closing-${tomorrow.add(1, 'day').tz('Asia/Shanghai').format('YYYYMMDD')}0900`
    dataOf(await book('closed-out-1', slotId))
  })
})

describe('door-to-door service', () => {
  const RESIDENT = 'demo-resident-1' // bound to 巴音布拉格嘎查, whose community officer is 巴特尔 (officer-1)
  const request = (extra: Record<string, unknown> = {}) =>
    call<HomeVisitView>(RESIDENT, {
      action: 'requestHomeVisit',
      requestId: newRequestId(),
      serviceId: 'id-card-renewal',
      person: { relation: 'family', name: '其木格的父亲', phone: '13947112345', idNumber: '11010519491231002X' },
      reason: 'age',
      addressText: '巴音布拉格嘎查三组',
      language: 'mn',
      ...extra,
    })
  let visit: HomeVisitView

  it('routes the request to the community officer and stores why', async () => {
    visit = dataOf(await request())
    expect(visit).toMatchObject({ status: 'requested', reason: 'age', assignee: { id: 'officer-1', name: '巴特尔' }, community: { id: 'gacha-bayanbulag', kind: 'gacha' }, person: { idNumberMasked: '1101**********002X' } })
    expect(visit.routeReason.zh).toContain('巴音布拉格嘎查')
    const [stored] = await cloud.stored('home_visits', { _id: visit.id })
    expect(stored).toMatchObject({ assigneeOfficerId: 'officer-1', decision: { assignee: { officerId: 'officer-1' } } })
    expect(JSON.stringify(stored)).not.toContain('19491231')
  })

  it('shows the officer the pending visits grouped by gacha or community', async () => {
    const groups = dataOf(await call<Array<{ community: { id: string } | null; visits: HomeVisitView[] }>>(OFFICER, { action: 'pendingHomeVisits' }))
    expect(groups.find((g) => g.community?.id === 'gacha-bayanbulag')?.visits.map((v) => v.id)).toContain(visit.id)
    const otherOfficer = dataOf(await call<unknown[]>('demo-officer-2', { action: 'pendingHomeVisits' }))
    expect(otherOfficer).toEqual([])
  })

  it('lets the responsible officer propose times, notifying the resident', async () => {
    const start = dayjs().add(2, 'day').startOf('hour')
    expectError(await call('demo-officer-2', { action: 'proposeHomeVisitTimes', visitId: visit.id, times: [{ startsAt: start.toISOString(), endsAt: start.add(1, 'hour').toISOString() }], requestId: randomUUID() }), 'PERMISSION_DENIED')
    visit = dataOf(
      await call<HomeVisitView>(OFFICER, {
        action: 'proposeHomeVisitTimes',
        visitId: visit.id,
        times: [
          { startsAt: start.toISOString(), endsAt: start.add(1, 'hour').toISOString() },
          { startsAt: start.add(1, 'day').toISOString(), endsAt: start.add(1, 'day').add(1, 'hour').toISOString() },
        ],
        requestId: randomUUID(),
      }),
    )
    expect(visit).toMatchObject({ status: 'proposed', proposals: [{ id: 'p1' }, { id: 'p2' }] })
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_HOME_VISIT_PROPOSED')).toHaveLength(1)
  })

  it('lets the resident accept one of the times', async () => {
    expectError(await call('demo-resident-2', { action: 'acceptHomeVisitTime', visitId: visit.id, proposalId: 'p2' }), 'PERMISSION_DENIED')
    visit = dataOf(await call<HomeVisitView>(RESIDENT, { action: 'acceptHomeVisitTime', visitId: visit.id, proposalId: 'p2' }))
    expect(visit).toMatchObject({ status: 'scheduled', scheduled: { id: 'p2', startsAt: visit.proposals[1].startsAt } })
  })

  it('lets the officer record the visit done with its outcome', async () => {
    visit = dataOf(await call<HomeVisitView>(OFFICER, { action: 'recordHomeVisitDone', visitId: visit.id, outcome: 'completed', note: '已上门采集照片和指纹' }))
    expect(visit).toMatchObject({ status: 'done', outcome: { result: 'completed', note: '已上门采集照片和指纹' } })
    const mine = dataOf(await call<HomeVisitView[]>(RESIDENT, { action: 'myHomeVisits' }))
    expect(mine[0]).toMatchObject({ id: visit.id, status: 'done' })
    const pending = dataOf(await call<Array<{ visits: HomeVisitView[] }>>(OFFICER, { action: 'pendingHomeVisits' }))
    expect(pending.flatMap((g) => g.visits).map((v) => v.id)).not.toContain(visit.id)
  })

  it('answers a retried request with the same visit', async () => {
    const requestId = newRequestId()
    const first = dataOf(await request({ requestId }))
    cloud.resetWrites()
    expect(dataOf(await request({ requestId })).id).toBe(first.id)
    expectNothingHappened(cloud)
  })

  it.each([
    ['a service that needs the counter', { serviceId: 'id-card-first' }, 'FAILED_PRECONDITION', 'not_at_home'],
    ['someone younger than 70 asking by age', { person: { relation: 'self', name: '年轻人', phone: '13947112345', birthDate: '1990-01-01' } }, 'FAILED_PRECONDITION', 'too_young'],
    ['illness without saying why', { reason: 'illness' }, 'INVALID_ARGUMENT', 'note_missing'],
    ['distance from a town community', { reason: 'distance', communityId: 'community-chaoge' }, 'FAILED_PRECONDITION', 'not_remote'],
    ['an invalid identity number', { person: { relation: 'self', name: '某人', phone: '13947112345', idNumber: '110105194912310021' } }, 'INVALID_ARGUMENT', undefined],
  ])('refuses %s and writes nothing', async (_label, extra, code, why) => {
    cloud.resetWrites()
    const error = expectError(await request(extra), code)
    if (why) expect(error?.details).toMatchObject({ why })
    expectNothingHappened(cloud)
  })

  it('accepts distance for a herder in a gacha, with illness and disability explained', async () => {
    expect(dataOf(await request({ reason: 'distance', communityId: 'gacha-ulaanbulag', person: { relation: 'self', name: '牧民', phone: '13947112345' } })).assignee.id).toBe('officer-1')
    expect(dataOf(await request({ reason: 'illness', note: '术后卧床', person: { relation: 'self', name: '病人', phone: '13947112345' } })).status).toBe('requested')
  })
})
