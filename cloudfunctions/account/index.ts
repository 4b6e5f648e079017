// account: identity, roles, preferences, officer invites, residents' rights (export, deletion),
// the leaders' audit-log search, and the timer job that applies the audit log's retention.
import { fail, ok } from '../../src/core/envelope'
import { accountFunctionContract } from '../../src/core/privacy/contract'
import { dayjs } from '../../src/core/time'
import { pruneAuditLog } from '../_shared/audit'
import { cloud } from '../_shared/cloud'
import { jobBudget } from '../_shared/job-budget'
import { createMain } from '../_shared/runtime'
import { searchAudit } from './actions/audit-log'
import { acceptPrivacy, me, updatePreferences } from './actions/profile'
import { createInvite, listOfficers, redeemInvite } from './actions/invites'
import { deleteMyAccount, exportMyData } from './actions/rights'

const api = createMain(accountFunctionContract, {
  me,
  updatePreferences,
  acceptPrivacy,
  redeemInvite,
  createInvite,
  listOfficers,
  exportMyData,
  deleteMyAccount,
  searchAudit,
})

/** config.json's timeout, for a platform that passes no time limit in the context. */
const TIME_LIMIT_SECONDS = 10

const JOBS: Record<string, typeof pruneAuditLog> = { pruneAuditLog }

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown, context?: unknown) {
  // A timer invocation carries no caller; a client cannot fake one, since every client call has an OPENID.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    const job = Object.hasOwn(JOBS, event.TriggerName) ? JOBS[event.TriggerName] : null
    if (!job) return fail('INVALID_ARGUMENT', `No job ${event.TriggerName}.`)
    try {
      return ok(await job(dayjs(), jobBudget(context, TIME_LIMIT_SECONDS)))
    } catch (error) {
      console.error(`[account.${event.TriggerName}]`, error)
      return fail('INTERNAL', `The ${event.TriggerName} job failed.`)
    }
  }
  return api(event)
}
