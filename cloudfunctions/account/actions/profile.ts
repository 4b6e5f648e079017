// me, updatePreferences, acceptPrivacy: the caller's own profile.
import type { Profile } from '../../../src/core/account/contract'
import type { Ctx } from '../../_shared/runtime'
import { getOfficer, toOfficerSummary, type OfficerDoc } from '../../_shared/officers'
import { updateUser, type UserDoc } from '../../_shared/users'

export async function profileOf(user: UserDoc): Promise<Profile> {
  return profileWith(user, user.officerId ? await getOfficer(user.officerId) : null)
}

/** The profile of a user whose officer record the caller has at hand already (null: none). */
export function profileWith(user: UserDoc, officer: OfficerDoc | null): Profile {
  return {
    userId: user._id,
    roles: user.roles,
    displayName: user.displayName,
    language: user.language,
    elderMode: user.elderMode,
    privacyAcceptedVersion: user.privacyAcceptedVersion,
    communityId: user.communityId,
    officer: officer ? toOfficerSummary(officer) : null,
  }
}

export const me = (ctx: Ctx) => profileOf(ctx.user)

export async function updatePreferences(ctx: Ctx, input: { language?: 'zh' | 'mn'; elderMode?: boolean }) {
  const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
  if (Object.keys(patch).length === 0) return profileOf(ctx.user)
  return profileOf(await updateUser(ctx.user, patch, ctx.now()))
}

export async function acceptPrivacy(ctx: Ctx, input: { version: string }) {
  if (ctx.user.privacyAcceptedVersion === input.version) return profileOf(ctx.user)
  const now = ctx.now()
  return profileOf(await updateUser(ctx.user, { privacyAcceptedVersion: input.version, privacyAcceptedAt: now.toDate() }, now))
}
