// The users collection: one document per WeChat identity, keyed by openid so that creating a
// user on first login is a single insert that cannot produce duplicates when calls race.
import * as z from 'zod'
import { Language } from '../../src/core/ids'
import { Role } from '../../src/core/roles'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey, readDoc } from './documents'

export const UserDoc = z.object({
  _id: z.string(),
  roles: z.array(Role),
  displayName: z.string().nullable(),
  language: Language,
  elderMode: z.boolean(),
  privacyAcceptedVersion: z.string().nullable(),
  privacyAcceptedAt: z.date().nullable(),
  communityId: z.string().nullable(),
  /** How and when the resident bound to their community (absent for users seeded before). */
  communityBinding: z
    .object({
      via: z.enum(['location', 'list', 'qr']),
      at: z.date(),
      located: z.object({ method: z.enum(['polygon', 'nearest']), distanceKm: z.number().nullable() }).nullable(),
    })
    .nullable()
    .default(null),
  officerId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type UserDoc = z.infer<typeof UserDoc>

export const users = () => db.collection(COLLECTIONS.users)

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
    officerId: null,
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
  }
}

export async function getUser(openid: string): Promise<UserDoc | null> {
  return readDoc(users(), openid, UserDoc)
}

/** First login creates the user as a resident; a racing first call finds the winner's document. */
export async function ensureUser(openid: string, now: Dayjs): Promise<UserDoc> {
  const existing = await getUser(openid)
  if (existing) return existing
  const fresh = newUser(openid, now)
  const { _id, ...data } = fresh
  try {
    await users().add({ data: { _id, ...data } })
    return fresh
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const winner = await getUser(openid)
    if (!winner) throw error
    return winner
  }
}

/**
 * Applies `patch` to the caller's own document and returns it as it now stands. Fields are set
 * whole (`_.set`), so a nested value never keeps keys of the one it replaces.
 */
export async function updateUser(user: UserDoc, patch: Partial<Omit<UserDoc, '_id' | 'createdAt'>>, now: Dayjs): Promise<UserDoc> {
  const changes = { ...patch, updatedAt: now.toDate() }
  const data = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value !== null && typeof value === 'object' && !(value instanceof Date) ? _.set(value) : value]))
  await users().doc(user._id).update({ data })
  return { ...user, ...changes }
}
