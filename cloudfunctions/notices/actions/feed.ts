// The resident's feed and reading a notice. Fan-out on read: a notice names its target groups
// and the feed asks for notices whose targets meet the reader's groups, in one aggregation that
// also counts the unread ones. Reading records one receipt per person (unique _id).
import * as z from 'zod/mini'
import { AppError } from '../../../src/core/envelope'
import type { FeedPage } from '../../../src/core/notices/contract'
import { groupsOf } from '../../../src/core/notices/groups'
import { decodeCursor, encodeCursor } from '../../../src/core/notices/rules'
import { _ } from '../../_shared/cloud'
import { isDuplicateKey } from '../../_shared/documents'
import type { Ctx } from '../../_shared/runtime'
import type { Input } from '../input'
import { imageUrls } from '../images'
import { NoticeDoc, pairId } from '../records'
import { getNotice, getReader, notices, readers, receipts, updated } from '../store'
import { noticeCard, noticeView } from '../views'

/** How many read ids a reader document keeps for the unread count; older reads fall off. */
export const READ_IDS_KEPT = 300

const FeedRow = z.pick(NoticeDoc, { _id: true, category: true, urgency: true, title: true, body: true, validUntil: true, publishedAt: true, editedAt: true })

export async function feed(ctx: Ctx, input: Input<'feed'>): Promise<FeedPage> {
  const reader = await getReader(ctx.openid)
  const groups = groupsOf(ctx.user.communityId, reader.topics)
  if (groups.length === 0) return { items: [], nextCursor: null, unread: 0 }
  const now = ctx.now().toDate()
  const after = input.cursor ? decodeCursor(input.cursor) : null
  // Booleans sort false < true, so "after the cursor" in a descending order is "less than".
  const afterCursor = after
    ? {
        $or: [
          { $lt: ['$$n.pinned', after.pinned] },
          { $and: [{ $eq: ['$$n.pinned', after.pinned] }, { $lt: ['$$n.publishedAt', after.publishedAt] }] },
          { $and: [{ $eq: ['$$n.pinned', after.pinned] }, { $eq: ['$$n.publishedAt', after.publishedAt] }, { $lt: ['$$n._id', after.id] }] },
        ],
      }
    : true
  const { list } = (await notices()
    .aggregate()
    .match({ status: 'published', targets: _.in(groups) })
    .project({
      category: 1,
      urgency: 1,
      title: 1,
      body: 1,
      validUntil: 1,
      publishedAt: 1,
      editedAt: 1,
      pinned: { $and: [{ $eq: ['$urgency', 'urgent'] }, { $gt: ['$validUntil', now] }] },
      unread: { $and: [{ $gt: ['$validUntil', now] }, { $not: [{ $in: ['$_id', reader.read] }] }] },
    })
    .sort({ pinned: -1, publishedAt: -1, _id: -1 })
    .group({ _id: null, unread: { $sum: { $cond: ['$unread', 1, 0] } }, rows: { $push: '$$ROOT' } })
    .project({ unread: 1, rows: { $slice: [{ $filter: { input: '$rows', as: 'n', cond: afterCursor } }, input.limit + 1] } })
    .end()) as { list: Array<{ unread: number; rows: unknown[] }> }
  const [result] = list
  if (!result) return { items: [], nextCursor: null, unread: 0 }
  const rows = result.rows.map((row) => FeedRow.parse(row))
  const read = new Set(reader.read)
  const items = rows.slice(0, input.limit).map((row) => noticeCard(row, ctx.user.language, read.has(row._id), ctx.now()))
  const last = items.at(-1)
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ pinned: last.pinned, publishedAt: new Date(last.publishedAt), id: last.id }) : null
  return { items, nextCursor, unread: result.unread }
}

export async function read(ctx: Ctx, input: Input<'read'>) {
  const [reader, notice] = await Promise.all([getReader(ctx.openid), getNotice(input.noticeId)])
  if (!notice || notice.status !== 'published') throw new AppError('NOT_FOUND', 'This notice does not exist or was withdrawn.')
  const shared = notice.targets.filter((g) => groupsOf(ctx.user.communityId, reader.topics).includes(g))
  if (shared.length === 0) throw new AppError('PERMISSION_DENIED', 'This notice was not sent to any of your groups.')
  let firstRead = true
  try {
    await receipts().add({
      data: { _id: pairId(notice._id, ctx.openid), noticeId: notice._id, openid: ctx.openid, groups: shared, chat: input.chat?.data.opengid ?? null, at: ctx.now().toDate() },
    })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    firstRead = false
  }
  // Also after a duplicate: a crash between the two writes is mended by reading again. The
  // condition keeps the id once when the same person opens the notice twice at the same time.
  if (!reader.read.includes(notice._id)) {
    const added = await readers().where({ _id: ctx.openid, read: _.neq(notice._id) }).update({ data: { read: _.push({ each: [notice._id], slice: -READ_IDS_KEPT }) } })
    if (!updated(added)) {
      try {
        await readers().add({ data: { _id: ctx.openid, topics: [], grants: 0, read: [notice._id] } })
      } catch (error) {
        // It exists already: with the id, or created by a racing call that added it.
        if (!isDuplicateKey(error)) throw error
      }
    }
  }
  return noticeView(notice, ctx.user.language, firstRead, shared, await imageUrls(notice.images), ctx.now())
}
