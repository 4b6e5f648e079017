// The dashboard of a bureau of stations (issue 21): records of two stations, some written before
// bureaus (no stationId: the first station's). A station leader of A sees A's figures and nothing
// of B; the bureau leader sees the bureau, every station and their comparison, and the bureau's
// counts are the sum of its stations'; the same before and after the rollup job.
import type { DashboardView } from '../../src/core/stats/contract'
import { addDays, dayStart, localDay } from '../../src/core/stats/period'
import { dayjs } from '../../src/core/time'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { testDatabase } from './booking-support'

const A = 'station-chaogewendur'
const B = 'station-bayanbolag'
const LEADER_A = 'demo-leader-1'
const LEADER_B = 'demo-leader-bb-1'
const OFFICER_B = 'demo-officer-bb-1'
const BUREAU_LEADER = 'demo-bureau-leader'
const HOUR = 3_600_000

const today = localDay(dayjs())
const D1 = addDays(today, -6)
const on = (day: string) => new Date(dayStart(day).getTime() + 10 * HOUR)
const PERIOD = { from: D1, to: today }

// ── Two stations' records; `station: undefined` is a record written before bureaus ──────────────
const stamp = (station: string | undefined) => (station ? { stationId: station } : {})
const booking = (id: string, station: string | undefined, status: string) => ({ _id: id, ...stamp(station), createdAt: on(D1), startsAt: on(D1), status, seat: `void:${id}`, checkinKey: `void:${id}` })
const visit = (id: string, station: string | undefined, communityId: string, officer: string, status: string) => ({ _id: id, ...stamp(station), createdAt: on(D1), communityId, assigneeOfficerId: officer, status, respondedAt: new Date(on(D1).getTime() + 2 * HOUR) })
const dispute = (id: string, station: string | undefined, communityId: string, officerId: string, settled: boolean) => ({
  _id: id,
  ...stamp(station),
  createdAt: on(D1),
  status: settled ? 'closed' : 'in_mediation',
  communityId,
  officerId,
  type: 'neighbour',
  level: 1,
  overdue: false,
  highRisk: false,
  rating: null,
  outcome: settled ? 'settled' : null,
  settledLevel: settled ? 1 : null,
  daysToSettle: settled ? 2 : null,
  timeline: [{ kind: 'filed', level: 1, at: on(D1), by: 'resident' }],
})
/** A request filed on D1, due after a day; answered after `answeredAfter` hours or not at all. */
const request = (id: string, station: string | undefined, communityId: string, officerId: string, answeredAfter: number | null) => ({
  _id: id,
  ...stamp(station),
  kind: 'consultation',
  status: answeredAfter === null ? 'accepted' : 'answered',
  communityId,
  officerId,
  createdAt: on(D1),
  answerBy: new Date(on(D1).getTime() + 24 * HOUR),
  firstAnsweredAt: answeredAfter === null ? null : new Date(on(D1).getTime() + answeredAfter * HOUR),
  answeredOnTime: answeredAfter === null ? null : answeredAfter <= 24,
  reopenCount: 0,
  rating: null,
})

const DATA = {
  // A: made 2, served 1. B: made 3, served 1, no-show 1.
  bookings: [booking('bk-a1', undefined, 'checked_in'), booking('bk-a2', A, 'booked'), booking('bk-b1', B, 'checked_in'), booking('bk-b2', B, 'no_show'), booking('bk-b3', B, 'booked')],
  // A: 1 (done). B: 2 (1 done).
  home_visits: [visit('v-a1', undefined, 'gacha-bayanbulag', 'officer-1', 'done'), visit('v-b1', B, 'community-altan', 'officer-bb-1', 'done'), visit('v-b2', B, 'community-olzii', 'officer-bb-2', 'requested')],
  // A: 2 (1 settled). B: 3 (1 settled).
  mediation_cases: [
    dispute('k-a1', undefined, 'gacha-bayanbulag', 'officer-1', true),
    dispute('k-a2', A, 'community-chaoge', 'officer-2', false),
    dispute('k-b1', B, 'community-altan', 'officer-bb-1', true),
    dispute('k-b2', B, 'community-altan', 'officer-bb-1', false),
    dispute('k-b3', B, 'community-olzii', 'officer-bb-2', false),
  ],
  // A: 1, answered on time after 3 h. B: 2, one answered late after 30 h, one unanswered and late.
  requests: [request('r-a1', undefined, 'gacha-bayanbulag', 'officer-1', 3), request('r-b1', B, 'community-altan', 'officer-bb-1', 30), request('r-b2', B, 'community-altan', 'officer-bb-1', null)],
  // One notice each.
  notices: [
    { _id: 'n-a1', status: 'published', publishedAt: on(D1), targets: ['gacha-bayanbulag'] },
    { _id: 'n-b1', stationId: B, status: 'published', publishedAt: on(D1), targets: ['community-altan'] },
  ],
  // vol-x served both stations (60 min in B, 30 in A), vol-y 30 min in A: A 1 h, 2 volunteers; B 1 h, 1 volunteer.
  // A bureau-wide activity (a bureau-wide team's): vol-x 60 min and vol-z 60 min count for the bureau
  // alone, in no station: the bureau 3 volunteers and 1 + 1 + 2 h.
  volunteer_activities: [
    { _id: 'act-a', startsAt: on(D1), status: 'open', capacity: 4, entries: [{ openid: 'vol-x' }, { openid: 'vol-y' }] },
    { _id: 'act-b', stationId: B, startsAt: on(D1), status: 'open', capacity: 3, entries: [{ openid: 'vol-x' }] },
    { _id: 'act-bw', stationId: null, bureauWide: true, startsAt: on(D1), status: 'open', capacity: 5, entries: [{ openid: 'vol-x' }, { openid: 'vol-z' }] },
  ],
  volunteer_attendance: [
    { _id: 'act-a__vol-x', activityId: 'act-a', openid: 'vol-x', startsAt: on(D1), checkedInAt: on(D1), minutes: 30 },
    { _id: 'act-a__vol-y', activityId: 'act-a', openid: 'vol-y', startsAt: on(D1), checkedInAt: on(D1), minutes: 30 },
    { _id: 'act-b__vol-x', activityId: 'act-b', openid: 'vol-x', startsAt: on(D1), checkedInAt: on(D1), minutes: 60 },
    { _id: 'act-bw__vol-x', activityId: 'act-bw', openid: 'vol-x', stationId: null, startsAt: on(D1), checkedInAt: on(D1), minutes: 60 },
    { _id: 'act-bw__vol-z', activityId: 'act-bw', openid: 'vol-z', stationId: null, startsAt: on(D1), checkedInAt: on(D1), minutes: 60 },
  ],
}

const EXPECTED_A = { bookingsMade: 2, bookingsServed: 1, noShows: 0, homeVisits: 1, homeVisitsDone: 1, disputes: 2, settledRate: 0.5, noticesPublished: 1, volunteerHours: 1, activeVolunteers: 2 }
const EXPECTED_B = { bookingsMade: 3, bookingsServed: 1, noShows: 1, homeVisits: 2, homeVisitsDone: 1, disputes: 3, settledRate: 1 / 3, noticesPublished: 1, volunteerHours: 1, activeVolunteers: 1 }
/** Figures that are counts: the bureau's is the sum of its stations' (volunteer hours: plus the bureau-wide activities'). */
const ADDITIVE = ['bookingsMade', 'bookingsServed', 'noShows', 'homeVisits', 'homeVisitsDone', 'disputes', 'reachedLevel1', 'reachedLevel2', 'reachedLevel3', 'overdue', 'highRisk', 'noticesPublished', 'messagesDelivered'] as const
const BUREAU_WIDE_HOURS = 2

let cloud: TestCloud
const dashboard = (openid: string, scope: Record<string, unknown>) => cloud.call<DashboardView>(openid, 'stats', { action: 'dashboard', period: PERIOD, scope })
const valuesOf = (view: DashboardView) => Object.fromEntries(view.figures.map((f) => [f.key, f.value])) as Record<string, number | null>

beforeAll(async () => {
  cloud = await startTestCloud()
  const { db, _ } = await testDatabase()
  for (const name of [...Object.keys(DATA), 'notice_receipts', 'notice_deliveries', 'notice_readers', 'stats_rollups', 'stats_state']) {
    await db.collection(name).where({ _id: _.exists(true) }).remove()
  }
  await cloud.emulator.seed(DATA)
})
afterAll(() => cloud.stop())

describe.each([
  ['live (before any rollup)', async () => undefined],
  ['after the rollup job', async () => void expect(await cloud.emulator.runTimer('stats', 'rollup')).toMatchObject({ ok: true, data: { through: addDays(today, -1) } })],
])('two stations, %s', (_when, prepare) => {
  let a: DashboardView
  let b: DashboardView
  let bureau: DashboardView
  beforeAll(async () => {
    await prepare()
    a = expectOk(await dashboard(LEADER_A, { kind: 'station' }))
    b = expectOk(await dashboard(LEADER_B, { kind: 'station' }))
    bureau = expectOk(await dashboard(BUREAU_LEADER, { kind: 'bureau' }))
  })

  it('a station leader sees their own station’s figures (records without a station are the first station’s)', () => {
    expect(a.scope).toEqual({ kind: 'station', id: A })
    expect(valuesOf(a)).toMatchObject(EXPECTED_A)
    expect(a.requests).toMatchObject({ received: 1, onTimeRate: 1, medianHoursToAnswer: 3 })
    expect(b.scope).toEqual({ kind: 'station', id: B })
    expect(valuesOf(b)).toMatchObject(EXPECTED_B)
    expect(b.requests).toMatchObject({ received: 2, onTimeRate: 0, medianHoursToAnswer: 30 })
    expect(a.stations).toEqual([])
  })

  it('a station leader of A is offered nothing of B, and their view names nothing of B', () => {
    expect(a.choices.bureau).toBe(false)
    expect(a.choices.stations.map((s) => s.id)).toEqual([A])
    expect(a.choices.districts.map((d) => d.id).sort()).toEqual(['district-pastoral', 'district-town'])
    const text = JSON.stringify(a)
    for (const ofB of [B, 'bayanbolag', 'community-altan', 'community-olzii', 'officer-bb', '巴音宝力格', '高志远']) expect(text).not.toContain(ofB)
  })

  it('the bureau’s counts are the sum of its stations’; the distinct volunteers are counted once', () => {
    const [va, vb, vbureau] = [valuesOf(a), valuesOf(b), valuesOf(bureau)]
    for (const key of ADDITIVE) expect([key, vbureau[key]]).toEqual([key, (va[key] ?? 0) + (vb[key] ?? 0)])
    expect(bureau.requests.received).toBe(a.requests.received + b.requests.received)
    expect(bureau.requests).toMatchObject({ received: 3, onTimeRate: 1 / 3 })
    // Bureau-wide activities count for the bureau and in no station.
    expect(vbureau.volunteerHours).toBe((va.volunteerHours ?? 0) + (vb.volunteerHours ?? 0) + BUREAU_WIDE_HOURS)
    // vol-x served in both stations and the bureau's activity: one volunteer of the bureau, one of each station; vol-z only the bureau's.
    expect(vbureau.activeVolunteers).toBe(3)
  })

  it('the bureau leader compares every station, each row the station’s own figures', () => {
    expect(bureau.stations.map((s) => s.id)).toEqual([A, B, 'station-saiusu'])
    const row = (id: string) => bureau.stations.find((s) => s.id === id)!.values
    for (const [id, view] of [[A, a], [B, b]] as const) {
      const v = valuesOf(view)
      expect(row(id)).toEqual({
        requestsReceived: view.requests.received,
        requestsOnTimeRate: view.requests.onTimeRate,
        requestsMedianHoursToAnswer: view.requests.medianHoursToAnswer,
        disputes: v.disputes,
        settledRate: v.settledRate,
        bookingsMade: v.bookingsMade,
        bookingsServed: v.bookingsServed,
        homeVisits: v.homeVisits,
        noticesPublished: v.noticesPublished,
        volunteerHours: v.volunteerHours,
      })
    }
    expect(row('station-saiusu')).toMatchObject({ requestsReceived: 0, disputes: 0, bookingsMade: 0, requestsOnTimeRate: null })
    expect(bureau.choices.bureau).toBe(true)
    expect(bureau.choices.stations.map((s) => s.id)).toEqual([A, B, 'station-saiusu'])
    expect(bureau.canExport).toBe(true)
  })

  it('the bureau leader opens any station and its places with the same figures its leader sees', async () => {
    expect(valuesOf(expectOk(await dashboard(BUREAU_LEADER, { kind: 'station', id: B })))).toEqual(valuesOf(b))
    expect(valuesOf(expectOk(await dashboard(BUREAU_LEADER, { kind: 'community', id: 'community-altan' })))).toMatchObject({ disputes: 2, homeVisits: 1 })
  })
})

describe('across stations, refused with nothing of B revealed and nothing written', () => {
  const ofB: Array<[string, Record<string, unknown>]> = [
    ['B as a station', { kind: 'station', id: B }],
    ['a district of B', { kind: 'district', id: 'district-bayanbolag-town' }],
    ['a community of B', { kind: 'community', id: 'community-altan' }],
    ['an officer of B', { kind: 'officer', id: 'officer-bb-1' }],
    ['the bureau', { kind: 'bureau' }],
  ]
  it.each(ofB)('the leader of A asking for %s: PERMISSION_DENIED', async (_name, scope) => {
    cloud.resetWrites()
    const answer = await dashboard(LEADER_A, scope)
    expectError(answer, 'PERMISSION_DENIED')
    expect(JSON.stringify(answer)).not.toMatch(/bayanbolag|altan|巴音宝力格/)
    expectNothingHappened(cloud)
  })

  it('an officer of B sees their own figures, not A’s communities nor their own station as a whole', async () => {
    expect(valuesOf(expectOk(await dashboard(OFFICER_B, { kind: 'officer', id: 'officer-bb-1' })))).toMatchObject({ disputes: 2, homeVisits: 1 })
    expectError(await dashboard(OFFICER_B, { kind: 'community', id: 'gacha-bayanbulag' }), 'PERMISSION_DENIED')
    expectError(await dashboard(OFFICER_B, { kind: 'station', id: B }), 'PERMISSION_DENIED')
  })

  it('an unknown station is NOT_FOUND, for the bureau leader too', async () => {
    expectError(await dashboard(BUREAU_LEADER, { kind: 'station', id: 'station-nowhere' }), 'NOT_FOUND')
  })
})
