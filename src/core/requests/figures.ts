// The requests desk's figures (issue 15): received, answered on time (share), median time to the
// first answer, reopened, and satisfaction (mean rating and how many rated), for the station and
// by kind, community or officer. Built like the dashboard's other figures (src/core/stats): each
// request adds to additive counts (so days can be summed into periods); shares, the median and the
// mean are derived from the counts only at the end. Withdrawn requests were never for the desk to
// answer and are not counted. A request's facts carry no filer, so anonymous tip-offs count exactly
// like the others with nothing that could link them to whoever filed them.
import type { RequestKind } from './kinds'
import type { RequestStatus } from './lifecycle'

/** What the figures need of one stored request, and nothing more (no filer, no text). */
export interface RequestFacts {
  kind: RequestKind
  status: RequestStatus
  communityId: string | null
  officerId: string | null
  createdAt: Date
  answerBy: Date
  firstAnsweredAt: Date | null
  answeredOnTime: boolean | null
  reopenCount: number
  rating: number | null
}

export interface RequestCounts {
  received: number
  /** Requests answered, and of those the ones answered by their deadline. */
  answered: number
  answeredOnTime: number
  /** Not answered yet and already past the deadline at `now`: late, whatever happens next. */
  lateUnanswered: number
  reopened: number
  rated: number
  ratingSum: number
  /** Minutes from filing to the first answer of each answered request: medians cannot be summed. */
  answerMinutes: number[]
}

export const emptyRequestCounts = (): RequestCounts => ({ received: 0, answered: 0, answeredOnTime: 0, lateUnanswered: 0, reopened: 0, rated: 0, ratingSum: 0, answerMinutes: [] })

export function addRequestCounts(into: RequestCounts, more: RequestCounts): RequestCounts {
  into.received += more.received
  into.answered += more.answered
  into.answeredOnTime += more.answeredOnTime
  into.lateUnanswered += more.lateUnanswered
  into.reopened += more.reopened
  into.rated += more.rated
  into.ratingSum += more.ratingSum
  into.answerMinutes.push(...more.answerMinutes)
  return into
}

const MINUTE_MS = 60_000

/** One request's counts at the instant `now` (the clock is the caller's, never read here). */
export function countRequest(r: RequestFacts, now: Date): RequestCounts {
  const counts = emptyRequestCounts()
  if (r.status === 'withdrawn') return counts
  counts.received = 1
  if (r.firstAnsweredAt) {
    counts.answered = 1
    counts.answeredOnTime = r.answeredOnTime ? 1 : 0
    counts.answerMinutes.push(Math.round((r.firstAnsweredAt.getTime() - r.createdAt.getTime()) / MINUTE_MS))
  } else if (r.answerBy.getTime() < now.getTime()) {
    counts.lateUnanswered = 1
  }
  counts.reopened = r.reopenCount > 0 ? 1 : 0
  if (r.rating !== null) {
    counts.rated = 1
    counts.ratingSum = r.rating
  }
  return counts
}

export interface RequestFigures {
  received: number
  /** Answered by the deadline ÷ (answered + unanswered past the deadline); null when none is due yet. */
  onTimeRate: number | null
  /** Median hours from filing to the first answer, two decimals (under an hour it is shown in minutes); null when nothing was answered. */
  medianHoursToAnswer: number | null
  reopened: number
  /** Mean rating of 1–5, two decimals; null when nobody rated. */
  meanRating: number | null
  ratings: number
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function requestFigures(c: RequestCounts): RequestFigures {
  const due = c.answered + c.lateUnanswered
  const minutes = median(c.answerMinutes)
  return {
    received: c.received,
    onTimeRate: due > 0 ? c.answeredOnTime / due : null,
    medianHoursToAnswer: minutes === null ? null : Math.round((minutes / 60) * 100) / 100,
    reopened: c.reopened,
    meanRating: c.rated > 0 ? Math.round((c.ratingSum / c.rated) * 100) / 100 : null,
    ratings: c.rated,
  }
}

export const REQUEST_BREAKDOWNS = ['kind', 'community', 'officer'] as const
export type RequestBreakdown = (typeof REQUEST_BREAKDOWNS)[number]

const keyOf = (r: RequestFacts, by: RequestBreakdown): string | null => (by === 'kind' ? r.kind : by === 'community' ? r.communityId : r.officerId)

/**
 * The figures of the station and per kind, community or officer, most received first (then by
 * key, so the order is stable). Requests without a community or officer (with the leadership as a
 * whole) count for the station only.
 */
export function requestFiguresBy(records: readonly RequestFacts[], by: RequestBreakdown, now: Date) {
  const station = emptyRequestCounts()
  const groups = new Map<string, RequestCounts>()
  for (const r of records) {
    const counts = countRequest(r, now)
    if (counts.received === 0) continue
    addRequestCounts(station, counts)
    const key = keyOf(r, by)
    if (key === null) continue
    addRequestCounts(groups.get(key) ?? groups.set(key, emptyRequestCounts()).get(key)!, counts)
  }
  const rows = [...groups.entries()]
    .map(([key, counts]) => ({ key, ...requestFigures(counts) }))
    .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key))
  return { station: requestFigures(station), rows }
}
