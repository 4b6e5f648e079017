// mediation: dispute mediation with three-level escalation (三级联动), deadlines (限时办理),
// return visits and satisfaction (回访, 好差评), rectification (整改反馈) and statistics.
import { ok, fail } from '../../src/core/envelope'
import { mediationContract } from '../../src/core/mediation/contract'
import { dayjs } from '../../src/core/time'
import { cloud } from '../_shared/cloud'
import { createMain } from '../_shared/runtime'
import { acceptCase, addInternalNote, caseDetail, closeCase, holdSession, inbox, recordAgreement, recordNotSettled, revealContact, scheduleSession } from './actions/casework'
import { fileDispute, myCases, rateCase, withdrawCase } from './actions/intake'
import { acknowledgeAlert, completeRectification, highRiskAlerts, rectifications, statistics } from './actions/leadership'
import { runJob } from './jobs'

const api = createMain(mediationContract, {
  fileDispute,
  myCases,
  withdrawCase,
  rateCase,
  inbox,
  caseDetail,
  revealContact,
  acceptCase,
  scheduleSession,
  holdSession,
  recordAgreement,
  recordNotSettled,
  closeCase,
  addInternalNote,
  highRiskAlerts,
  acknowledgeAlert,
  rectifications,
  completeRectification,
  statistics,
})

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string; Time?: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown) {
  // A timer invocation carries no caller; a client cannot fake one, since every client call has an OPENID.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    // The trigger's own time: the instant the schedule fired (and what tests inject).
    const time = typeof event.Time === 'string' && dayjs(event.Time).isValid() ? dayjs(event.Time) : dayjs()
    try {
      return ok(await runJob(event.TriggerName, time))
    } catch (error) {
      console.error(`[mediation.${event.TriggerName}]`, error)
      return fail('INTERNAL', `The ${event.TriggerName} job failed.`)
    }
  }
  return api(event)
}
