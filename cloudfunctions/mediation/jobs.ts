// Timer jobs (config.json › triggers). Both work in bounded batches inside the function's timeout
// and are idempotent: each change is a conditional update the second run (or a second instance)
// no longer matches, and the query itself is the cursor, since a handled case leaves it.
//
//   escalateOverdue    every 10 min: cases whose next deadline passed (indexed `watchAt`) go
//                      to the next level, marked overdue; the next level's leaders and the
//                      resident are notified. Requests grow with overdue cases, not all cases.
//   requestReturnVisits hourly: N days after closing, the resident is asked to rate (回访);
//                      a dissatisfied rating whose rectification task a crash left unwritten gets it.
import { decide } from '../../src/core/mediation/lifecycle'
import type { Dayjs } from '../../src/core/time'
import { _ } from '../_shared/cloud'
import { askForRating, leaderOpenids, notifyEscalation } from './notify'
import { mediationSettings } from './settings'
import { openRectification } from './actions/intake'
import { dueForEscalation, dueForReturnVisit, pendingRectifications, updateCaseAt } from './store'
import { stateOf } from './views'

export const JOBS = ['escalateOverdue', 'requestReturnVisits'] as const
const BATCH = 100
/**
 * Batches per run: 300 cases take ~9 s in the emulator (whose updates scan the collection; the
 * cloud's by-_id updates are cheaper), well inside the 20 s timeout; the rest waits 10 minutes.
 */
const MAX_BATCHES = 3

export async function escalateOverdue(now: Dayjs) {
  const config = mediationSettings()
  const outcome = { checked: 0, escalated: 0, markedOverdue: 0, batches: 0 }
  // Each station's leadership, looked up once per run.
  const leaders = new Map<string | null, string[]>()
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await dueForEscalation(now.toDate(), BATCH)
    outcome.batches++
    let changed = 0
    for (const doc of due) {
      outcome.checked++
      const decision = decide(stateOf(doc), 'overdue', now, config)
      if (!decision.ok) continue
      const at = now.toDate()
      const event = { ...decision.event, at, by: 'system' as const }
      if (!(await updateCaseAt(doc._id, doc.version, { ...decision.change, updatedAt: at, timeline: _.push([event]) }))) continue
      changed++
      if (decision.event.kind === 'escalated') {
        outcome.escalated++
        if (!leaders.has(doc.stationId)) leaders.set(doc.stationId, await leaderOpenids(doc.stationId))
        await notifyEscalation(doc, decision.event.level, now, leaders.get(doc.stationId))
      } else outcome.markedOverdue++
    }
    // A short page was the last; a page where nothing changed (another run took it) ends too.
    if (due.length < BATCH || changed === 0) break
  }
  return outcome
}

export async function requestReturnVisits(now: Dayjs) {
  const outcome = { asked: 0, refused: 0, failed: 0, capped: 0 }
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await dueForReturnVisit(now.toDate(), BATCH)
    let claimed = 0
    for (const doc of due) {
      // Claimed before sending: a second run finds nothing to send.
      if (!(await updateCaseAt(doc._id, doc.version, { returnVisitAt: null, returnVisitSentAt: now.toDate() }))) continue
      claimed++
      const sent = await askForRating(doc, doc.closedAt ?? now.toDate(), now)
      if (sent === 'sent') outcome.asked++
      else outcome[sent]++
    }
    if (due.length < BATCH || claimed === 0) break
  }
  // A dissatisfied rating whose task a crash left unwritten (older than the function timeout, so
  // never one that is still being handled) gets its task now.
  const pending = await pendingRectifications(now.subtract(1, 'minute').toDate(), BATCH)
  for (const doc of pending) await openRectification(doc, now, mediationSettings().rectificationDays)
  return { ...outcome, rectificationsMended: pending.length }
}

export async function runJob(name: string, now: Dayjs) {
  switch (name) {
    case 'escalateOverdue':
      return escalateOverdue(now)
    case 'requestReturnVisits':
      return requestReturnVisits(now)
    default:
      throw new Error(`unknown mediation job ${name}`)
  }
}
