// The dashboard's pure rules: periods and their split between rollups and live days, scope
// permissions, folding pipeline rows into counts, the figures derived from counts, and CSV.
import { addCounts, csvValue, defaultScope, emptyCounts, figureValues, foldRows, mayView, Period, presetPeriod, requestFiguresOf, rollupKeysOf, splitPeriod, sumCounts, toCsv, typeBreakdown, weekOf, type SourceRows, type Viewer } from '../../src/core/stats'

const noRows = (): SourceRows => ({ bookingsMade: [], bookingsSlots: [], visits: [], cases: [], notices: [], attendance: [], activities: [], members: [], requests: [] })
/** The instant the unit tests count at: 2026-11-03 10:00 station time. */
const NOW = new Date('2026-11-03T02:00:00Z')
const HOUR = 3_600_000
const requestRow = (over: Partial<SourceRows['requests'][number]>): SourceRows['requests'][number] => ({
  day: '2026-11-02', kind: 'consultation', status: 'submitted', c: 'c1', o: 'o1', createdAt: new Date('2026-11-02T02:00:00Z'), answerBy: new Date('2026-11-05T16:00:00Z'), firstAnsweredAt: null, answeredOnTime: null, reopenCount: 0, rating: null, ...over,
})
const caseRow = (over: Partial<SourceRows['cases'][number]> & { _id: SourceRows['cases'][number]['_id'] }): SourceRows['cases'][number] => ({
  cases: 1, settled: 0, settledL1: 0, settledL2: 0, settledL3: 0, reachedL1: 1, reachedL2: 0, reachedL3: 0, overdue: 0, highRisk: 0, rated: 0, satisfied: 0, settleDays: [], acceptMs: 0, accepted: 0, ...over,
})

describe('Period', () => {
  it('accepts whole days from ≤ to within a year', () => {
    expect(Period.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true)
  })
  it('refuses a period that ends before it starts, is longer than 366 days, or names no real day', () => {
    expect(Period.safeParse({ from: '2026-05-02', to: '2026-05-01' }).success).toBe(false)
    expect(Period.safeParse({ from: '2025-01-01', to: '2026-01-02' }).success).toBe(false)
    expect(Period.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false)
  })
  it('offers presets ending today; weeks start on Monday', () => {
    expect(presetPeriod('week', '2026-11-26')).toEqual({ from: '2026-11-23', to: '2026-11-26' })
    expect(presetPeriod('month', '2026-11-26')).toEqual({ from: '2026-11-01', to: '2026-11-26' })
    expect(presetPeriod('last30', '2026-11-26')).toEqual({ from: '2026-10-28', to: '2026-11-26' })
    expect(presetPeriod('year', '2026-11-26')).toEqual({ from: '2026-01-01', to: '2026-11-26' })
    expect(weekOf('2026-11-29')).toBe('2026-11-23')
  })
})

describe('splitPeriod', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' }
  it('reads rolled-up days from rollups and the rest live', () => {
    expect(splitPeriod(period, '2026-11-29')).toEqual({ rolled: { from: '2026-11-01', to: '2026-11-29' }, live: { from: '2026-11-30', to: '2026-11-30' } })
  })
  it('is all live before the first rollup, all rollups for a past period', () => {
    expect(splitPeriod(period, null)).toEqual({ rolled: null, live: period })
    expect(splitPeriod(period, '2026-10-31')).toEqual({ rolled: null, live: period })
    expect(splitPeriod(period, '2026-12-05')).toEqual({ rolled: period, live: null })
  })
})

describe('scopes', () => {
  const map = { communities: [{ id: 'c1', districtId: 'd1' }, { id: 'c2', districtId: 'd1' }, { id: 'c3', districtId: 'd2' }] }
  it('a district is the sum of its communities', () => {
    expect(rollupKeysOf({ kind: 'district', id: 'd1' }, map)).toEqual(['community:c1', 'community:c2'])
    expect(rollupKeysOf({ kind: 'officer', id: 'o1' }, map)).toEqual(['officer:o1'])
  })
  const officer: Viewer = { roles: ['resident', 'officer'], officerId: 'o1', coveredCommunityIds: ['c1'] }
  const leader: Viewer = { roles: ['resident', 'station_leader'], officerId: 'o9', coveredCommunityIds: [] }
  it('an officer sees their own figures and their covered communities only', () => {
    expect(mayView(officer, { kind: 'officer', id: 'o1' })).toBe(true)
    expect(mayView(officer, { kind: 'community', id: 'c1' })).toBe(true)
    expect(mayView(officer, { kind: 'community', id: 'c2' })).toBe(false)
    expect(mayView(officer, { kind: 'officer', id: 'o2' })).toBe(false)
    expect(mayView(officer, { kind: 'station' })).toBe(false)
    expect(mayView(officer, { kind: 'district', id: 'd1' })).toBe(false)
  })
  it('a leader sees every scope', () => {
    expect(mayView(leader, { kind: 'station' })).toBe(true)
    expect(mayView(leader, { kind: 'officer', id: 'o1' })).toBe(true)
  })
  it('starts leaders on the station, officers on their own figures, others nowhere', () => {
    expect(defaultScope(leader)).toEqual({ kind: 'station' })
    expect(defaultScope(officer)).toEqual({ kind: 'officer', id: 'o1' })
    expect(defaultScope({ roles: ['resident', 'officer'], officerId: null, coveredCommunityIds: [] })).toBeNull()
  })
})

describe('foldRows', () => {
  it('counts a case under the station, its community and its officer, and by type', () => {
    const rows = noRows()
    rows.cases.push(caseRow({ _id: { day: '2026-11-02', c: 'c1', o: 'o1', t: 'debt' }, cases: 2, settled: 1, settledL1: 1, settleDays: [3, null], rated: 1, satisfied: 1 }))
    rows.cases.push(caseRow({ _id: { day: '2026-11-02', c: null, o: 'o2', t: 'family' } }))
    const day = foldRows(rows, NOW).get('2026-11-02')!
    expect(day.get('station')).toMatchObject({ cases: 3, settled: 1, type_debt: 2, type_family: 1, settleDays: [3] })
    expect(day.get('community:c1')).toMatchObject({ cases: 2, settled: 1 })
    expect(day.get('officer:o2')).toMatchObject({ cases: 1, settled: 0 })
    expect(day.has('community:null')).toBe(false)
  })
  it('takes a notice audience from its groups’ members', () => {
    const rows = noRows()
    rows.members.push({ _id: 'c1', n: 40 }, { _id: 'topic-herders', n: 10 })
    rows.notices.push({ day: '2026-11-02', targets: ['c1', 'topic-herders'], readers: 25, delivered: 3 }, { day: '2026-11-02', targets: ['c9'], readers: 0, delivered: 0 })
    expect(foldRows(rows, NOW).get('2026-11-02')!.get('station')).toMatchObject({ notices: 2, audience: 50, readers: 25, delivered: 3 })
  })
})

describe('foldRows of requests', () => {
  // r1 answered after 2 h on time, rated 4; r2 answered after 30 h late, reopened, rated 2 (an
  // anonymous tip-off: its row is like any other); r3 unanswered and past its deadline at NOW;
  // r4 unanswered, not due yet. Station: received 4, on time 1 ÷ (2 answered + 1 late) = 1/3,
  // median of 120 and 1800 minutes = 960 min = 16 h, reopened 1, mean rating 3 of 2 ratings.
  const created = new Date('2026-11-02T02:00:00Z')
  const rows = noRows()
  rows.requests.push(
    requestRow({ status: 'rated', firstAnsweredAt: new Date(created.getTime() + 2 * HOUR), answeredOnTime: true, rating: 4 }),
    requestRow({ kind: 'tip_off', status: 'rated', c: 'c2', o: 'o2', firstAnsweredAt: new Date(created.getTime() + 30 * HOUR), answeredOnTime: false, reopenCount: 1, rating: 2 }),
    requestRow({ kind: 'fraud_report', o: null, answerBy: new Date('2026-11-03T01:00:00Z') }),
    requestRow({}),
  )
  const day = foldRows(rows, NOW).get('2026-11-02')!

  it('counts each request under the station, its community and its officer, as the desk defines the figures', () => {
    expect(requestFiguresOf(day.get('station')!)).toEqual({
      received: 4, onTimeRate: 1 / 3, medianHoursToAnswer: 16, reopened: 1, meanRating: 3, ratings: 2,
      byKind: [{ kind: 'consultation', received: 2 }, { kind: 'tip_off', received: 1 }, { kind: 'fraud_report', received: 1 }],
    })
    expect(requestFiguresOf(day.get('officer:o1')!)).toMatchObject({ received: 2, onTimeRate: 1, medianHoursToAnswer: 2, meanRating: 4 })
    expect(requestFiguresOf(day.get('community:c1')!)).toMatchObject({ received: 3, onTimeRate: 0.5 })
    expect(day.has('officer:null')).toBe(false)
  })
  it('sums days, keeping the answer minutes the median needs', () => {
    const total = sumCounts([day.get('officer:o1')!, day.get('officer:o2')!])
    expect(total.answerMinutes).toEqual([120, 1800])
    expect(requestFiguresOf(total).medianHoursToAnswer).toBe(16)
  })
})

describe('figureValues', () => {
  const counts = addCounts(emptyCounts(), {
    cases: 4, settled: 3, settledL1: 2, settledL2: 1, settleDays: [2, 10, 4], rated: 4, satisfied: 3, caseAcceptMs: 3 * 3_600_000, caseAccepted: 2,
    bookingsMade: 10, bookingsServed: 7, noShows: 1, notices: 2, audience: 50, readers: 20, volunteerMinutes: 150, placed: 8, attended: 6, type_debt: 3, type_family: 1,
  })
  it('derives rates, the median and means from the counts', () => {
    const v = figureValues(counts, 'station', 5)
    expect(v).toMatchObject({ disputes: 4, settledRate: 0.75, satisfactionRate: 0.75, medianDaysToSettle: 4, mediationAcceptHours: 1.5, reachRate: 0.4, volunteerHours: 2.5, attendanceRate: 0.75, activeVolunteers: 5, bookingsServed: 7 })
  })
  it('answers null without anything to divide by, and for station-only figures of a community', () => {
    expect(figureValues(emptyCounts(), 'station', 0)).toMatchObject({ settledRate: null, satisfactionRate: null, medianDaysToSettle: null, homeVisitAcceptHours: null, disputes: 0 })
    expect(figureValues(counts, 'community', 5)).toMatchObject({ bookingsMade: null, reachRate: null, activeVolunteers: null, disputes: 4 })
  })
  it('sums days, keeping the values the median needs', () => {
    const total = sumCounts([{ ...emptyCounts(), cases: 1, settleDays: [1] }, { ...emptyCounts(), cases: 2, settleDays: [5, 9] }])
    expect(figureValues(total, 'station', 0).medianDaysToSettle).toBe(5)
    expect(typeBreakdown(counts)).toEqual([{ type: 'debt', cases: 3 }, { type: 'family', cases: 1 }])
  })
})

describe('CSV', () => {
  it('quotes what needs quoting, defuses formulas, ends lines with CRLF after a BOM', () => {
    const csv = toCsv(['figure', 'value'], [['a, "b"', 1], ['=cmd', null], ['rate', csvValue(0.756, 'rate')]])
    expect(csv).toBe('\uFEFFfigure,value\r\n"a, ""b""",1\r\n\'=cmd,\r\nrate,75.6\r\n')
  })
})
