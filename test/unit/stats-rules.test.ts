// The dashboard's pure rules: periods and their split between rollups and live days, scope
// permissions, folding pipeline rows into counts, the figures derived from counts, and CSV.
import { addCounts, comparisonValues, csvValue, defaultScope, resolveScope, emptyCounts, figureValues, foldRows, mayView, Period, presetPeriod, requestFiguresOf, rollupKeysOf, splitPeriod, sumCounts, targetedGroups, toCsv, typeBreakdown, weekOf, type SourceRows, type Viewer } from '../../src/core/stats'

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
  it('the bureau and a station are their own keys; a station scope is read with its id', () => {
    expect(rollupKeysOf({ kind: 'bureau' }, map)).toEqual(['bureau'])
    expect(rollupKeysOf({ kind: 'station', id: 's2' }, map)).toEqual(['station:s2'])
    expect(() => rollupKeysOf({ kind: 'station' }, map)).toThrow()
  })
  const officer: Viewer = { roles: ['resident', 'officer'], officerId: 'o1', stationId: 's1', coveredCommunityIds: ['c1'] }
  const leader: Viewer = { roles: ['resident', 'station_leader'], officerId: 'o9', stationId: 's1', coveredCommunityIds: [] }
  const bureauLeader: Viewer = { roles: ['resident', 'officer', 'bureau_leader'], officerId: 'b1', stationId: 's1', coveredCommunityIds: [] }
  it('an officer sees their own figures and their covered communities only', () => {
    expect(mayView(officer, { kind: 'officer', id: 'o1' }, 's1')).toBe(true)
    expect(mayView(officer, { kind: 'community', id: 'c1' }, 's1')).toBe(true)
    expect(mayView(officer, { kind: 'community', id: 'c2' }, 's1')).toBe(false)
    expect(mayView(officer, { kind: 'officer', id: 'o2' }, 's1')).toBe(false)
    expect(mayView(officer, { kind: 'station', id: 's1' }, 's1')).toBe(false)
    expect(mayView(officer, { kind: 'district', id: 'd1' }, 's1')).toBe(false)
    expect(mayView(officer, { kind: 'bureau' }, null)).toBe(false)
  })
  it('a station leader sees every scope of their own station and nothing of another or of the bureau', () => {
    expect(mayView(leader, { kind: 'station', id: 's1' }, 's1')).toBe(true)
    expect(mayView(leader, { kind: 'officer', id: 'o1' }, 's1')).toBe(true)
    expect(mayView(leader, { kind: 'station', id: 's2' }, 's2')).toBe(false)
    expect(mayView(leader, { kind: 'community', id: 'c7' }, 's2')).toBe(false)
    expect(mayView(leader, { kind: 'officer', id: 'o7' }, 's2')).toBe(false)
    expect(mayView(leader, { kind: 'bureau' }, null)).toBe(false)
  })
  it('a bureau leader sees the bureau and every station', () => {
    expect(mayView(bureauLeader, { kind: 'bureau' }, null)).toBe(true)
    expect(mayView(bureauLeader, { kind: 'station', id: 's2' }, 's2')).toBe(true)
    expect(mayView(bureauLeader, { kind: 'community', id: 'c7' }, 's2')).toBe(true)
  })
  it('a station scope without an id is the viewer’s own station', () => {
    expect(resolveScope({ kind: 'station' }, leader)).toEqual({ kind: 'station', id: 's1' })
    expect(resolveScope({ kind: 'station', id: 's2' }, leader)).toEqual({ kind: 'station', id: 's2' })
  })
  it('starts bureau leaders on the bureau, station leaders on the station, officers on their own figures, others nowhere', () => {
    expect(defaultScope(bureauLeader)).toEqual({ kind: 'bureau' })
    expect(defaultScope(leader)).toEqual({ kind: 'station' })
    expect(defaultScope(officer)).toEqual({ kind: 'officer', id: 'o1' })
    expect(defaultScope({ roles: ['resident', 'officer'], officerId: null })).toBeNull()
  })
})

describe('foldRows', () => {
  it('counts a case under the bureau, its station, its community and its officer, and by type', () => {
    const rows = noRows()
    rows.cases.push(caseRow({ _id: { day: '2026-11-02', s: 's1', c: 'c1', o: 'o1', t: 'debt' }, cases: 2, settled: 1, settledL1: 1, settleDays: [3, null], rated: 1, satisfied: 1 }))
    rows.cases.push(caseRow({ _id: { day: '2026-11-02', s: 's2', c: null, o: 'o2', t: 'family' } }))
    const day = foldRows(rows, NOW, 's1').get('2026-11-02')!
    expect(day.get('bureau')).toMatchObject({ cases: 3, settled: 1, type_debt: 2, type_family: 1, settleDays: [3] })
    expect(day.get('station:s1')).toMatchObject({ cases: 2, settled: 1, settleDays: [3] })
    expect(day.get('station:s2')).toMatchObject({ cases: 1, settled: 0, settleDays: [] })
    expect(day.get('community:c1')).toMatchObject({ cases: 2, settled: 1 })
    expect(day.get('officer:o2')).toMatchObject({ cases: 1, settled: 0 })
    expect(day.has('community:null')).toBe(false)
  })
  it('takes a notice audience from its groups’ members', () => {
    const rows = noRows()
    rows.members.push({ _id: 'c1', n: 40 }, { _id: 'topic-herders', n: 10 })
    rows.notices.push({ day: '2026-11-02', s: 's1', targets: ['c1', 'topic-herders'], readers: 25, delivered: 3 }, { day: '2026-11-02', s: 's1', targets: ['c9'], readers: 0, delivered: 0 })
    expect(foldRows(rows, NOW, 's1').get('2026-11-02')!.get('station:s1')).toMatchObject({ notices: 2, audience: 50, readers: 25, delivered: 3 })
  })
  it('gives notices the same audience from their targeted groups’ members alone as from every group’s', () => {
    const notices: SourceRows['notices'] = [
      { day: '2026-11-02', s: 's1', targets: ['c1', 'topic-herders'], readers: 25, delivered: 3 },
      { day: '2026-11-02', s: 's2', targets: ['c1', 'c7'], readers: 2, delivered: 0 },
      { day: '2026-11-03', s: 's2', targets: ['c9'], readers: 0, delivered: 0 },
    ]
    const everyGroup = [{ _id: 'c1', n: 40 }, { _id: 'c2', n: 7 }, { _id: 'c7', n: 12 }, { _id: 'topic-herders', n: 10 }, { _id: 'topic-antifraud', n: 99 }]
    const groups = targetedGroups(notices)
    expect(groups).toEqual(['c1', 'c7', 'c9', 'topic-herders'])
    const fold = (members: SourceRows['members']) => foldRows({ ...noRows(), notices, members }, NOW, 's1')
    const targetedOnly = fold(everyGroup.filter((m) => groups.includes(m._id!)))
    expect(targetedOnly).toEqual(fold(everyGroup))
    expect(targetedOnly.get('2026-11-02')!.get('bureau')).toMatchObject({ notices: 2, audience: 102 })
    expect(targetedGroups([])).toEqual([])
  })
  it('counts a notice of the bureau’s staff (its stationId the bureau’s id) for the bureau alone', () => {
    const rows = noRows()
    rows.notices.push({ day: '2026-11-02', s: 'bureau-1', targets: ['topic-antifraud'], readers: 4, delivered: 1 }, { day: '2026-11-02', s: 's2', targets: ['c9'], readers: 1, delivered: 0 })
    const day = foldRows(rows, NOW, 's1', 'bureau-1').get('2026-11-02')!
    expect(day.get('bureau')).toMatchObject({ notices: 2, readers: 5 })
    expect(day.get('station:s2')).toMatchObject({ notices: 1, readers: 1 })
    expect(day.has('station:bureau-1')).toBe(false)
    expect(day.has('station:s1')).toBe(false)
  })
  it('counts a record without a station for the bureau’s first station, so the bureau is the sum of its stations', () => {
    const rows = noRows()
    rows.bookingsMade.push({ _id: { day: '2026-11-02', s: null }, made: 3 }, { _id: { day: '2026-11-02', s: 's2' }, made: 2 })
    rows.attendance.push({ _id: { day: '2026-11-02', s: 's2' }, minutes: 90, attended: 1 }, { _id: { day: '2026-11-02' }, minutes: 30, attended: 1 })
    const day = foldRows(rows, NOW, 's1').get('2026-11-02')!
    expect(day.get('station:s1')).toMatchObject({ bookingsMade: 3, volunteerMinutes: 30 })
    expect(day.get('station:s2')).toMatchObject({ bookingsMade: 2, volunteerMinutes: 90 })
    expect(day.get('bureau')).toEqual(sumCounts([day.get('station:s1')!, day.get('station:s2')!]))
  })
  it('compares stations on their own counts', () => {
    const counts = addCounts(emptyCounts(), { requests: 4, requestsAnswered: 2, requestsAnsweredOnTime: 1, answerMinutes: [60, 180], cases: 2, settled: 1, bookingsMade: 5, volunteerMinutes: 90 })
    expect(comparisonValues(counts)).toMatchObject({ requestsReceived: 4, requestsOnTimeRate: 0.5, requestsMedianHoursToAnswer: 2, disputes: 2, settledRate: 0.5, bookingsMade: 5, volunteerHours: 1.5 })
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
  const day = foldRows(rows, NOW, 's1').get('2026-11-02')!

  it('counts each request under the station, its community and its officer, as the desk defines the figures', () => {
    expect(requestFiguresOf(day.get('station:s1')!)).toEqual({
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
