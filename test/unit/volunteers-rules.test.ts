import { DEFAULT_VOLUNTEER_CONFIG, volunteerConfigWith } from '../../src/core/volunteers/config'
import {
  cancelRefusal,
  checkInRefusal,
  checkOutRefusal,
  isReminderDue,
  leaderboard,
  minutesServed,
  occurrences,
  overlaps,
  pointsFor,
  promotedEntries,
  signUpRefusal,
  standingOf,
  teamMonthFigures,
  type Entry,
  type SignUpFacts,
} from '../../src/core/volunteers/rules'
import { volunteersContract } from '../../src/core/volunteers/contract'
import { dayjs } from '../../src/core/time'

const config = DEFAULT_VOLUNTEER_CONFIG
/** Tuesday 1 December 2026, 10:00 in the station. */
const NOW = dayjs('2026-12-01T02:00:00Z')
const at = (hours: number) => NOW.add(hours, 'hour').toDate()
const entry = (openid: string, waited = false): Entry => ({ openid, at: NOW.toDate(), waited })

function buildFacts(overrides: { activity?: Partial<NonNullable<SignUpFacts['activity']>>; volunteer?: Partial<NonNullable<SignUpFacts['volunteer']>> } = {}): SignUpFacts {
  return {
    activity: { id: 'act-1', status: 'open', startsAt: at(24), endsAt: at(27), deadline: at(12), teamIds: ['team-patrol'], skills: [], entries: [], ...overrides.activity },
    volunteer: { status: 'active', teamId: 'team-patrol', skills: ['driving'], holds: [], ...overrides.volunteer },
  }
}

describe('the waitlist', () => {
  const entries = ['a', 'b', 'c', 'd', 'e'].map((id) => entry(id, id > 'b'))

  it('gives the first `capacity` arrivals a place and numbers the rest in arrival order', () => {
    expect(standingOf(entries, 2, 'a')).toEqual({ state: 'placed' })
    expect(standingOf(entries, 2, 'b')).toEqual({ state: 'placed' })
    expect(standingOf(entries, 2, 'c')).toEqual({ state: 'waiting', position: 1 })
    expect(standingOf(entries, 2, 'e')).toEqual({ state: 'waiting', position: 3 })
    expect(standingOf(entries, 2, 'z')).toEqual({ state: 'none' })
  })

  it('moves the first waiting into the place a cancellation frees, and only them', () => {
    const afterCancel = entries.filter((e) => e.openid !== 'a')
    expect(standingOf(afterCancel, 2, 'c')).toEqual({ state: 'placed' })
    expect(standingOf(afterCancel, 2, 'd')).toEqual({ state: 'waiting', position: 1 })
    expect(promotedEntries(afterCancel, 2).map((e) => e.openid)).toEqual(['c'])
  })

  it('owes no promotion to those who got a place on arrival', () => {
    expect(promotedEntries(entries, 2)).toEqual([])
  })
})

describe('overlaps', () => {
  const patrol = { startsAt: at(0), endsAt: at(2) }
  it('counts a shared minute as an overlap', () => expect(overlaps(patrol, { startsAt: at(1), endsAt: at(3) })).toBe(true))
  it('lets one activity start when the other ends', () => expect(overlaps(patrol, { startsAt: at(2), endsAt: at(3) })).toBe(false))
  it('sees an activity inside another', () => expect(overlaps({ startsAt: at(-1), endsAt: at(5) }, patrol)).toBe(true))
})

describe('signUpRefusal', () => {
  it('lets an active volunteer of an invited team sign up before the deadline', () => {
    expect(signUpRefusal(buildFacts(), NOW)).toBeNull()
  })
  it('refuses after the deadline', () => {
    expect(signUpRefusal(buildFacts({ activity: { deadline: at(-1) } }), NOW)).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'deadline_passed' })
  })
  it('refuses a volunteer of a team the activity is not open to', () => {
    expect(signUpRefusal(buildFacts({ volunteer: { teamId: 'team-veterans' } }), NOW)).toMatchObject({ code: 'PERMISSION_DENIED', why: 'team' })
  })
  it('refuses an activity overlapping one the volunteer holds, naming it', () => {
    const refusal = signUpRefusal(buildFacts({ volunteer: { holds: [{ activityId: 'act-0', startsAt: at(26), endsAt: at(28) }] } }), NOW)
    expect(refusal).toMatchObject({ code: 'CONFLICT', why: 'overlap', details: { activityId: 'act-0' } })
  })
  it('refuses missing skills, listing them', () => {
    expect(signUpRefusal(buildFacts({ activity: { skills: ['driving', 'first_aid'] } }), NOW)).toMatchObject({ why: 'skills', details: { missing: ['first_aid'] } })
  })
  it('refuses suspended volunteers and cancelled activities', () => {
    expect(signUpRefusal(buildFacts({ volunteer: { status: 'suspended' } }), NOW)).toMatchObject({ code: 'PERMISSION_DENIED', why: 'suspended' })
    expect(signUpRefusal(buildFacts({ activity: { status: 'cancelled' } }), NOW)).toMatchObject({ why: 'cancelled' })
  })
})

describe('cancelRefusal', () => {
  const activity = { startsAt: at(24), entries: [entry('me')] }
  it('allows cancelling until the configured time before the start', () => {
    expect(cancelRefusal(activity, 'me', NOW, config)).toBeNull()
    expect(cancelRefusal(activity, 'me', NOW.add(12, 'hour'), config)).toMatchObject({ why: 'too_late' })
  })
  it('refuses someone not signed up', () => expect(cancelRefusal(activity, 'other', NOW, config)).toMatchObject({ code: 'NOT_FOUND' }))
})

describe('check-in', () => {
  const activity = { status: 'open' as const, startsAt: at(0.5), endsAt: at(3), code: '123456', place: { point: { lng: 106.98, lat: 41.59 }, radiusMeters: 300 } }
  const placed = { state: 'placed' as const }

  it('accepts the activity’s own code from an hour before the start', () => {
    expect(checkInRefusal(activity, placed, { method: 'code', code: '123456' }, NOW, config)).toBeNull()
    expect(checkInRefusal(activity, placed, { method: 'code', code: '123456' }, NOW.subtract(1, 'hour'), config)).toMatchObject({ why: 'too_early' })
  })
  it('refuses another activity’s code', () => {
    expect(checkInRefusal(activity, placed, { method: 'code', code: '654321' }, NOW, config)).toMatchObject({ code: 'INVALID_ARGUMENT', why: 'wrong_code' })
  })
  it('accepts a position inside the radius and refuses one outside, with the distance', () => {
    expect(checkInRefusal(activity, placed, { method: 'location', lng: 106.981, lat: 41.591 }, NOW, config)).toBeNull()
    const far = checkInRefusal(activity, placed, { method: 'location', lng: 106.99, lat: 41.6 }, NOW, config)
    expect(far).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'too_far', details: { radiusMeters: 300 } })
    expect(far?.details?.distanceMeters).toBeGreaterThan(1000)
  })
  it('refuses volunteers still on the waitlist', () => {
    expect(checkInRefusal(activity, { state: 'waiting', position: 1 }, { method: 'code', code: '123456' }, NOW, config)).toMatchObject({ why: 'not_placed' })
  })
  it('refuses check-out before check-in and a second check-out', () => {
    expect(checkOutRefusal(activity, null, NOW, config)).toMatchObject({ why: 'not_checked_in' })
    expect(checkOutRefusal(activity, { checkedOutAt: NOW.toDate() }, NOW, config)).toMatchObject({ why: 'checked_out' })
  })
})

describe('hours and points', () => {
  const activity = { startsAt: at(0), endsAt: at(3) }
  it('counts minutes from check-in to check-out', () => expect(minutesServed(activity, at(0.25), at(2.25))).toBe(120))
  it('caps the hours at the activity’s length', () => expect(minutesServed(activity, at(-1), at(5))).toBe(180))
  it('never counts negative time', () => expect(minutesServed(activity, at(2), at(1))).toBe(0))
  it('gives points by the kind’s hourly rate', () => {
    expect(pointsFor(180, 'patrol', config)).toBe(30)
    expect(pointsFor(90, 'relief', config)).toBe(18)
    expect(pointsFor(45, 'neighbourhood_watch', config)).toBe(5)
  })
  it('takes rates from configuration', () => {
    const custom = volunteerConfigWith({ pointsPerHour: { patrol: 20, anti_fraud: 1, legal_education: 1, relief: 1, neighbourhood_watch: 1 } })
    expect(pointsFor(60, 'patrol', custom)).toBe(20)
  })
})

describe('occurrences', () => {
  const first = { startsAt: new Date('2026-12-03T11:00:00Z'), endsAt: new Date('2026-12-03T13:00:00Z'), deadline: new Date('2026-12-03T04:00:00Z') }
  it('repeats a weekly patrol at the same local time', () => {
    const weekly = occurrences(first, { frequency: 'weekly', count: 3 })
    expect(weekly.map((o) => o.startsAt.toISOString())).toEqual(['2026-12-03T11:00:00.000Z', '2026-12-10T11:00:00.000Z', '2026-12-17T11:00:00.000Z'])
    expect(weekly[2].deadline.toISOString()).toBe('2026-12-17T04:00:00.000Z')
  })
  it('makes one occurrence without a repeat', () => expect(occurrences(first, null)).toHaveLength(1))
})

describe('reminders', () => {
  const startsAt = new Date('2026-12-02T01:00:00Z') // 09:00 on 2 December in the station
  it('are due from 18:00 the day before until the start', () => {
    expect(isReminderDue(startsAt, dayjs('2026-12-01T09:59:00Z'), config)).toBe(false)
    expect(isReminderDue(startsAt, dayjs('2026-12-01T10:00:00Z'), config)).toBe(true)
    expect(isReminderDue(startsAt, dayjs('2026-12-02T01:00:00Z'), config)).toBe(false)
  })
})

describe('figures', () => {
  const records = [
    { openid: 'a', teamId: 't1', activityId: 'x', minutes: 120, points: 20 },
    { openid: 'b', teamId: 't1', activityId: 'x', minutes: 120, points: 20 },
    { openid: 'c', teamId: 't1', activityId: 'y', minutes: 60, points: 30 },
  ]
  it('ranks by points with shared ranks, leaving out who opted out', () => {
    expect(leaderboard(records, new Set()).map((r) => [r.openid, r.rank])).toEqual([['c', 1], ['a', 2], ['b', 2]])
    expect(leaderboard(records, new Set(['c'])).map((r) => r.openid)).toEqual(['a', 'b'])
  })
  it('computes a team’s month: activities, minutes and attendance over places held on ended activities', () => {
    const activities = [
      { id: 'x', teamIds: ['t1'], ended: true, placed: [{ openid: 'a', teamId: 't1' }, { openid: 'b', teamId: 't1' }, { openid: 'd', teamId: 't1' }] },
      { id: 'y', teamIds: ['t1', 't2'], ended: true, placed: [{ openid: 'c', teamId: 't1' }] },
      { id: 'z', teamIds: ['t2'], ended: false, placed: [] },
    ]
    expect(teamMonthFigures(['t1', 't2'], activities, records)).toEqual([
      { teamId: 't1', activities: 2, minutes: 300, places: 4, attended: 3, attendanceRate: 0.75 },
      { teamId: 't2', activities: 2, minutes: 0, places: 0, attended: 0, attendanceRate: null },
    ])
  })
})

describe('the contract', () => {
  it('needs a reason to decline', () => {
    expect(volunteersContract.actions.decide.input.safeParse({ openid: 'o-1', decision: 'decline' }).success).toBe(false)
    expect(volunteersContract.actions.decide.input.safeParse({ openid: 'o-1', decision: 'approve' }).success).toBe(true)
  })
  it('refuses an activity ending before it starts or a deadline after the start', () => {
    const base = { kind: 'patrol', title: { zh: '夜间巡逻' }, description: { zh: '沿街巡逻' }, place: { label: { zh: '镇中心' }, point: { lng: 106.98, lat: 41.59 } }, capacity: 5, skills: [], teamIds: ['t1'], requestId: 'rules-activity-0001' }
    const ok = { ...base, startsAt: '2026-12-03T11:00:00Z', endsAt: '2026-12-03T13:00:00Z', deadline: '2026-12-03T04:00:00Z' }
    expect(volunteersContract.actions.createActivity.input.safeParse(ok).success).toBe(true)
    expect(volunteersContract.actions.createActivity.input.safeParse({ ...ok, endsAt: '2026-12-03T10:00:00Z' }).success).toBe(false)
    expect(volunteersContract.actions.createActivity.input.safeParse({ ...ok, deadline: '2026-12-03T12:00:00Z' }).success).toBe(false)
  })
})
