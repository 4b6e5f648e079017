// The query side of roles with a place (src/core/scope.ts): what a leader's or admin's list
// matches so that it holds only their station's records (bureau roles: every station's).
import type { ScopeChecks } from '../../src/core/scope'
import { _ } from './cloud'

/** A station id no station has: a station-level caller whose station is unknown lists nothing. */
const NO_STATION = 'no-station'

/**
 * The `stationId` condition of a station-wide list. Records written before bureaus carry no
 * `stationId` and belong to the first station, so its leaders match those too (`$in` with null
 * matches a missing field). Empty for bureau roles.
 */
export function stationMatch(scope: Pick<ScopeChecks, 'bureauWide' | 'stationId' | 'firstStationId'>): Record<string, unknown> {
  if (scope.bureauWide) return {}
  if (scope.stationId === null) return { stationId: NO_STATION }
  return { stationId: scope.stationId === scope.firstStationId ? _.in([scope.stationId, null]) : scope.stationId }
}
