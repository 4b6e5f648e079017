// The users collection: one document per WeChat identity, keyed by openid so that creating a
// user on first login is a single insert that cannot produce duplicates when calls race.
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey, readDoc } from './documents'
import { newUser, UserDoc } from './user-record'

export { newUser, UserDoc }

export const users = () => db.collection(COLLECTIONS.users)

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
