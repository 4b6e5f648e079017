// WeChat's map picker answers in GCJ-02, China's offset datum; community boundaries (and routing)
// are WGS-84, and the offset (up to several hundred metres) can put a place into the neighbouring
// gacha. This inverts the published GCJ-02 transform by fixed-point iteration: three rounds bring
// the error under a centimetre, far below what routing needs.
import type { Position } from '../../services/current-position'

const A = 6378245.0
const EE = 0.00669342162296594323

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return ret
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return ret
}

/** WGS-84 → GCJ-02 (the forward transform WeChat's maps apply). */
export function wgs84ToGcj02({ lng, lat }: Position): Position {
  const dLat0 = transformLat(lng - 105.0, lat - 35.0)
  const dLng0 = transformLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat)
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (dLat0 * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (dLng0 * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lng: lng + dLng, lat: lat + dLat }
}

/** GCJ-02 → WGS-84: the point whose forward transform lands on the picked one. */
export function gcj02ToWgs84(picked: Position): Position {
  let guess = picked
  for (let i = 0; i < 3; i++) {
    const forward = wgs84ToGcj02(guess)
    guess = { lng: guess.lng - (forward.lng - picked.lng), lat: guess.lat - (forward.lat - picked.lat) }
  }
  return guess
}
