// The requests desk's figures (群众诉求) on the station dashboard, through the real SDK against the
// emulator: a small set of requests written out below, the figures computed by hand, at station,
// officer and community level, before and after the rollup job; an anonymous tip-off filed through
// the real `submit` today counts live and leaves no trace of its filer in the figures; rollups of
// an older shape are read as not rolled up and rolled up again.
import type { DashboardView } from '../../src/core/stats/contract'
import { addDays, dayStart, localDay } from '../../src/core/stats/period'
import { dayjs } from '../../src/core/time'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { testDatabase } from './booking-support'
import { buildTipOff, RESIDENT } from './requests-support'

const LEADER = 'demo-leader-1'
const OFFICER_1 = 'demo-officer-1'
const HOUR = 3_600_000

const today = localDay(dayjs())
const D1 = addDays(today, -10)
const D2 = addDays(today, -9)
/** 10:00 on the day, station time. */
const on = (day: string) => new Date(dayStart(day).getTime() + 10 * HOUR)
const later = (at: Date, ms: number) => new Date(at.getTime() + ms)
const PERIOD = { from: D1, to: today }

const BAYAN = 'gacha-bayanbulag'
const CHAOGE = 'community-chaoge'

// ── The data set ─────────────────────────────────────────────────────────────────────────────
// Only the fields the figures read, plus the filer's, to show they never reach the figures.
//   q1 consultation, Bayanbulag, officer-1, D1: answered after 2 h (120 min), on time; rated 5.
//   q2 help, Bayanbulag, officer-1, D1: answered after 50 h (3000 min), late; reopened once; closed unrated.
//   q3 tip-off (anonymous), Chaoge, officer-2, D2: answered after 20 h (1200 min), on time; rated 2.
//   q4 complaint about an officer, Chaoge, with the leadership (no officer), D2: unanswered, due
//      five days later (four days ago): late.
//   q5 consultation, Bayanbulag, officer-1, D2: withdrawn, never the desk's to answer: not counted.
//   today: an anonymous tip-off filed by RESIDENT through `submit` (routed to Bayanbulag,
//      officer-1): received, unanswered, not due for 15 working days.
const request = (id: string, day: string, fields: Record<string, unknown> & { answeredAfter?: number }) => {
  const createdAt = on(day)
  const { answeredAfter, ...rest } = fields
  return {
    _id: id,
    anonymous: false,
    filerOpenid: 'demo-resident-2',
    filer: { name: '张桂兰', phone: null },
    followKey: null,
    status: 'answered',
    createdAt,
    answerBy: later(createdAt, 3 * 24 * HOUR),
    firstAnsweredAt: answeredAfter === undefined ? null : later(createdAt, answeredAfter),
    answeredOnTime: null,
    reopenCount: 0,
    rating: null,
    ...rest,
  }
}
const requests = [
  request('q1', D1, { kind: 'consultation', communityId: BAYAN, officerId: 'officer-1', status: 'rated', answeredAfter: 2 * HOUR, answeredOnTime: true, rating: 5 }),
  request('q2', D1, { kind: 'help', communityId: BAYAN, officerId: 'officer-1', status: 'closed', answeredAfter: 50 * HOUR, answeredOnTime: false, reopenCount: 1, answerBy: later(on(D1), 24 * HOUR) }),
  request('q3', D2, { kind: 'tip_off', anonymous: true, filerOpenid: null, filer: null, followKey: 'keyed-digest', communityId: CHAOGE, officerId: 'officer-2', status: 'rated', answeredAfter: 20 * HOUR, answeredOnTime: true, rating: 2 }),
  request('q4', D2, { kind: 'complaint', communityId: CHAOGE, officerId: null, status: 'accepted', answerBy: later(on(D2), 5 * 24 * HOUR) }),
  request('q5', D2, { kind: 'consultation', communityId: BAYAN, officerId: 'officer-1', status: 'withdrawn' }),
]

// Station: received 5 (q1–q4 and today's); answered 3, on time 2 (q1, q3), late unanswered 1 (q4):
// on time 2/4 = 50 %; median of 120, 1200, 3000 min = 1200 min = 20 h; reopened 1 (q2); ratings
// 5 and 2: mean 3.5 of 2. By kind: tip-off 2, then consultation, help, complaint 1 each.
const EXPECTED_STATION = {
  received: 5,
  onTimeRate: 0.5,
  medianHoursToAnswer: 20,
  reopened: 1,
  meanRating: 3.5,
  ratings: 2,
  byKind: [
    { kind: 'tip_off', received: 2 },
    { kind: 'consultation', received: 1 },
    { kind: 'help', received: 1 },
    { kind: 'complaint', received: 1 },
  ],
}
// officer-1: q1, q2, today's: received 3; answered 2, on time 1, none late unanswered (today's is
// not due): 1/2 = 50 %; median of 120 and 3000 min = 1560 min = 26 h; reopened 1; mean rating 5 of 1.
const EXPECTED_OFFICER_1 = { received: 3, onTimeRate: 0.5, medianHoursToAnswer: 26, reopened: 1, meanRating: 5, ratings: 1 }
// Chaoge: q3, q4: received 2; on time 1 of (1 answered + 1 late) = 50 %; 20 h; mean rating 2.
const EXPECTED_CHAOGE = { received: 2, onTimeRate: 0.5, medianHoursToAnswer: 20, reopened: 0, meanRating: 2, ratings: 1 }

let cloud: TestCloud
let tipOffId: string

const dashboard = (openid: string, scope: Record<string, unknown>) => cloud.call<DashboardView>(openid, 'stats', { action: 'dashboard', period: PERIOD, scope })
const requestFigures = async (openid: string, scope: Record<string, unknown>) => {
  const { freshness: _freshness, ...figures } = expectOk(await dashboard(openid, scope)).requests
  return figures
}
const runRollup = () => cloud.emulator.runTimer('stats', 'rollup') as Promise<{ ok: boolean; data: { through: string } }>

async function storedRollups() {
  const { db } = await testDatabase()
  const { data } = (await db.collection('stats_rollups').where({ day: db.command.gte(D1) }).limit(1000).get()) as { data: Array<Record<string, unknown>> }
  return data
}

beforeAll(async () => {
  cloud = await startTestCloud()
  const { db, _ } = await testDatabase()
  for (const name of ['requests', 'stats_rollups', 'stats_state']) await db.collection(name).where({ _id: _.exists(true) }).remove()
  await cloud.emulator.seed({ requests })
  const filed = expectOk(await cloud.call<{ id: string }>(RESIDENT, 'requests', buildTipOff()))
  tipOffId = filed.id
})
afterAll(() => cloud.stop())

describe('request figures, before any rollup (everything aggregated live)', () => {
  it('answers the station’s figures as computed by hand, today’s anonymous tip-off included', async () => {
    expect(await requestFigures(LEADER, { kind: 'station' })).toEqual(EXPECTED_STATION)
  })

  it('answers an officer’s own figures (the officer asking) and a community’s', async () => {
    expect(await requestFigures(OFFICER_1, { kind: 'officer', id: 'officer-1' })).toMatchObject(EXPECTED_OFFICER_1)
    expect(await requestFigures(LEADER, { kind: 'community', id: CHAOGE })).toMatchObject(EXPECTED_CHAOGE)
  })

  it('says the figures were counted live', async () => {
    const view = expectOk(await dashboard(LEADER, { kind: 'station' }))
    expect(view.requests.freshness).toEqual({ rollupThrough: null, rollupComputedAt: null, liveAt: expect.any(String) })
  })
})

describe('request figures after the rollup job', () => {
  beforeAll(async () => {
    expect(await runRollup()).toMatchObject({ ok: true, data: { through: addDays(today, -1) } })
  })

  it('keeps additive counts and the answer minutes per day and key', async () => {
    const rollups = await storedRollups()
    expect(rollups.find((r) => r._id === `${D1}|officer:officer-1`)).toMatchObject({ requests: 2, requestsAnswered: 2, requestsAnsweredOnTime: 1, requestsReopened: 1, requestsRated: 1, requestsRatingSum: 5, answerMinutes: [120, 3000] })
    expect(rollups.find((r) => r._id === `${D2}|station:station-chaogewendur`)).toMatchObject({ requests: 2, requestsLateUnanswered: 1, requestKind_tip_off: 1, requestKind_complaint: 1, answerMinutes: [1200] })
  })

  it('answers the same figures from rollups plus today, at station, officer and community level', async () => {
    const view = expectOk(await dashboard(LEADER, { kind: 'station' }))
    expect(view.requests.freshness).toEqual({ rollupThrough: addDays(today, -1), rollupComputedAt: expect.any(String), liveAt: expect.any(String) })
    expect(await requestFigures(LEADER, { kind: 'station' })).toEqual(EXPECTED_STATION)
    expect(await requestFigures(OFFICER_1, { kind: 'officer', id: 'officer-1' })).toMatchObject(EXPECTED_OFFICER_1)
    expect(await requestFigures(LEADER, { kind: 'community', id: CHAOGE })).toMatchObject(EXPECTED_CHAOGE)
  })

  it('nothing in the rollups or the figures names a filer or a request', async () => {
    const stored = JSON.stringify(await storedRollups())
    const answered = JSON.stringify(expectOk(await dashboard(LEADER, { kind: 'station' })))
    for (const text of [stored, answered]) {
      for (const trace of [RESIDENT, 'demo-resident-2', '张桂兰', 'keyed-digest', tipOffId, 'q3']) expect(text).not.toContain(trace)
    }
  })
})

describe('rollups of an older shape (before the requests desk’s counts)', () => {
  it('are read as not rolled up until the job has rolled the days up again', async () => {
    const { db } = await testDatabase()
    // The state as the job wrote it before the counts had a version: it said everything up to yesterday.
    await db.collection('stats_state').doc('rollup').set({ data: { through: addDays(today, -1), refreshedOn: today, updatedAt: new Date() } })
    const stale = expectOk(await dashboard(LEADER, { kind: 'station' }))
    expect(stale.requests.freshness.rollupThrough).toBeNull()
    expect(await requestFigures(LEADER, { kind: 'station' })).toEqual(EXPECTED_STATION)

    for (let run = 0; run < 20; run++) {
      const result = await runRollup()
      if (result.ok && result.data.through === addDays(today, -1)) break
    }
    const { data } = (await db.collection('stats_state').where({ _id: 'rollup' }).get()) as { data: Array<Record<string, unknown>> }
    expect(data[0]).toMatchObject({ through: addDays(today, -1), countsVersion: 3 }) // ROLLUP_COUNTS_VERSION in cloudfunctions/stats/store.ts
    expect(expectOk(await dashboard(LEADER, { kind: 'station' })).requests.freshness.rollupThrough).toBe(addDays(today, -1))
    expect(await requestFigures(LEADER, { kind: 'station' })).toEqual(EXPECTED_STATION)
  })
})
