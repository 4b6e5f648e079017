// Whose figures: the bureau (every station), a station, a district (its communities), a community,
// or an officer (the cases, door-to-door requests and resident requests assigned to them). Rollups
// are kept per bureau, station, community and officer key; a district is the sum of its
// communities' rollups, and the bureau's counts are the sum of its stations' (every record belongs
// to exactly one station: its `stationId`, or the bureau's first station when it has none).
import * as z from 'zod/mini'
import { DocId } from '../ids'
import type { Role } from '../roles'

export const StatsScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bureau') }),
  /** Without an id: the caller's own station (staff without a station: the bureau's first). */
  z.strictObject({ kind: z.literal('station'), id: z.optional(DocId) }),
  z.strictObject({ kind: z.literal('district'), id: DocId }),
  z.strictObject({ kind: z.literal('community'), id: DocId }),
  z.strictObject({ kind: z.literal('officer'), id: DocId }),
])
export type StatsScope = z.infer<typeof StatsScope>
export type ScopeKind = StatsScope['kind']

export const BUREAU_KEY = 'bureau'
export const stationKey = (id: string) => `station:${id}`
export const communityKey = (id: string) => `community:${id}`
export const officerKey = (id: string) => `officer:${id}`

export interface ScopeMap {
  communities: ReadonlyArray<{ id: string; districtId: string }>
}

/** The rollup keys whose sum is the scope's figures; a station scope needs its id resolved (resolveScope). */
export function rollupKeysOf(scope: StatsScope, map: ScopeMap): string[] {
  switch (scope.kind) {
    case 'bureau':
      return [BUREAU_KEY]
    case 'station':
      if (!scope.id) throw new Error('A station scope is read with its id (resolveScope).')
      return [stationKey(scope.id)]
    case 'district':
      return map.communities.filter((c) => c.districtId === scope.id).map((c) => communityKey(c.id))
    case 'community':
      return [communityKey(scope.id)]
    case 'officer':
      return [officerKey(scope.id)]
  }
}

export interface Viewer {
  roles: readonly Role[]
  officerId: string | null
  /**
   * The station whose figures a station leader reads: their officer record's station, never what
   * the caller sends; staff without a station (an admin account) read the bureau's first station.
   */
  stationId: string
  /** Communities the officer answers for (一社区一民警), from the current jurisdiction. */
  coveredCommunityIds: readonly string[]
}

/** Bureau leaders and the bureau admin see the bureau and every station. */
export const seesBureau = (viewer: Pick<Viewer, 'roles'>) => viewer.roles.includes('bureau_leader') || viewer.roles.includes('bureau_admin')

/** Station leaders (and admins) see every scope of their station; bureau viewers of every station. */
export const seesWholeStation = (viewer: Pick<Viewer, 'roles'>) => seesBureau(viewer) || viewer.roles.includes('station_leader') || viewer.roles.includes('admin')

/** A station scope without an id is the viewer's own station. */
export const resolveScope = (scope: StatsScope, viewer: Pick<Viewer, 'stationId'>): StatsScope => (scope.kind === 'station' && !scope.id ? { kind: 'station', id: viewer.stationId } : scope)

/**
 * Whether the viewer may read the scope, given the station the scope lies in (null for the
 * bureau): bureau viewers read everything; station leaders their own station's scopes, nothing of
 * another station; an officer their own figures and those of the communities they cover.
 */
export function mayView(viewer: Viewer, scope: StatsScope, scopeStationId: string | null): boolean {
  if (seesBureau(viewer)) return true
  if (scope.kind === 'bureau') return false
  if (seesWholeStation(viewer) && scopeStationId === viewer.stationId) return true
  if (scope.kind === 'officer') return scope.id === viewer.officerId
  if (scope.kind === 'community') return viewer.coveredCommunityIds.includes(scope.id)
  return false
}

/** The scope a viewer starts on: the bureau for bureau leaders, the station for station leaders, their own figures for officers. */
export function defaultScope(viewer: Pick<Viewer, 'roles' | 'officerId'>): StatsScope | null {
  if (seesBureau(viewer)) return { kind: 'bureau' }
  if (seesWholeStation(viewer)) return { kind: 'station' }
  return viewer.officerId ? { kind: 'officer', id: viewer.officerId } : null
}
