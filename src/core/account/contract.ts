// The account function: who the caller is, their roles and preferences, and officer invites.
import * as z from 'zod/mini'
import { defineFunction } from '../contract'
import { DocId, Language, RequestId } from '../ids'
import { ANYONE, Role } from '../roles'

/** Invite codes are 8 characters from an alphabet without look-alikes (0/O, 1/I). */
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const InviteCode = z.pipe(z.pipe(z.string().check(
  z.trim(),
  z.toUpperCase(),
), z.transform((s) => s.replace(/[\s-]/g, ''))), z.string().check(z.regex(new RegExp(`^[${INVITE_ALPHABET}]{8}$`), 'must be the 8-character code from the invite')))

export const PRIVACY_POLICY_VERSION = '2026-12'

export const OfficerSummary = z.object({
  id: DocId,
  name: z.string(),
  title: z.string(),
  languages: z.array(Language),
  communityIds: z.array(DocId),
})
export type OfficerSummary = z.infer<typeof OfficerSummary>

export const Profile = z.object({
  userId: z.string(),
  roles: z.array(Role),
  displayName: z.nullable(z.string()),
  language: Language,
  elderMode: z.boolean(),
  privacyAcceptedVersion: z.nullable(z.string()),
  communityId: z.nullable(DocId),
  officer: z.nullable(OfficerSummary),
})
export type Profile = z.infer<typeof Profile>

/**
 * Roles an invite can grant: officers, station leaders who are also officers, and the bureau's
 * roles (only the bureau admin grants those, and only to the bureau's own staff: see
 * inviteRefusal in ./invite.ts).
 */
export const InvitedRole = z.enum(['officer', 'station_leader', 'bureau_leader', 'bureau_admin'])
export type InvitedRole = z.infer<typeof InvitedRole>

export const accountContract = defineFunction('account', {
  me: {
    summary: 'The caller’s profile and roles; the first call creates the user as a resident.',
    input: z.object({}),
    output: Profile,
    roles: ANYONE, scope: 'own',
  },
  updatePreferences: {
    summary: 'Change display language or elder mode.',
    input: z.object({ language: z.optional(Language), elderMode: z.optional(z.boolean()) }),
    output: Profile,
    roles: ANYONE, scope: 'own',
  },
  acceptPrivacy: {
    summary: 'Record that the caller accepted the privacy agreement of the given version.',
    input: z.object({ version: z.literal(PRIVACY_POLICY_VERSION) }),
    output: Profile,
    roles: ANYONE, scope: 'own',
  },
  redeemInvite: {
    summary: 'Bind the caller’s WeChat identity to the officer record an admin invited.',
    input: z.object({ code: InviteCode }),
    output: Profile,
    roles: ANYONE, scope: 'own',
  },
  createInvite: {
    summary: 'Issue a one-time invite code for an officer record; a retry with the same requestId answers the same code.',
    input: z.object({ officerId: DocId, roles: z.array(InvitedRole).check(z.minLength(1), z.maxLength(InvitedRole.options.length)), requestId: RequestId }),
    output: z.object({ code: z.string(), officerId: DocId, expiresAt: z.string() }),
    roles: ['admin', 'bureau_admin'], scope: 'station',
  },
  listOfficers: {
    summary: 'Officer records with their station and WeChat binding.',
    input: z.object({}),
    /** `stationId`: the officer's station, null for the bureau's own staff (whom only a bureau role reaches). */
    output: z.array(z.extend(OfficerSummary, { bound: z.boolean(), stationId: z.nullable(DocId) })),
    roles: ['admin', 'bureau_admin'], scope: 'station',
  },
})
