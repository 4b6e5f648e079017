// Where the phone is, to bind a resident to the community that contains it.
// Always WGS-84: community boundaries are GeoJSON, whose datum is WGS-84. WeChat's default,
// GCJ-02 (China's offset datum), can be several hundred metres off, enough to put a house at a
// gacha boundary into the neighbouring gacha. A browser's geolocation is WGS-84 already.
import Taro from '@tarojs/taro'

export interface Position {
  lng: number
  lat: number
}

export type PositionFailure = 'denied' | 'unavailable'

/** Why no position came: a plain tagged object (an Error subclass costs transpiled helpers in the main package). */
export interface PositionError {
  positionFailure: PositionFailure
  message: string
}

export const isPositionError = (err: unknown): err is PositionError => typeof err === 'object' && err !== null && 'positionFailure' in err

const failure = (positionFailure: PositionFailure, message: string): PositionError => ({ positionFailure, message })

/** A fix at most a minute old is good enough to find a community; waiting longer helps nobody. */
const MAX_AGE_MS = 60_000
const TIMEOUT_MS = 20_000

export function currentPosition(): Promise<Position> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) => {
      if (typeof navigator === 'undefined' || !navigator.geolocation) {
        reject(failure('unavailable', 'this browser has no geolocation'))
        return
      }
      navigator.geolocation.getCurrentPosition(
        (position) => resolve({ lng: position.coords.longitude, lat: position.coords.latitude }),
        (error) => reject(failure(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable', error.message)),
        { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: MAX_AGE_MS },
      )
    })
  }
  return Taro.getLocation({ type: 'wgs84' }).then(
    ({ longitude, latitude }) => ({ lng: longitude, lat: latitude }),
    (err: { errMsg?: string }) => {
      const message = err?.errMsg ?? String(err)
      // "getLocation:fail auth deny", "…:fail privacy permission is not authorized", "…system permission denied"
      throw failure(/auth|deny|denied|permission/i.test(message) ? 'denied' : 'unavailable', message)
    },
  )
}
