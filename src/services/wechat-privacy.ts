// WeChat's own privacy gate (weapp only). Since 2023 a mini-program must show its privacy notice
// and get an explicit tap on an `agreePrivacyAuthorization` button before WeChat lets privacy
// APIs (clipboard, phone number, location…) run. We route WeChat's request to our privacy page,
// whose agree button both satisfies WeChat and records the acceptance in our backend.
import Taro from '@tarojs/taro'

export const PRIVACY_PAGE = '/pages/privacy/index'
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void
let pendingResolve: Resolve | null = null

export function listenForWechatPrivacyRequests() {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pendingResolve = resolve
    const pages = Taro.getCurrentPages()
    const current = pages[pages.length - 1]
    if (`/${current?.route ?? ''}` !== PRIVACY_PAGE) Taro.navigateTo({ url: PRIVACY_PAGE })
  })
}

/** Tell WeChat the notice was shown (it asks for this before the person decides). */
export function reportWechatPrivacyExposure() {
  pendingResolve?.({ event: 'exposureAuthorization' })
}

export function resolveWechatPrivacy(agreed: boolean) {
  pendingResolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  pendingResolve = null
}

/**
 * The backend may hold an acceptance that WeChat on this phone does not (a new phone, a
 * reinstall). Asking WeChat re-opens our privacy page only in that case.
 */
export function ensureWechatPrivacyAuthorized() {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.requirePrivacyAuthorize({ fail: () => undefined })
}
