// The rollup job (config.json › triggers › rollup, hourly). It keeps one document per day and scope
// key holding that day's counts, so a year's dashboard reads ~365 small documents instead of the
// records. Safe to run twice and to be cut off:
//   - every document has a deterministic _id and is written with `set`: writing a day again
//     replaces it with the same content;
//   - the cursor (`through`, the last complete day rolled up) advances only after a batch's
//     documents are all written, so a run cut off mid-batch redoes that batch next time;
//   - each run does bounded batches while the job budget lasts; the next run continues.
//   - the cursor counts only when written with the current counts version (store.ts): after a
//     count is added, the job starts over from the first day and rolls everything up again.
// Records change after their day (a case settles weeks after it was filed, a booking is served
// the day of its slot, people read a notice days later), so once a day the job also recomputes the
// trailing REFRESH_DAYS; older changes are rare enough that the rollups of those days stand.
import { emptyCounts, foldRows } from '../../src/core/stats/counts'
import { addDays, dayStart, daysOf, localDay } from '../../src/core/stats/period'
import { BUREAU_KEY } from '../../src/core/stats/scope'
import { loadCurrent } from '../_shared/jurisdiction-store'
import type { Dayjs } from '../../src/core/time'
import type { JobBudget } from '../_shared/job-budget'
import { sourceLookups, sourceRowsOf } from './sources'
import { lookupAll, readRollupState, removeRollupsExcept, rollupDoc, writeRollups, writeRollupState, type RollupDoc } from './store'

/** How far back the first run starts: a year's dashboard plus a margin. */
const HISTORY_DAYS = 400
/** Days per batch: one aggregation request, then the batch's documents. */
const BATCH_DAYS = 7
/** The recent days recomputed once a day, since their records still change. */
const REFRESH_DAYS = 35

// Local days as YYYY-MM-DD compare as text.
const earlier = (a: string, b: string) => (a < b ? a : b)
const later = (a: string, b: string) => (a > b ? a : b)

/**
 * Counts of the days [from, to] for every key, written as rollups; one read, the writes, one
 * removal. Records without a station count for the bureau's first station; the bureau's own
 * notices (stationId = the bureau's id) for the bureau alone.
 */
async function rollUpDays(from: string, to: string, now: Date, bureau: { firstStationId: string; bureauId: string }): Promise<number> {
  const row = await lookupAll(sourceLookups(dayStart(from), dayStart(addDays(to, 1))))
  const counted = foldRows(sourceRowsOf(row), now, bureau.firstStationId, bureau.bureauId)
  const docs: RollupDoc[] = []
  for (const day of daysOf(from, to)) {
    const keys = counted.get(day) ?? new Map()
    // The bureau's document exists for every day, even a quiet one: it shows the day was rolled up.
    if (!keys.has(BUREAU_KEY)) keys.set(BUREAU_KEY, emptyCounts())
    for (const [key, counts] of keys) docs.push(rollupDoc(day, key, counts, now))
  }
  await writeRollups(docs)
  await removeRollupsExcept(daysOf(from, to), docs.map((d) => d._id))
  return docs.length
}

export async function rollup(now: Dayjs, budget: JobBudget) {
  const at = now.toDate()
  const today = localDay(now)
  const yesterday = addDays(today, -1)
  const [state, { bureau }] = await Promise.all([readRollupState(), loadCurrent()])
  const places = { firstStationId: bureau.stations[0].station.id, bureauId: bureau.bureau.id }
  let through = state.through
  let written = 0
  let days = 0
  // Catch up to yesterday, oldest first; the cursor moves after each complete batch.
  while ((through ?? '') < yesterday && budget.hasTimeLeft()) {
    const from = through ? addDays(through, 1) : addDays(yesterday, -(HISTORY_DAYS - 1))
    const to = earlier(addDays(from, BATCH_DAYS - 1), yesterday)
    written += await rollUpDays(from, to, at, places)
    days += daysOf(from, to).length
    through = to
    await writeRollupState({ through, refreshedOn: state.refreshedOn }, at)
  }
  // Once a day, when caught up: recompute the trailing window, newest first.
  let refreshed = false
  if (through === yesterday && state.refreshedOn !== today) {
    let to = yesterday
    const oldest = addDays(yesterday, -(REFRESH_DAYS - 1))
    while (to >= oldest && budget.hasTimeLeft()) {
      const from = later(addDays(to, -(BATCH_DAYS - 1)), oldest)
      written += await rollUpDays(from, to, at, places)
      days += daysOf(from, to).length
      to = addDays(from, -1)
    }
    refreshed = to < oldest
    if (refreshed) await writeRollupState({ through, refreshedOn: today }, at)
  }
  return { through, days, written, refreshed }
}

export async function runJob(name: string, now: Dayjs, budget: JobBudget) {
  if (name === 'rollup') return rollup(now, budget)
  throw new Error(`Unknown stats job ${name}`)
}
