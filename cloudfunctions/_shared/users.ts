// The users collection: one document per WeChat identity, keyed by openid so that creating a
// user on first login is a single insert that cannot produce duplicates when calls race.
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey } from './documents'
import { subPipeline, type SubPipeline } from './pipeline'
import { newUser, UserDoc } from './user-record'

export { newUser, UserDoc }

export const users = () => db.collection(COLLECTIONS.users)

/** Inserts a new user; false when a racing first call inserted it first. */
async function createUser(openid: string, now: Dayjs): Promise<boolean> {
  const { _id, ...data } = newUser(openid, now)
  try {
    await users().add({ data: { _id, ...data } })
    return true
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return false
  }
}

/** One read an action wants together with the caller's user: the documents of `from` matching `match` (at most `limit`). */
export interface Join {
  from: string
  match: object
  limit?: number
  /** A document each found one refers to, joined onto it by `localField` (as `as`). */
  refers?: { from: string; localField: string; foreignField: string; as: string }
  /** Stages after the match (a count, a group): what the join answers is then their output. */
  then?: (found: SubPipeline) => SubPipeline
}
export type Joins = Record<string, Join>
/** What each join found, by its name. */
export type Joined = Record<string, unknown[]>

/** The user with `joins` joined onto it, in one aggregation; null when the user does not exist yet. */
async function userJoined(openid: string, joins: Joins): Promise<{ user: UserDoc; joined: Joined } | null> {
  let pipeline = users().aggregate().match({ _id: openid }).limit(1)
  for (const [as, join] of Object.entries(joins)) {
    // A join lands beside the user's own fields in the same document: it must not shadow one.
    if (Object.hasOwn(UserDoc.shape, as)) throw new Error(`The join ${as} would shadow the user's field of that name.`)
    let sub = subPipeline().match(join.match)
    if (join.limit) sub = sub.limit(join.limit)
    if (join.refers) sub = sub.lookup(join.refers)
    if (join.then) sub = join.then(sub)
    pipeline = pipeline.lookup({ from: join.from, pipeline: sub.done(), as })
  }
  const { list } = (await pipeline.end()) as { list: Array<Record<string, unknown>> }
  if (list.length === 0) return null
  const joined = Object.fromEntries(Object.keys(joins).map((as) => [as, list[0][as] as unknown[]]))
  // The user's schema drops the joined fields.
  return { user: UserDoc.parse(list[0]), joined }
}

/**
 * The caller's user with the documents the call needs first, in one request (a $lookup per join,
 * each with a constant match, so the index on `from` serves it). First login creates the user as
 * a resident (one insert, keyed by openid, so racing first calls cannot duplicate it; the loser's
 * insert is refused) and reads again.
 */
export async function ensureUserJoined(openid: string, now: Dayjs, joins: Joins): Promise<{ user: UserDoc; joined: Joined }> {
  const existing = await userJoined(openid, joins)
  if (existing) return existing
  await createUser(openid, now)
  const created = await userJoined(openid, joins)
  if (!created) throw new Error(`The user ${openid} was created but cannot be read back.`)
  return created
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
