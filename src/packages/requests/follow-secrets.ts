// The secret of an anonymous filing, made on the device. Its keys are kept by services/follow-keys.ts.
import Taro from '@tarojs/taro'

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
