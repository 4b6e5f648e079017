// Mediation statistics ("132 disputes, 96% satisfaction"; "900 a year, 88% resolved"), defined
// once here: the grouping the database's aggregation pipeline runs, and the figures computed
// from its rows. Definitions:
//   cases           disputes filed in the period, withdrawn ones excluded;
//   settled rate    settled ÷ cases;
//   settled at      settled cases by the level that settled them (1, 2, 3);
//   median days     median of days from filing to the recorded agreement, over settled cases;
//   overdue         cases that missed at least one deadline;
//   satisfaction    ratings of 4–5 ÷ all ratings;
//   high-risk       cases the risk screening marked high-risk.
import * as z from 'zod/mini'
import { DocId } from '../ids'

export const StatsDimension = z.enum(['station', 'community', 'officer', 'type'])
export type StatsDimension = z.infer<typeof StatsDimension>

/** The stored field each dimension groups by; the station is one group (a deployment is one station). */
export const DIMENSION_FIELD: Record<StatsDimension, string | null> = { station: null, community: 'communityId', officer: 'officerId', type: 'type' }

const count = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } })

/** The $group stage's accumulators, over case documents (see cloudfunctions/mediation/store.ts). */
export function statsGroup(dimension: StatsDimension) {
  const field = DIMENSION_FIELD[dimension]
  return {
    _id: field ? `$${field}` : null,
    cases: { $sum: 1 },
    settled: count({ $eq: ['$outcome', 'settled'] }),
    settledL1: count({ $eq: ['$settledLevel', 1] }),
    settledL2: count({ $eq: ['$settledLevel', 2] }),
    settledL3: count({ $eq: ['$settledLevel', 3] }),
    overdue: count({ $eq: ['$overdue', true] }),
    highRisk: count({ $eq: ['$highRisk', true] }),
    rated: count({ $gt: ['$rating', 0] }),
    satisfied: count({ $gte: ['$rating', 4] }),
    // Missing on unsettled cases, and $push skips missing values.
    settleDays: { $push: '$daysToSettle' },
  }
}

export const StatsRow = z.object({
  _id: z.union([z.string(), z.null()]),
  cases: z.number(),
  settled: z.number(),
  settledL1: z.number(),
  settledL2: z.number(),
  settledL3: z.number(),
  overdue: z.number(),
  highRisk: z.number(),
  rated: z.number(),
  satisfied: z.number(),
  settleDays: z.array(z.nullable(z.number())),
})
export type StatsRow = z.infer<typeof StatsRow>

export const StatsFigures = z.object({
  key: z.nullable(DocId),
  cases: z.number().check(z.int()),
  settled: z.number().check(z.int()),
  /** 0–1, null without cases. */
  settledRate: z.nullable(z.number()),
  settledAtLevel: z.tuple([z.number().check(z.int()), z.number().check(z.int()), z.number().check(z.int())]),
  medianDaysToSettle: z.nullable(z.number()),
  overdue: z.number().check(z.int()),
  rated: z.number().check(z.int()),
  /** 0–1, null without ratings. */
  satisfactionRate: z.nullable(z.number()),
  highRisk: z.number().check(z.int()),
})
export type StatsFigures = z.infer<typeof StatsFigures>

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function figuresOf(row: StatsRow): StatsFigures {
  const days = row.settleDays.filter((d): d is number => typeof d === 'number')
  return {
    key: row._id,
    cases: row.cases,
    settled: row.settled,
    settledRate: row.cases > 0 ? row.settled / row.cases : null,
    settledAtLevel: [row.settledL1, row.settledL2, row.settledL3],
    medianDaysToSettle: median(days),
    overdue: row.overdue,
    rated: row.rated,
    satisfactionRate: row.rated > 0 ? row.satisfied / row.rated : null,
    highRisk: row.highRisk,
  }
}

/** Days from filing to agreement, to one decimal: what the median is taken over. */
export const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 8_640_000) / 10
