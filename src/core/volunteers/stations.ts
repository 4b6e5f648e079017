// Volunteers in a bureau of stations (issue 21), pure. A team, an activity and an attendance
// record carry `stationId`: a station's id, or null for the bureau's own (a bureau-wide team, e.g.
// the banner's anti-fraud publicity team, and its activities). A record written before bureaus
// has no `stationId` at all and belongs to the bureau's first station.
//
// Decisions (docs/bureau.md › Volunteers per station):
// - An activity belongs to the station of the teams it is open to: all of one station, or all
//   bureau-wide (mixing is refused). A station's activity is open to the teams it names, which are
//   that station's: a volunteer of another station does not see or join it. A herder near a
//   station's border who helps both stations does so through bureau-wide activities, which every
//   active volunteer of the bureau may join whatever their team.
// - Station staff (officers and station leaders of a station) manage their station's teams'
//   applications and their station's activities only; bureau-wide teams and activities are the
//   bureau's: bureau leaders and bureau staff (an officer record of no station) manage them and
//   every station's. Station staff may not create an activity for a bureau-wide team: it would be
//   the bureau's activity, which they could then not manage.
import type { Role } from '../roles'
import { isBureauWide } from '../scope'

/** Who a member of staff manages volunteers for: every station and the bureau, or one station. */
export type VolunteerReach = { kind: 'bureau' } | { kind: 'station'; stationId: string } | { kind: 'none' }

/**
 * A member of staff's reach. Bureau roles and bureau staff (an officer record of no station)
 * manage everything; a station's staff their station; a station leader with no officer record of
 * a station (a deployment's staff from before bureaus) the station the runtime resolved for them
 * (the first); anyone else nothing.
 */
export function volunteerReach(caller: { roles: readonly Role[]; officerId: string | null; stationId: string | null }, officerStation: { known: boolean; stationId: string | null }, firstStationId: string | null): VolunteerReach {
  if (isBureauWide(caller.roles)) return { kind: 'bureau' }
  if (caller.officerId && officerStation.known) return officerStation.stationId === null ? { kind: 'bureau' } : { kind: 'station', stationId: officerStation.stationId }
  const fallback = caller.stationId ?? firstStationId
  return fallback ? { kind: 'station', stationId: fallback } : { kind: 'none' }
}

/** A volunteer record's station: its own; none stored (written before bureaus): the first station; null: the bureau's. */
export const recordStation = (stationId: string | null | undefined, firstStationId: string | null): string | null => (stationId === undefined ? firstStationId : stationId)

/** Whether the reach covers a record of this station (null: bureau-wide). */
export function manages(reach: VolunteerReach, station: string | null): boolean {
  if (reach.kind === 'bureau') return true
  return reach.kind === 'station' && station !== null && station === reach.stationId
}

export interface StationedTeam {
  id: string
  /** Resolved with recordStation: a station's id, or null for a bureau-wide team. */
  stationId: string | null
}

/**
 * The station an activity for these teams belongs to, or why there is none: a team the bureau
 * does not have, teams of more than one station, or teams the caller does not manage.
 */
export function activityStation(teamIds: readonly string[], teams: readonly StationedTeam[], reach: VolunteerReach): { ok: true; stationId: string | null } | { ok: false; why: 'unknown_team' | 'mixed_stations' | 'other_station'; teamIds: string[] } {
  const byId = new Map(teams.map((t) => [t.id, t]))
  const unknown = teamIds.filter((id) => !byId.has(id))
  if (unknown.length > 0) return { ok: false, why: 'unknown_team', teamIds: unknown }
  const stations = new Set(teamIds.map((id) => byId.get(id)!.stationId))
  if (stations.size > 1) return { ok: false, why: 'mixed_stations', teamIds: [...teamIds] }
  const stationId = teamIds.length > 0 ? byId.get(teamIds[0])!.stationId : null
  if (!manages(reach, stationId)) return { ok: false, why: 'other_station', teamIds: [...teamIds] }
  return { ok: true, stationId }
}

/**
 * The teams a caller is shown, in order: a resident's or volunteer's station's teams, then the
 * bureau's (`viewer` null: a resident bound to no community, who sees the first station's); a
 * member of staff of a station the same; bureau staff every team, grouped by station in the
 * bureau's order, the bureau's last. Inside a group the teams keep their `order`.
 */
export function teamsFor<T extends StationedTeam & { order: number }>(teams: readonly T[], viewer: { kind: 'bureau' } | { kind: 'station'; stationId: string }, stationOrder: readonly string[]): T[] {
  const rank = (station: string | null) => (station === null ? stationOrder.length : stationOrder.indexOf(station) < 0 ? stationOrder.length + 1 : stationOrder.indexOf(station))
  const shown = viewer.kind === 'bureau' ? teams : teams.filter((t) => t.stationId === null || t.stationId === viewer.stationId)
  return [...shown].sort((a, b) => rank(a.stationId) - rank(b.stationId) || a.order - b.order)
}
