// Notices through the real SDK against the emulator: publishing once to groups, the resident's
// feed (pinned, pages, unread, language), receipts, withdrawal and correction, content security,
// topic groups, linked group chats and reach.
import { randomUUID } from 'node:crypto'
import type { FeedPage, GroupsAnswer, NoticeView, OfficerNotice, Reach } from '../../src/core/notices/contract'
import { TOPIC_GROUP_IDS } from '../../src/core/notices/groups'
import { dayjs } from '../../src/core/time'
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { buildNotice, dataOf, storedNotice, GACHA, LEADER, OFFICER, OTHER_OFFICER, seedResidents, startTestCloud } from './notices-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, event: Record<string, unknown>) => cloud.call<T>(openid, 'notices', event)
const publish = async (overrides: Record<string, unknown> = {}, as = OFFICER) => dataOf(await call<{ id: string; status: string }>(as, { action: 'publish', ...buildNotice(overrides) }))
const feed = async (openid: string, extra: Record<string, unknown> = {}) => dataOf(await call<FeedPage>(openid, { action: 'feed', ...extra }))
const read = (openid: string, noticeId: string, extra: Record<string, unknown> = {}) => call<NoticeView>(openid, { action: 'read', noticeId, ...extra })

describe('publish', () => {
  it('publishes once when the same request is sent again (its first answer lost), also when both race', async () => {
    const notice = buildNotice({ targets: ['gacha-ulaanhad'], title: { zh: '重发测试：冬季防火' } })
    const first = dataOf(await call<{ id: string; status: string }>(OFFICER, { action: 'publish', ...notice }))
    const again = dataOf(await call<{ id: string; status: string }>(OFFICER, { action: 'publish', ...notice }))
    expect(again).toEqual(first)
    const raced = buildNotice({ targets: ['gacha-ulaanhad'], title: { zh: '重发测试：雪天路滑' } })
    const answers = await Promise.all([1, 2, 3].map(() => call<{ id: string }>(OFFICER, { action: 'publish', ...raced })))
    expect(new Set(answers.map((a) => dataOf(a).id)).size).toBe(1)
    const stored = await cloud.stored('notices', { targets: 'gacha-ulaanhad' })
    expect(stored.filter((n) => (n.title as { zh: string }).zh.startsWith('重发测试'))).toHaveLength(2)
  })

  it('stores one notice naming its groups, at the same cost for 5 and for 500 members', async () => {
    const costs: number[] = []
    for (const [community, size] of [
      ['gacha-ulaanhad', 5],
      ['gacha-ulaanbulag', 500],
    ] as const) {
      await seedResidents(cloud, `cost-${community}`, size, community)
      await call(OFFICER, { action: 'groups' }) // warm instance: the jurisdiction cache is not what is measured
      cloud.emulator.resetStats()
      const { id, status } = await publish({ targets: [community] })
      costs.push(cloud.emulator.stats().requests)
      expect(status).toBe('published')
      expect(await cloud.stored('notices', { _id: id })).toEqual([expect.objectContaining({ targets: [community], status: 'published', authorOpenid: OFFICER })])
    }
    expect(costs[0]).toBe(costs[1])
    // 5, plus the officer's hourly notice limit: the counter's insert, refused as the officer's
    // earlier notices this hour made it, then its guarded update.
    expect(costs[0]).toBeLessThanOrEqual(7)
  })

  it('refuses risky text with the reason and stores nothing', async () => {
    cloud.emulator.setContentRules({ risky: ['赌博网址'], review: [] })
    cloud.resetWrites()
    const error = expectError(await call(OFFICER, { action: 'publish', ...buildNotice({ body: { zh: '点击赌博网址领奖' } }) }), 'FAILED_PRECONDITION')
    expect(error?.details).toMatchObject({ why: 'risky', keyword: '赌博网址' })
    expectNothingHappened(cloud)
    cloud.emulator.setContentRules({})
  })

  it('holds text content security wants reviewed until a station leader approves it', async () => {
    cloud.emulator.setContentRules({ review: ['集资'] })
    const { id, status } = await publish({ title: { zh: '关于非法集资的提醒' } })
    cloud.emulator.setContentRules({})
    expect(status).toBe('held')
    expect((await feed('demo-resident-1')).items.map((n) => n.id)).not.toContain(id)
    expectError(await call(OFFICER, { action: 'heldNotices' }), 'PERMISSION_DENIED')
    const held = dataOf(await call<OfficerNotice[]>(LEADER, { action: 'heldNotices' }))
    expect(held.find((n) => n.id === id)?.review).toMatchObject({ suggest: 'review', keyword: '集资' })
    expect(dataOf(await call<OfficerNotice>(LEADER, { action: 'reviewHeld', noticeId: id, decision: 'approve' })).status).toBe('published')
    expect((await feed('demo-resident-1')).items.map((n) => n.id)).toContain(id)
    expectError(await call(LEADER, { action: 'reviewHeld', noticeId: id, decision: 'reject' }), 'FAILED_PRECONDITION')
  })

  describe('bad input is refused and writes nothing', () => {
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['an empty title', OFFICER, { title: { zh: '  ' } }, 'INVALID_ARGUMENT'],
      ['a title over 40 characters', OFFICER, { title: { zh: '长'.repeat(41) } }, 'INVALID_ARGUMENT'],
      ['an empty body', OFFICER, { body: { zh: '' } }, 'INVALID_ARGUMENT'],
      ['a body over 2,500 characters', OFFICER, { body: { zh: '字'.repeat(2501) } }, 'INVALID_ARGUMENT'],
      ['no target group', OFFICER, { targets: [] }, 'INVALID_ARGUMENT'],
      ['a group the officer does not own', OTHER_OFFICER, { targets: [GACHA] }, 'PERMISSION_DENIED'],
      ['a topic group (station-wide) from an officer', OFFICER, { targets: ['topic-herders'] }, 'PERMISSION_DENIED'],
      ['a valid-until in the past', OFFICER, { validUntil: dayjs().subtract(1, 'hour').toISOString() }, 'INVALID_ARGUMENT'],
      ['a valid-until that is not a date', OFFICER, { validUntil: 'tomorrow' }, 'INVALID_ARGUMENT'],
      ['an unknown category', OFFICER, { category: 'gossip' }, 'INVALID_ARGUMENT'],
      ['a resident publishing', 'demo-resident-1', {}, 'PERMISSION_DENIED'],
    ]
    it.each(cases)('%s', async (_label, as, overrides, code) => {
      cloud.resetWrites()
      expectError(await call(as, { action: 'publish', ...buildNotice(overrides) }), code)
      expectNothingHappened(cloud)
    })
  })
})

describe('feed', () => {
  let resident: string
  beforeAll(async () => {
    ;[resident] = await seedResidents(cloud, 'feed-reader', 1, 'gacha-tsagaanobo', 'mn')
  })
  const tsagaanobo = { targets: ['gacha-tsagaanobo'] }

  it('pins urgent notices while valid, then lists newest first, in pages that neither repeat nor skip', async () => {
    const officer3 = 'demo-leader-1' // the leader owns every group
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await publish({ ...tsagaanobo, title: { zh: `普通通知${i}` } }, officer3)).id)
    const urgent = (await publish({ ...tsagaanobo, urgency: 'urgent', title: { zh: '紧急预警' } }, officer3)).id
    // An urgent warning that ran out an hour ago, as a past publication left it.
    const shortLived = 'expired-urgent'
    await cloud.emulator.seed({ notices: [storedNotice({ _id: shortLived, urgency: 'urgent', targets: ['gacha-tsagaanobo'], publishedAt: dayjs().subtract(1, 'day').toDate(), validUntil: dayjs().subtract(1, 'hour').toDate() })] })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: FeedPage = await feed(resident, { limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items.map((n) => n.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(4)
    expect(seen).toEqual([urgent, ...[...ids].reverse(), shortLived])
    const first = await feed(resident)
    expect(first.items[0]).toMatchObject({ id: urgent, pinned: true })
    expect(first.items.find((n) => n.id === shortLived)).toMatchObject({ pinned: false, expired: true })
    expect(first.unread).toBe(6) // the expired one does not count
  })

  it('shows the notice in the reader’s language when it was written in it, else in Chinese', async () => {
    const both = (await publish({ ...tsagaanobo, title: { zh: '双语', mn: 'ᠬᠤᠤᠰ ᠬᠡᠯᠡ' }, body: { zh: '正文', mn: 'ᠪᠢᠴᠢᠭ' } }, LEADER)).id
    const zhOnly = (await publish({ ...tsagaanobo, title: { zh: '仅中文' }, body: { zh: '正文' } }, LEADER)).id
    const items = (await feed(resident)).items
    expect(items.find((n) => n.id === both)).toMatchObject({ title: 'ᠬᠤᠤᠰ ᠬᠡᠯᠡ', language: 'mn' })
    expect(items.find((n) => n.id === zhOnly)).toMatchObject({ title: '仅中文', language: 'zh' })
  })

  it('costs three requests for the first page: the caller, their groups, one aggregation', async () => {
    cloud.emulator.resetStats()
    await feed(resident)
    expect(cloud.emulator.stats().requests).toBeLessThanOrEqual(3)
  })

  it('tells a resident without a community that the feed is empty', async () => {
    const [loner] = await seedResidents(cloud, 'loner', 1, null)
    expect(await feed(loner)).toEqual({ items: [], nextCursor: null, unread: 0 })
  })
})

describe('read', () => {
  it('records one receipt per person and lowers the unread count once', async () => {
    const [reader] = await seedResidents(cloud, 'receipt', 1, 'gacha-borondor')
    const { id } = await publish({ targets: ['gacha-borondor'] }, LEADER)
    const before = (await feed(reader)).unread
    expect(dataOf(await read(reader, id))).toMatchObject({ id, firstRead: true, read: true })
    expect(dataOf(await read(reader, id))).toMatchObject({ firstRead: false })
    expect(await cloud.stored('notice_receipts', { noticeId: id })).toHaveLength(1)
    const after = await feed(reader)
    expect(after.unread).toBe(before - 1)
    expect(after.items.find((n) => n.id === id)?.read).toBe(true)
  })

  it('keeps one receipt when the same person opens a notice five times at once', async () => {
    const [reader] = await seedResidents(cloud, 'receipt-race', 1, 'gacha-borondor')
    const { id } = await publish({ targets: ['gacha-borondor'] }, LEADER)
    const views = await Promise.all(Array.from({ length: 5 }, () => read(reader, id)))
    expect(views.map((v) => dataOf(v).firstRead).filter(Boolean)).toHaveLength(1)
    expect(await cloud.stored('notice_receipts', { noticeId: id })).toHaveLength(1)
    const [doc] = await cloud.stored('notice_readers', { _id: reader })
    expect((doc.read as string[]).filter((n) => n === id)).toHaveLength(1)
  })

  it('refuses a receipt for a notice the resident cannot see, writing nothing', async () => {
    const { id } = await publish({ targets: ['community-chaoge'] }, OTHER_OFFICER)
    cloud.resetWrites()
    expectError(await read('demo-resident-1', id), 'PERMISSION_DENIED')
    expectError(await read('demo-resident-1', 'no-such-notice'), 'NOT_FOUND')
    expectNothingHappened(cloud)
  })
})

describe('withdraw and correct', () => {
  it('withdraws: gone from feeds, receipts kept', async () => {
    const { id } = await publish()
    dataOf(await read('demo-resident-1', id))
    const withdrawn = dataOf(await call<OfficerNotice>(OFFICER, { action: 'withdraw', noticeId: id }))
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) })
    expect((await feed('demo-resident-1')).items.map((n) => n.id)).not.toContain(id)
    expectError(await read('demo-resident-1', id), 'NOT_FOUND')
    expect(await cloud.stored('notice_receipts', { noticeId: id })).toHaveLength(1)
  })

  it('corrects: marked edited, the earlier text kept in the history', async () => {
    const { id } = await publish({ title: { zh: '原标题' } })
    const corrected = dataOf(await call<OfficerNotice>(OFFICER, { action: 'correct', noticeId: id, title: { zh: '更正后的标题' }, body: { zh: '更正后的正文' }, validUntil: dayjs().add(3, 'day').toISOString() }))
    expect(corrected).toMatchObject({ title: { zh: '更正后的标题' }, editedAt: expect.any(String), history: [expect.objectContaining({ title: expect.objectContaining({ zh: '原标题' }) })] })
    expect((await feed('demo-resident-2')).items.map((n) => n.id)).not.toContain(id)
    const item = (await feed('demo-resident-1')).items.find((n) => n.id === id)
    expect(item).toMatchObject({ edited: true })
  })

  it('lets only the author or a leader change a notice', async () => {
    const { id } = await publish()
    cloud.resetWrites()
    expectError(await call(OTHER_OFFICER, { action: 'withdraw', noticeId: id }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
    expect(dataOf(await call<OfficerNotice>(LEADER, { action: 'withdraw', noticeId: id })).status).toBe('withdrawn')
  })
})

describe('topic groups', () => {
  it('lets a resident join and leave a topic and see its notices meanwhile', async () => {
    const [herder] = await seedResidents(cloud, 'herder', 1, 'gacha-ulaanbulag')
    expect(dataOf(await call<{ topics: string[] }>(herder, { action: 'joinGroup', groupId: 'topic-herders' })).topics).toEqual(['topic-herders'])
    const { id } = await publish({ targets: ['topic-herders'], category: 'safety_warning' }, LEADER)
    expect((await feed(herder)).items.map((n) => n.id)).toContain(id)
    const groups = dataOf(await call<GroupsAnswer>(herder, { action: 'groups' }))
    expect(groups.mine.map((g) => g.id)).toEqual(['gacha-ulaanbulag', 'topic-herders'])
    expect(groups.topics.map((g) => g.id)).toEqual([...TOPIC_GROUP_IDS])
    dataOf(await call(herder, { action: 'leaveGroup', groupId: 'topic-herders' }))
    expect((await feed(herder)).items.map((n) => n.id)).not.toContain(id)
  })

  it('refuses joining a community as if it were a topic', async () => {
    cloud.resetWrites()
    expectError(await call('demo-resident-1', { action: 'joinGroup', groupId: 'community-chaoge' }), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })

  it('shows an officer the groups they own with members', async () => {
    const { owned } = dataOf(await call<GroupsAnswer>(OFFICER, { action: 'groups' }))
    expect(owned.map((g) => g.id).sort()).toEqual(['gacha-bayanbulag', 'gacha-ulaanbulag', 'gacha-ulaanhad'])
    expect(owned.find((g) => g.id === GACHA)).toMatchObject({ kind: 'gacha', name: { zh: '巴音布拉格嘎查' }, members: expect.any(Number) })
  })
})

describe('group chats and reach', () => {
  const chat = (opengid: string) => ({ cloudID: `cloud-${opengid}`, data: { opengid, watermark: { appid: 'wx-local', timestamp: 1764547200 } } })

  it('links a chat from a share card and counts readers per group and per chat', async () => {
    const members = await seedResidents(cloud, 'reach', 4, 'gacha-ulaanhad')
    const { id } = await publish({ targets: ['gacha-ulaanhad', 'gacha-ulaanbulag'] })
    expect(dataOf(await call(members[0], { action: 'linkChat', groupId: 'gacha-ulaanhad', chat: chat('G_ulaanhad_chat') }))).toMatchObject({ linked: true, opengid: 'G_ulaanhad_chat' })
    dataOf(await read(members[0], id, { chat: chat('G_ulaanhad_chat') }))
    dataOf(await read(members[1], id, { chat: chat('G_ulaanhad_chat') }))
    dataOf(await read(members[2], id))
    const reach = dataOf(await call<Reach>(OFFICER, { action: 'reach', noticeId: id }))
    const ulaanhad = reach.groups.find((g) => g.groupId === 'gacha-ulaanhad')
    // Members: everyone bound to the gacha, the 4 here and whoever other tests bound there.
    const bound = (await cloud.stored('users', { communityId: 'gacha-ulaanhad' })).length
    expect(bound).toBeGreaterThanOrEqual(4)
    expect(ulaanhad).toMatchObject({ readers: 3, members: bound })
    expect(ulaanhad?.percent).toBe(Math.round((3 / bound) * 100))
    expect(reach.chats).toEqual([{ opengid: 'G_ulaanhad_chat', groupId: 'gacha-ulaanhad', readers: 2 }])
    expect(reach.readers).toBe(3)
  })

  it('refuses linking a chat to a group the caller is not in, and a chat without its open data', async () => {
    cloud.resetWrites()
    expectError(await call('demo-resident-2', { action: 'linkChat', groupId: GACHA, chat: chat('G_foreign_chat') }), 'PERMISSION_DENIED')
    expectError(await call('demo-resident-1', { action: 'linkChat', groupId: GACHA, chat: { cloudID: 'x' } }), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })

  it('shows reach only to staff who own one of the groups', async () => {
    const { id } = await publish()
    expectError(await call(OTHER_OFFICER, { action: 'reach', noticeId: id }), 'PERMISSION_DENIED')
    expectError(await call('demo-resident-1', { action: 'reach', noticeId: id }), 'PERMISSION_DENIED')
  })
})

describe('images', () => {
  // A 1×1 PNG.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

  it('stores a checked picture in cloud storage and shows it with the notice', async () => {
    const { fileID } = dataOf(await call<{ fileID: string }>(OFFICER, { action: 'uploadImage', base64: PNG, requestId: randomUUID() }))
    expect(fileID).toMatch(/^cloud:\/\/.+\/notices\/[a-f0-9]{32}\.png$/)
    expect(cloud.emulator.outbox().some((e) => e.api === 'security.mediaCheckAsync')).toBe(true)
    // The verdict is pushed asynchronously; the picture is shown once it passed.
    await cloud.emulator.resolveMediaChecks()
    const { id } = await publish({ images: [fileID] })
    const view = dataOf(await read('demo-resident-1', id))
    expect(view.images).toHaveLength(1)
    const picture = await fetch(view.images[0])
    expect(Buffer.from(await picture.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true)
  })

  it('refuses what is not a PNG or JPEG, and an image id that was not uploaded for a notice', async () => {
    cloud.resetWrites()
    expectError(await call(OFFICER, { action: 'uploadImage', base64: Buffer.from('<svg onload=alert(1)>').toString('base64'), requestId: randomUUID() }), 'INVALID_ARGUMENT')
    expectError(await call('demo-resident-1', { action: 'uploadImage', base64: PNG, requestId: randomUUID() }), 'PERMISSION_DENIED')
    expectError(await call(OFFICER, { action: 'publish', ...buildNotice({ images: ['cloud://local.bucket/elsewhere/x.png'] }) }), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })
})
