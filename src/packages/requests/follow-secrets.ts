// An anonymous filer's keys to their own requests. The backend stores no openid with an anonymous
// request, only a keyed hash of a secret made here: this device is the only place that knows which
// requests are the filer's. "My requests" sends the kept pairs back to read, confirm and rate.
// Losing the device (or WeChat's data) loses the way back; the filing screen says so.
import Taro from '@tarojs/taro'

export interface FollowKey {
  id: string
  followSecret: string
}

const KEY = 'fq-requests-follow'
/** The backend follows up to 20 at once; older ones are closed and rated long ago. */
export const MAX_FOLLOWED = 20

function randomBytes(length: number): Promise<Uint8Array> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Promise((resolve, reject) => {
      Taro.getUserCryptoManager().getRandomValues({ length, success: ({ randomValues }) => resolve(new Uint8Array(randomValues)), fail: reject })
    })
  }
  return Promise.resolve(crypto.getRandomValues(new Uint8Array(length)))
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** 256 random bits as 43 URL-safe characters (the contract asks for at least 128 bits). Never Math.random: it is a secret. */
export function newFollowSecret(): Promise<string> {
  return randomBytes(43).then((bytes) => Array.from(bytes, (b) => URL_SAFE[b & 63]).join(''))
}

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
