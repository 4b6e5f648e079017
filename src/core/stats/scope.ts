// Whose figures: the station, a district (its communities), a community, or an officer (the cases
// and door-to-door requests assigned to them). Rollups are kept per station, community and officer
// key; a district is the sum of its communities' rollups.
import * as z from 'zod/mini'
import { DocId } from '../ids'
import type { Role } from '../roles'

export const StatsScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('station') }),
  z.strictObject({ kind: z.literal('district'), id: DocId }),
  z.strictObject({ kind: z.literal('community'), id: DocId }),
  z.strictObject({ kind: z.literal('officer'), id: DocId }),
])
export type StatsScope = z.infer<typeof StatsScope>
export type ScopeKind = StatsScope['kind']

export const STATION_KEY = 'station'
export const communityKey = (id: string) => `community:${id}`
export const officerKey = (id: string) => `officer:${id}`

export interface ScopeMap {
  communities: ReadonlyArray<{ id: string; districtId: string }>
}

/** The rollup keys whose sum is the scope's figures. */
export function rollupKeysOf(scope: StatsScope, map: ScopeMap): string[] {
  switch (scope.kind) {
    case 'station':
      return [STATION_KEY]
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
  /** Communities the officer answers for (一社区一民警), from the current jurisdiction. */
  coveredCommunityIds: readonly string[]
}

/** Leaders (and admins) see every scope; others only what they can answer for. */
export const seesWholeStation = (viewer: Viewer) => viewer.roles.includes('station_leader') || viewer.roles.includes('admin')

/**
 * Whether the viewer may read the scope: an officer sees their own figures and those of the
 * communities they cover, never another officer's or the whole station's.
 */
export function mayView(viewer: Viewer, scope: StatsScope): boolean {
  if (seesWholeStation(viewer)) return true
  if (scope.kind === 'officer') return scope.id === viewer.officerId
  if (scope.kind === 'community') return viewer.coveredCommunityIds.includes(scope.id)
  return false
}

/** The scope a viewer starts on: the station for leaders, their own figures for officers. */
export function defaultScope(viewer: Viewer): StatsScope | null {
  if (seesWholeStation(viewer)) return { kind: 'station' }
  return viewer.officerId ? { kind: 'officer', id: viewer.officerId } : null
}
