// Officer invites: an admin issues a one-time code; the officer redeems it from their own WeChat.
import type { Dayjs } from '../time'
import type { Role } from '../roles'

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
