// Routing a request across the bureau, as every routing function stores it: the station's
// decision in the single-station shape (`decision`, so screens and descriptions read it as
// before), the station it landed in and why (`stationId`, `stationReason`).
import { describeBureauRoute } from '../../src/core/bureau/describe'
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
  /** The decision as one sentence per language: why this station, then the station's steps. */
  routeReason: { zh: string; mn: string }
}

/** `openCases`: each officer's open records of this function, when it weighs them (mediation, home visits). */
export function routeAcrossBureau(current: Loaded, request: RouteRequest, now: Dayjs, openCases?: Record<string, number>): BureauRouting {
  const rosters = openCases ? rostersWithOpenCases(current, openCases) : current.rosters
  const result = routeInBureau(request, current.bureauIndex, rosters, current.leave, now)
  const decision = storedDecision(result, current.bureau)
  const sentence = (language: 'zh' | 'mn') => describeBureauRoute(decision, result.station, result.stationId, current.bureau, current.jurisdiction, language)
  return { decision, stationId: result.stationId, stationReason: result.station, routeReason: { zh: sentence('zh'), mn: sentence('mn') } }
}
