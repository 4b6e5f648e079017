// stats: the station dashboard. One action reads the figures for a period and a scope; one timer
// job keeps the daily rollups the long periods read (see ./jobs.ts, ./README.md).
import { statsContract } from '../../src/core/stats/contract'
import { ok, fail } from '../../src/core/envelope'
import { dayjs } from '../../src/core/time'
import { cloud } from '../_shared/cloud'
import { jobBudget } from '../_shared/job-budget'
import { createMain } from '../_shared/runtime'
import { dashboard } from './actions/dashboard'
import { runJob } from './jobs'

const api = createMain(statsContract, { dashboard })

/** config.json's timeout, for a platform that passes no time limit in the context. */
const TIME_LIMIT_SECONDS = 60

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown, context?: unknown) {
  // A timer invocation carries no caller; a client cannot fake one, since every client call has an OPENID.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    try {
      return ok(await runJob(event.TriggerName, dayjs(), jobBudget(context, TIME_LIMIT_SECONDS)))
    } catch (error) {
      console.error(`[stats.${event.TriggerName}]`, error)
      return fail('INTERNAL', `The ${event.TriggerName} job failed.`)
    }
  }
  return api(event)
}
