// Routing across the demo bureau's stations (docs/bureau.md › Routing), through the functions
// that route: requests (intake), mediation (filing) and booking (home visits). Each record lands
// in the station of its place, with that station's officer, and stores the station and why
// (`stationId`, `stationReason`) next to the station's own routing decision; the first station
// routes as it did before bureaus; a place beyond every station goes to the bureau duty desk.
import { randomUUID } from 'node:crypto'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { buildFiling, messagesTo } from './mediation-support'
import { buildRequest } from './requests-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const IN_ALTAN = { lng: 107.06, lat: 41.09 } // 巴音宝力格镇's 阿拉坦社区, officer 其木格 (officer-bb-1)
const BETWEEN_STATIONS = { lng: 106.95, lat: 41.2 } // in no community, ~9 km from 巴音宝力格镇's 巴彦乌拉嘎查
const FAR_AWAY = { lng: 108.5, lat: 42.5 } // 100+ km from every station

const submit = async (openid: string, overrides: Record<string, unknown> = {}) => {
  const { id } = expectOk(await cloud.call<{ id: string }>(openid, 'requests', buildRequest(overrides)))
  return (await cloud.stored('requests', { _id: id }))[0]
}

describe('requests', () => {
  it('routes a request placed in the second station to that station’s community officer, storing the station and why', async () => {
    const stored = await submit('bureau-resident-1', { location: IN_ALTAN })
    expect(stored).toMatchObject({
      stationId: 'station-bayanbolag',
      stationReason: { kind: 'inside', communityId: 'community-altan' },
      communityId: 'community-altan',
      officerId: 'officer-bb-1',
      officerIds: ['officer-bb-1', 'aux-bb-1'],
      decision: { assignee: { officerId: 'officer-bb-1', as: 'community_officer' } },
    })
  })

  it('routes a resident bound to the third station by their community when they give no place', async () => {
    expectOk(await cloud.call('bureau-resident-2', 'jurisdiction', { action: 'bindCommunity', communityId: 'community-saiusu', via: 'list' }))
    const stored = await submit('bureau-resident-2')
    expect(stored).toMatchObject({ stationId: 'station-saiusu', stationReason: { kind: 'community', communityId: 'community-saiusu', method: 'given' }, officerId: 'officer-su-1' })
  })

  it('keeps the first station’s routing: demo-resident-1 still reaches 巴特尔', async () => {
    const stored = await submit('demo-resident-1')
    expect(stored).toMatchObject({ stationId: 'station-chaogewendur', stationReason: { kind: 'community', communityId: 'gacha-bayanbulag', method: 'given' }, officerId: 'officer-1' })
  })

  it('sends a place outside every station but near one to the nearest station', async () => {
    const stored = await submit('bureau-resident-3', { location: BETWEEN_STATIONS })
    expect(stored).toMatchObject({ stationId: 'station-bayanbolag', stationReason: { kind: 'nearest_station', maxKm: 30 } })
    expect((stored.routeReason as { zh: string }).zh).toMatch(/^不在任何派出所辖区内，归最近的巴音宝力格镇派出所/)
  })

  it('gives a place beyond every station’s reach to the bureau duty desk, and says so', async () => {
    const stored = await submit('bureau-resident-4', { location: FAR_AWAY })
    expect(stored).toMatchObject({
      stationId: null,
      stationReason: { kind: 'beyond_limit', maxKm: 30 },
      officerId: 'bureau-duty-1',
      decision: { communityId: null, assignee: { officerId: 'bureau-duty-1', as: 'bureau_duty_desk' }, escalation: { level2: ['bureau-chief'] } },
    })
    expect((stored.routeReason as { zh: string }).zh).toBe('位置距各派出所辖区均超过30公里 → 由局指挥中心值班民警额尔敦负责')
  })

  it('sends a complaint filed in the second station to that station’s leadership', async () => {
    const stored = await submit('bureau-resident-5', { location: IN_ALTAN, details: { kind: 'complaint', type: 'complaint', aboutOfficer: true, officerId: 'officer-bb-1' }, text: '民警态度不好' })
    expect(stored).toMatchObject({ stationId: 'station-bayanbolag', handledBy: 'leadership', officerIds: ['officer-bb-chief'] })
  })

  it('sends a complaint about that station’s chief to the bureau’s leadership, and neither its chief nor another station’s leader reaches it', async () => {
    const stored = await submit('bureau-resident-6', { location: IN_ALTAN, details: { kind: 'complaint', type: 'complaint', aboutOfficer: true, officerId: 'officer-bb-chief' }, text: '所长处理不公' })
    expect(stored).toMatchObject({ stationId: 'station-bayanbolag', handledBy: 'leadership', officerIds: ['bureau-chief'] })
    const detail = (openid: string) => cloud.call(openid, 'requests', { action: 'detail', id: stored._id })
    // The chief complained about, and the first station's chief (a leader of another station).
    for (const openid of ['demo-leader-bb-1', 'demo-leader-1']) expect(await detail(openid)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    // The bureau's chief, as bureau leader, handles it.
    const at = new Date('2026-11-01T00:00:00Z')
    await cloud.emulator.seed({ users: [{ _id: 'bureau-chief-test', roles: ['resident', 'officer', 'bureau_leader'], displayName: '张志刚', language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId: 'bureau-chief', createdAt: at, updatedAt: at }] })
    expect(await detail('bureau-chief-test')).toMatchObject({ ok: true })
  })
})

describe('mediation', () => {
  it('files a dispute in the second station’s community with its officer, storing the station', async () => {
    const { id } = expectOk(await cloud.call<{ id: string }>('bureau-resident-6', 'mediation', buildFiling({ communityId: 'community-altan' })))
    const [stored] = await cloud.stored('mediation_cases', { _id: id })
    expect(stored).toMatchObject({
      stationId: 'station-bayanbolag',
      stationReason: { kind: 'community', communityId: 'community-altan', method: 'given' },
      officerId: 'officer-bb-1',
      // Level 2 is the case's station leadership.
      decision: { escalation: { level2: ['officer-bb-chief'] } },
    })
  })
})

describe('mediation leadership per station', () => {
  it('alerts the leadership of the case’s station to a high-risk dispute, lists it for them only, and lets only them acknowledge it', async () => {
    const { id } = expectOk(await cloud.call<{ id: string }>('bureau-resident-7', 'mediation', buildFiling({ communityId: 'community-altan', description: '他喝了酒以后拿着刀说要打死我' })))
    const alerted = (openid: string) => messagesTo(cloud, openid, 'TEMPLATE_MEDIATION_HIGH_RISK').filter((m) => m.page.endsWith(id))
    expect(alerted('demo-leader-bb-1')).toHaveLength(1)
    expect(alerted('demo-leader-1')).toEqual([])
    const alerts = async (openid: string) => expectOk(await cloud.call<Array<{ id: string }>>(openid, 'mediation', { action: 'highRiskAlerts' })).map((c) => c.id)
    expect(await alerts('demo-leader-bb-1')).toContain(id)
    expect(await alerts('demo-leader-1')).not.toContain(id)
    cloud.resetWrites()
    expect(await cloud.call('demo-leader-1', 'mediation', { action: 'acknowledgeAlert', caseId: id })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } })
    expect(cloud.writes()).toBe(0)
    expectOk(await cloud.call('demo-leader-bb-1', 'mediation', { action: 'acknowledgeAlert', caseId: id }))
  })
})

describe('home visits', () => {
  it('routes a visit in the third station within that station: in Mongolian, to its auxiliary 图雅 (赵军 speaks only Chinese)', async () => {
    const { id } = expectOk(
      await cloud.call<{ id: string }>('bureau-resident-7', 'booking', {
        action: 'requestHomeVisit',
        requestId: randomUUID(),
        serviceId: 'id-card-renewal',
        person: { relation: 'family', name: '图雅的父亲', phone: '13947112346', idNumber: '11010519491231002X' },
        reason: 'age',
        communityId: 'gacha-khokhondor',
        addressText: '呼和温都尔嘎查二组',
        language: 'mn',
      }),
    )
    const [stored] = await cloud.stored('home_visits', { _id: id })
    expect(stored).toMatchObject({ stationId: 'station-saiusu', stationReason: { kind: 'community', communityId: 'gacha-khokhondor', method: 'given' }, assigneeOfficerId: 'aux-su-1' })
  })
})
