// Urgent alerts are WeChat one-time subscription messages: each acceptance of the template
// allows one message, so the app asks, and records each acceptance with the notices function.
import Taro from '@tarojs/taro'
import { DEFAULT_ALERT_TEMPLATE } from '../../core/notices/config'

const ALERT_TEMPLATE_ID = DEFAULT_ALERT_TEMPLATE.templateId

/** 1 when the resident accepted, 0 when they declined; null where subscriptions do not exist (h5). */
export function askForAlert(): Promise<number | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null)
  return Taro.requestSubscribeMessage({ tmplIds: [ALERT_TEMPLATE_ID], entityIds: [] }).then(
    (result) => ((result as unknown as Record<string, unknown>)[ALERT_TEMPLATE_ID] === 'accept' ? 1 : 0),
    () => 0,
  )
}
