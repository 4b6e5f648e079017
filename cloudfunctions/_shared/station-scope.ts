// The query side of roles with a place (src/core/scope.ts): what a leader's or admin's list
// matches so that it holds only their station's records (bureau roles: every station's).
import type { ScopeChecks } from '../../src/core/scope'
import { _ } from './cloud'
import { getOfficer } from './officers'

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

/**
 * For records that tell bureau-level ones apart (the audit log, content checks): `stationId` null
 * = bureau-level (bureau staff's work, a request no station took), shown to bureau roles only;
 * a missing `stationId` = written before stations, the first station's. Conditions to AND with the
 * query's own: a station's own records, for the first station also those without the field. `$in`
 * with null matches both a missing and a null field, so the null ones are then left out by a
 * condition applied to what the index selected (an `$or` would need an in-memory sort).
 */
export function stationOrBureauMatch(scope: Pick<ScopeChecks, 'bureauWide' | 'stationId' | 'firstStationId'>): object[] {
  if (scope.bureauWide) return []
  if (scope.stationId === null) return [{ stationId: NO_STATION }]
  if (scope.stationId !== scope.firstStationId) return [{ stationId: scope.stationId }]
  return [{ stationId: _.in([scope.stationId, null]) }, _.nor([{ stationId: _.exists(true).and(_.eq(null)) }])]
}

/**
 * The station a staff member works for, for what they make that belongs to no record of a station
 * (a notice picture): a station leader's or admin's as the runtime resolved it, an officer's from
 * their officer record; null for bureau staff.
 */
export async function staffStationId(ctx: Pick<ScopeChecks, 'stationWide' | 'stationId'> & { user: { officerId: string | null } }): Promise<string | null> {
  if (ctx.stationWide) return ctx.stationId
  const officer = ctx.user.officerId ? await getOfficer(ctx.user.officerId) : null
  return officer?.stationId ?? null
}
