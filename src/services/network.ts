// Whether this device has a connection, as the platform reports it, and who wants to know when it
// changes (the offline banner, the outbox that sends what waited). On h5 the browser's online and
// offline events; on weapp WeChat's network status. A report of "connected" is a hint, not a
// promise: a call can still fail, and cloud.ts then says it was the connection.
import Taro from '@tarojs/taro'

type Listener = (online: boolean) => void

let online = true
const listeners = new Set<Listener>()
let watching = false

function update(next: boolean) {
  if (next === online) return
  online = next
  for (const listener of Array.from(listeners)) listener(next)
}

function watch() {
  if (watching) return
  watching = true
  if (process.env.TARO_ENV === 'h5') {
    online = typeof navigator === 'undefined' || navigator.onLine !== false
    window.addEventListener('online', () => update(true))
    window.addEventListener('offline', () => update(false))
    return
  }
  Taro.getNetworkType()
    .then(({ networkType }) => update(networkType !== 'none'))
    .catch(() => undefined)
  Taro.onNetworkStatusChange(({ isConnected }) => update(isConnected))
}

export function isOnline(): boolean {
  watch()
  return online
}

/** Called with the new state on every change; returns the unsubscribe. */
export function onNetworkChange(listener: Listener): () => void {
  watch()
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
