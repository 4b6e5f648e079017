// The timer job (config.json › triggers), every 10 minutes: requests whose watch time passed
// (indexed `watchAt`) are handled one by one —
//   · a passed acceptance or answer deadline is escalated once: marked overdue, the officer
//     reminded and the station leaders told (subscription messages);
//   · an answer the resident did not confirm within 7 days closes by itself.
// Each change is a conditional update on the version read, which the second run (or a second
// instance) no longer matches, and a handled request leaves the query: the query is the cursor,
// so a run cut off anywhere is resumed by the next. Its cost follows the due requests only.
// A rating of 1–2 whose task a crash left unwritten gets it here too.
import { decide } from '../../src/core/requests/lifecycle'
import type { Dayjs } from '../../src/core/time'
import { _ } from '../_shared/cloud'
import type { JobBudget } from '../_shared/job-budget'
import { openRectification } from './actions/intake'
import { leaderOpenids, notifyOverdue } from './notify'
import { requestsSettings } from './settings'
import { dueForWatch, pendingRectifications, updateRequestAt } from './store'
import { stateOf } from './views'

export const JOBS = ['watchDeadlines'] as const
const BATCH = 100

export async function watchDeadlines(now: Dayjs, budget: JobBudget) {
  const outcome = { checked: 0, escalated: 0, autoClosed: 0, batches: 0, rectificationsMended: 0, done: true }
  // Each station's leadership, looked up once per run.
  const leaders = new Map<string | null, string[]>()
  const at = now.toDate()
  while (budget.hasTimeLeft()) {
    const due = await dueForWatch(at, BATCH)
    outcome.batches++
    let changed = 0
    for (const doc of due) {
      if (!budget.hasTimeLeft()) break
      outcome.checked++
      const transition = doc.status === 'answered' ? 'auto_close' : 'overdue'
      const decision = decide(stateOf(doc), transition, now)
      if (!decision.ok) {
        // Nothing due after all (a stale watch time): stop watching until a step sets a new one.
        if (await updateRequestAt(doc._id, doc.version, { watchAt: null })) changed++
        continue
      }
      const event = transition === 'auto_close' ? { kind: 'auto_close' as const, at, by: 'system' as const } : { kind: 'escalated' as const, at, by: 'system' as const, step: decision.escalatedStep }
      if (!(await updateRequestAt(doc._id, doc.version, { ...decision.change, updatedAt: at, timeline: _.push([event]) }))) continue
      changed++
      if (transition === 'auto_close') outcome.autoClosed++
      else if (decision.escalatedStep) {
        outcome.escalated++
        if (!leaders.has(doc.stationId)) leaders.set(doc.stationId, await leaderOpenids(doc.stationId))
        const deadline = decision.escalatedStep === 'accept' ? doc.acceptBy : doc.answerBy
        await notifyOverdue(doc, decision.escalatedStep, deadline, leaders.get(doc.stationId)!, now)
      }
    }
    // A short page was the last; a page where nothing changed (another run took it) ends too.
    if (due.length < BATCH || changed === 0) break
  }
  outcome.done = !budget.hasTimeLeft() ? false : outcome.done
  const pending = await pendingRectifications(now.subtract(1, 'minute').toDate(), BATCH)
  for (const doc of pending) await openRectification(doc, now, requestsSettings().rectificationDays)
  outcome.rectificationsMended = pending.length
  return outcome
}

export async function runJob(name: string, now: Dayjs, budget: JobBudget) {
  switch (name) {
    case 'watchDeadlines':
      return watchDeadlines(now, budget)
    default:
      throw new Error(`unknown requests job ${name}`)
  }
}
