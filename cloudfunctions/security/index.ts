// security: receives WeChat's content-security verdicts on pictures (the console's message push
// for event `wxa_media_check` is set to this function) and lists held-back pictures for admins.
// A push carries no action: it is recognised by its Event and answered with `success`, as message
// push expects; everything else is a client call through the contract. The hourly timer `sweep`
// removes rate-limit counters of ended windows and asks again for picture checks WeChat could
// not be asked for.
import { securityContract } from '../../src/core/security/contract'
import { dayjs, type Dayjs } from '../../src/core/time'
import { fail, ok } from '../../src/core/envelope'
import { cloud } from '../_shared/cloud'
import { isMediaCheckEvent, recordMediaVerdict, retryUnrequested } from '../_shared/media-check'
import { removeExpiredCounters } from '../_shared/rate-limit'
import { createMain } from '../_shared/runtime'
import { mediaChecks } from './actions/media-checks'

const api = createMain(securityContract, { mediaChecks })

/** Checks one run asks for again; each is two requests to WeChat and one write. */
const RETRY_BATCH = 50
/** A check younger than this may still be on its way (the upload just happened). */
const RETRY_AFTER_MINUTES = 10

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string; Time?: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

async function sweep(now: Dayjs) {
  const counters = await removeExpiredCounters(now)
  const checks = await retryUnrequested(now.subtract(RETRY_AFTER_MINUTES, 'minute').toDate(), RETRY_BATCH)
  return { countersRemoved: counters, ...checks }
}

export async function main(event: unknown) {
  // A timer invocation carries no caller; every client call has an OPENID, so none can fake one.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    if (event.TriggerName !== 'sweep') return fail('INVALID_ARGUMENT', `Unknown security job ${event.TriggerName}.`)
    try {
      // The trigger's own time: the instant the schedule fired (and what tests inject).
      return ok(await sweep(typeof event.Time === 'string' && dayjs(event.Time).isValid() ? dayjs(event.Time) : dayjs()))
    } catch (error) {
      console.error('[security.sweep]', error)
      return fail('INTERNAL', 'The sweep job failed.')
    }
  }
  if (isMediaCheckEvent(event)) {
    await recordMediaVerdict(event, dayjs())
    return 'success'
  }
  return api(event)
}
