import {
  accountDecision,
  bookingAccountStatus,
  cancellationDeadline,
  changeRefusal,
  checkInDecision,
  checkinCodeFrom,
  DEFAULT_BOOKING_CONFIG,
  decideBooking,
  freeSeat,
  isReminderDue,
  parseQrPayload,
  qrPayloadOf,
  reminderDueAt,
  seatOf,
  Service,
  slotRefusal,
  suspensionAt,
  bookingConfigWith,
  type BookingFacts,
  type OwnBooking,
  type Service as ServiceType,
} from '../../src/core/booking'
import { dayjs, STATION_TIME_ZONE } from '../../src/core/time'

const config = DEFAULT_BOOKING_CONFIG
/** Tuesday 1 December 2026, 10:00 in the station. */
const NOW = dayjs('2026-12-01T02:00:00Z')
const ME = 'o-resident'

const inMinutes = (minutes: number) => NOW.add(minutes, 'minute').toDate()

function buildSlot(overrides: Partial<NonNullable<BookingFacts['slot']>> = {}): NonNullable<BookingFacts['slot']> {
  return { startsAt: inMinutes(24 * 60), capacity: 3, remaining: 3, closed: false, closedReason: null, holders: [], ...overrides }
}

function buildService(overrides: Partial<ServiceType> = {}): ServiceType {
  return Service.parse({
    id: 'id-card-renewal',
    name: { zh: '居民身份证到期换领' },
    materials: [{ zh: '原居民身份证' }],
    fee: { yuan: 20 },
    processing: { typicalWorkingDays: 10, statutoryDays: 60 },
    mode: 'home',
    notRequired: null,
    order: 1,
    active: true,
    ...overrides,
  })
}

let seq = 0
function buildOwn(overrides: Partial<OwnBooking> = {}): OwnBooking {
  seq++
  return { id: `bk_${seq}`, status: 'booked', slotId: `counter-test-2026120${seq % 9}0900`, startsAt: inMinutes(48 * 60), seat: seatOf(ME, seq), ...overrides }
}

function facts(overrides: Partial<BookingFacts> = {}): BookingFacts {
  return { openid: ME, slot: buildSlot(), service: buildService(), counterActive: true, counterServiceIds: ['id-card-renewal'], mine: [], ...overrides }
}

const refusalOf = (decision: ReturnType<typeof decideBooking>) => (decision.ok ? null : { code: decision.refusal.code, why: decision.refusal.why })

describe('decideBooking', () => {
  it('books a free slot far enough ahead with the first free seat', () => {
    expect(decideBooking(facts(), NOW, config)).toEqual({ ok: true, seat: 1 })
  })

  describe('minimum notice', () => {
    it('refuses a slot starting in less than an hour', () => {
      expect(refusalOf(decideBooking(facts({ slot: buildSlot({ startsAt: inMinutes(59) }) }), NOW, config))).toEqual({ code: 'FAILED_PRECONDITION', why: 'too_soon' })
    })

    it('accepts a slot starting exactly an hour from now', () => {
      expect(decideBooking(facts({ slot: buildSlot({ startsAt: inMinutes(60) }) }), NOW, config).ok).toBe(true)
    })

    it('follows the configured notice', () => {
      const lenient = bookingConfigWith({ minNoticeMinutes: 15 })
      expect(decideBooking(facts({ slot: buildSlot({ startsAt: inMinutes(20) }) }), NOW, lenient).ok).toBe(true)
    })
  })

  it.each([
    ['an unknown slot', { slot: null }, 'NOT_FOUND', 'unknown_slot'],
    ['a past slot', { slot: buildSlot({ startsAt: inMinutes(-30) }) }, 'FAILED_PRECONDITION', 'past'],
    ['a closed slot', { slot: buildSlot({ closed: true, closedReason: '系统升级' }) }, 'FAILED_PRECONDITION', 'closed'],
    ['a slot beyond the 14-day window', { slot: buildSlot({ startsAt: inMinutes(15 * 24 * 60) }) }, 'FAILED_PRECONDITION', 'beyond_window'],
    ['a slot of a counter that no longer takes bookings', { counterActive: false }, 'FAILED_PRECONDITION', 'counter_inactive'],
    ['an unknown service', { service: null }, 'NOT_FOUND', 'unknown'],
    ['a service no longer required', { service: buildService({ mode: 'none', notRequired: { reason: { zh: '凭户口簿即可证明' }, basis: '公通字〔2016〕21号' } }) }, 'FAILED_PRECONDITION', 'not_required'],
    ['a service that needs no visit', { service: buildService({ mode: 'none' }) }, 'FAILED_PRECONDITION', 'no_visit'],
    ['a service the counter does not handle', { counterServiceIds: [] }, 'FAILED_PRECONDITION', 'not_at_counter'],
    ['a slot where the account already holds a place', { slot: buildSlot({ holders: [{ openid: ME, bookingId: 'bk_x' }] }) }, 'CONFLICT', 'already_booked'],
    ['a full slot', { slot: buildSlot({ remaining: 0 }) }, 'CONFLICT', 'full'],
  ])('refuses %s', (_label, overrides, code, why) => {
    expect(refusalOf(decideBooking(facts(overrides as Partial<BookingFacts>), NOW, config))).toEqual({ code, why })
  })

  it('explains a service that is no longer required', () => {
    const decision = decideBooking(facts({ service: buildService({ mode: 'none', notRequired: { reason: { zh: '凭户口簿即可证明' }, basis: '公通字〔2016〕21号' } }) }), NOW, config)
    expect(decision).toMatchObject({ ok: false, refusal: { details: { notRequired: { reason: { zh: '凭户口簿即可证明' } } } } })
  })

  it('tells a suspended resident about the suspension before a full slot', () => {
    const noShows = [1, 2, 3].map((d) => buildOwn({ status: 'no_show', startsAt: NOW.subtract(d, 'day').toDate(), seat: `void:${d}` }))
    expect(refusalOf(decideBooking(facts({ slot: buildSlot({ remaining: 0 }), mine: noShows }), NOW, config))).toEqual({ code: 'FAILED_PRECONDITION', why: 'suspended' })
  })
})

describe('slotRefusal', () => {
  it('answers CONFLICT for a full slot and nothing for a bookable one', () => {
    expect(slotRefusal(buildSlot({ remaining: 0 }), NOW, config)?.code).toBe('CONFLICT')
    expect(slotRefusal(buildSlot(), NOW, config)).toBeNull()
  })
})

describe('the limit of upcoming bookings per account', () => {
  it('gives seats 1 to 3 and refuses a fourth with RESOURCE_EXHAUSTED', () => {
    const mine = [1, 2, 3].map((n) => buildOwn({ seat: seatOf(ME, n) }))
    expect(freeSeat(ME, mine.slice(0, 2), config)).toBe(3)
    expect(accountDecision(ME, mine, NOW, config)).toMatchObject({ ok: false, refusal: { code: 'RESOURCE_EXHAUSTED', why: 'limit', details: { maxActive: 3 } } })
  })

  it('frees the seat of a cancelled or attended booking for a new one', () => {
    const mine = [buildOwn({ seat: seatOf(ME, 1) }), buildOwn({ status: 'cancelled', seat: 'void:bk' }), buildOwn({ seat: seatOf(ME, 3) })]
    expect(accountDecision(ME, mine, NOW, config)).toEqual({ ok: true, seat: 2 })
  })

  it('follows the configured limit', () => {
    expect(accountDecision(ME, [buildOwn({ seat: seatOf(ME, 1) })], NOW, bookingConfigWith({ maxActivePerAccount: 1 })).ok).toBe(false)
  })
})

describe('no-show suspension', () => {
  const daysAgo = (d: number) => NOW.subtract(d, 'day').toDate()

  it('suspends for 30 days from the third no-show within 90 days', () => {
    expect(suspensionAt([daysAgo(80), daysAgo(40), daysAgo(2)], NOW, config)).toEqual({
      since: NOW.subtract(2, 'day').toISOString(),
      until: NOW.subtract(2, 'day').add(30, 'day').toISOString(),
      noShows: [daysAgo(80), daysAgo(40), daysAgo(2)].map((d) => d.toISOString()),
    })
  })

  it('does not suspend for three no-shows spread over more than 90 days', () => {
    expect(suspensionAt([daysAgo(100), daysAgo(40), daysAgo(2)], NOW, config)).toBeNull()
  })

  it('does not suspend for two', () => {
    expect(suspensionAt([daysAgo(10), daysAgo(2)], NOW, config)).toBeNull()
  })

  it('ends after 30 days', () => {
    expect(suspensionAt([daysAgo(35), daysAgo(33), daysAgo(31)], NOW, config)).toBeNull()
  })

  it('counts no-shows before a suspension only once', () => {
    // Suspended 60–30 days ago by three; one more since then does not suspend again.
    expect(suspensionAt([daysAgo(62), daysAgo(61), daysAgo(60), daysAgo(5)], NOW, config)).toBeNull()
  })

  it('follows the configured threshold and length', () => {
    const strict = bookingConfigWith({ noShow: { threshold: 2, suspendDays: 7 } })
    expect(suspensionAt([daysAgo(3), daysAgo(1)], NOW, strict)?.until).toBe(NOW.subtract(1, 'day').add(7, 'day').toISOString())
  })

  it('is shown to the resident with the no-shows that count', () => {
    const status = bookingAccountStatus([buildOwn({ status: 'no_show', startsAt: daysAgo(95) }), buildOwn({ status: 'no_show', startsAt: daysAgo(5) }), buildOwn()], NOW, config)
    expect(status).toMatchObject({ upcoming: 1, maxActive: 3, suspension: null, recentNoShows: [daysAgo(5).toISOString()], rules: { noShowThreshold: 3, noShowWithinDays: 90, suspendDays: 30 } })
  })
})

describe('cancelling and rescheduling', () => {
  const booking = (minutesAhead: number, overrides = {}) => ({ openid: ME, status: 'booked' as const, startsAt: inMinutes(minutesAhead), ...overrides })

  it('is allowed until two hours before the slot', () => {
    expect(changeRefusal(booking(121), ME, NOW, config)).toBeNull()
    expect(changeRefusal(booking(120), ME, NOW, config)).toBeNull()
    expect(changeRefusal(booking(119), ME, NOW, config)).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'too_late' })
  })

  it('states the deadline', () => {
    expect(cancellationDeadline(inMinutes(600), config).toISOString()).toBe(NOW.add(480, 'minute').toISOString())
  })

  it('answers NOT_FOUND for someone else’s booking, as for a missing one', () => {
    expect(changeRefusal(booking(600), 'o-other', NOW, config)?.code).toBe('NOT_FOUND')
    expect(changeRefusal(null, ME, NOW, config)?.code).toBe('NOT_FOUND')
  })

  it('refuses a booking that no longer holds its place', () => {
    expect(changeRefusal(booking(600, { status: 'station_closed' }), ME, NOW, config)).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'station_closed' })
  })
})

describe('check-in', () => {
  const today = '2026-12-01'

  it('accepts a booking of today at its counter, and a repeated scan as already checked in', () => {
    expect(checkInDecision({ status: 'booked', localDate: today, counterId: 'c1' }, 'c1', NOW)).toEqual({ ok: true, already: false })
    expect(checkInDecision({ status: 'checked_in', localDate: today, counterId: 'c1' }, undefined, NOW)).toEqual({ ok: true, already: true })
  })

  it.each([
    ['no booking', null, 'NOT_FOUND', 'unknown_code'],
    ['another day', { status: 'booked', localDate: '2026-12-02', counterId: 'c1' }, 'FAILED_PRECONDITION', 'not_today'],
    ['another counter', { status: 'booked', localDate: today, counterId: 'c2' }, 'FAILED_PRECONDITION', 'other_counter'],
    ['a cancelled booking', { status: 'cancelled', localDate: today, counterId: 'c1' }, 'FAILED_PRECONDITION', 'cancelled'],
  ] as const)('refuses %s', (_label, booking, code, why) => {
    expect(checkInDecision(booking, 'c1', NOW)).toMatchObject({ ok: false, refusal: { code, why } })
  })

  it('uses six-digit codes and QR payloads without personal data', () => {
    expect(checkinCodeFrom(() => 42)).toBe('000042')
    expect(parseQrPayload(qrPayloadOf('bk_abc', '123456'))).toEqual({ bookingId: 'bk_abc', code: '123456' })
    expect(parseQrPayload('FQB1:bk_abc:12345')).toBeNull()
  })
})

describe('reminders', () => {
  it('are due the day before at the configured hour, station time', () => {
    const start = dayjs.tz('2026-12-03T09:00:00', STATION_TIME_ZONE)
    expect(reminderDueAt(start, config).toISOString()).toBe(dayjs.tz('2026-12-02T18:00:00', STATION_TIME_ZONE).toISOString())
    expect(isReminderDue(start.toDate(), dayjs.tz('2026-12-02T17:59:00', STATION_TIME_ZONE), config)).toBe(false)
    expect(isReminderDue(start.toDate(), dayjs.tz('2026-12-02T18:00:00', STATION_TIME_ZONE), config)).toBe(true)
  })

  it('go out at once for a booking made after its reminder time, and never after the start', () => {
    const start = dayjs.tz('2026-12-01T15:00:00', STATION_TIME_ZONE)
    expect(isReminderDue(start.toDate(), NOW, config)).toBe(true)
    expect(isReminderDue(start.toDate(), start.add(1, 'minute'), config)).toBe(false)
  })
})

describe('booking configuration', () => {
  it('merges overrides into the defaults and refuses nonsense', () => {
    expect(bookingConfigWith({ noShow: { threshold: 5 } }).noShow).toEqual({ ...config.noShow, threshold: 5 })
    expect(() => bookingConfigWith({ windowDays: 0 })).toThrow()
  })
})
