// Roles a person can hold. They are stored on the user document and never taken from an event.
import * as z from 'zod/mini'

export const ROLES = ['resident', 'volunteer', 'officer', 'station_leader', 'admin', 'bureau_leader', 'bureau_admin'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** Everyone who has opened the app is at least a resident. */
export const ANYONE: readonly Role[] = ROLES
export const STAFF: readonly Role[] = ['officer', 'station_leader', 'admin', 'bureau_leader', 'bureau_admin']

/**
 * Roles with a place: a station leader and a station admin act for their own station, a bureau
 * leader and the bureau admin for every station (like a station leader, an admin, everywhere).
 */
export const LEADER_ROLES: readonly Role[] = ['station_leader', 'bureau_leader']
export const ADMIN_ROLES: readonly Role[] = ['admin', 'bureau_admin']
export const BUREAU_ROLES: readonly Role[] = ['bureau_leader', 'bureau_admin']

export const hasAnyRole = (held: readonly Role[], allowed: readonly Role[]) => held.some((r) => allowed.includes(r))
