// WeChat asks the person whether the station may send these subscription messages; each
// acceptance allows one message. Only in WeChat (h5 has no subscriptions). Declining, or a
// template the account has not registered, must never stop what the person was doing, so the
// promise always resolves.
import Taro from '@tarojs/taro'

export function askForMessages(templates: ReadonlyArray<{ templateId: string }>): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve()
  return Taro.requestSubscribeMessage({ tmplIds: templates.map((t) => t.templateId), entityIds: [] }).then(
    () => undefined,
    () => undefined,
  )
}
