// Officer invites: an admin issues a one-time code; the officer redeems it from their own WeChat.
import type { Dayjs } from '../time'
import { BUREAU_ROLES, type Role } from '../roles'
import { isBureauWide } from '../scope'

/** An unused invite stays valid for a week: long enough to reach an officer on patrol. */
export const INVITE_VALID_DAYS = 7

export interface StoredInvite {
  officerId: string
  roles: Role[]
  expiresAt: Date
  redeemedBy: string | null
}

export type RedeemDecision = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'FAILED_PRECONDITION'; reason: string }

export function decideRedeem(invite: StoredInvite | null, now: Dayjs): RedeemDecision {
  if (!invite) return { ok: false, code: 'NOT_FOUND', reason: 'No invite has this code.' }
  if (invite.redeemedBy) return { ok: false, code: 'FAILED_PRECONDITION', reason: 'This invite has already been used.' }
  if (!now.isBefore(invite.expiresAt)) return { ok: false, code: 'FAILED_PRECONDITION', reason: 'This invite has expired; ask the admin for a new one.' }
  return { ok: true }
}

/** Roles after redeeming: the invite's roles added to what the person already holds. */
export function rolesAfterRedeem(held: readonly Role[], granted: readonly Role[]): Role[] {
  return [...new Set([...held, ...granted])]
}

export type InviteRefusal = { code: 'PERMISSION_DENIED' | 'FAILED_PRECONDITION'; why: 'other_station' | 'bureau_role' | 'not_bureau_staff'; message: string }

/**
 * Whether an admin may issue an invite granting `roles` for an officer record of
 * `officerStationId` (null: the bureau's own staff). A station admin invites only their station's
 * officers (`inviter.stationId`; a caller with a bureau role reaches every station), and never to
 * a bureau role; the bureau admin invites anyone, and grants a bureau role
 * only to bureau staff (a bureau role acts for every station, which an officer of one station
 * does not: they are moved to the bureau's staff in the jurisdiction first). Null: allowed.
 */
export function inviteRefusal(inviter: { roles: readonly Role[]; stationId: string | null }, officerStationId: string | null, roles: readonly Role[]): InviteRefusal | null {
  const bureauAdmin = inviter.roles.includes('bureau_admin')
  const bureauRole = roles.some((r) => BUREAU_ROLES.includes(r))
  if (bureauRole && !bureauAdmin) return { code: 'PERMISSION_DENIED', why: 'bureau_role', message: 'Only the bureau admin invites to a bureau role; ask them to issue this invite.' }
  if (!isBureauWide(inviter.roles) && officerStationId !== inviter.stationId) return { code: 'PERMISSION_DENIED', why: 'other_station', message: 'This officer belongs to another station; their station’s admin or the bureau admin invites them.' }
  if (bureauRole && officerStationId !== null) {
    return { code: 'FAILED_PRECONDITION', why: 'not_bureau_staff', message: 'A bureau role goes to the bureau’s own staff: list this officer among the bureau’s officers in the jurisdiction first, or invite them to a station role.' }
  }
  return null
}
