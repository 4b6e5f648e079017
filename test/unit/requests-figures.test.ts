// The requests desk's figures: what counts as received, on time, reopened and rated, with exact values.
import { addRequestCounts, countRequest, emptyRequestCounts, requestFigures, requestFiguresBy, type RequestFacts } from '../../src/core/requests'

const NOW = new Date('2026-11-20T08:00:00Z')
const at = (iso: string) => new Date(iso)
const request = (over: Partial<RequestFacts>): RequestFacts => ({
  kind: 'consultation',
  status: 'submitted',
  communityId: 'c1',
  officerId: 'o1',
  createdAt: at('2026-11-16T00:00:00Z'),
  answerBy: at('2026-11-19T00:00:00Z'),
  firstAnsweredAt: null,
  answeredOnTime: null,
  reopenCount: 0,
  rating: null,
  ...over,
})

describe('countRequest', () => {
  it('does not count a withdrawn request at all', () => {
    expect(countRequest(request({ status: 'withdrawn' }), NOW)).toEqual(emptyRequestCounts())
  })
  it('counts an answered request with its minutes to the first answer and whether it was on time', () => {
    const c = countRequest(request({ status: 'rated', firstAnsweredAt: at('2026-11-16T02:30:00Z'), answeredOnTime: true, rating: 4 }), NOW)
    expect(c).toEqual({ received: 1, answered: 1, answeredOnTime: 1, lateUnanswered: 0, reopened: 0, rated: 1, ratingSum: 4, answerMinutes: [150] })
  })
  it('counts an unanswered request as late only once its deadline has passed at now', () => {
    expect(countRequest(request({}), NOW).lateUnanswered).toBe(1)
    expect(countRequest(request({ answerBy: at('2026-11-21T00:00:00Z') }), NOW).lateUnanswered).toBe(0)
    expect(countRequest(request({ answerBy: at('2026-11-21T00:00:00Z') }), at('2026-11-22T00:00:00Z')).lateUnanswered).toBe(1)
  })
  it('counts a reopened request once however often it was reopened', () => {
    expect(countRequest(request({ status: 'answered', reopenCount: 1, firstAnsweredAt: at('2026-11-17T00:00:00Z'), answeredOnTime: true }), NOW).reopened).toBe(1)
  })
})

describe('requestFigures', () => {
  it('is empty-safe: nothing to divide by gives null, not 0', () => {
    expect(requestFigures(emptyRequestCounts())).toEqual({ received: 0, onTimeRate: null, medianHoursToAnswer: null, reopened: 0, meanRating: null, ratings: 0 })
  })
  it('derives the on-time share, the median hours and the mean rating from summed counts', () => {
    const records = [
      request({ status: 'rated', firstAnsweredAt: at('2026-11-16T01:00:00Z'), answeredOnTime: true, rating: 5 }),
      request({ status: 'closed', firstAnsweredAt: at('2026-11-16T03:00:00Z'), answeredOnTime: true }),
      request({ status: 'rated', firstAnsweredAt: at('2026-11-20T00:00:00Z'), answeredOnTime: false, reopenCount: 1, rating: 2 }),
      request({ status: 'accepted' }), // past its deadline, unanswered: late
      request({ status: 'submitted', answerBy: at('2026-11-25T00:00:00Z') }), // not due yet: not in the share
      request({ status: 'withdrawn' }),
    ]
    const sum = records.reduce((s, r) => addRequestCounts(s, countRequest(r, NOW)), emptyRequestCounts())
    // On time: 2 of (3 answered + 1 late) = 0.5. Hours to answer: 1, 3, 96 → median 3. Ratings 5 and 2 → 3.5.
    expect(requestFigures(sum)).toEqual({ received: 5, onTimeRate: 0.5, medianHoursToAnswer: 3, reopened: 1, meanRating: 3.5, ratings: 2 })
  })
  it('takes the mean of the middle two for an even number of answers', () => {
    const sum = [1, 2, 4, 10].map((h) => countRequest(request({ firstAnsweredAt: new Date(at('2026-11-16T00:00:00Z').getTime() + h * 3_600_000), answeredOnTime: true }), NOW)).reduce(addRequestCounts, emptyRequestCounts())
    expect(requestFigures(sum).medianHoursToAnswer).toBe(3)
  })
})

describe('requestFiguresBy', () => {
  const records = [
    request({ kind: 'tip_off', communityId: 'c2', officerId: 'o2', firstAnsweredAt: at('2026-11-16T02:00:00Z'), answeredOnTime: true, status: 'answered' }),
    request({ kind: 'tip_off', communityId: 'c2', officerId: 'o2', answerBy: at('2026-11-30T00:00:00Z') }),
    request({ kind: 'complaint', communityId: 'c1', officerId: null }), // with the leadership: station only for officers
    request({ kind: 'consultation', communityId: null, officerId: 'o1', status: 'withdrawn' }),
  ]
  it('groups by kind, most received first, and keeps the station total', () => {
    const { station, rows } = requestFiguresBy(records, 'kind', NOW)
    expect(station.received).toBe(3)
    expect(rows).toEqual([
      { key: 'tip_off', received: 2, onTimeRate: 1, medianHoursToAnswer: 2, reopened: 0, meanRating: null, ratings: 0 },
      { key: 'complaint', received: 1, onTimeRate: 0, medianHoursToAnswer: null, reopened: 0, meanRating: null, ratings: 0 },
    ])
  })
  it('leaves requests without an officer out of the officer rows but in the station total', () => {
    const { station, rows } = requestFiguresBy(records, 'officer', NOW)
    expect(station.received).toBe(3)
    expect(rows.map((r) => [r.key, r.received])).toEqual([['o2', 2]])
  })
  it('groups by community', () => {
    expect(requestFiguresBy(records, 'community', NOW).rows.map((r) => [r.key, r.received])).toEqual([['c2', 2], ['c1', 1]])
  })
})
