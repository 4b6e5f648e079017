// account: identity, roles, preferences and officer invites.
import { accountContract } from '../../src/core/account/contract'
import { createMain } from '../_shared/runtime'
import { acceptPrivacy, me, updatePreferences } from './actions/profile'
import { createInvite, listOfficers, redeemInvite } from './actions/invites'

export const main = createMain(accountContract, {
  me,
  updatePreferences,
  acceptPrivacy,
  redeemInvite,
  createInvite,
  listOfficers,
})
