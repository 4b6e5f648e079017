// The scope checks every handler makes on the record it touches, following the scope its action
// declares (src/core/contract.ts). Pure: the communities an officer covers come from a loader the
// runtime passes in, so the rules are tested without a database.
import type { Scope } from './contract'
import { AppError } from './envelope'
import type { Role } from './roles'

export interface Caller {
  openid: string
  roles: readonly Role[]
  officerId: string | null
}

/** What ties a record to officers: its community, and the officers it was routed to. */
export interface CoveredRecord {
  communityId?: string | null
  officerIds?: ReadonlyArray<string | null>
}

/**
 * Station leaders and admins reach every community's records; so do the bureau's leaders and
 * admin. (The "roles" branch replaces this line with its per-station rules; the dashboard's own
 * station check is in cloudfunctions/stats.)
 */
export const isStationWide = (roles: readonly Role[]) => roles.includes('station_leader') || roles.includes('admin') || roles.includes('bureau_leader') || roles.includes('bureau_admin')

/**
 * The one answer of every scope check: PERMISSION_DENIED, with a fixed message that names no
 * record, owner or community. A missing record stays NOT_FOUND (handlers say so before the check);
 * record ids are random or keyed digests, so telling "not yours" from "missing" reveals nothing
 * an id could be guessed for.
 */
export const notYours = () => new AppError('PERMISSION_DENIED', 'This record is not among those you may see or change.', undefined, { why: 'not_yours' })

export interface ScopeChecks {
  /** The caller reaches every record of a `communities` action (leaders, admins). */
  readonly stationWide: boolean
  /**
   * The record must be the caller's. In a `communities` action station-wide callers pass too (a
   * leader corrects any notice); in a `station` action the check is a declaration error.
   */
  requireOwner(ownerOpenid: string | null | undefined): void
  /**
   * The record must be in a community the calling officer covers or routed to them; station-wide
   * callers pass. Only `communities` actions may ask.
   */
  requireCovered(record: CoveredRecord): Promise<void>
}

export function scopeChecks(scope: Scope, caller: Caller, coveredCommunityIds: (officerId: string) => Promise<readonly string[]>): ScopeChecks {
  const stationWide = isStationWide(caller.roles)
  const misdeclared = (check: string) => new Error(`${check} in an action declared with scope '${scope}': declare the scope the handler enforces`)
  return {
    stationWide,
    requireOwner(ownerOpenid) {
      if (scope === 'station') throw misdeclared('requireOwner')
      if (scope === 'communities' && stationWide) return
      if (!ownerOpenid || ownerOpenid !== caller.openid) throw notYours()
    },
    async requireCovered(record) {
      if (scope !== 'communities') throw misdeclared('requireCovered')
      if (stationWide) return
      const officerId = caller.officerId
      if (!officerId) throw notYours()
      if (record.officerIds?.includes(officerId)) return
      if (record.communityId && (await coveredCommunityIds(officerId)).includes(record.communityId)) return
      throw notYours()
    },
  }
}
