// Notice topic groups per station and bureau-wide (docs/bureau.md › Notice topic groups), on the
// demo bureau with two stations: a resident joins their station's topic groups and the bureau's,
// never another station's; a station's leaders publish to their station's groups only, bureau
// roles to every station's and the bureau's; the feed brings bureau-wide notices to residents
// of both stations at the same cost; a station's staff get nothing of another station's groups.
import type { FeedPage, GroupsAnswer, Reach } from '../../src/core/notices/contract'
import { STATION_TOPICS, TOPIC_GROUP_IDS } from '../../src/core/notices/groups'
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { buildNotice, dataOf, seedResidents, startTestCloud } from './notices-support'

const FIRST = 'station-chaogewendur'
const BB = 'station-bayanbolag'
const BB_HERDERS = `topic-herders_${BB}`
const BB_TOPICS = [...STATION_TOPICS.map((t) => `topic-${t}_${BB}`), 'topic-drivers', 'topic-anti-fraud'].sort()

const LEADER_A = 'demo-leader-1' // 胡建军, chief of the first station
const ADMIN_A = 'demo-admin' // the first station's admin
const LEADER_B = 'demo-leader-bb-1' // 高志远, chief of 巴音宝力格镇派出所
const OFFICER_B = 'demo-officer-bb-1' // community officer of 阿拉坦社区 (巴音宝力格)
const BUREAU = 'demo-bureau-leader' // 张志刚, bureau staff

let cloud: TestCloud
let residentA: string // bound to 乌兰布拉格嘎查 (first station)
let residentB: string // bound to 阿拉坦社区 (巴音宝力格)
let unbound: string
beforeAll(async () => {
  cloud = await startTestCloud()
  ;[residentA] = await seedResidents(cloud, 'topics-a', 1, 'gacha-ulaanbulag')
  ;[residentB] = await seedResidents(cloud, 'topics-b', 1, 'community-altan')
  ;[unbound] = await seedResidents(cloud, 'topics-none', 1, null)
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, event: Record<string, unknown>) => cloud.call<T>(openid, 'notices', event)
const groupsOf = async (openid: string) => dataOf(await call<GroupsAnswer>(openid, { action: 'groups' }))
const join = (openid: string, groupId: string) => call<{ topics: string[] }>(openid, { action: 'joinGroup', groupId })
const publish = (as: string, targets: string[], title = '分站测试通知') => call<{ id: string; status: string }>(as, { action: 'publish', ...buildNotice({ targets, title: { zh: title } }) })
const feedIds = async (openid: string) => dataOf(await call<FeedPage>(openid, { action: 'feed', limit: 30 })).items.map((n) => n.id)

describe('the groups a resident can join', () => {
  it('are their station’s topic groups and the bureau’s, named by station and marked bureau-wide', async () => {
    const { topics } = await groupsOf(residentB)
    expect(topics.map((g) => g.id).sort()).toEqual(BB_TOPICS)
    expect(topics.find((g) => g.id === BB_HERDERS)).toMatchObject({ kind: 'topic', bureauWide: false, station: { zh: '巴音宝力格镇派出所' }, joined: false })
    expect(topics.find((g) => g.id === 'topic-anti-fraud')).toMatchObject({ bureauWide: true, station: null })
    // Nothing of the first station's.
    expect(topics.some((g) => g.id === 'topic-herders' || g.station?.zh === '潮格温都尔镇派出所')).toBe(false)
  })

  it('are the first station’s and the bureau’s for a resident of the first station, and for one bound nowhere', async () => {
    for (const who of [residentA, unbound]) {
      const { topics } = await groupsOf(who)
      expect(topics.map((g) => g.id)).toEqual([...TOPIC_GROUP_IDS])
      expect(topics.find((g) => g.id === 'topic-herders')).toMatchObject({ bureauWide: false, station: { zh: '潮格温都尔镇派出所' } })
    }
  })

  it('lets a resident join their station’s group and the bureau’s', async () => {
    expect(dataOf(await join(residentB, BB_HERDERS)).topics).toEqual([BB_HERDERS])
    expect(dataOf(await join(residentB, 'topic-anti-fraud')).topics).toEqual([BB_HERDERS, 'topic-anti-fraud'])
    expect(dataOf(await join(residentA, 'topic-anti-fraud')).topics).toEqual(['topic-anti-fraud'])
    expect(dataOf(await join(residentA, 'topic-herders')).topics).toEqual(['topic-anti-fraud', 'topic-herders'])
    const { mine } = await groupsOf(residentB)
    expect(mine.map((g) => g.id)).toEqual(['community-altan', BB_HERDERS, 'topic-anti-fraud'])
  })

  it.each([
    ['another station’s group', () => residentB, 'topic-herders', 'PERMISSION_DENIED'],
    ['the second station’s group, by a resident of the first', () => residentA, BB_HERDERS, 'PERMISSION_DENIED'],
    ['the second station’s group, by a resident bound nowhere (the first station’s)', () => unbound, BB_HERDERS, 'PERMISSION_DENIED'],
    ['a group of a station the bureau does not have', () => residentB, 'topic-herders_station-nowhere', 'NOT_FOUND'],
    ['the first station’s group under a second id', () => residentA, `topic-herders_${FIRST}`, 'NOT_FOUND'],
    ['a bureau-wide topic under a station', () => residentB, `topic-anti-fraud_${BB}`, 'INVALID_ARGUMENT'],
  ])('refuses joining %s, writing nothing', async (_label, who, groupId, code) => {
    cloud.resetWrites()
    const error = expectError(await join(who(), groupId), code)
    if (code === 'PERMISSION_DENIED') expect(error?.details).toEqual({ why: 'other_station' })
    expectNothingHappened(cloud)
  })
})

describe('publishing to topic groups', () => {
  it('lets a station’s leader publish to their station’s topic groups, and lists only those and their communities', async () => {
    const { owned } = await groupsOf(LEADER_B)
    const ids = owned.map((g) => g.id)
    expect(ids.filter((id) => id.startsWith('topic-')).sort()).toEqual(STATION_TOPICS.map((t) => `topic-${t}_${BB}`).sort())
    expect(ids).toEqual(expect.arrayContaining(['community-altan', 'community-olzii', 'gacha-bayanuul']))
    expect(ids.some((id) => id === 'topic-herders' || id === 'gacha-bayanbulag' || id === 'topic-anti-fraud')).toBe(false)
    expect(owned.find((g) => g.id === BB_HERDERS)).toMatchObject({ members: 2, station: { zh: '巴音宝力格镇派出所' } }) // 乌云 of the demo and resident B
    const { id } = dataOf(await publish(LEADER_B, [BB_HERDERS, 'community-altan'], '巴音宝力格牧民通知'))
    expect(await cloud.stored('notices', { _id: id })).toEqual([expect.objectContaining({ stationId: BB, targets: [BB_HERDERS, 'community-altan'] })])
    expect(await feedIds(residentB)).toContain(id)
    expect(await feedIds(residentA)).not.toContain(id)
  })

  it.each([
    ['the second station’s leader to the first station’s topic group', LEADER_B, ['topic-herders']],
    ['the second station’s leader to a bureau-wide group', LEADER_B, ['topic-anti-fraud']],
    ['the second station’s leader to its own and the first station’s group at once', LEADER_B, [BB_HERDERS, 'topic-schools']],
    ['the first station’s leader to the second station’s topic group', LEADER_A, [BB_HERDERS]],
    ['the first station’s admin to the second station’s topic group', ADMIN_A, [`topic-schools_${BB}`]],
    ['the first station’s leader to a bureau-wide group', LEADER_A, ['topic-drivers']],
    ['a community officer to their station’s topic group', OFFICER_B, [BB_HERDERS]],
  ])('refuses %s, writing nothing', async (_label, as, targets) => {
    cloud.resetWrites()
    const error = expectError(await publish(as, targets), 'PERMISSION_DENIED')
    expect((error?.details as { groups: string[] }).groups.every((g) => targets.includes(g))).toBe(true)
    expectNothingHappened(cloud)
  })

  it('lets a bureau leader publish to the bureau-wide group, read in both stations, the bureau’s own notice', async () => {
    const { owned } = await groupsOf(BUREAU)
    expect(owned.map((g) => g.id)).toEqual(expect.arrayContaining(['topic-anti-fraud', 'topic-drivers', 'topic-herders', BB_HERDERS, 'topic-herders_station-saiusu']))
    expect(owned.find((g) => g.id === 'topic-anti-fraud')).toMatchObject({ bureauWide: true, members: 3 }) // 乌云 and residents A and B
    const { id } = dataOf(await publish(BUREAU, ['topic-anti-fraud'], '全旗反诈提醒'))
    expect(await cloud.stored('notices', { _id: id })).toEqual([expect.objectContaining({ stationId: 'bureau-urad-rear' })])
    expect(await feedIds(residentA)).toContain(id)
    expect(await feedIds(residentB)).toContain(id)
    // The demo's 乌云 joined it too; a resident who did not join does not get it.
    expect(await feedIds('demo-resident-bb-1')).toContain(id)
    expect(await feedIds(unbound)).not.toContain(id)

    // No station's leader or admin manages the bureau's notice, nor sees its reach.
    for (const as of [LEADER_A, ADMIN_A, LEADER_B]) {
      cloud.resetWrites()
      expectError(await call(as, { action: 'withdraw', noticeId: id }), 'PERMISSION_DENIED')
      expectError(await call(as, { action: 'reach', noticeId: id }), 'PERMISSION_DENIED')
      expectNothingHappened(cloud)
      const { items } = dataOf(await call<{ items: Array<{ id: string }> }>(as, { action: 'myNotices' }))
      expect(items.map((n) => n.id)).not.toContain(id)
    }
    const reach = dataOf(await call<Reach>(BUREAU, { action: 'reach', noticeId: id }))
    expect(reach.groups).toEqual([expect.objectContaining({ groupId: 'topic-anti-fraud', members: 3 })])
  })

  it('shows the reach of a station’s topic notice to its station only', async () => {
    const { id } = dataOf(await publish(LEADER_B, [BB_HERDERS], '巴音宝力格到达率'))
    expect(dataOf(await call<Reach>(LEADER_B, { action: 'reach', noticeId: id })).groups).toEqual([expect.objectContaining({ groupId: BB_HERDERS, members: 2 })])
    for (const as of [LEADER_A, ADMIN_A]) {
      cloud.resetWrites()
      const error = expectError(await call(as, { action: 'reach', noticeId: id }), 'PERMISSION_DENIED')
      expect(JSON.stringify(error)).not.toContain(BB_HERDERS)
      expectNothingHappened(cloud)
    }
  })
})

describe('the feed', () => {
  it('brings a resident their community’s, their joined topics’ and the bureau-wide notices, and no other station’s, in three requests', async () => {
    const own = dataOf(await publish(LEADER_A, ['topic-herders'], '潮格温都尔牧民通知')).id
    const other = dataOf(await publish(LEADER_B, [BB_HERDERS], '巴音宝力格牧民通知二'))
    const bureau = dataOf(await publish(BUREAU, ['topic-anti-fraud'], '全旗反诈提醒二')).id
    const ids = await feedIds(residentA)
    expect(ids).toEqual(expect.arrayContaining([own, bureau]))
    expect(ids).not.toContain(other.id)
    expect(await feedIds(residentB)).toEqual(expect.arrayContaining([other.id, bureau]))
    await feedIds(residentB) // a warm instance
    cloud.emulator.resetStats()
    await call(residentB, { action: 'feed' })
    expect(cloud.emulator.stats().requests).toBeLessThanOrEqual(3)
  })
})
