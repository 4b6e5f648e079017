// notices: police notices to community and topic groups (法治宣传, 警务信息, 通知公告, 安全预警,
// 反诈预警), one feed per resident with receipts, reach per group and per linked WeChat chat, and
// the urgent subscription-message fan-out (timer fanOutUrgent).
import { fail, ok } from '../../src/core/envelope'
import { noticesContract } from '../../src/core/notices/contract'
import { cloud } from '../_shared/cloud'
import { createMain } from '../_shared/runtime'
import { feed, read } from './actions/feed'
import { grantAlerts, groups, joinGroup, leaveGroup, linkChat } from './actions/groups'
import { correct, heldNotices, myNotices, publish, reviewHeld, withdraw } from './actions/publish'
import { reach } from './actions/reach'
import { fanOutUrgent } from './fanout'
import { uploadImage } from './images'

const api = createMain(noticesContract, {
  groups,
  joinGroup,
  leaveGroup,
  grantAlerts,
  linkChat,
  feed,
  read,
  uploadImage,
  publish,
  correct,
  withdraw,
  myNotices,
  reach,
  heldNotices,
  reviewHeld,
})

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string; Time?: unknown } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown) {
  // A timer invocation carries no caller; every client call has an OPENID, so none can fake one.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    if (event.TriggerName !== 'fanOutUrgent') return fail('INVALID_ARGUMENT', `Unknown notices job ${event.TriggerName}.`)
    try {
      // The trigger's time is the job's now (tests run it at any instant); the real clock otherwise.
      const time = typeof event.Time === 'string' && !Number.isNaN(Date.parse(event.Time)) ? new Date(event.Time) : new Date()
      return ok(await fanOutUrgent(time))
    } catch (error) {
      console.error('[notices.fanOutUrgent]', error)
      return fail('INTERNAL', 'The fanOutUrgent job failed.')
    }
  }
  return api(event)
}
