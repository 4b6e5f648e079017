// Subscription messages (订阅消息), the one sender. A message is a courtesy: a person who refused
// subscriptions (errcode 43101) or any other send failure never fails the action that triggered
// it; the outcome is logged and returned for whoever wants to record it. A resident gets at most
// the daily cap (rate limit `subscribeMessage`): past it a message is not sent and is `capped`,
// so no bug or busy officer can flood a phone. Work alerts to staff are not capped.
import { dayjs, STATION_TIME_ZONE, type Dayjs } from '../../src/core/time'
import { cloud } from './cloud'
import { counterJoin, tryTake, type Unit } from './rate-limit'

export type SendOutcome = 'sent' | 'refused' | 'failed' | 'capped'
export type Recipient = 'resident' | 'staff'

/**
 * The resident's daily cap for one message: `seen` is what capJoin found with the user read (so
 * taking the unit is one request), `taken` a unit the action took already with its own limit
 * (takeWithOptional; null: the cap was reached; undefined: the sender takes it).
 */
export interface Cap {
  seen?: unknown[]
  taken?: Unit | null
}

/** The join that reads the resident's message cap with the user read (see Cap). */
export const capJoin = (openid: string, now: Dayjs) => counterJoin('subscribeMessage', openid, now)

/** A time as messages show it, in the station's zone. */
export const messageTime = (at: Date) => dayjs(at).tz(STATION_TIME_ZONE).format('YYYY年MM月DD日 HH:mm')

export interface SubscribeTemplate {
  templateId: string
  /** Our field name → the template's keyword key (thing1, time2, character_string3, …). */
  fields: Record<string, string>
}

/** WeChat's limits per keyword type: thing ≤ 20 characters, character_string ≤ 32, phrase ≤ 5. */
function fit(key: string, value: string): string {
  const limit = key.startsWith('thing') ? 20 : key.startsWith('character_string') ? 32 : key.startsWith('phrase') ? 5 : 64
  const chars = [...value]
  return chars.length <= limit ? value : `${chars.slice(0, limit - 1).join('')}…`
}

export async function sendSubscribeMessage(
  openid: string,
  template: SubscribeTemplate,
  values: Record<string, string>,
  page: string,
  miniprogramState: 'developer' | 'trial' | 'formal',
  /** The caller's injected time: the resident's daily cap is counted on its day, so jobs and tests run on their clock. */
  now: Dayjs,
  recipient: Recipient = 'resident',
  cap: Cap = {},
): Promise<SendOutcome> {
  const data = Object.fromEntries(Object.entries(template.fields).map(([name, key]) => [key, { value: fit(key, values[name] ?? '') }]))
  let unit: Unit | null = null
  if (recipient === 'resident' && cap.taken !== undefined) {
    unit = cap.taken
    if (!unit) return 'capped'
  } else if (recipient === 'resident') {
    try {
      unit = await tryTake('subscribeMessage', openid, now, cap.seen)
    } catch (error) {
      // The counter could not be reached: the message is not worth failing the action for.
      console.warn('[subscribe] cap not checked', template.templateId, (error as Error).message)
      return 'failed'
    }
    if (!unit) return 'capped'
  }
  try {
    await cloud.openapi.subscribeMessage.send({ touser: openid, templateId: template.templateId, page, data, miniprogramState, lang: 'zh_CN' })
    return 'sent'
  } catch (error) {
    // Only messages that reached the phone count against the cap.
    await unit?.giveBack().catch(() => undefined)
    const errCode = (error as { errCode?: number }).errCode
    if (errCode === 43101) return 'refused'
    console.warn('[subscribe] message not sent', template.templateId, errCode, (error as Error).message)
    return 'failed'
  }
}
