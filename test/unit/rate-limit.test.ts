import { DEFAULT_LIMITS, counterId, limitRefusal, limitsWith, windowOf } from '../../src/core/rate-limit'
import { dayjs } from '../../src/core/time'

// 23:30 in Beijing on 21 May: the station's day is nearly over, UTC's has hours to go.
const lateEvening = dayjs('2026-05-21T15:30:00Z')

describe('windowOf', () => {
  it('starts a day at the station’s midnight, not UTC’s', () => {
    const day = windowOf('day', lateEvening)
    expect(day.key).toBe('20260521')
    expect(day.startsAt.toISOString()).toBe('2026-05-20T16:00:00.000Z')
    expect(day.endsAt.toISOString()).toBe('2026-05-21T16:00:00.000Z')
  })
  it('moves to the next day one minute after local midnight', () => {
    expect(windowOf('day', dayjs('2026-05-21T16:01:00Z')).key).toBe('20260522')
  })
  it('cuts hours at the clock hour', () => {
    const hour = windowOf('hour', lateEvening)
    expect(hour).toEqual({ key: '2026052123', startsAt: new Date('2026-05-21T15:00:00Z'), endsAt: new Date('2026-05-21T16:00:00Z') })
  })
})

describe('counterId', () => {
  it('names the limit, the window and the subject, so each window counts apart', () => {
    const today = windowOf('day', lateEvening)
    const tomorrow = windowOf('day', lateEvening.add(1, 'hour'))
    expect(counterId('booking', today, 'o-1')).toBe('booking:20260521:o-1')
    expect(counterId('booking', tomorrow, 'o-1')).not.toBe(counterId('booking', today, 'o-1'))
  })
})

describe('limitsWith', () => {
  it('keeps the production defaults without an override', () => {
    expect(limitsWith(undefined)).toEqual(DEFAULT_LIMITS)
    expect(limitsWith(undefined).booking).toEqual({ max: 5, per: 'day' })
  })
  it('overrides only the limits named', () => {
    const limits = limitsWith({ booking: { max: 3, per: 'hour' } })
    expect(limits.booking).toEqual({ max: 3, per: 'hour' })
    expect(limits.mediationFiling).toEqual(DEFAULT_LIMITS.mediationFiling)
  })
  it('refuses an unknown limit or a bad rule: a deployment error, not a silent default', () => {
    expect(() => limitsWith({ bookings: { max: 3, per: 'day' } })).toThrow()
    expect(() => limitsWith({ booking: { max: 0, per: 'day' } })).toThrow()
    expect(() => limitsWith({ booking: { max: 3, per: 'week' } })).toThrow()
  })
})

describe('limitRefusal', () => {
  it('answers RESOURCE_EXHAUSTED with the end of the window as the time to try again', () => {
    const rule = { max: 5, per: 'day' as const }
    const refusal = limitRefusal('booking', rule, windowOf('day', lateEvening), lateEvening)
    expect(refusal).toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      why: 'rate_limited',
      details: { limit: 'booking', max: 5, per: 'day', retryAt: '2026-05-21T16:00:00.000Z', retryAfterSeconds: 30 * 60 },
    })
  })
  it('never asks to wait zero seconds at the window’s last instant', () => {
    const end = dayjs('2026-05-21T15:59:59.999Z')
    expect(limitRefusal('notice', DEFAULT_LIMITS.notice, windowOf('hour', end), end).details).toMatchObject({ retryAfterSeconds: 1 })
  })
})
