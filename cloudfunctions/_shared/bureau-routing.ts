// Routing a request across the bureau, as every routing function stores it: the station's
// decision in the single-station shape (`decision`, so screens and descriptions read it as
// before), the station it landed in and why (`stationId`, `stationReason`).
import { routeInBureau, type StationReason } from '../../src/core/bureau/route'
import { storedDecision } from '../../src/core/bureau/views'
import type { RouteRequest } from '../../src/core/routing/contract'
import type { RouteResult } from '../../src/core/routing/result'
import type { Dayjs } from '../../src/core/time'
import { rostersWithOpenCases, type Loaded } from './jurisdiction-store'

export interface BureauRouting {
  decision: RouteResult
  /** null only when the bureau duty desk took a request no station could (no place, or beyond every station's reach). */
  stationId: string | null
  stationReason: StationReason
}

/** `openCases`: each officer's open records of this function, when it weighs them (mediation, home visits). */
export function routeAcrossBureau(current: Loaded, request: RouteRequest, now: Dayjs, openCases?: Record<string, number>): BureauRouting {
  const rosters = openCases ? rostersWithOpenCases(current, openCases) : current.rosters
  const result = routeInBureau(request, current.bureauIndex, rosters, current.leave, now)
  return { decision: storedDecision(result, current.bureau), stationId: result.stationId, stationReason: result.station }
}
