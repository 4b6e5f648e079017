// The scope checks every handler makes on the record it touches, following the scope its action
// declares (src/core/contract.ts). Pure: the communities an officer covers come from a loader the
// runtime passes in, and the caller's station and the bureau's first station are resolved by the
// runtime, so the rules are tested without a database.
//
// Roles with a place (issue 21): station leaders and station admins reach every record of their
// own station, bureau leaders and the bureau admin every record of every station. A record's
// station is its `stationId`; a record written before bureaus has none and belongs to the
// bureau's first station. Officers cover communities as before, whatever the station.
import type { Scope } from './contract'
import { AppError } from './envelope'
import { ADMIN_ROLES, BUREAU_ROLES, LEADER_ROLES, type Role } from './roles'

export interface Caller {
  openid: string
  roles: readonly Role[]
  officerId: string | null
  /**
   * The station a station leader or station admin acts for: their officer record's station, or
   * the bureau's first station for one with no officer record of a station (the admin of a
   * deployment from before bureaus). Null for everyone else (bureau roles reach every station).
   */
  stationId: string | null
}

/** What ties a record to officers: its station, its community, and the officers it was routed to. */
export interface CoveredRecord {
  /** The record's station; missing or null: the bureau's first station (written before bureaus). */
  stationId?: string | null
  communityId?: string | null
  officerIds?: ReadonlyArray<string | null>
}

/** Bureau leaders and the bureau admin act for every station. */
export const isBureauWide = (roles: readonly Role[]) => roles.some((r) => BUREAU_ROLES.includes(r))

/** Leaders and admins reach every community's records: of their station, or of all (bureau roles). */
export const isStationWide = (roles: readonly Role[]) => isBureauWide(roles) || roles.some((r) => LEADER_ROLES.includes(r) || ADMIN_ROLES.includes(r))

/** A leader (station or bureau): leadership lists, escalation, complaints about officers. */
export const isLeader = (roles: readonly Role[]) => roles.some((r) => LEADER_ROLES.includes(r))

/** An admin (station or bureau). */
export const isAdmin = (roles: readonly Role[]) => roles.some((r) => ADMIN_ROLES.includes(r))

/** Whether the caller's place needs resolving: a station-level leader or admin without a bureau role. */
export const actsForOneStation = (roles: readonly Role[]) => isStationWide(roles) && !isBureauWide(roles)

/** The station a record belongs to: its own, or the first station for a record from before bureaus. */
export const stationOfRecord = (stationId: string | null | undefined, firstStationId: string | null) => stationId ?? firstStationId

/**
 * The one answer of every scope check: PERMISSION_DENIED, with a fixed message that names no
 * record, owner or community. A missing record stays NOT_FOUND (handlers say so before the check);
 * record ids are random or keyed digests, so telling "not yours" from "missing" reveals nothing
 * an id could be guessed for.
 */
export const notYours = () => new AppError('PERMISSION_DENIED', 'This record is not among those you may see or change.', undefined, { why: 'not_yours' })

export interface ScopeChecks {
  /** The caller reaches every record of a `communities` action of their station, or of all (leaders, admins). */
  readonly stationWide: boolean
  /** The caller reaches every station (bureau leaders, the bureau admin). */
  readonly bureauWide: boolean
  /**
   * The one station a station-wide caller's lists and views are limited to; null when they are
   * not limited (bureau roles) or the caller is not station-wide (officers, residents).
   */
  readonly stationId: string | null
  /** The bureau's first station, which records without `stationId` belong to. */
  readonly firstStationId: string | null
  /** Whether a station-wide caller reaches a record of this station (bureau roles: every one). */
  reachesStation(recordStationId: string | null | undefined): boolean
  /** Whether the caller leads the record's station: a station leader of it, or a bureau leader. */
  leads(recordStationId: string | null | undefined): boolean
  /**
   * The record must be the caller's. In a `communities` action station-wide callers pass too for
   * records of their station (a leader corrects any notice of the station); in a `station` action
   * the check is a declaration error.
   */
  requireOwner(ownerOpenid: string | null | undefined, recordStationId?: string | null): void
  /**
   * The record must be in a community the calling officer covers or routed to them; station-wide
   * callers pass for records of their station. Only `communities` actions may ask.
   */
  requireCovered(record: CoveredRecord): Promise<void>
}

export function scopeChecks(scope: Scope, caller: Caller, coveredCommunityIds: (officerId: string) => Promise<readonly string[]>, firstStationId: string | null = null): ScopeChecks {
  const stationWide = isStationWide(caller.roles)
  const bureauWide = isBureauWide(caller.roles)
  const stationId = stationWide && !bureauWide ? caller.stationId : null
  const reachesStation = (recordStationId: string | null | undefined) => {
    if (!stationWide) return false
    if (bureauWide) return true
    // A station-level caller whose station could not be resolved reaches nothing station-wide.
    return stationId !== null && stationOfRecord(recordStationId, firstStationId) === stationId
  }
  const misdeclared = (check: string) => new Error(`${check} in an action declared with scope '${scope}': declare the scope the handler enforces`)
  return {
    stationWide,
    bureauWide,
    stationId,
    firstStationId,
    reachesStation,
    leads: (recordStationId) =>
      caller.roles.includes('bureau_leader') || (caller.roles.includes('station_leader') && caller.stationId !== null && stationOfRecord(recordStationId, firstStationId) === caller.stationId),
    requireOwner(ownerOpenid, recordStationId) {
      if (scope === 'station') throw misdeclared('requireOwner')
      if (ownerOpenid && ownerOpenid === caller.openid) return
      if (scope === 'communities' && reachesStation(recordStationId)) return
      throw notYours()
    },
    async requireCovered(record) {
      if (scope !== 'communities') throw misdeclared('requireCovered')
      if (reachesStation(record.stationId)) return
      const officerId = caller.officerId
      if (!officerId) throw notYours()
      if (record.officerIds?.includes(officerId)) return
      if (record.communityId && (await coveredCommunityIds(officerId)).includes(record.communityId)) return
      throw notYours()
    },
  }
}
