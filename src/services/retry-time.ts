// When a refused action may be tried again: an abuse limit answers RESOURCE_EXHAUSTED with
// `details.retryAt`; messages show it as the station's wall clock (`{time}`).
import type { CloudCallError } from './cloud'
import { formatStationTime } from './station-time'

export function retryTimeOf(error: Pick<CloudCallError, 'details'>): { time: string } {
  const at = error.details?.retryAt
  return { time: typeof at === 'string' ? formatStationTime(at) : '' }
}
