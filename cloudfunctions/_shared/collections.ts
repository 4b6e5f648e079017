// Collection names in one place, so a typo is a compile error rather than an empty query.
export const COLLECTIONS = {
  users: 'users',
  officers: 'officers',
  invites: 'invites',
  communities: 'communities',
} as const
