// Subscription messages about activities: the day-before reminder, the waitlist promotion and the
// cancellation notice. Sent through the shared sender (template fields fitted to WeChat's limits,
// a refusal or failure never fails the caller); the marks that make each once live in ../store.
import type { Dayjs } from '../../src/core/time'
import { messageTime, sendSubscribeMessage, type SendOutcome } from '../_shared/subscribe-message'
import type { ActivityDoc } from './records'
import { volunteerSettings } from './settings'

export function sendActivityMessage(kind: 'reminder' | 'promoted' | 'cancelled', openid: string, activity: ActivityDoc, now: Dayjs, extra: Record<string, string> = {}): Promise<SendOutcome> {
  const { messages } = volunteerSettings()
  const values = { title: activity.title.zh, time: messageTime(activity.startsAt), place: activity.place.label.zh, ...extra }
  return sendSubscribeMessage(openid, messages[kind], values, `${messages.page}?activity=${activity._id}`, messages.miniprogramState, now)
}
