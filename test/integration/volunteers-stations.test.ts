// Volunteers in a bureau of two stations (issue 21) through the real SDK on the demo bureau:
// teams per station and bureau-wide, applications decided by the team's station, activities that
// land in their teams' station, lists per station, management refused across stations (nothing
// written, nothing of the other station in the answer), and a bureau-wide activity joined by
// volunteers of both stations with check-in and hours recorded on attendance of no station.
import type { ActivityView, Roster, TeamMonthView, TeamView, VolunteerView } from '../../src/core/volunteers/contract'
import { localMonth } from '../../src/core/volunteers/rules'
import { expectError, expectNothingHappened, expectOk, type TestCloud } from '../support/cloud'
import { buildActivity, seedVolunteers, startVolunteersCloud } from './volunteers-support'

const A = 'station-chaogewendur'
const B = 'station-bayanbolag'
const OFFICER_A = 'demo-officer-1'
const OFFICER_B = 'demo-officer-bb-1'
const LEADER_B = 'demo-leader-bb-1'
const BUREAU_LEADER = 'demo-bureau-leader'
const RESIDENT_B = 'demo-resident-bb-1'
const A_TEAMS = ['team-association', 'team-herder-police', 'team-veterans', 'team-red-armband']

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startVolunteersCloud()
  await seedVolunteers(cloud, ['vol-a'])
  await seedVolunteers(cloud, ['vol-b'], { teamId: 'team-bb-patrol', communityId: 'community-altan', stationId: B })
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, action: string, input: Record<string, unknown> = {}) => cloud.call<T>(openid, 'volunteers', { action, ...input })
const ids = (list: Array<{ id: string }>) => list.map((x) => x.id)

const inDays = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * 86_400_000)
  d.setUTCHours(hour, 0, 0, 0)
  return d.toISOString()
}
const newActivity = (teamIds: string[], title: string, requestId: string) => ({
  kind: 'patrol',
  title: { zh: title },
  description: { zh: '测试' },
  place: { label: { zh: '学校路口' }, communityId: 'community-altan' },
  startsAt: inDays(5, 8),
  endsAt: inDays(5, 10),
  deadline: inDays(5, 6),
  capacity: 5,
  skills: [],
  teamIds,
  requestId: `volunteers-stations-${requestId}`,
})

describe('teams per station and bureau-wide', () => {
  it('answers a resident of the second station their station’s teams, then the bureau’s', async () => {
    const teams = expectOk(await call<TeamView[]>(RESIDENT_B, 'teams'))
    expect(ids(teams)).toEqual(['team-bb-patrol', 'team-bureau-antifraud'])
    expect(teams.map((t) => t.stationId)).toEqual([B, null])
    expect(teams.map((t) => t.managed)).toEqual([false, false])
  })

  it('answers staff their station’s and the bureau’s, and the bureau leader every team grouped by station', async () => {
    expect(ids(expectOk(await call<TeamView[]>(OFFICER_B, 'teams')))).toEqual(['team-bb-patrol', 'team-bureau-antifraud'])
    const ofA = expectOk(await call<TeamView[]>(OFFICER_A, 'teams'))
    expect(ids(ofA)).toEqual([...A_TEAMS, 'team-bureau-antifraud'])
    expect(ofA.map((t) => t.stationId)).toEqual([A, A, A, A, null])
    const ofBureau = expectOk(await call<TeamView[]>(BUREAU_LEADER, 'teams'))
    expect(ids(ofBureau)).toEqual([...A_TEAMS, 'team-bb-patrol', 'team-bureau-antifraud'])
  })

  it('marks the teams the caller manages, as createActivity decides: station staff not the bureau’s, the bureau leader all', async () => {
    const managed = async (openid: string) => expectOk(await call<TeamView[]>(openid, 'teams')).filter((t) => t.managed).map((t) => t.id)
    expect(await managed(OFFICER_A)).toEqual(A_TEAMS)
    expect(await managed(LEADER_B)).toEqual(['team-bb-patrol'])
    expect(await managed(BUREAU_LEADER)).toEqual([...A_TEAMS, 'team-bb-patrol', 'team-bureau-antifraud'])
    // The one team station staff are shown but not offered is refused to them, with nothing written.
    cloud.resetWrites()
    const refused = await call(LEADER_B, 'createActivity', newActivity(['team-bureau-antifraud'], '不提供的队伍', 'not-offered'))
    expectError(refused, 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })
})

describe('applications by the team’s station', () => {
  const application = (teamId: string) => ({ name: '乌云', phone: '13912340021', skills: [], availability: ['weekend'], communityId: 'community-altan', teamId })

  beforeAll(async () => {
    expectOk(await call(RESIDENT_B, 'apply', application('team-bb-patrol')))
    expectOk(await call('herder-b', 'apply', application('team-bureau-antifraud')))
  })

  it('gives the volunteer their team’s station, or their community’s for a bureau-wide team', async () => {
    expect((await cloud.stored('volunteers', { _id: RESIDENT_B }))[0].stationId).toBe(B)
    expect((await cloud.stored('volunteers', { _id: 'herder-b' }))[0].stationId).toBe(B)
  })

  it('lists each station’s staff their teams’ applications only; the bureau’s to bureau staff', async () => {
    const ofB = expectOk(await call<VolunteerView[]>(OFFICER_B, 'applications', { status: 'pending' })).map((v) => v.openid)
    expect(ofB).toEqual([RESIDENT_B])
    const ofA = expectOk(await call<VolunteerView[]>(OFFICER_A, 'applications')).map((v) => v.openid)
    expect(ofA).not.toContain(RESIDENT_B)
    expect(ofA).not.toContain('herder-b')
    expect(ofA).not.toContain('vol-b')
    const all = expectOk(await call<VolunteerView[]>(BUREAU_LEADER, 'applications', { status: 'pending' })).map((v) => v.openid)
    expect(all).toEqual(expect.arrayContaining([RESIDENT_B, 'herder-b']))
  })

  it.each([
    ['an officer of the first station decides', OFFICER_A, 'decide', { openid: RESIDENT_B, decision: 'approve' }],
    ['an officer of the first station suspends', OFFICER_A, 'suspend', { openid: 'vol-b', reason: '多次缺勤' }],
    ['an officer of the first station reveals the phone', OFFICER_A, 'revealContact', { openid: 'vol-b' }],
    ['the second station’s officer decides for the bureau-wide team', OFFICER_B, 'decide', { openid: 'herder-b', decision: 'approve' }],
    ['the second station’s leader suspends a first-station volunteer', LEADER_B, 'suspend', { openid: 'vol-a', reason: '多次缺勤' }],
  ])('%s: PERMISSION_DENIED, nothing written, nothing of them shown', async (_name, openid, action, input) => {
    cloud.resetWrites()
    const answer = await call(openid, action, input)
    expectError(answer, 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
    const text = JSON.stringify(answer)
    for (const secret of ['乌云', '13912340021', '13900000000', 'community-altan']) expect(text).not.toContain(secret)
  })

  it('lets the team’s station decide, and bureau staff decide for the bureau-wide team', async () => {
    expect(expectOk(await call<VolunteerView>(OFFICER_B, 'decide', { openid: RESIDENT_B, decision: 'approve' }))).toMatchObject({ status: 'active' })
    expect(expectOk(await call<VolunteerView>(BUREAU_LEADER, 'decide', { openid: 'herder-b', decision: 'approve' }))).toMatchObject({ status: 'active' })
  })
})

describe('activities land in their teams’ station', () => {
  let ofB: ActivityView
  let bureauWide: ActivityView

  beforeAll(async () => {
    ;[ofB] = expectOk(await call<ActivityView[]>(OFFICER_B, 'createActivity', newActivity(['team-bb-patrol'], '护学岗', 'req-b-1')))
    ;[bureauWide] = expectOk(await call<ActivityView[]>(BUREAU_LEADER, 'createActivity', newActivity(['team-bureau-antifraud'], '全旗反诈宣讲', 'req-bw-1')))
  })

  it('stores the station of the teams: the second station’s, or null (bureau-wide)', async () => {
    expect((await cloud.stored('volunteer_activities', { _id: ofB.id }))[0]).toMatchObject({ stationId: B, bureauWide: false })
    expect((await cloud.stored('volunteer_activities', { _id: bureauWide.id }))[0]).toMatchObject({ stationId: null, bureauWide: true })
    expect(ofB.bureauWide).toBe(false)
    expect(bureauWide.bureauWide).toBe(true)
  })

  it.each([
    ['for another station’s team', OFFICER_B, ['team-herder-police'], 'PERMISSION_DENIED'],
    ['for the bureau-wide team (the bureau’s to publish)', OFFICER_B, ['team-bureau-antifraud'], 'PERMISSION_DENIED'],
    ['for teams of two stations, even by the bureau', BUREAU_LEADER, ['team-bb-patrol', 'team-herder-police'], 'INVALID_ARGUMENT'],
    ['for a station’s and the bureau’s team at once', BUREAU_LEADER, ['team-bb-patrol', 'team-bureau-antifraud'], 'INVALID_ARGUMENT'],
  ])('refuses publishing %s, writing nothing', async (_name, openid, teamIds, code) => {
    cloud.resetWrites()
    expectError(await call(openid, 'createActivity', newActivity(teamIds, '不应发布', `req-${teamIds.join('-')}`)), code)
    expectNothingHappened(cloud)
  })

  it('lists a volunteer their station’s activities and the bureau-wide ones, never another station’s', async () => {
    const b = ids(expectOk(await call<ActivityView[]>('vol-b', 'listActivities')))
    expect(b).toEqual(expect.arrayContaining([ofB.id, bureauWide.id, 'act-demo-bb-patrol', 'act-demo-bureau-antifraud']))
    expect(b).not.toContain('act-demo-patrol')
    const a = ids(expectOk(await call<ActivityView[]>('vol-a', 'listActivities')))
    expect(a).toEqual(expect.arrayContaining(['act-demo-patrol', bureauWide.id, 'act-demo-bureau-antifraud']))
    expect(a).not.toContain(ofB.id)
    expect(a).not.toContain('act-demo-bb-patrol')
  })

  it('lists staff what they manage: their station’s; the bureau leader everything', async () => {
    const b = ids(expectOk(await call<ActivityView[]>(OFFICER_B, 'listActivities')))
    expect(b).toEqual(expect.arrayContaining([ofB.id, 'act-demo-bb-patrol']))
    for (const other of ['act-demo-patrol', bureauWide.id]) expect(b).not.toContain(other)
    const a = ids(expectOk(await call<ActivityView[]>(OFFICER_A, 'listActivities')))
    expect(a).toContain('act-demo-patrol')
    for (const other of [ofB.id, bureauWide.id, 'act-demo-bb-patrol']) expect(a).not.toContain(other)
    expect(ids(expectOk(await call<ActivityView[]>(BUREAU_LEADER, 'listActivities')))).toEqual(expect.arrayContaining(['act-demo-patrol', ofB.id, bureauWide.id]))
  })

  describe('management across stations: refused, nothing written, nothing of the activity shown', () => {
    const cases = (activityId: string) => [
      ['updateActivity', { activityId, capacity: 9 }],
      ['cancelActivity', { activityId, reason: '天气原因' }],
      ['roster', { activityId }],
      ['activity', { activityId }],
      ['correctHours', { activityId, openid: 'vol-a', minutes: 60, reason: '补记' }],
    ] as const

    it.each(cases('act-demo-patrol'))('the second station’s officer and leader on the first station’s activity: %s', async (action, input) => {
      for (const openid of [OFFICER_B, LEADER_B]) {
        cloud.resetWrites()
        const answer = await call(openid, action, input)
        expectError(answer, 'PERMISSION_DENIED')
        expectNothingHappened(cloud)
        expect(JSON.stringify(answer)).not.toContain('嘎查夜间巡逻')
      }
    })

    it.each(cases('act-demo-bb-patrol'))('the first station’s officer on the second station’s activity: %s', async (action, input) => {
      cloud.resetWrites()
      const answer = await call(OFFICER_A, action, input)
      expectError(answer, 'PERMISSION_DENIED')
      expectNothingHappened(cloud)
      expect(JSON.stringify(answer)).not.toContain('阿拉坦社区放学路口护学')
    })

    it.each(cases('act-demo-bureau-antifraud'))('station staff on a bureau-wide activity: %s', async (action, input) => {
      cloud.resetWrites()
      expectError(await call(LEADER_B, action, input), 'PERMISSION_DENIED')
      expectNothingHappened(cloud)
    })
  })

  it('manages its own station’s activity, and the month’s figures are of its teams only', async () => {
    expect(expectOk(await call<ActivityView>(OFFICER_B, 'updateActivity', { activityId: ofB.id, capacity: 6 }))).toMatchObject({ capacity: 6 })
    expect(expectOk(await call<Roster>(LEADER_B, 'roster', { activityId: ofB.id })).activity.id).toBe(ofB.id)
    const month = localMonth(new Date())
    expect(expectOk(await call<TeamMonthView[]>(LEADER_B, 'teamMonth', { month })).map((t) => t.teamId)).toEqual(['team-bb-patrol'])
    expect(expectOk(await call<TeamMonthView[]>(OFFICER_A, 'teamMonth', { month })).map((t) => t.teamId)).toEqual(A_TEAMS)
    expect(expectOk(await call<TeamMonthView[]>(BUREAU_LEADER, 'teamMonth', { month })).map((t) => t.teamId)).toEqual([...A_TEAMS, 'team-bb-patrol', 'team-bureau-antifraud'])
  })
})

describe('a bureau-wide activity joined by volunteers of both stations', () => {
  // Under way (started 30 minutes ago, sign-up open 10 more): check-in is open now.
  const now = buildActivity({ _id: 'act-bw-now', stationId: null, bureauWide: true, teamIds: ['team-bureau-antifraud'], startsInMinutes: -30, deadline: new Date(Date.now() + 10 * 60_000) })
  const stationB = buildActivity({ _id: 'act-b-now', stationId: B, teamIds: ['team-bb-patrol'], startsInMinutes: -30, deadline: new Date(Date.now() + 10 * 60_000) })

  beforeAll(async () => {
    await cloud.emulator.seed({ volunteer_activities: [now, stationB] })
    // vol-b holds the bureau-wide activity at the same time: a second volunteer of B takes B's own.
    await seedVolunteers(cloud, ['vol-b2'], { teamId: 'team-bb-patrol', communityId: 'community-altan', stationId: B })
  })

  it('takes both stations’ volunteers, whatever their team', async () => {
    for (const openid of ['vol-a', 'vol-b']) expect(expectOk(await call<ActivityView>(openid, 'signUp', { activityId: now._id })).mine).toEqual({ state: 'placed' })
  })

  it('keeps a station’s activity to its own teams: the first station’s volunteer is refused the second’s', async () => {
    cloud.resetWrites()
    const refused = await call('vol-a', 'signUp', { activityId: stationB._id })
    expectError(refused, 'PERMISSION_DENIED')
    expect(refused).toMatchObject({ error: { details: { why: 'team' } } })
    expectNothingHappened(cloud)
    expect(expectOk(await call<ActivityView>('vol-b2', 'signUp', { activityId: stationB._id })).mine).toEqual({ state: 'placed' })
  })

  it('records check-ins on attendance of the activity’s station: none for the bureau-wide one, the second station’s for its own', async () => {
    for (const openid of ['vol-a', 'vol-b']) {
      expect(expectOk(await call<ActivityView>(openid, 'checkIn', { activityId: now._id, proof: { method: 'code', code: now.code } })).attendance).not.toBeNull()
      expect(expectOk(await call<ActivityView>(openid, 'checkOut', { activityId: now._id })).attendance?.minutes).toEqual(expect.any(Number))
    }
    expectOk(await call('vol-b2', 'checkIn', { activityId: stationB._id, proof: { method: 'code', code: stationB.code } }))
    const records = await cloud.stored('volunteer_attendance', { activityId: now._id })
    expect(records.map((r) => [r.openid, r.stationId])).toEqual(expect.arrayContaining([['vol-a', null], ['vol-b', null]]))
    expect((await cloud.stored('volunteer_attendance', { activityId: stationB._id }))[0].stationId).toBe(B)
  })

  it('lets bureau staff record the hours; station staff are refused', async () => {
    cloud.resetWrites()
    expectError(await call(OFFICER_B, 'correctHours', { activityId: now._id, openid: 'vol-b', minutes: 90, reason: '宣讲结束后补记' }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
    const roster = expectOk(await call<Roster>(BUREAU_LEADER, 'correctHours', { activityId: now._id, openid: 'vol-b', minutes: 90, reason: '宣讲结束后补记' }))
    expect(roster.placed.find((p) => p.openid === 'vol-b')?.attendance).toMatchObject({ minutes: 90 })
    expect((await cloud.stored('volunteer_attendance', { _id: `${now._id}__vol-b` }))[0]).toMatchObject({ minutes: 90, stationId: null })
  })
})
