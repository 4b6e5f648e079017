// Which station the caller belongs to, and the bureau's stations as counters are placed by them
// (src/core/booking/stations.ts decides the order). A resident's station is their community
// binding's; a member of staff's is their officer record's in the current jurisdiction, never
// anything the caller sends (null: bureau staff, who serve every station).
import { stationIdOfCommunity, stationIdOfOfficer, stationPosition } from '../../src/core/bureau/views'
import type { BureauJurisdiction } from '../../src/core/bureau/schema'
import { AppError } from '../../src/core/envelope'
import { servesStation, stationIdOfCounter, type StationPlace } from '../../src/core/booking/stations'
import type { UserDoc } from '../_shared/users'

export const stationPlaces = (bureau: BureauJurisdiction): StationPlace[] =>
  bureau.stations.map((s) => ({ id: s.station.id, name: s.station.name, position: stationPosition(s) }))

/** The station a resident counts as their own: their binding's, else their officer record's; null when neither. */
export function residentStationId(user: Pick<UserDoc, 'stationId' | 'communityId' | 'officerId'>, bureau: BureauJurisdiction): string | null {
  if (user.stationId) return user.stationId
  // Bound before bureaus and not migrated yet: the community still names its station.
  if (user.communityId) return stationIdOfCommunity(bureau, user.communityId)
  return user.officerId ? stationIdOfOfficer(bureau, user.officerId) : null
}

/** The station a member of staff serves: their officer record's; null for bureau staff. */
export const staffStationId = (user: Pick<UserDoc, 'officerId'>, bureau: BureauJurisdiction): string | null =>
  user.officerId ? stationIdOfOfficer(bureau, user.officerId) : null

/** Refuses a member of staff of one station a counter or booking of another (nothing of it is revealed). */
export function requireServes(user: Pick<UserDoc, 'officerId'>, bureau: BureauJurisdiction, record: { stationId?: string | null }) {
  const places = stationPlaces(bureau)
  if (!servesStation(staffStationId(user, bureau), stationIdOfCounter(record, places))) {
    throw new AppError('PERMISSION_DENIED', 'This counter or booking belongs to another station: serve your own station’s counters.', undefined, { why: 'other_station' })
  }
}

/** Whether a member of staff serves the station of a counter or booking (for lists: others are left out). */
export const serves = (user: Pick<UserDoc, 'officerId'>, bureau: BureauJurisdiction, record: { stationId?: string | null }) =>
  servesStation(staffStationId(user, bureau), stationIdOfCounter(record, stationPlaces(bureau)))
