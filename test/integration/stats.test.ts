// The stats function against a small station whose every figure can be checked by hand (the data
// set below; its records carry no stationId, so they are the first station's, as before bureaus),
// before and after the rollup job; scope restrictions; bad input writes nothing.
import type { DashboardView } from '../../src/core/stats/contract'
import { addDays, dayStart, localDay } from '../../src/core/stats/period'
import { dayjs } from '../../src/core/time'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { repeatUntil } from '../support/poll'
import { testDatabase } from './booking-support'

const LEADER = 'demo-leader-1'
const OFFICER_1 = 'demo-officer-1' // officer-1 covers gacha-bayanbulag, gacha-ulaanhad and gacha-ulaanbulag
const RESIDENT = 'demo-resident-1'
const HOUR = 3_600_000

const today = localDay(dayjs())
const D1 = addDays(today, -10)
const D2 = addDays(today, -9)
/** 10:00 on the day (station time); today's records are stamped one second after midnight, so always in the past. */
const on = (day: string) => new Date(dayStart(day).getTime() + (day === today ? 1000 : 10 * HOUR))
const later = (at: Date, ms: number) => new Date(at.getTime() + ms)
const PERIOD = { from: D1, to: today }

const BAYAN = 'gacha-bayanbulag'
const CHAOGE = 'community-chaoge'

// ── The data set ─────────────────────────────────────────────────────────────────────────────
// Bookings: made = 5 (b1 b2 b5 on D1, b3 on D2, b4 today); served = 2 (b1 on D2, b4 today);
// no-shows = 1 (b2). b5 was cancelled, b3 is still booked.
// (seat and checkinKey: unique per booking in the collection's indexes.)
const booking = (id: string, made: string, slot: string, status: string) => ({ _id: id, createdAt: on(made), startsAt: on(slot), status, seat: `void:${id}`, checkinKey: `void:${id}` })
const bookings = [booking('b1', D1, D2, 'checked_in'), booking('b2', D1, D2, 'no_show'), booking('b3', D2, today, 'booked'), booking('b4', today, today, 'checked_in'), booking('b5', D1, D1, 'cancelled')]

// Door-to-door: 3 requests, 1 done; first answers after 2 h and 4 h (v3 unanswered): mean 3.0 h.
// officer-1: v1 and v3, 1 done, mean 2.0 h.
const visit = (id: string, day: string, communityId: string, officer: string, status: string, answeredAfter: number | null) => ({
  _id: id,
  createdAt: on(day),
  communityId,
  assigneeOfficerId: officer,
  status,
  respondedAt: answeredAfter === null ? null : later(on(day), answeredAfter),
})
const visits = [visit('v1', D1, BAYAN, 'officer-1', 'done', 2 * HOUR), visit('v2', D2, CHAOGE, 'officer-2', 'proposed', 4 * HOUR), visit('v3', today, BAYAN, 'officer-1', 'requested', null)]

// Disputes (k6 withdrawn: not counted): 5 filed; settled k1 (level 1, 3 days) and k2 (level 2,
// 10 days): settled rate 2/5 = 40 %, median days 6.5; level reached: 1 → k1 k4 k5, 2 → k2, 3 → k3;
// overdue 1 (k2); ratings 5, 4, 2: satisfaction 2/3; high-risk 1 (k3); accepted after 1, 3, 2
// and 6 h (k5 not yet): mean 3.0 h. Types: neighbour 2, livestock 1, family 1, debt 1.
// Bayanbulag: k1 k2 k5: settled 2/3, satisfaction 2/2. Chaoge: k3 k4: settled 0/2, satisfaction 0/1.
const dispute = (id: string, day: string, c: Partial<Record<string, unknown>> & { acceptedAfter?: number }) => {
  const createdAt = on(day)
  const { acceptedAfter, ...fields } = c
  return {
    _id: id,
    createdAt,
    status: 'closed',
    overdue: false,
    highRisk: false,
    rating: null,
    outcome: null,
    settledLevel: null,
    daysToSettle: null,
    level: 1,
    timeline: [{ kind: 'filed', level: 1, at: createdAt, by: 'resident' }, ...(acceptedAfter === undefined ? [] : [{ kind: 'accept', level: 1, at: later(createdAt, acceptedAfter), by: 'officer' }])],
    ...fields,
  }
}
const cases = [
  dispute('k1', D1, { communityId: BAYAN, officerId: 'officer-1', type: 'neighbour', outcome: 'settled', settledLevel: 1, daysToSettle: 3, rating: 5, acceptedAfter: 1 * HOUR }),
  dispute('k2', D1, { communityId: BAYAN, officerId: 'officer-1', type: 'livestock', level: 2, outcome: 'settled', settledLevel: 2, daysToSettle: 10, rating: 4, overdue: true, acceptedAfter: 3 * HOUR }),
  dispute('k3', D2, { communityId: CHAOGE, officerId: 'officer-2', type: 'family', level: 3, outcome: 'not_settled', rating: 2, highRisk: true, acceptedAfter: 2 * HOUR }),
  dispute('k4', D2, { communityId: CHAOGE, officerId: 'officer-2', type: 'neighbour', status: 'in_mediation', acceptedAfter: 6 * HOUR }),
  dispute('k5', today, { communityId: BAYAN, officerId: 'officer-1', type: 'debt', status: 'submitted' }),
  dispute('k6', D1, { communityId: BAYAN, officerId: 'officer-1', type: 'debt', status: 'withdrawn' }),
]

// Notices: 2 published (n3 is a draft). Members: Bayanbulag 4 residents (the demo's resident-1
// and s1–s3), Chaoge 1 (the demo's resident-2), topic herders 2 readers. n1 → Bayanbulag +
// herders: 6 members, 3 read, 2 messages sent (1 failed); n2 → Chaoge: 1 member, 1 read.
// Reach 4/7; messages delivered 2.
const notices = [
  { _id: 'n1', status: 'published', publishedAt: on(D1), targets: [BAYAN, 'topic-herders'] },
  { _id: 'n2', status: 'published', publishedAt: on(today), targets: [CHAOGE] },
  { _id: 'n3', status: 'draft', publishedAt: null, targets: [BAYAN] },
]
const receipts = ['s1', 's2', 'h1'].map((o) => ({ _id: `n1:${o}`, noticeId: 'n1', openid: o })).concat([{ _id: 'n2:demo-resident-2', noticeId: 'n2', openid: 'demo-resident-2' }])
const deliveries = [
  { _id: 'n1:h1', noticeId: 'n1', openid: 'h1', state: 'sent' },
  { _id: 'n1:h2', noticeId: 'n1', openid: 'h2', state: 'sent' },
  { _id: 'n1:s1', noticeId: 'n1', openid: 's1', state: 'failed' },
]
const residents = ['s1', 's2', 's3'].map((id) => ({ _id: id, roles: ['resident'], communityId: BAYAN }))
const readers = [
  { _id: 'h1', topics: ['topic-herders'] },
  { _id: 'h2', topics: ['topic-herders'] },
]

// Volunteers: a1 (D1) has 3 entries for 2 places, a2 (D2) 2 entries for 5 places: 4 placed
// (a3 was cancelled). Attended 3 of 4: 75 %. Minutes 90 + 120 + 60 = 4.5 h. Active: vol-a, vol-b.
const activities = [
  { _id: 'a1', startsAt: on(D1), status: 'open', capacity: 2, entries: [{ openid: 'vol-a' }, { openid: 'vol-b' }, { openid: 'vol-c' }] },
  { _id: 'a2', startsAt: on(D2), status: 'open', capacity: 5, entries: [{ openid: 'vol-a' }, { openid: 'vol-c' }] },
  { _id: 'a3', startsAt: on(D2), status: 'cancelled', capacity: 5, entries: [1, 2, 3, 4].map((i) => ({ openid: `vol-${i}` })) },
]
const attendance = [
  { _id: 'a1__vol-a', activityId: 'a1', openid: 'vol-a', startsAt: on(D1), checkedInAt: on(D1), minutes: 90 },
  { _id: 'a1__vol-b', activityId: 'a1', openid: 'vol-b', startsAt: on(D1), checkedInAt: on(D1), minutes: 120 },
  { _id: 'a2__vol-a', activityId: 'a2', openid: 'vol-a', startsAt: on(D2), checkedInAt: on(D2), minutes: 60 },
  { _id: 'a2__vol-c', activityId: 'a2', openid: 'vol-c', startsAt: on(D2), checkedInAt: null, minutes: null },
]

const EXPECTED_STATION = {
  bookingsMade: 5,
  bookingsServed: 2,
  noShows: 1,
  homeVisits: 3,
  homeVisitsDone: 1,
  disputes: 5,
  settledRate: 0.4,
  reachedLevel1: 3,
  reachedLevel2: 1,
  reachedLevel3: 1,
  medianDaysToSettle: 6.5,
  overdue: 1,
  satisfactionRate: 2 / 3,
  highRisk: 1,
  noticesPublished: 2,
  reachRate: 4 / 7,
  messagesDelivered: 2,
  volunteerHours: 4.5,
  activeVolunteers: 2,
  attendanceRate: 0.75,
  mediationAcceptHours: 3,
  homeVisitAcceptHours: 3,
}

let cloud: TestCloud
const STATS_COLLECTIONS = ['stats_rollups', 'stats_state']

/** The feature collections hold only the data set above (the demo's own records are removed). */
async function seedDataSet() {
  const { db, _ } = await testDatabase()
  for (const name of ['bookings', 'home_visits', 'mediation_cases', 'notices', 'notice_receipts', 'notice_deliveries', 'notice_readers', 'volunteer_activities', 'volunteer_attendance', ...STATS_COLLECTIONS]) {
    await db.collection(name).where({ _id: _.exists(true) }).remove()
  }
  await cloud.emulator.seed({
    bookings,
    home_visits: visits,
    mediation_cases: cases,
    notices,
    notice_receipts: receipts,
    notice_deliveries: deliveries,
    notice_readers: readers,
    users: residents,
    volunteer_activities: activities,
    volunteer_attendance: attendance,
  })
}

const dashboard = (openid: string, scope: Record<string, unknown>, period: Record<string, unknown> = PERIOD) => cloud.call<DashboardView>(openid, 'stats', { action: 'dashboard', period, scope })
const valuesOf = (view: DashboardView) => Object.fromEntries(view.figures.map((f) => [f.key, f.value]))
const runRollup = () => cloud.emulator.runTimer('stats', 'rollup') as Promise<{ ok: boolean; data: { through: string; days: number; written: number; refreshed: boolean } }>

async function storedRollups() {
  const { db } = await testDatabase()
  const all: Array<Record<string, unknown>> = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = (await db.collection('stats_rollups').orderBy('_id', 'asc').skip(skip).limit(1000).get()) as { data: Array<Record<string, unknown>> }
    all.push(...data)
    if (data.length < 1000) break
  }
  // computedAt says when; everything else must be identical.
  return all.map(({ computedAt: _at, ...rest }) => rest)
}

async function clearRollups() {
  const { db, _ } = await testDatabase()
  for (const name of STATS_COLLECTIONS) await db.collection(name).where({ _id: _.exists(true) }).remove()
}

beforeAll(async () => {
  cloud = await startTestCloud()
  await seedDataSet()
})
afterAll(() => cloud.stop())

describe('dashboard, before any rollup (everything aggregated live)', () => {
  it('answers every station figure as computed by hand', async () => {
    const view = expectOk(await dashboard(LEADER, { kind: 'station' }))
    const values = valuesOf(view)
    for (const [key, expected] of Object.entries(EXPECTED_STATION)) expect([key, values[key]]).toEqual([key, expect.closeTo(expected, 6)])
    expect(view.freshness).toEqual({ rollupThrough: null, rollupComputedAt: null, liveAt: expect.any(String) })
    expect(view.types).toEqual([
      { type: 'neighbour', cases: 2 },
      // Ties keep the order of the types' list.
      { type: 'family', cases: 1 },
      { type: 'debt', cases: 1 },
      { type: 'livestock', cases: 1 },
    ])
    expect(view.communities).toEqual([
      { id: BAYAN, cases: 3, settledRate: 2 / 3, satisfactionRate: 1 },
      { id: CHAOGE, cases: 2, settledRate: 0, satisfactionRate: 0 },
    ])
    expect(view.weeks.reduce((sum, w) => sum + w.disputes, 0)).toBe(5)
    expect(view.canExport).toBe(true)
  })

  it('answers an officer’s own figures, with station-only figures marked as not applying', async () => {
    const view = expectOk(await dashboard(OFFICER_1, { kind: 'officer', id: 'officer-1' }))
    expect(valuesOf(view)).toMatchObject({ disputes: 3, settledRate: 2 / 3, homeVisits: 2, homeVisitsDone: 1, homeVisitAcceptHours: 2, mediationAcceptHours: 2, bookingsMade: null, reachRate: null, activeVolunteers: null })
    expect(view.figures.find((f) => f.key === 'bookingsMade')!.applies).toBe(false)
    expect(view.canExport).toBe(false)
    // The rates chart of an officer's scope compares the communities they cover.
    expect(view.communities).toEqual([{ id: BAYAN, cases: 3, settledRate: 2 / 3, satisfactionRate: 1 }])
  })

  it('sums a district from its communities', async () => {
    const view = expectOk(await dashboard(LEADER, { kind: 'district', id: 'district-town' }))
    expect(valuesOf(view)).toMatchObject({ disputes: 2, settledRate: 0, satisfactionRate: 0, highRisk: 1, homeVisits: 1 })
  })
})

describe('rollup job', () => {
  let live: Record<string, unknown>
  let firstRun: Array<Record<string, unknown>>

  beforeAll(async () => {
    live = valuesOf(expectOk(await dashboard(LEADER, { kind: 'station' })))
  })

  it('rolls up every complete day; the dashboard then reads rollups plus today, with the same figures', async () => {
    const run = await runRollup()
    expect(run).toMatchObject({ ok: true, data: { through: addDays(today, -1), refreshed: true } })
    firstRun = await storedRollups()
    expect(firstRun.find((r) => r._id === `${D1}|station:station-chaogewendur`)).toMatchObject({ cases: 2, settled: 2, bookingsMade: 3, notices: 1, audience: 6, readers: 3, volunteerMinutes: 210, settleDays: [3, 10] })
    expect(firstRun.find((r) => r._id === `${D2}|community:${CHAOGE}`)).toMatchObject({ cases: 2, rated: 1, satisfied: 0, visits: 1 })

    const view = expectOk(await dashboard(LEADER, { kind: 'station' }))
    expect(valuesOf(view)).toEqual(live)
    expect(view.freshness).toEqual({ rollupThrough: addDays(today, -1), rollupComputedAt: expect.any(String), liveAt: expect.any(String) })
  })

  it('equals a from-scratch recomputation, and a second run changes nothing', async () => {
    await runRollup()
    expect(await storedRollups()).toEqual(firstRun)
    await clearRollups()
    await runRollup()
    expect(await storedRollups()).toEqual(firstRun)
  })

  it('two runs at once, from nothing, end with the same rollups', async () => {
    await clearRollups()
    const runs = await Promise.all([runRollup(), runRollup()])
    expect(runs.map((r) => r.ok)).toEqual([true, true])
    await runUntilCaughtUp()
    expect(await storedRollups()).toEqual(firstRun)
  })

  const yesterday = addDays(today, -1)
  async function rollupState() {
    const { db } = await testDatabase()
    const { data } = (await db.collection('stats_state').where({ _id: 'rollup' }).get()) as unknown as { data: Array<{ through: string | null; refreshedOn: string | null }> }
    return data[0] ?? null
  }
  const cursor = async () => (await rollupState())?.through ?? null
  /** Runs the job, as its timer would, until it has reached yesterday and refreshed today. */
  async function runUntilCaughtUp() {
    const caughtUp = async () => {
      const state = await rollupState()
      return state?.through === yesterday && state.refreshedOn === today
    }
    // The data set spans weeks, a run handles days in batches: a few runs suffice, 20 mean a run that makes no progress.
    await repeatUntil(runRollup, caughtUp, 'the rollup job catching up to yesterday', 20)
  }

  it('stops within a short time limit (or is cut off by it) short of yesterday; the next runs finish with the same rollups', async () => {
    await clearRollups()
    // A 300 ms time limit: the job's budget ends the run after a batch or two, or, on a busy
    // machine, the limit cuts the invocation off in the middle of a batch. Either way it resumes.
    cloud.emulator.faults.timeOutFunction({ function: 'stats', afterMs: 300 })
    const cut = await runRollup().catch((error: unknown) => ({ ok: false as const, error }))
    if (cut.ok) expect(cut.data.through < yesterday).toBe(true)
    expect((await cursor()) ?? '').not.toBe(yesterday)
    await runUntilCaughtUp()
    expect(await storedRollups()).toEqual(firstRun)
  })

  it('resumes after a run that failed mid-batch (a write lost) and ends with the same rollups', async () => {
    await clearRollups()
    // The 30th write to the rollups fails: the run ends in the middle of a batch.
    cloud.emulator.faults.failDatabaseRequest({ collection: 'stats_rollups', function: 'stats', nth: 30 })
    expect(await runRollup()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(cloud.emulator.faults.fired.database).toBe(1)
    expect(await cursor()).not.toBe(yesterday)
    await runUntilCaughtUp()
    expect(await storedRollups()).toEqual(firstRun)
  })
})

describe('who may see what', () => {
  it('an officer sees the communities they cover, not another officer’s or the station’s', async () => {
    expectOk(await dashboard(OFFICER_1, { kind: 'community', id: BAYAN }))
    expectError(await dashboard(OFFICER_1, { kind: 'community', id: CHAOGE }), 'PERMISSION_DENIED')
    expectError(await dashboard(OFFICER_1, { kind: 'officer', id: 'officer-2' }), 'PERMISSION_DENIED')
    expectError(await dashboard(OFFICER_1, { kind: 'station' }), 'PERMISSION_DENIED')
    expectError(await dashboard(OFFICER_1, { kind: 'district', id: 'district-pastoral' }), 'PERMISSION_DENIED')
  })

  it('an officer is offered only their own scopes', async () => {
    const view = expectOk(await dashboard(OFFICER_1, { kind: 'officer', id: 'officer-1' }))
    expect(view.choices.districts).toEqual([])
    expect(view.choices.communities.map((c) => c.id).sort()).toEqual(['gacha-bayanbulag', 'gacha-ulaanbulag', 'gacha-ulaanhad'])
    expect(view.choices.officers.map((o) => o.id)).toEqual(['officer-1'])
  })

  it('residents get no figures', async () => {
    expectError(await dashboard(RESIDENT, { kind: 'station' }), 'PERMISSION_DENIED')
  })

  it('a scope outside the jurisdiction is NOT_FOUND', async () => {
    expectError(await dashboard(LEADER, { kind: 'community', id: 'nowhere' }), 'NOT_FOUND')
  })
})

describe('bad input', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['a period ending before it starts', { action: 'dashboard', period: { from: D2, to: D1 }, scope: { kind: 'station' } }],
    ['a period ending after today', { action: 'dashboard', period: { from: D1, to: addDays(today, 1) }, scope: { kind: 'station' } }],
    ['a period longer than a year', { action: 'dashboard', period: { from: addDays(today, -400), to: today }, scope: { kind: 'station' } }],
    ['a date that is not a day', { action: 'dashboard', period: { from: '2026-13-01', to: today }, scope: { kind: 'station' } }],
    ['an unknown scope kind', { action: 'dashboard', period: PERIOD, scope: { kind: 'province' } }],
    ['a scope id that is an operator', { action: 'dashboard', period: PERIOD, scope: { kind: 'community', id: { $ne: null } } }],
    ['an unknown field', { action: 'dashboard', period: PERIOD, scope: { kind: 'station' }, extra: 1 }],
    ['no scope', { action: 'dashboard', period: PERIOD }],
  ]
  it.each(cases)('%s: INVALID_ARGUMENT, nothing written', async (_name, event) => {
    cloud.resetWrites()
    expectError(await cloud.call(LEADER, 'stats', event), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })
})
