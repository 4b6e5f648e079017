// The stats function's own collections: one rollup document per day and scope key, with a
// deterministic _id (`<day>|<key>`) so writing it again replaces it; and one state document, the
// rollup job's cursor (the last complete day rolled up). Also the dashboard's one read: every
// source and the rollups as $lookups of one aggregation.
import * as z from 'zod/mini'
import { COUNT_FIELDS, type Counts } from '../../src/core/stats/counts'
import { LocalDay, weekOf } from '../../src/core/stats/period'
import { _, db } from '../_shared/cloud'
import { COLLECTIONS } from '../_shared/collections'
import { readDoc } from '../_shared/documents'
import { subPipeline } from '../_shared/pipeline'
import { rollupSums, type Lookup } from './sources'

export const STATS_COLLECTIONS = {
  rollups: 'stats_rollups',
  state: 'stats_state',
} as const

export const rollups = () => db.collection(STATS_COLLECTIONS.rollups)
const state = () => db.collection(STATS_COLLECTIONS.state)

export const ROLLUP_STATE_ID = 'rollup'

/**
 * The shape of the rollups' counts. Bumped when a count or a key is added (2: the requests desk's;
 * 3: the bureau and per-station keys, issue 21), so the job rolls every day up again and the dashboard reads only days rolled up in the current shape.
 */
export const ROLLUP_COUNTS_VERSION = 3

export const RollupState = z.object({
  _id: z.string(),
  /** Every day up to and including this one is rolled up; null before the first run. */
  through: z.nullable(LocalDay),
  /** The station-local day the trailing window was last recomputed (see ./jobs.ts). */
  refreshedOn: z.nullable(LocalDay),
  /** ROLLUP_COUNTS_VERSION of the days up to `through`; states written before it existed are 1. */
  countsVersion: z._default(z.number().check(z.int()), 1),
  updatedAt: z.coerce.date(),
})
export type RollupState = z.infer<typeof RollupState>

/** The cursor and refresh day, as if nothing were rolled up when the rollups have an older shape. */
function currentShape(stored: RollupState | null): Pick<RollupState, 'through' | 'refreshedOn'> {
  if (!stored || stored.countsVersion !== ROLLUP_COUNTS_VERSION) return { through: null, refreshedOn: null }
  return { through: stored.through, refreshedOn: stored.refreshedOn }
}

export async function readRollupState(): Promise<Pick<RollupState, 'through' | 'refreshedOn'>> {
  return currentShape(await readDoc(state(), ROLLUP_STATE_ID, RollupState))
}

/** The rollup state as a lookup of lookupAll, so that the dashboard reads it with other sources in one request. */
export const rollupStateLookup = (): Lookup => ({ from: STATS_COLLECTIONS.state, pipeline: subPipeline().match({ _id: ROLLUP_STATE_ID }).done(), as: 'rollupState' })

/** readRollupState's answer out of a row that carries rollupStateLookup. */
export function rollupStateOf(row: Record<string, unknown>): Pick<RollupState, 'through' | 'refreshedOn'> {
  return currentShape(z.array(RollupState).check(z.maxLength(1)).parse(row.rollupState ?? [])[0] ?? null)
}

export async function writeRollupState(change: Pick<RollupState, 'through' | 'refreshedOn'>, at: Date) {
  await state().doc(ROLLUP_STATE_ID).set({ data: { ...change, countsVersion: ROLLUP_COUNTS_VERSION, updatedAt: at } })
}

export const rollupId = (day: string, key: string) => `${day}|${key}`

export function rollupDoc(day: string, key: string, counts: Counts, computedAt: Date) {
  return { _id: rollupId(day, key), day, week: weekOf(day), scopeKey: key, ...counts, computedAt }
}
export type RollupDoc = ReturnType<typeof rollupDoc>

/** Writes are independent single-document sets; a few at a time keeps the batch quick. */
const PARALLEL_WRITES = 20

export async function writeRollups(docs: RollupDoc[]) {
  for (let i = 0; i < docs.length; i += PARALLEL_WRITES) {
    await Promise.all(docs.slice(i, i + PARALLEL_WRITES).map(({ _id, ...data }) => rollups().doc(_id).set({ data })))
  }
}

/** Drops the days' rollups of keys that no longer have records (a case withdrawn since): index by_day. */
export async function removeRollupsExcept(days: string[], keep: string[]) {
  await rollups()
    .where({ day: _.in(days), _id: _.nin(keep) })
    .remove()
}

// ── The dashboard's read ───────────────────────────────────────────────────────────────────

export const RolledGroup = z.intersection(z.object({ _id: z.string(), settleDays: z.array(z.array(z.number())), answerMinutes: z.array(z.array(z.number())), computedAt: z.nullable(z.coerce.date()) }), z.record(z.enum(COUNT_FIELDS), z.number()))
export type RolledGroup = z.infer<typeof RolledGroup>

const groupRollups = (by: string) => ({ ...rollupSums, _id: by, settleDays: { $push: '$settleDays' }, answerMinutes: { $push: '$answerMinutes' }, computedAt: { $min: '$computedAt' } })

/** Rollups of `keys` for the days [from, to], summed per week (index by_scope_day). */
export function rolledWeeksLookup(keys: string[], from: string, to: string): Lookup {
  return {
    from: STATS_COLLECTIONS.rollups,
    pipeline: rollupsIn(keys, from, to).group(groupRollups('$week')).done(),
    as: 'rolledWeeks',
  }
}

/** Rollups of `keys` (the chart's communities, the compared stations) for the days [from, to], summed per key (index by_scope_day). */
export function rolledKeysLookup(keys: string[], from: string, to: string): Lookup {
  return {
    from: STATS_COLLECTIONS.rollups,
    pipeline: rollupsIn(keys, from, to).group(groupRollups('$scopeKey')).done(),
    as: 'rolledKeys',
  }
}

const rollupsIn = (keys: string[], from: string, to: string) => subPipeline().match({ scopeKey: _.in(keys), day: _.gte(from).and(_.lte(to)) })

/**
 * Runs `lookups` in one request. An aggregation starts from a collection, so they hang off the
 * jurisdiction pointer, the one document that exists whenever the station is set up at all.
 */
export async function lookupAll(lookups: Lookup[]): Promise<Record<string, unknown>> {
  // 'current': the pointer's _id (cloudfunctions/_shared/jurisdiction-store.ts).
  let pipeline = db.collection(COLLECTIONS.jurisdictionCurrent).aggregate().match({ _id: 'current' }).limit(1)
  for (const lookup of lookups) pipeline = pipeline.lookup(lookup)
  const { list } = (await pipeline.end()) as { list: unknown[] }
  return z.array(z.record(z.string(), z.unknown())).check(z.maxLength(1)).parse(list)[0] ?? {}
}
