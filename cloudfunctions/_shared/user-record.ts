// The stored shape of a user, and a new user as first login creates it. Kept apart from
// ./users.ts so that scripts (seeds, benchmarks) can build users without initialising the SDK.
import * as z from 'zod/mini'
import { Language } from '../../src/core/ids'
import { Role } from '../../src/core/roles'
import type { Dayjs } from '../../src/core/time'

export const UserDoc = z.object({
  _id: z.string(),
  roles: z.array(Role),
  displayName: z.nullable(z.string()),
  language: Language,
  elderMode: z.boolean(),
  privacyAcceptedVersion: z.nullable(z.string()),
  privacyAcceptedAt: z.nullable(z.date()),
  communityId: z.nullable(z.string()),
  /** How and when the resident bound to their community (absent for users seeded before). */
  communityBinding: z._default(z.nullable(z
    .object({
      via: z.enum(['location', 'list', 'qr']),
      at: z.date(),
      located: z.nullable(z.object({ method: z.enum(['polygon', 'nearest']), distanceKm: z.nullable(z.number()) })),
    })), null),
  /** The station of `communityId`, set when binding (absent on users bound before bureaus: scripts/migrate-bureau.ts stamps it). */
  stationId: z._default(z.nullable(z.string()), null),
  officerId: z.nullable(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type UserDoc = z.infer<typeof UserDoc>

export function newUser(openid: string, now: Dayjs): UserDoc {
  return {
    _id: openid,
    roles: ['resident'],
    displayName: null,
    language: 'zh',
    elderMode: false,
    privacyAcceptedVersion: null,
    privacyAcceptedAt: null,
    communityId: null,
    communityBinding: null,
    stationId: null,
    officerId: null,
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
  }
}
