import { Counter, generateSlots, isClosedDay, parseSlotId, slotIdOf, type Counter as CounterType } from '../../src/core/booking'
import { dayjs, STATION_TIME_ZONE } from '../../src/core/time'

/** Monday 7 December 2026, 06:00 in the station (22:00 UTC the day before). */
const MONDAY_EARLY = dayjs('2026-12-06T22:00:00Z')

function buildCounter(overrides: Partial<CounterType> = {}): CounterType {
  return Counter.parse({
    id: 'counter-test',
    name: { zh: '测试窗口' },
    place: { zh: '1号窗口' },
    languages: ['mn', 'zh'],
    serviceIds: ['id-card-renewal'],
    weeklyHours: [
      { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' },
      { weekdays: [1, 2, 3, 4, 5], open: '14:30', close: '17:30' },
    ],
    holidays: [],
    closures: [],
    slotMinutes: 30,
    capacity: 3,
    active: true,
    ...overrides,
  })
}

const localTimes = (slots: ReturnType<typeof generateSlots>, date: string) => slots.filter((s) => s.localDate === date).map((s) => s.localTime)

describe('generateSlots', () => {
  describe('weekly opening hours', () => {
    it('cuts each opening period of a weekday into slots of the slot length', () => {
      const slots = generateSlots(buildCounter(), MONDAY_EARLY, 1, MONDAY_EARLY)
      expect(localTimes(slots, '2026-12-07')).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00'])
    })

    it('has no slots on days without opening hours', () => {
      const saturday = dayjs('2026-12-12T00:00:00Z')
      expect(generateSlots(buildCounter(), saturday, 2, saturday)).toEqual([])
    })

    it('opens on the weekdays listed for a period only (a Saturday morning)', () => {
      const counter = buildCounter({ weeklyHours: [...buildCounter().weeklyHours, { weekdays: [6], open: '09:00', close: '12:00' }] })
      const slots = generateSlots(counter, MONDAY_EARLY, 7, MONDAY_EARLY)
      expect(localTimes(slots, '2026-12-12')).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'])
      expect(localTimes(slots, '2026-12-13')).toEqual([])
    })

    it('drops the remainder of a period too short for a whole slot', () => {
      const counter = buildCounter({ slotMinutes: 45, weeklyHours: [{ weekdays: [1], open: '08:30', close: '12:00' }] })
      expect(localTimes(generateSlots(counter, MONDAY_EARLY, 1, MONDAY_EARLY), '2026-12-07')).toEqual(['08:30', '09:15', '10:00', '10:45'])
    })

    it('produces one slot where two periods overlap', () => {
      const counter = buildCounter({ weeklyHours: [{ weekdays: [1], open: '08:00', close: '10:00' }, { weekdays: [1], open: '09:00', close: '11:00' }] })
      expect(localTimes(generateSlots(counter, MONDAY_EARLY, 1, MONDAY_EARLY), '2026-12-07')).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'])
    })

    it('can stay open around the clock up to 24:00', () => {
      const counter = buildCounter({ weeklyHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }] })
      const midnight = dayjs.tz('2026-12-07T00:00:00', STATION_TIME_ZONE)
      const slots = generateSlots(counter, midnight, 1, midnight.subtract(1, 'minute'))
      expect(slots).toHaveLength(48)
      expect(slots[47]).toMatchObject({ localTime: '23:30', endsAt: '2026-12-07T16:00:00.000Z' })
    })
  })

  describe('times', () => {
    it('stores instants in UTC for the station’s local times (Asia/Shanghai, UTC+8)', () => {
      const [first] = generateSlots(buildCounter(), MONDAY_EARLY, 1, MONDAY_EARLY)
      expect(first).toMatchObject({ id: 'counter-test-202612070830', startsAt: '2026-12-07T00:30:00.000Z', endsAt: '2026-12-07T01:00:00.000Z', localDate: '2026-12-07', localTime: '08:30' })
    })

    it('keeps the local date for early-morning slots that fall on the previous UTC day', () => {
      const counter = buildCounter({ weeklyHours: [{ weekdays: [1], open: '07:00', close: '07:30' }] })
      expect(generateSlots(counter, MONDAY_EARLY, 1, MONDAY_EARLY)[0]).toMatchObject({ startsAt: '2026-12-06T23:00:00.000Z', localDate: '2026-12-07', localTime: '07:00' })
    })

    it('leaves out slots that have already started', () => {
      const tenFifteen = dayjs.tz('2026-12-07T10:15:00', STATION_TIME_ZONE)
      expect(localTimes(generateSlots(buildCounter(), tenFifteen, 1, tenFifteen), '2026-12-07')).toEqual(['10:30', '11:00', '11:30', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00'])
    })

    it('carries the counter’s capacity and languages into every slot', () => {
      const slots = generateSlots(buildCounter({ capacity: 5 }), MONDAY_EARLY, 1, MONDAY_EARLY)
      expect(slots.every((s) => s.capacity === 5 && s.languages.join() === 'mn,zh')).toBe(true)
    })
  })

  describe('the 14-day window', () => {
    it('covers exactly the days asked for, today included', () => {
      const slots = generateSlots(buildCounter(), MONDAY_EARLY, 14, MONDAY_EARLY)
      const days = [...new Set(slots.map((s) => s.localDate))]
      expect(days).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'])
      expect(slots).toHaveLength(10 * 13)
    })

    it('gives the same ids when generated again (the job is idempotent)', () => {
      const once = generateSlots(buildCounter(), MONDAY_EARLY, 14, MONDAY_EARLY).map((s) => s.id)
      const again = generateSlots(buildCounter(), MONDAY_EARLY.add(3, 'hour'), 14, MONDAY_EARLY).map((s) => s.id)
      expect(again).toEqual(once)
    })
  })

  describe('holidays and closures', () => {
    it('skips every day of a holiday, inclusive', () => {
      const counter = buildCounter({ holidays: [{ from: '2026-12-08', to: '2026-12-09', name: { zh: '测试假日' } }] })
      const days = new Set(generateSlots(counter, MONDAY_EARLY, 5, MONDAY_EARLY).map((s) => s.localDate))
      expect([...days]).toEqual(['2026-12-07', '2026-12-10', '2026-12-11'])
    })

    it('skips a day the counter was closed', () => {
      const counter = buildCounter({ closures: [{ date: '2026-12-07', reason: '系统升级', closedBy: 'officer-1', at: '2026-12-01T00:00:00Z' }] })
      expect(generateSlots(counter, MONDAY_EARLY, 1, MONDAY_EARLY)).toEqual([])
      expect(isClosedDay(counter, '2026-12-07')).toBe(true)
      expect(isClosedDay(counter, '2026-12-08')).toBe(false)
    })

    it('generates nothing for an inactive counter', () => {
      expect(generateSlots(buildCounter({ active: false }), MONDAY_EARLY, 14, MONDAY_EARLY)).toEqual([])
    })
  })
})

describe('slot ids', () => {
  it('name the counter and the local start, and parse back to the same instant', () => {
    const start = dayjs('2026-12-07T06:30:00Z')
    const id = slotIdOf('counter-bilingual', start)
    expect(id).toBe('counter-bilingual-202612071430')
    expect(parseSlotId(id)).toMatchObject({ counterId: 'counter-bilingual' })
    expect(parseSlotId(id)!.startsAt.toISOString()).toBe('2026-12-07T06:30:00.000Z')
  })

  it('refuse ids naming a time that does not exist', () => {
    expect(parseSlotId('counter-test-202613071430')).toBeNull()
    expect(parseSlotId('counter-test-202602301430')).toBeNull()
    expect(parseSlotId('counter-test-2026120714')).toBeNull()
  })
})

describe('counter rules', () => {
  it('refuse opening hours that close before they open', () => {
    expect(() => buildCounter({ weeklyHours: [{ weekdays: [1], open: '12:00', close: '08:00' }] })).toThrow()
  })
})
