// Where a volunteers call acts in the bureau (src/core/volunteers/stations.ts decides): the
// caller's reach as staff, a resident's or volunteer's own station, and the teams' stations. The
// caller's station is their officer record's in the current jurisdiction, or their binding's,
// never anything they send. The jurisdiction comes through ctx.current() (its version pointer is
// joined onto the runtime's user read), so on a warm instance this costs no database request.
import { stationIdOfCommunity, stationIdOfOfficer } from '../../src/core/bureau/views'
import type { BureauJurisdiction } from '../../src/core/bureau/schema'
import { AppError } from '../../src/core/envelope'
import { manages, recordStation, volunteerReach, type VolunteerReach } from '../../src/core/volunteers/stations'
import type { Ctx } from '../_shared/runtime'
import type { UserDoc } from '../_shared/users'
import type { TeamDoc } from './records'

export interface Placed {
  bureau: BureauJurisdiction
  firstStationId: string
  reach: VolunteerReach
  /** The station a resident or volunteer counts as theirs (their binding's, else their officer record's, else the first). */
  ownStationId: string
}

export async function placeOfCaller(ctx: Pick<Ctx, 'user' | 'current' | 'stationId'>): Promise<Placed> {
  const { bureau } = await ctx.current()
  const firstStationId = bureau.stations[0].station.id
  const officerId = ctx.user.officerId
  const inStation = officerId ? stationIdOfOfficer(bureau, officerId) : null
  const bureauStaff = officerId !== null && inStation === null && bureau.officers.some((o) => o.id === officerId)
  const reach = volunteerReach({ roles: ctx.user.roles, officerId, stationId: ctx.stationId }, { known: inStation !== null || bureauStaff, stationId: inStation }, firstStationId)
  return { bureau, firstStationId, reach, ownStationId: ownStationOf(ctx.user, bureau) ?? inStation ?? firstStationId }
}

/** A resident's station by their binding: the stored one, or (bound before bureaus) their community's. */
function ownStationOf(user: Pick<UserDoc, 'stationId' | 'communityId'>, bureau: BureauJurisdiction): string | null {
  if (user.stationId) return user.stationId
  return user.communityId ? stationIdOfCommunity(bureau, user.communityId) : null
}

export const teamStation = (team: Pick<TeamDoc, 'stationId'>, firstStationId: string) => recordStation(team.stationId, firstStationId)

/**
 * The one refusal for anything of another station, or of the bureau to station staff: it names
 * no record, team or volunteer of the other station.
 */
export const otherStation = () =>
  new AppError('PERMISSION_DENIED', 'These volunteers, teams or activities belong to another station or to the bureau: manage your own station’s.', undefined, { why: 'other_station' })

export function requireManages(reach: VolunteerReach, station: string | null) {
  if (!manages(reach, station)) throw otherStation()
}
