import type { JurisdictionInput } from '../../src/core/jurisdiction/schema'
import type { CommunityCard, MyCommunity } from '../../src/core/jurisdiction/contract'
import { dayjs } from '../../src/core/time'
import { demoDocument } from '../fixtures/jurisdiction-builders'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
/** Rolling back changes every station: the bureau admin's (docs/bureau.md). */
const BUREAU_ADMIN = 'jurisdiction-bureau-admin'
beforeAll(async () => {
  cloud = await startTestCloud()
  const at = new Date('2026-11-01T00:00:00Z')
  await cloud.emulator.seed({ users: [{ _id: BUREAU_ADMIN, roles: ['bureau_admin'], displayName: '局管理员', language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId: null, createdAt: at, updatedAt: at }] })
})
afterAll(() => cloud.stop())

const INSIDE_BAYANBULAG = { lng: 106.3, lat: 41.62 }
/** About 5 km west of 巴音布拉格嘎查's boundary: nearer than the station's 10 km limit. */
const WEST_OF_BAYANBULAG = { lng: 106.12, lat: 41.62 }
const FAR_AWAY = { lng: 105.2, lat: 40.9 }

/** The demo document with 苏和 (officer-3) on leave around the real clock, since functions read it. */
function documentWithLeave(): JurisdictionInput {
  const doc = demoDocument()
  doc.roster.leave = [{ officerId: 'officer-3', start: dayjs().subtract(1, 'day').toISOString(), end: dayjs().add(10, 'day').toISOString(), note: '年休假' }]
  return doc
}

let attempts = 0
/** Each call is a new attempt (its own requestId); jurisdiction-bureau.test.ts repeats one. */
const importAs = (openid: string, document: unknown) =>
  cloud.call<{ version: number }>(openid, 'jurisdiction', { action: 'importJurisdiction', document, requestId: `import-attempt-${String(++attempts).padStart(8, '0')}` })

describe('importJurisdiction', () => {
  it('makes a valid document the current version and keeps the old one for rollback', async () => {
    const { version } = expectOk(await importAs('demo-admin', documentWithLeave()))
    expect(version).toBe(2)
    const versions = expectOk(await cloud.call<Array<{ version: number; current: boolean }>>('demo-admin', 'jurisdiction', { action: 'listJurisdictionVersions' }))
    expect(versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ])
    const [officer3] = await cloud.stored('officers', { _id: 'officer-3' })
    expect(officer3).toMatchObject({ name: '苏和', communityIds: ['gacha-tsagaanobo', 'gacha-borondor'], active: true })
  })

  describe('when the document has problems', () => {
    it('reports every problem by field and writes nothing', async () => {
      const doc = demoDocument()
      doc.communities[0].officerId = 'officer-nobody'
      doc.communities[1].boundary = { type: 'Polygon', coordinates: [[[106.4, 41.6], [106.5, 41.6], [106.5, 41.7]]] }
      doc.communities[5].boundary = doc.communities[6].boundary
      cloud.resetWrites()
      const error = expectError(await importAs('demo-admin', doc), 'INVALID_ARGUMENT')
      const paths = error?.issues?.map((i) => i.path.join('.'))
      expect(paths).toEqual(expect.arrayContaining(['document.communities.1.boundary.coordinates.0']))
      expectNothingHappened(cloud)
    })

    it('reports unknown officers and overlapping polygons once the shape is right', async () => {
      const doc = demoDocument()
      doc.communities[0].officerId = 'officer-nobody'
      doc.communities[5].boundary = doc.communities[6].boundary
      cloud.resetWrites()
      const error = expectError(await importAs('demo-admin', doc), 'INVALID_ARGUMENT')
      const paths = error?.issues?.map((i) => i.path.join('.')) ?? []
      expect(paths).toContain('document.communities.0.officerId')
      expect(paths.some((p) => p.startsWith('document.communities.6.boundary') || p.startsWith('document.communities.5.boundary'))).toBe(true)
      expectNothingHappened(cloud)
    })
  })

  it('is for admins only', async () => {
    cloud.resetWrites()
    expectError(await importAs('demo-leader-1', demoDocument()), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('keeps versions consistent when imports race: each winner has its own version, losers get CONFLICT', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => importAs('demo-admin', documentWithLeave())))
    const won = results.flatMap((r) => (r.ok ? [r.data.version] : []))
    expect(new Set(won).size).toBe(won.length)
    for (const lost of results.filter((r) => !r.ok)) expect(lost).toMatchObject({ error: { code: 'CONFLICT' } })
    const versions = expectOk(await cloud.call<Array<{ version: number; current: boolean }>>('demo-admin', 'jurisdiction', { action: 'listJurisdictionVersions' }))
    expect(versions.find((v) => v.current)?.version).toBe(Math.max(...won))
  })

  it('rolls back to an earlier version', async () => {
    expectError(await cloud.call('demo-admin', 'jurisdiction', { action: 'rollbackJurisdiction', version: 1 }), 'PERMISSION_DENIED')
    const rolled = expectOk(await cloud.call<{ version: number }>(BUREAU_ADMIN, 'jurisdiction', { action: 'rollbackJurisdiction', version: 1 }))
    expect(rolled.version).toBe(1)
    const exported = expectOk(await cloud.call<{ version: number }>('demo-admin', 'jurisdiction', { action: 'exportJurisdiction' }))
    expect(exported.version).toBe(1)
    expectOk(await importAs('demo-admin', documentWithLeave()))
  })
})

describe('binding a resident to a community', () => {
  it('by location inside a gacha shows its community officer', async () => {
    const mine = expectOk(await cloud.call<MyCommunity>('binder-1', 'jurisdiction', { action: 'bindCommunityByLocation', ...INSIDE_BAYANBULAG }))
    expect(mine).toMatchObject({ via: 'location', community: { id: 'gacha-bayanbulag', officer: { name: '巴特尔', languages: ['mn', 'zh'] } }, located: { method: 'polygon' } })
  })

  it('by location just outside every boundary picks the nearest community', async () => {
    const mine = expectOk(await cloud.call<MyCommunity>('binder-2', 'jurisdiction', { action: 'bindCommunityByLocation', ...WEST_OF_BAYANBULAG }))
    expect(mine.community.id).toBe('gacha-bayanbulag')
    expect(mine.located?.method).toBe('nearest')
    expect(mine.located?.distanceKm).toBeGreaterThan(3)
  })

  it('by location far outside the station answers FAILED_PRECONDITION and changes nothing', async () => {
    expectOk(await cloud.call('binder-3', 'account', { action: 'me' }))
    cloud.resetWrites()
    expectError(await cloud.call('binder-3', 'jurisdiction', { action: 'bindCommunityByLocation', ...FAR_AWAY }), 'FAILED_PRECONDITION')
    expectNothingHappened(cloud)
  })

  it('from the list or a QR code, and can be changed later', async () => {
    expectOk(await cloud.call('binder-4', 'jurisdiction', { action: 'bindCommunity', communityId: 'gacha-ulaanbulag', via: 'list' }))
    const mine = expectOk(await cloud.call<MyCommunity>('binder-4', 'jurisdiction', { action: 'bindCommunity', communityId: 'community-wendur', via: 'qr' }))
    expect(mine).toMatchObject({ via: 'qr', community: { id: 'community-wendur', officer: { id: 'officer-2' } } })
    expect(expectOk(await cloud.call<MyCommunity>('binder-4', 'jurisdiction', { action: 'myCommunity' }))?.community.id).toBe('community-wendur')
  })

  it('refuses a community id the station does not have', async () => {
    expectError(await cloud.call('binder-4', 'jurisdiction', { action: 'bindCommunity', communityId: 'gacha-elsewhere', via: 'list' }), 'NOT_FOUND')
  })

  it('lists every community with its officer, including the remote gacha without a boundary', async () => {
    const list = expectOk(await cloud.call<CommunityCard[]>('binder-4', 'jurisdiction', { action: 'listCommunities', stationId: 'station-chaogewendur' }))
    expect(list).toHaveLength(7)
    expect(list.find((c) => c.id === 'gacha-ulaanbulag')).toMatchObject({ hasBoundary: false, officer: { id: 'officer-1' } })
  })
})

describe('an officer’s communities', () => {
  it('lets an officer see the communities they cover', async () => {
    const covered = expectOk(await cloud.call<CommunityCard[]>('demo-officer-1', 'jurisdiction', { action: 'coveredCommunities' }))
    expect(covered.map((c) => c.id).sort()).toEqual(['gacha-bayanbulag', 'gacha-ulaanbulag', 'gacha-ulaanhad'])
  })
})
