// An anonymous filer's keys to their own requests. The backend stores no openid with an anonymous
// request, only a keyed hash of a secret made on this device: the device is the only place that
// knows which requests are the filer's. "My requests" sends the kept pairs back to read, confirm
// and rate. Losing the device (or WeChat's data) loses the way back; the filing screen says so.
// It lives in the main package because the outbox (services/outbox.ts) keeps the key of an
// anonymous request it sends after the connection returns, when the requests pages may not be loaded.
import Taro from '@tarojs/taro'

export interface FollowKey {
  id: string
  followSecret: string
}

const KEY = 'fq-requests-follow'
/** The backend follows up to 20 at once; older ones are closed and rated long ago. */
export const MAX_FOLLOWED = 20

export function followKeys(): FollowKey[] {
  try {
    const stored: unknown = Taro.getStorageSync(KEY)
    if (!Array.isArray(stored)) return []
    return stored.filter((x): x is FollowKey => typeof x?.id === 'string' && typeof x?.followSecret === 'string')
  } catch {
    return []
  }
}

export function keepFollowKey(key: FollowKey): void {
  Taro.setStorageSync(KEY, [key, ...followKeys().filter((x) => x.id !== key.id)].slice(0, MAX_FOLLOWED))
}

export const followSecretOf = (id: string): string | undefined => followKeys().find((x) => x.id === id)?.followSecret
