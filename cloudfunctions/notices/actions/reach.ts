// Reach of one notice for its officers: members and readers per target group and per linked
// WeChat chat, and how the urgent subscription messages went.
import { AppError } from '../../../src/core/envelope'
import type { Reach } from '../../../src/core/notices/contract'
import { isTopicGroup } from '../../../src/core/notices/groups'
import { reachPercent } from '../../../src/core/notices/rules'
import { _, db } from '../../_shared/cloud'
import type { Ctx } from '../../_shared/runtime'
import type { Input } from '../input'
import { ChatDoc } from '../records'
import { chats, deliveries, getNotice, memberCounts, receipts } from '../store'
import { ownedBy } from './groups'

const $ = db.command.aggregate

type Rows = { list: Array<{ _id: string | null; n: number }> }

export async function reach(ctx: Ctx, input: Input<'reach'>): Promise<Reach> {
  const notice = await getNotice(input.noticeId)
  if (!notice) throw new AppError('NOT_FOUND', 'This notice does not exist.')
  if (notice.authorOpenid !== ctx.openid && !ctx.reachesStation(notice.stationId)) {
    const owned = await ownedBy(ctx)
    if (!notice.targets.some((g) => owned.has(g))) throw new AppError('PERMISSION_DENIED', 'This notice went to groups you do not own.')
  }
  const byId = { noticeId: notice._id }
  const [members, perGroup, total, perChat, states, { jurisdiction }] = await Promise.all([
    memberCounts(notice.targets, isTopicGroup),
    receipts().aggregate().match(byId).unwind('$groups').group({ _id: '$groups', n: $.sum(1) }).limit(100).end() as Promise<Rows>,
    receipts().where(byId).count(),
    receipts().aggregate().match({ ...byId, chat: _.neq(null) }).group({ _id: '$chat', n: $.sum(1) }).limit(100).end() as Promise<Rows>,
    deliveries().aggregate().match(byId).group({ _id: '$state', n: $.sum(1) }).limit(10).end() as Promise<Rows>,
    ctx.current(),
  ])
  const count = (rows: Rows) => new Map(rows.list.map((r) => [r._id, r.n]))
  const readersIn = count(perGroup)
  const chatReaders = count(perChat)
  const byState = count(states)
  const links = chatReaders.size
    ? ((await chats().where({ _id: _.in([...chatReaders.keys()]) }).limit(100).get()) as { data: unknown[] }).data.map((d) => ChatDoc.parse(d))
    : []
  const names = new Map(jurisdiction.communities.map((c) => [c.id, c.name]))
  const groups = notice.targets.map((groupId) => {
    const readers = readersIn.get(groupId) ?? 0
    const inGroup = members.get(groupId) ?? 0
    return { groupId, name: names.get(groupId) ?? null, members: inGroup, readers, percent: reachPercent(readers, inGroup) }
  })
  const memberTotal = groups.reduce((sum, g) => sum + g.members, 0)
  const readers = (total as { total: number }).total
  return {
    noticeId: notice._id,
    members: memberTotal,
    readers,
    percent: reachPercent(readers, memberTotal),
    groups,
    chats: links.map((link) => ({ opengid: link._id, groupId: link.groupId, readers: chatReaders.get(link._id) ?? 0 })),
    messages: {
      state: notice.fanout.state,
      sent: byState.get('sent') ?? 0,
      failed: byState.get('failed') ?? 0,
      refused: byState.get('refused') ?? 0,
      capped: byState.get('capped') ?? 0,
      // While a run holds the fan-out, 'sending' is in flight; after it, in doubt.
      inDoubt: notice.fanout.state === 'running' ? 0 : byState.get('sending') ?? 0,
    },
  }
}
