// requests: the requests desk (群众诉求受理) — consultations, help requests, tip-offs (anonymous
// allowed), fraud reports and complaints, from intake to the resident's rating, with time limits
// (限时办理), partner units (部门联动), rectification (整改反馈), and the officer's one inbox.
import { ok, fail } from '../../src/core/envelope'
import { requestsContract } from '../../src/core/requests/contract'
import { dayjs } from '../../src/core/time'
import { cloud } from '../_shared/cloud'
import { jobBudget } from '../_shared/job-budget'
import { createMain } from '../_shared/runtime'
import { accept, detail, handOff, recordPartnerAnswer, reply, revealContact, transfer } from './actions/desk'
import { inbox } from './actions/inbox'
import { confirm, follow, get, mine, rate, submit, withdraw } from './actions/intake'
import { completeRectification, rectifications, stationView } from './actions/leadership'
import { runJob } from './jobs'

const api = createMain(requestsContract, {
  submit,
  mine,
  get,
  follow,
  withdraw,
  confirm,
  rate,
  inbox,
  detail,
  accept,
  transfer,
  handOff,
  recordPartnerAnswer,
  reply,
  revealContact,
  stationView,
  rectifications,
  completeRectification,
})

/** config.json's timeout, for a platform that passes no time limit in the context. */
const TIME_LIMIT_SECONDS = 20

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string; Time?: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown, context?: unknown) {
  // A timer invocation carries no caller; a client cannot fake one, since every client call has an OPENID.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    // The trigger's own time: the instant the schedule fired (and what tests inject).
    const time = typeof event.Time === 'string' && dayjs(event.Time).isValid() ? dayjs(event.Time) : dayjs()
    try {
      return ok(await runJob(event.TriggerName, time, jobBudget(context, TIME_LIMIT_SECONDS)))
    } catch (error) {
      console.error(`[requests.${event.TriggerName}]`, error)
      return fail('INTERNAL', `The ${event.TriggerName} job failed.`)
    }
  }
  return api(event)
}
