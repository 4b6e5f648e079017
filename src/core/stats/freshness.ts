// How fresh a figure is: the days the rollups hold were computed at some moment by the timer job;
// the rest of the period (today, and days the job has not reached) was aggregated at load time.
import * as z from 'zod/mini'
import { LocalDay } from './period'

export const Freshness = z.object({
  /** The last day read from rollups; null when the whole period was aggregated live. */
  rollupThrough: z.nullable(LocalDay),
  /** When the oldest rollup read was computed; null without rollups. */
  rollupComputedAt: z.nullable(z.string()),
  /** When the live part was aggregated; null when the period lies wholly in rolled-up days. */
  liveAt: z.nullable(z.string()),
})
export type Freshness = z.infer<typeof Freshness>

/** Distinct counts are never rolled up: such a figure is as fresh as the live query. */
export const liveOnly = (at: string): Freshness => ({ rollupThrough: null, rollupComputedAt: null, liveAt: at })
