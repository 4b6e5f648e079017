// An anonymous filer's keys to their own requests. The backend stores no openid with an anonymous
// request, so this device is the only place that knows which requests are theirs: the token the
// backend returned at filing is kept here, and "my requests" sends them back to read, confirm and
// rate. Losing the device (or WeChat's data) loses the way back; the filing screen says so.
import Taro from '@tarojs/taro'

const KEY = 'fq-requests-anonymous-tokens'
/** Far more than anyone files; the oldest fall off so storage stays small. */
const MAX_KEPT = 50

export function anonymousTokens(): string[] {
  try {
    const stored: unknown = Taro.getStorageSync(KEY)
    return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export function keepAnonymousToken(token: string): void {
  const kept = [token, ...anonymousTokens().filter((x) => x !== token)].slice(0, MAX_KEPT)
  Taro.setStorageSync(KEY, kept)
}

/** Tokens the backend no longer knows (the request was removed) are dropped. */
export function forgetAnonymousTokens(gone: readonly string[]): void {
  if (gone.length === 0) return
  Taro.setStorageSync(
    KEY,
    anonymousTokens().filter((x) => !gone.includes(x)),
  )
}
