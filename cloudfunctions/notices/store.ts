// Database access of the notices function: small named queries, each one request.
import { _, db } from '../_shared/cloud'

const $ = db.command.aggregate
import { COLLECTIONS } from '../_shared/collections'
import { isDuplicateKey, readDoc } from '../_shared/documents'
import { NOTICE_COLLECTIONS, NoticeDoc, ReaderDoc } from './records'

export const notices = () => db.collection(NOTICE_COLLECTIONS.notices)
export const readers = () => db.collection(NOTICE_COLLECTIONS.readers)
export const receipts = () => db.collection(NOTICE_COLLECTIONS.receipts)
export const deliveries = () => db.collection(NOTICE_COLLECTIONS.deliveries)
export const chats = () => db.collection(NOTICE_COLLECTIONS.chats)

export const getNotice = (id: string) => readDoc(notices(), id, NoticeDoc)

export async function getReader(openid: string): Promise<ReaderDoc> {
  return (await readDoc(readers(), openid, ReaderDoc)) ?? { _id: openid, topics: [], grants: 0, read: [], grantRequests: [] }
}

export const updated = (result: unknown) => ((result as { stats?: { updated?: number } }).stats?.updated ?? 0) > 0

/** The collection and condition that enumerate a group's members, ordered by openid. */
export function membersOf(groupId: string, isTopic: boolean, after: string | null) {
  const idAfter = after === null ? {} : { _id: _.gt(after) }
  return isTopic
    ? readers().where({ topics: groupId, ...idAfter })
    : db.collection(COLLECTIONS.users).where({ communityId: groupId, ...idAfter })
}

/**
 * Members of each group, in at most two requests whatever the number of groups (a bureau leader
 * owns every station's groups: hundreds): residents per community, readers per topic group.
 */
export async function memberCounts(groupIds: readonly string[], isTopic: (id: string) => boolean): Promise<Map<string, number>> {
  const topicIds = groupIds.filter(isTopic)
  const communityIds = groupIds.filter((id) => !isTopic(id))
  type Row = { _id: string; n: number }
  const [communities, topics] = await Promise.all([
    communityIds.length === 0
      ? { list: [] as Row[] }
      : (db.collection(COLLECTIONS.users).aggregate().match({ communityId: _.in(communityIds) }).group({ _id: '$communityId', n: $.sum(1) }).limit(communityIds.length).end() as Promise<{ list: Row[] }>),
    topicIds.length === 0
      ? { list: [] as Row[] }
      : (readers().aggregate().match({ topics: _.in(topicIds) }).unwind('$topics').match({ topics: _.in(topicIds) }).group({ _id: '$topics', n: $.sum(1) }).limit(topicIds.length).end() as Promise<{ list: Row[] }>),
  ])
  const counted = new Map([...communities.list, ...topics.list].map((r) => [r._id, r.n]))
  return new Map(groupIds.map((id) => [id, counted.get(id) ?? 0]))
}

/**
 * Changes the caller's reader document atomically, creating it on first use. Only the caller
 * writes it; a racing first write of the same person loses the insert and applies the update.
 */
export async function changeReader(openid: string, change: Record<string, unknown>, fresh: Partial<Pick<ReaderDoc, 'topics' | 'grants' | 'read'>>) {
  if (updated(await readers().where({ _id: openid }).update({ data: change }))) return
  try {
    await readers().add({ data: { _id: openid, topics: [], grants: 0, read: [], ...fresh } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await readers().where({ _id: openid }).update({ data: change })
  }
}

