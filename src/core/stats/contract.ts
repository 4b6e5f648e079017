// stats: the station dashboard's figures for a period and a scope, read from the daily rollups the
// timer job keeps plus a live aggregation of the days not rolled up yet (today).
import * as z from 'zod/mini'
import { defineFunction } from '../contract'
import { DocId } from '../ids'
import { LocalizedName } from '../jurisdiction/primitives'
import { DisputeType } from '../mediation/contract'
import { RequestKind } from '../requests/kinds'
import { COMPARISON_KEYS, FIGURE_KEYS, type ComparisonKey, type FigureKey } from './figures'
import { Freshness } from './freshness'
import { LocalDay, Period } from './period'
import { StatsScope } from './scope'

export const FigureKeySchema = z.enum(FIGURE_KEYS as [FigureKey, ...FigureKey[]])

export const FigureValue = z.object({
  key: FigureKeySchema,
  /** null: nothing to divide by in the period, or the figure does not apply to the scope. */
  value: z.nullable(z.number()),
  applies: z.boolean(),
  freshness: Freshness,
})
export type FigureValue = z.infer<typeof FigureValue>

export const WeekPoint = z.object({ week: LocalDay, disputes: z.number().check(z.int()), settled: z.number().check(z.int()), bookingsServed: z.number().check(z.int()), homeVisits: z.number().check(z.int()) })
export type WeekPoint = z.infer<typeof WeekPoint>

export const CommunityPoint = z.object({ id: DocId, cases: z.number().check(z.int()), settledRate: z.nullable(z.number()), satisfactionRate: z.nullable(z.number()) })
export type CommunityPoint = z.infer<typeof CommunityPoint>

/** The requests desk's figures (src/core/requests/figures.ts's RequestFigures), with their freshness. */
export const RequestFiguresView = z.object({
  received: z.number().check(z.int()),
  /** 0–1; null when no request of the period is due yet. */
  onTimeRate: z.nullable(z.number()),
  medianHoursToAnswer: z.nullable(z.number()),
  reopened: z.number().check(z.int()),
  /** Mean rating 1–5; null when nobody rated. */
  meanRating: z.nullable(z.number()),
  ratings: z.number().check(z.int()),
  byKind: z.array(z.object({ kind: RequestKind, received: z.number().check(z.int()) })),
  freshness: Freshness,
})
export type RequestFiguresView = z.infer<typeof RequestFiguresView>

/** One station's figures in the bureau's comparison (null: nothing to divide by in the period). */
export const StationComparisonRow = z.object({
  id: DocId,
  name: LocalizedName,
  values: z.record(z.enum(COMPARISON_KEYS as [ComparisonKey, ...ComparisonKey[]]), z.nullable(z.number())),
})
export type StationComparisonRow = z.infer<typeof StationComparisonRow>

export const DashboardView = z.object({
  period: z.object({ from: LocalDay, to: LocalDay }),
  scope: StatsScope,
  figures: z.array(FigureValue),
  weeks: z.array(WeekPoint),
  communities: z.array(CommunityPoint),
  types: z.array(z.object({ type: DisputeType, cases: z.number().check(z.int()) })),
  /** Resident requests (群众诉求) filed in the period. */
  requests: RequestFiguresView,
  freshness: Freshness,
  /** At the bureau scope, every station's figures side by side, in the bureau's order; else empty. */
  stations: z.array(StationComparisonRow),
  /** The scopes this viewer may pick. */
  choices: z.object({
    /** Bureau leaders may pick the bureau. */
    bureau: z.boolean(),
    /** Bureau leaders: every station; station leaders: their own; officers: none. */
    stations: z.array(z.object({ id: DocId, name: LocalizedName })),
    districts: z.array(z.object({ id: DocId, name: LocalizedName })),
    communities: z.array(z.object({ id: DocId, districtId: DocId, name: LocalizedName })),
    officers: z.array(z.object({ id: DocId, name: z.string() })),
  }),
  /** Leaders export the figures; officers read them. */
  canExport: z.boolean(),
})
export type DashboardView = z.infer<typeof DashboardView>

export const statsContract = defineFunction('stats', {
  dashboard: {
    summary:
      'The dashboard figures (bookings, disputes, notices, volunteers, response times, resident requests), weekly trend, community rates and dispute types for a period of whole days and a scope (bureau, station, district, community, officer); at the bureau scope, the stations compared, each figure with its freshness.',
    input: z.object({ period: Period, scope: StatsScope }),
    output: DashboardView,
    roles: ['officer', 'station_leader', 'bureau_leader'],
    scope: 'communities',
  },
})
