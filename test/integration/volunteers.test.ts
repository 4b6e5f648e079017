// The volunteers function end to end through the real SDK: applying and approval, sign-up and the
// waitlist, check-in by code and by position, check-out hours and points, corrections, cancelling
// an activity, figures, and the reminder and promotion jobs.
import { randomUUID } from 'node:crypto'
import type { ActivityView, Leaderboard, MyRecord, Roster, TeamMonthView, TeamView, VolunteerView } from '../../src/core/volunteers/contract'
import { localMonth } from '../../src/core/volunteers/rules'
import { expectError, expectNothingHappened, expectOk, type TestCloud } from '../support/cloud'
import { act, buildActivity, messagesTo, OFFICER, PLACE, seedVolunteers, startVolunteersCloud, storedActivity } from './volunteers-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startVolunteersCloud()
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, action: string, input: Record<string, unknown> = {}) => cloud.call<T>(openid, 'volunteers', { action, ...input })

describe('applying', () => {
  const applicant = 'applicant-1'
  const profile = { name: '其其格', phone: '139 0000 1111', skills: ['mongolian', 'first_aid'], availability: ['weekend'], communityId: 'gacha-bayanbulag', teamId: 'team-herder-police' }

  it('lists the seeded teams: the applicant’s station’s, then the bureau-wide one', async () => {
    const teams = expectOk(await call<TeamView[]>(applicant, 'teams'))
    expect(teams.map((t) => t.id)).toEqual(['team-association', 'team-herder-police', 'team-veterans', 'team-red-armband', 'team-bureau-antifraud'])
    expect(teams.map((t) => t.stationId)).toEqual(['station-chaogewendur', 'station-chaogewendur', 'station-chaogewendur', 'station-chaogewendur', null])
  })

  it('stores a pending application; the volunteer screens stay closed until approval', async () => {
    const view = expectOk(await call<VolunteerView>(applicant, 'apply', profile))
    expect(view).toMatchObject({ status: 'pending', phone: '13900001111', teamId: 'team-herder-police' })
    expectError(await call(applicant, 'listActivities'), 'PERMISSION_DENIED')
    expectError(await call(applicant, 'apply', profile), 'CONFLICT')
  })

  it('lets an officer approve: the user gets the volunteer role', async () => {
    const pending = expectOk(await call<VolunteerView[]>(OFFICER, 'applications', { status: 'pending' }))
    expect(pending.map((p) => p.openid)).toContain(applicant)
    expect(expectOk(await call<VolunteerView>(OFFICER, 'decide', { openid: applicant, decision: 'approve' }))).toMatchObject({ status: 'active' })
    const [user] = await cloud.stored('users', { _id: applicant })
    expect(user.roles).toEqual(['resident', 'volunteer'])
    expect(expectOk(await call<ActivityView[]>(applicant, 'listActivities'))).toEqual(expect.any(Array))
  })

  it('declines with a reason, and lets the applicant apply again', async () => {
    await call('applicant-2', 'apply', profile)
    expectError(await call('applicant-2', 'decide', { openid: 'applicant-2', decision: 'approve' }), 'PERMISSION_DENIED')
    expectError(await call(OFFICER, 'decide', { openid: 'applicant-2', decision: 'decline' }), 'INVALID_ARGUMENT')
    expect(expectOk(await call<VolunteerView>(OFFICER, 'decide', { openid: 'applicant-2', decision: 'decline', reason: '请先参加培训' }))).toMatchObject({ status: 'declined', reason: '请先参加培训' })
    expect(expectOk(await call<VolunteerView>('applicant-2', 'apply', profile))).toMatchObject({ status: 'pending' })
  })

  it('suspends: the role is removed and the place goes to the first waiting', async () => {
    await seedVolunteers(cloud, ['susp-a', 'susp-b'])
    const activity = buildActivity({ capacity: 1 })
    await cloud.emulator.seed({ volunteer_activities: [activity] })
    await act(cloud, 'susp-a', 'signUp', { activityId: activity._id })
    await act(cloud, 'susp-b', 'signUp', { activityId: activity._id })
    expect(expectOk(await call<VolunteerView>(OFFICER, 'suspend', { openid: 'susp-a', reason: '多次缺勤' }))).toMatchObject({ status: 'suspended' })
    const [user] = await cloud.stored('users', { _id: 'susp-a' })
    expect(user.roles).toEqual(['resident'])
    expect(expectOk(await act(cloud, 'susp-b', 'activity', { activityId: activity._id })).mine).toEqual({ state: 'placed' })
  })
})

describe('signing up', () => {
  const activity = buildActivity({ capacity: 2 })
  beforeAll(async () => {
    await seedVolunteers(cloud, ['su-1', 'su-2', 'su-3', 'su-4'])
    await cloud.emulator.seed({ volunteer_activities: [activity] })
  })

  it('places the first arrivals, then waitlists in order', async () => {
    const standings = []
    for (const id of ['su-1', 'su-2', 'su-3', 'su-4']) standings.push(expectOk(await act(cloud, id, 'signUp', { activityId: activity._id })).mine)
    expect(standings).toEqual([{ state: 'placed' }, { state: 'placed' }, { state: 'waiting', position: 1 }, { state: 'waiting', position: 2 }])
  })

  it('answers the current standing when signing up again, writing nothing', async () => {
    cloud.resetWrites()
    expect(expectOk(await act(cloud, 'su-3', 'signUp', { activityId: activity._id })).mine).toEqual({ state: 'waiting', position: 1 })
    expectNothingHappened(cloud)
  })

  it('promotes the first waiting when a placed volunteer cancels, and tells them once', async () => {
    expect(expectOk(await act(cloud, 'su-1', 'cancelSignUp', { activityId: activity._id })).mine).toEqual({ state: 'none' })
    expect(expectOk(await act(cloud, 'su-3', 'activity', { activityId: activity._id })).mine).toEqual({ state: 'placed' })
    expect(expectOk(await act(cloud, 'su-4', 'activity', { activityId: activity._id })).mine).toEqual({ state: 'waiting', position: 1 })
    expect(messagesTo(cloud, 'su-3', 'TEMPLATE_VOLUNTEER_PROMOTED')).toHaveLength(1)
    await cloud.emulator.runTimer('volunteers', 'sendNotices')
    await cloud.emulator.runTimer('volunteers', 'sendNotices')
    expect(messagesTo(cloud, 'su-3', 'TEMPLATE_VOLUNTEER_PROMOTED')).toHaveLength(1)
    const [profile] = await cloud.stored('volunteers', { _id: 'su-1' })
    expect(profile.holds).toEqual([])
  })

  it('refuses cancelling after the configured time before the start', async () => {
    const soon = buildActivity({ startsInMinutes: 60, deadline: new Date(Date.now() + 30 * 60_000) })
    await cloud.emulator.seed({ volunteer_activities: [soon] })
    await act(cloud, 'su-2', 'signUp', { activityId: soon._id })
    cloud.resetWrites()
    const error = expectError(await act(cloud, 'su-2', 'cancelSignUp', { activityId: soon._id }), 'FAILED_PRECONDITION')
    expect(error?.details).toMatchObject({ why: 'too_late' })
    expectNothingHappened(cloud)
  })
})

describe('check-in, check-out, hours and points', () => {
  // Under way: started 30 minutes ago, lasts 3 hours.
  const running = buildActivity({ startsInMinutes: -30, minutes: 180, deadline: new Date(Date.now() - 60 * 60_000), code: '246810' })
  beforeAll(async () => {
    await seedVolunteers(cloud, ['ci-code', 'ci-geo'])
    await cloud.emulator.seed({ volunteer_activities: [{ ...running, entries: ['ci-code', 'ci-geo'].map((openid) => ({ openid, teamId: 'team-herder-police', at: new Date(), waited: false })), count: 2 }] })
  })

  it('checks in with the officer’s code', async () => {
    const view = expectOk(await act(cloud, 'ci-code', 'checkIn', { activityId: running._id, proof: { method: 'code', code: '246810' } }))
    expect(view.attendance).toMatchObject({ checkedOutAt: null, minutes: null })
  })

  it('checks in by position within the radius', async () => {
    const view = expectOk(await act(cloud, 'ci-geo', 'checkIn', { activityId: running._id, proof: { method: 'location', lng: PLACE.lng + 0.001, lat: PLACE.lat } }))
    expect(view.attendance?.checkedInAt).toEqual(expect.any(String))
    const [stored] = await cloud.stored('volunteer_attendance', { openid: 'ci-geo' })
    expect(stored).toMatchObject({ method: 'location', activityId: running._id, month: localMonth(running.startsAt) })
  })

  it('checks out: minutes from check-in to now, points at the patrol rate', async () => {
    const view = expectOk(await act(cloud, 'ci-code', 'checkOut', { activityId: running._id }))
    expect(view.attendance?.minutes).toBe(0)
    expect(view.attendance?.points).toBe(0)
    expectError(await act(cloud, 'ci-code', 'checkOut', { activityId: running._id }), 'FAILED_PRECONDITION')
  })

  it('lets the officer correct hours (capped at the activity’s length) and logs the correction', async () => {
    const roster = expectOk(await call<Roster>(OFFICER, 'correctHours', { activityId: running._id, openid: 'ci-code', minutes: 500, reason: '忘记签退' }))
    const person = roster.placed.find((p) => p.openid === 'ci-code')!
    expect(person.attendance).toMatchObject({ minutes: 180, points: 30 })
    expect(person.attendance?.corrections).toEqual([expect.objectContaining({ by: OFFICER, fromMinutes: 0, toMinutes: 180, reason: '忘记签退' })])
  })

  it('shows the volunteer their hours, points and history', async () => {
    const record = expectOk(await call<MyRecord>('ci-code', 'myRecord'))
    expect(record).toMatchObject({ minutes: 180, points: 30, activities: 1 })
    expect(record.history).toEqual([expect.objectContaining({ activityId: running._id, corrected: true })])
  })

  it('ranks the team, without volunteers who opted out', async () => {
    await call<Roster>(OFFICER, 'correctHours', { activityId: running._id, openid: 'ci-geo', minutes: 60, reason: '提前离开' })
    const board = expectOk(await call<Leaderboard>('ci-geo', 'leaderboard'))
    expect(board.rows.map((r) => [r.rank, r.points, r.me])).toEqual([
      [1, 30, false],
      [2, 10, true],
    ])
    await call('ci-code', 'setLeaderboardOptOut', { optOut: true })
    expect(expectOk(await call<Leaderboard>('ci-geo', 'leaderboard')).rows.map((r) => r.me)).toEqual([true])
  })

  it('gives officers the team’s month: activities, minutes and attendance', async () => {
    const figures = expectOk(await call<TeamMonthView[]>(OFFICER, 'teamMonth', { month: localMonth(running.startsAt) }))
    expect(figures.find((f) => f.teamId === 'team-herder-police')).toMatchObject({ minutes: 240 })
  })

  it('shows officers places, waitlist and attendance with the code', async () => {
    const roster = expectOk(await call<Roster>(OFFICER, 'roster', { activityId: running._id }))
    expect(roster.code).toBe('246810')
    expect(roster.placed.map((p) => [p.openid, p.attendance?.checkedInAt != null])).toEqual([
      ['ci-code', true],
      ['ci-geo', true],
    ])
  })
})

describe('officers’ activities', () => {
  const fields = {
    kind: 'patrol',
    title: { zh: '每周夜巡' },
    description: { zh: '每周四晚巡逻' },
    place: { label: { zh: '镇政府广场' }, point: PLACE },
    capacity: 3,
    skills: [],
    teamIds: ['team-herder-police'],
  }
  const start = new Date(Date.now() + 3 * 24 * 3600_000)
  const times = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), deadline: new Date(start.getTime() - 3600_000).toISOString() }

  it('creates a weekly series of occurrences', async () => {
    const created = expectOk(await call<ActivityView[]>(OFFICER, 'createActivity', { ...fields, ...times, repeat: { frequency: 'weekly', count: 4 }, requestId: randomUUID() }))
    expect(created).toHaveLength(4)
    expect(new Set(created.map((a) => a.seriesId))).toEqual(new Set([created[0].id]))
    expect(Date.parse(created[3].startsAt) - Date.parse(created[0].startsAt)).toBe(21 * 24 * 3600_000)
  })

  it('cancels an activity and tells everyone signed up, placed or waiting, once', async () => {
    const [one] = expectOk(await call<ActivityView[]>(OFFICER, 'createActivity', { ...fields, ...times, capacity: 1, requestId: randomUUID() }))
    await seedVolunteers(cloud, ['cx-1', 'cx-2'])
    await act(cloud, 'cx-1', 'signUp', { activityId: one.id })
    await act(cloud, 'cx-2', 'signUp', { activityId: one.id })
    expect(expectOk(await act(cloud, OFFICER, 'cancelActivity', { activityId: one.id, reason: '暴雪预警' }))).toMatchObject({ status: 'cancelled', cancelReason: '暴雪预警' })
    await cloud.emulator.runTimer('volunteers', 'sendNotices')
    expect(messagesTo(cloud, 'cx-1', 'TEMPLATE_VOLUNTEER_CANCELLED')).toHaveLength(1)
    expect(messagesTo(cloud, 'cx-2', 'TEMPLATE_VOLUNTEER_CANCELLED')).toHaveLength(1)
    expect(messagesTo(cloud, 'cx-1', 'TEMPLATE_VOLUNTEER_CANCELLED')[0].data.thing3.value).toBe('暴雪预警')
    const [profile] = await cloud.stored('volunteers', { _id: 'cx-1' })
    expect(profile.holds).toEqual([])
  })

  it('refuses lowering the capacity below the places held', async () => {
    const [one] = expectOk(await call<ActivityView[]>(OFFICER, 'createActivity', { ...fields, ...times, startsAt: new Date(start.getTime() + 86400_000 * 30).toISOString(), endsAt: new Date(start.getTime() + 86400_000 * 30 + 3600_000).toISOString(), requestId: randomUUID() }))
    await seedVolunteers(cloud, ['cap-1', 'cap-2'])
    await act(cloud, 'cap-1', 'signUp', { activityId: one.id })
    await act(cloud, 'cap-2', 'signUp', { activityId: one.id })
    expectError(await act(cloud, OFFICER, 'updateActivity', { activityId: one.id, capacity: 1 }), 'FAILED_PRECONDITION')
    expect(expectOk(await act(cloud, OFFICER, 'updateActivity', { activityId: one.id, capacity: 2, title: { zh: '改名的巡逻' } }))).toMatchObject({ capacity: 2, title: { zh: '改名的巡逻' } })
  })
})

describe('day-before reminders (hourly job)', () => {
  it('reminds everyone holding a place once, however often the job runs', async () => {
    // Starts in 3 hours: the reminder is due (from 18:00 the day before until the start).
    const tomorrow = buildActivity({ startsInMinutes: 180, capacity: 1, deadline: new Date(Date.now() + 60 * 60_000) })
    await seedVolunteers(cloud, ['rem-1', 'rem-2'])
    await cloud.emulator.seed({ volunteer_activities: [tomorrow] })
    await act(cloud, 'rem-1', 'signUp', { activityId: tomorrow._id })
    await act(cloud, 'rem-2', 'signUp', { activityId: tomorrow._id })
    const first = (await cloud.emulator.runTimer('volunteers', 'sendReminders')) as { ok: boolean; data: { sent: number } }
    expect(first.ok).toBe(true)
    cloud.resetWrites()
    await cloud.emulator.runTimer('volunteers', 'sendReminders')
    expect(messagesTo(cloud, 'rem-1', 'TEMPLATE_VOLUNTEER_REMINDER')).toHaveLength(1)
    // Waiting volunteers are not reminded.
    expect(messagesTo(cloud, 'rem-2', 'TEMPLATE_VOLUNTEER_REMINDER')).toHaveLength(0)
    expect((await storedActivity(cloud, tomorrow._id)).reminded).toEqual(['rem-1'])
    expectNothingHappened(cloud)
  })
  it('resumes a run cut off mid-way: those already marked are not sent again, the rest are', async () => {
    const soon = buildActivity({ startsInMinutes: 200, capacity: 3, deadline: new Date(Date.now() + 60 * 60_000) })
    await seedVolunteers(cloud, ['cut-1', 'cut-2', 'cut-3'])
    const entries = ['cut-1', 'cut-2', 'cut-3'].map((openid) => ({ openid, teamId: 'team-herder-police', at: new Date(), waited: false }))
    // As a run stopped by the timeout leaves it: cut-1 was claimed (and sent) before the cut.
    await cloud.emulator.seed({ volunteer_activities: [{ ...soon, entries, count: 3, reminded: ['cut-1'] }] })
    await cloud.emulator.runTimer('volunteers', 'sendReminders')
    expect(messagesTo(cloud, 'cut-1', 'TEMPLATE_VOLUNTEER_REMINDER')).toHaveLength(0)
    expect(messagesTo(cloud, 'cut-2', 'TEMPLATE_VOLUNTEER_REMINDER')).toHaveLength(1)
    expect(messagesTo(cloud, 'cut-3', 'TEMPLATE_VOLUNTEER_REMINDER')).toHaveLength(1)
  })

  it('leaves a refused subscription marked, so it is not retried every hour', async () => {
    const soon = buildActivity({ startsInMinutes: 210, capacity: 1, deadline: new Date(Date.now() + 60 * 60_000) })
    await seedVolunteers(cloud, ['refuser'])
    cloud.emulator.setSubscribeRefused('refuser')
    await cloud.emulator.seed({ volunteer_activities: [{ ...soon, entries: [{ openid: 'refuser', teamId: 'team-herder-police', at: new Date(), waited: false }], count: 1 }] })
    const run = (await cloud.emulator.runTimer('volunteers', 'sendReminders')) as { data: { refused: number } }
    expect(run.data.refused).toBe(1)
    expect((await storedActivity(cloud, soon._id)).reminded).toEqual(['refuser'])
  })
})

describe('pruning ended holds (daily job)', () => {
  it('drops holds of activities that have ended and keeps the others; a second run changes nothing', async () => {
    const past = { activityId: 'act-past', startsAt: new Date(Date.now() - 5 * 3600_000), endsAt: new Date(Date.now() - 3 * 3600_000) }
    const coming = { activityId: 'act-coming', startsAt: new Date(Date.now() + 3600_000), endsAt: new Date(Date.now() + 3 * 3600_000) }
    await seedVolunteers(cloud, ['pruned'], { holds: [past, coming] })
    await cloud.emulator.runTimer('volunteers', 'pruneHolds')
    const [profile] = await cloud.stored('volunteers', { _id: 'pruned' })
    expect((profile.holds as Array<{ activityId: string }>).map((h) => h.activityId)).toEqual(['act-coming'])
    cloud.resetWrites()
    expect(await cloud.emulator.runTimer('volunteers', 'pruneHolds')).toMatchObject({ ok: true, data: { profiles: 0 } })
    expectNothingHappened(cloud)
  })
})
