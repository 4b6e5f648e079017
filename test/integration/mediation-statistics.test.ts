// Statistics through the database's aggregation pipeline, against a data set whose figures were
// computed by hand (below), per station, community, officer and dispute type.
import type { StatsFigures } from '../../src/core/mediation/statistics'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { LEADER, buildStoredCase } from './mediation-support'

let cloud: TestCloud
const march = (day: number) => new Date(`2025-03-${String(day).padStart(2, '0')}T02:00:00Z`)
const B = { communityId: 'community-chaoge', officerId: 'officer-2', officerIds: ['officer-2'] }
const closed = { status: 'closed' as const, open: false }

beforeAll(async () => {
  cloud = await startTestCloud()
  await cloud.emulator.seed({
    mediation_cases: [
      buildStoredCase('s1', { ...closed, createdAt: march(1), type: 'neighbour', outcome: 'settled', settledLevel: 1, daysToSettle: 2, rating: 5 }),
      buildStoredCase('s2', { ...closed, createdAt: march(2), type: 'family', outcome: 'settled', settledLevel: 1, daysToSettle: 4, rating: 4 }),
      buildStoredCase('s3', { ...closed, createdAt: march(3), type: 'neighbour', outcome: 'settled', settledLevel: 2, level: 2, daysToSettle: 10, overdue: true, rating: 2 }),
      buildStoredCase('s4', { ...closed, ...B, createdAt: march(4), type: 'debt', outcome: 'not_settled', level: 3, overdue: true, highRisk: true, rating: 3 }),
      buildStoredCase('s5', { ...B, createdAt: march(5), type: 'debt', status: 'in_mediation', highRisk: true }),
      buildStoredCase('s6', { ...B, createdAt: march(6), type: 'debt', status: 'withdrawn', open: false }),
      buildStoredCase('s7', { ...closed, ...B, createdAt: march(31), type: 'livestock', outcome: 'settled', settledLevel: 3, level: 3, daysToSettle: 30 }),
      // Filed after the period: not counted.
      buildStoredCase('s8', { ...closed, createdAt: new Date('2025-04-01T00:00:00Z'), outcome: 'settled', settledLevel: 1, daysToSettle: 1, rating: 5 }),
    ],
  })
})
afterAll(() => cloud.stop())

const statistics = async (dimension: string) =>
  expectOk(await cloud.call<{ rows: StatsFigures[] }>(LEADER, 'mediation', { action: 'statistics', from: '2025-03-01T00:00:00+08:00', to: '2025-04-01T00:00:00Z', dimension })).rows

describe('statistics for March 2025', () => {
  it('gives the station’s figures: withdrawn and later cases left out', async () => {
    // 6 cases (s1–s5, s7); settled s1 s2 s3 s7 = 4 → 4/6; levels 2,1,1; median of 2,4,10,30 = 7;
    // overdue s3 s4; ratings 5,4,2,3 → 2 of 4 satisfied; high-risk s4 s5.
    expect(await statistics('station')).toEqual([
      { key: null, cases: 6, settled: 4, settledRate: 4 / 6, settledAtLevel: [2, 1, 1], medianDaysToSettle: 7, overdue: 2, rated: 4, satisfactionRate: 0.5, highRisk: 2 },
    ])
  })

  it('splits by community and by officer', async () => {
    const a = { cases: 3, settled: 3, settledRate: 1, settledAtLevel: [2, 1, 0], medianDaysToSettle: 4, overdue: 1, rated: 3, satisfactionRate: 2 / 3, highRisk: 0 }
    const b = { cases: 3, settled: 1, settledRate: 1 / 3, settledAtLevel: [0, 0, 1], medianDaysToSettle: 30, overdue: 1, rated: 1, satisfactionRate: 0, highRisk: 2 }
    const byKey = (rows: StatsFigures[]) => Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]))
    expect(byKey(await statistics('community'))).toEqual({ 'gacha-bayanbulag': a, 'community-chaoge': b })
    expect(byKey(await statistics('officer'))).toEqual({ 'officer-1': a, 'officer-2': b })
  })

  it('splits by dispute type', async () => {
    const rows = await statistics('type')
    expect(Object.fromEntries(rows.map((r) => [r.key, [r.cases, r.settled]]))).toEqual({ neighbour: [2, 2], family: [1, 1], debt: [2, 0], livestock: [1, 1] })
  })

  it('answers an empty period with no rows', async () => {
    expect(expectOk(await cloud.call<{ rows: unknown[] }>(LEADER, 'mediation', { action: 'statistics', from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' })).rows).toEqual([])
  })
})
