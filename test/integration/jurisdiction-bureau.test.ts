// The jurisdiction function with a bureau of stations (docs/bureau.md): the demo bureau as seeded
// (乌拉特后旗公安局, 3 stations), its stations and communities as residents list them, binding to
// a community of the second station, and the bureau admin importing bureaus: format 2 and format 1
// (in place of that station's section), a repeat of the same requestId (answered, nothing
// written), the same key with another document, racing repeats (one version), and bad input
// (nothing written). Station admins' imports: jurisdiction-stations.test.ts.
import { randomUUID } from 'node:crypto'
import type { BureauStations, CommunityCard, MyCommunity } from '../../src/core/jurisdiction/contract'
import demoBureauDocument from '../../scripts/demo-bureau.json'
import { demoDocument } from '../fixtures/jurisdiction-builders'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
/** Whole bureau documents and rollbacks are the bureau admin's (docs/bureau.md). */
const BUREAU_ADMIN = 'bureau-test-admin'
beforeAll(async () => {
  cloud = await startTestCloud()
  const at = new Date('2026-11-01T00:00:00Z')
  await cloud.emulator.seed({ users: [{ _id: BUREAU_ADMIN, roles: ['bureau_admin'], displayName: '局管理员', language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId: null, createdAt: at, updatedAt: at }] })
})
afterAll(() => cloud.stop())

const IN_ALTAN = { lng: 107.06, lat: 41.09 }
type Summary = { version: number; stations: number; communities: number; officers: number }
type Version = { version: number; stations: number; current: boolean }

const bureauDocument = () => structuredClone(demoBureauDocument) as typeof demoBureauDocument
const importAs = (document: unknown, requestId: string = randomUUID()) => cloud.call<Summary>(BUREAU_ADMIN, 'jurisdiction', { action: 'importJurisdiction', document, requestId })
const versions = async () => expectOk(await cloud.call<Version[]>(BUREAU_ADMIN, 'jurisdiction', { action: 'listJurisdictionVersions' }))
const stations = async () => expectOk(await cloud.call<BureauStations>('demo-resident-1', 'jurisdiction', { action: 'listStations' }))

describe('listStations', () => {
  it('lists the bureau and its three stations to a resident, each with its duty phone, communities and position', async () => {
    const listed = await stations()
    expect(listed.bureau).toEqual({ id: 'bureau-urad-rear', name: expect.objectContaining({ zh: '乌拉特后旗公安局' }), dutyDeskPhone: '0478-6220110' })
    expect(listed.stations.map((s) => [s.id, s.name.zh, s.dutyPhone, s.communities])).toEqual([
      ['station-chaogewendur', '潮格温都尔镇派出所', '0478-6200110', 7],
      ['station-bayanbolag', '巴音宝力格镇派出所', '0478-6210110', 3],
      ['station-saiusu', '赛乌素镇派出所', '0478-6230110', 2],
    ])
    // 巴音宝力格镇's communities lie around 107.05–107.13 E, 41.08–41.16 N.
    const bayanbolag = listed.stations[1].position!
    expect(bayanbolag.lng).toBeGreaterThan(107.05)
    expect(bayanbolag.lng).toBeLessThan(107.13)
    expect(bayanbolag.lat).toBeGreaterThan(41.08)
    expect(bayanbolag.lat).toBeLessThan(41.16)
  })
})

describe('listCommunities', () => {
  it('lists every community of the bureau with its station', async () => {
    const list = expectOk(await cloud.call<CommunityCard[]>('demo-resident-1', 'jurisdiction', { action: 'listCommunities' }))
    expect(list).toHaveLength(12)
    expect(list.find((c) => c.id === 'gacha-bayanbulag')).toMatchObject({ stationId: 'station-chaogewendur', officer: { id: 'officer-1' } })
    expect(list.find((c) => c.id === 'community-altan')).toMatchObject({ stationId: 'station-bayanbolag', officer: { id: 'officer-bb-1', name: '其木格' } })
  })

  it('lists one station’s communities when asked', async () => {
    const list = expectOk(await cloud.call<CommunityCard[]>('demo-resident-1', 'jurisdiction', { action: 'listCommunities', stationId: 'station-saiusu' }))
    expect(list.map((c) => c.id)).toEqual(['community-saiusu', 'gacha-khokhondor'])
  })

  it('answers NOT_FOUND for a station the bureau does not have, writing nothing', async () => {
    cloud.resetWrites()
    expectError(await cloud.call('demo-resident-1', 'jurisdiction', { action: 'listCommunities', stationId: 'station-elsewhere' }), 'NOT_FOUND')
    expectNothingHappened(cloud)
  })
})

describe('binding to a community of the second station', () => {
  it('from the list stores the station on the user', async () => {
    const mine = expectOk(await cloud.call<MyCommunity>('bureau-binder-1', 'jurisdiction', { action: 'bindCommunity', communityId: 'community-altan', via: 'list' }))
    expect(mine.community).toMatchObject({ id: 'community-altan', stationId: 'station-bayanbolag' })
    const [user] = await cloud.stored('users', { _id: 'bureau-binder-1' })
    expect(user).toMatchObject({ communityId: 'community-altan', stationId: 'station-bayanbolag' })
  })

  it('by location stores the station of the community the point lies in', async () => {
    const mine = expectOk(await cloud.call<MyCommunity>('bureau-binder-2', 'jurisdiction', { action: 'bindCommunityByLocation', ...IN_ALTAN }))
    expect(mine).toMatchObject({ community: { id: 'community-altan', stationId: 'station-bayanbolag' }, located: { method: 'polygon' } })
    const [user] = await cloud.stored('users', { _id: 'bureau-binder-2' })
    expect(user).toMatchObject({ communityId: 'community-altan', stationId: 'station-bayanbolag' })
  })
})

describe('importJurisdiction of a bureau', () => {
  it('stores a bureau document as the next version and exports it as imported', async () => {
    const doc = bureauDocument()
    doc.stations[2].station.dutyPhone = '0478-6230119'
    const summary = expectOk(await importAs(doc))
    expect(summary).toEqual({ version: 2, stations: 3, communities: 12, officers: 15 })
    const exported = expectOk(await cloud.call<{ version: number; document: typeof doc }>(BUREAU_ADMIN, 'jurisdiction', { action: 'exportJurisdiction' }))
    expect(exported.version).toBe(2)
    expect(exported.document).toMatchObject({ version: 2, bureau: { id: 'bureau-urad-rear' } })
    expect(exported.document.stations[2].station.dutyPhone).toBe('0478-6230119')
    // Officer records carry their station; bureau staff have none.
    const [bb1] = await cloud.stored('officers', { _id: 'officer-bb-1' })
    expect(bb1).toMatchObject({ stationId: 'station-bayanbolag', communityIds: ['community-altan'], active: true })
    const [desk] = await cloud.stored('officers', { _id: 'bureau-duty-1' })
    expect(desk).toMatchObject({ stationId: null, active: true })
  })

  it('answers a repeat of the same requestId with the first import and writes nothing', async () => {
    const requestId = randomUUID()
    const first = expectOk(await importAs(bureauDocument(), requestId))
    cloud.resetWrites()
    expect(expectOk(await importAs(bureauDocument(), requestId))).toEqual(first)
    expectNothingHappened(cloud)
    expect((await versions()).filter((v) => v.version === first.version)).toHaveLength(1)
  })

  it('refuses the same requestId with another document, writing nothing', async () => {
    const requestId = randomUUID()
    expectOk(await importAs(bureauDocument(), requestId))
    const other = bureauDocument()
    other.bureau.nearestStationMaxKm = 20
    cloud.resetWrites()
    const error = expectError(await importAs(other, requestId), 'INVALID_ARGUMENT')
    expect(error?.issues?.map((i) => i.path.join('.'))).toEqual(['requestId'])
    expectNothingHappened(cloud)
  })

  it('stores one version when repeats of one requestId race, and each answers it', async () => {
    const before = (await versions()).length
    const requestId = randomUUID()
    const results = await Promise.all(Array.from({ length: 3 }, () => importAs(bureauDocument(), requestId)))
    const answered = results.map((r) => expectOk(r).version)
    expect(new Set(answered).size).toBe(1)
    const after = await versions()
    expect(after).toHaveLength(before + 1)
    expect(after.find((v) => v.current)?.version).toBe(answered[0])
  })

  it('refuses stations whose communities overlap, naming the place, and writes nothing', async () => {
    const doc = bureauDocument()
    // 赛乌素社区 moved over 阿拉坦社区 of 巴音宝力格镇.
    doc.stations[2].communities[0].boundary = doc.stations[1].communities[0].boundary
    cloud.resetWrites()
    const error = expectError(await importAs(doc), 'INVALID_ARGUMENT')
    expect(error?.issues?.some((i) => i.path.join('.').startsWith('document.stations.2.communities.0.boundary') || i.path.join('.').startsWith('document.stations.1.communities.0.boundary'))).toBe(true)
    expectNothingHappened(cloud)
  })

  it('refuses an import without a requestId, writing nothing', async () => {
    cloud.resetWrites()
    const error = expectError(await cloud.call(BUREAU_ADMIN, 'jurisdiction', { action: 'importJurisdiction', document: bureauDocument() }), 'INVALID_ARGUMENT')
    expect(error?.issues?.map((i) => i.path.join('.'))).toEqual(['requestId'])
    expectNothingHappened(cloud)
  })

  it('imports a single station’s document in place of that station’s section, keeping the others, and rolls back', async () => {
    const before = (await versions()).find((v) => v.current)!.version
    const doc = demoDocument()
    doc.officers[0].name = '巴特尔（新）'
    const single = expectOk(await importAs(doc))
    expect(single).toMatchObject({ stations: 3, communities: 12 })
    const listed = await stations()
    expect(listed.bureau.id).toBe('bureau-urad-rear')
    expect(listed.stations.map((s) => s.id)).toEqual(['station-chaogewendur', 'station-bayanbolag', 'station-saiusu'])
    expect((await cloud.stored('officers', { _id: 'officer-1' }))[0]).toMatchObject({ name: '巴特尔（新）', active: true })
    expect((await cloud.stored('officers', { _id: 'officer-bb-1' }))[0].active).toBe(true)

    expectOk(await cloud.call(BUREAU_ADMIN, 'jurisdiction', { action: 'rollbackJurisdiction', version: before }))
    expect((await cloud.stored('officers', { _id: 'officer-1' }))[0]).toMatchObject({ name: '巴特尔', active: true })
  })
})
