// What this app keeps on the device for one person (drafts, the outbox, offline copies), under
// keys that carry the person on h5 (the local demo switches identities in one browser; on weapp
// one WeChat account is one person and the storage is theirs alone). Storage may be full or
// unavailable: a failed write loses the copy, never the screen.
import Taro from '@tarojs/taro'
import { getDemoOpenid } from './demo-identity'

/** The current person on this device: the h5 demo identity, or '' on weapp. */
export const deviceOwner = () => getDemoOpenid() ?? ''

export const ownedKey = (key: string) => {
  const owner = deviceOwner()
  return owner ? `${key}@${owner}` : key
}

export function readStored(key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return undefined
  }
}

export function writeStored(key: string, value: unknown) {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // Full or unavailable: this copy is lost, the screen goes on.
  }
}

export function removeStored(key: string) {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // Nothing to remove or storage unavailable.
  }
}
