// The jurisdiction per station (docs/bureau.md › The jurisdiction per station), on the seeded demo
// bureau of three stations: a station's admin exports and imports their station's document only
// (another station's, or a bureau document, is PERMISSION_DENIED with nothing written); the import
// replaces that station's section and keeps every other; two stations importing at the same
// moment both land; rollback is the bureau admin's; leaders and admins of a station see their
// station's document, the bureau's staff the whole bureau.
import { randomUUID } from 'node:crypto'
import type { JurisdictionExport } from '../../src/core/jurisdiction/contract'
import type { Role } from '../../src/core/roles'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud

/** Admins of the second and third station (their chiefs' officer records), and the bureau admin. */
const ADMIN_BB = 'juris-admin-bb'
const ADMIN_SU = 'juris-admin-su'
const BUREAU_ADMIN = 'juris-bureau-admin'
const LEADER_BB = 'demo-leader-bb-1'

beforeAll(async () => {
  cloud = await startTestCloud()
  const at = new Date('2026-11-01T00:00:00Z')
  const user = (openid: string, roles: Role[], officerId: string | null) => ({ _id: openid, roles, displayName: openid, language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId, createdAt: at, updatedAt: at })
  await cloud.emulator.seed({ users: [user(ADMIN_BB, ['admin'], 'officer-bb-chief'), user(ADMIN_SU, ['admin'], 'officer-su-chief'), user(BUREAU_ADMIN, ['bureau_admin'], null)] })
})
afterAll(() => cloud.stop())

interface StationDoc {
  version: 1
  station: { id: string; dutyPhone: string | null }
  communities: Array<{ id: string; officerId: string }>
  officers: Array<{ id: string; name: string }>
}
interface BureauDoc {
  bureau: { id: string; dutyDesk: { phone: string } }
  officers: Array<{ id: string }>
  stations: StationDoc[]
}
type Summary = { version: number; stations: number; communities: number; officers: number }

const exportAs = async (openid: string) => expectOk(await cloud.call<JurisdictionExport>(openid, 'jurisdiction', { action: 'exportJurisdiction' }))
const stationDocOf = async (openid: string) => (await exportAs(openid)).document as StationDoc
const bureauNow = async () => (await exportAs(BUREAU_ADMIN)).document as BureauDoc
const importAs = (openid: string, document: unknown, requestId: string = randomUUID()) => cloud.call<Summary>(openid, 'jurisdiction', { action: 'importJurisdiction', document, requestId })
const currentVersion = async () => (await exportAs(BUREAU_ADMIN)).version

describe('exportJurisdiction', () => {
  it('gives a station’s admin and leader their station’s document, the bureau’s name and its stations, nothing of other stations', async () => {
    for (const openid of [ADMIN_BB, LEADER_BB]) {
      const exported = await exportAs(openid)
      expect(exported).toMatchObject({ scope: 'station', stationId: 'station-bayanbolag' })
      expect((exported.document as StationDoc).station.id).toBe('station-bayanbolag')
      expect(exported.bureau.stations.map((s) => s.id)).toEqual(['station-chaogewendur', 'station-bayanbolag', 'station-saiusu'])
      const said = JSON.stringify(exported)
      // Other stations' officers, places and the bureau's own staff.
      for (const other of ['officer-1', 'officer-chief', 'officer-su-1', 'gacha-bayanbulag', 'community-saiusu', 'bureau-chief']) expect(said).not.toContain(`"${other}"`)
    }
  })

  it('gives bureau staff the whole bureau', async () => {
    for (const openid of [BUREAU_ADMIN, 'demo-bureau-leader']) {
      const exported = await exportAs(openid)
      expect(exported).toMatchObject({ scope: 'bureau', stationId: null })
      expect((exported.document as BureauDoc).stations).toHaveLength(3)
    }
  })
})

describe('importJurisdiction of a station’s document', () => {
  it('replaces the admin’s station section only and stores a new bureau version', async () => {
    const before = await bureauNow()
    const doc = await stationDocOf(ADMIN_BB)
    doc.officers.find((o) => o.id === 'officer-bb-1')!.name = '其木格（新）'
    const imported = expectOk(await importAs(ADMIN_BB, doc))
    expect(imported).toMatchObject({ version: (await currentVersion()), stations: 3 })
    const after = await bureauNow()
    expect(after.bureau).toEqual(before.bureau)
    expect(after.officers).toEqual(before.officers)
    expect(after.stations[0]).toEqual(before.stations[0])
    expect(after.stations[2]).toEqual(before.stations[2])
    expect(after.stations[1].officers.find((o) => o.id === 'officer-bb-1')?.name).toBe('其木格（新）')
    const [synced] = await cloud.stored('officers', { _id: 'officer-bb-1' })
    expect(synced).toMatchObject({ name: '其木格（新）', stationId: 'station-bayanbolag', active: true })
  })

  it('answers a repeat of the requestId with the first import and writes nothing', async () => {
    const doc = await stationDocOf(ADMIN_BB)
    doc.station.dutyPhone = '0478-6210111'
    const requestId = randomUUID()
    const first = expectOk(await importAs(ADMIN_BB, doc, requestId))
    cloud.resetWrites()
    expect(expectOk(await importAs(ADMIN_BB, doc, requestId))).toEqual(first)
    expectNothingHappened(cloud)
  })

  it('refuses another station’s document from a station’s admin: PERMISSION_DENIED, nothing written', async () => {
    const first = (await bureauNow()).stations[0]
    const version = await currentVersion()
    cloud.resetWrites()
    const error = expectError(await importAs(ADMIN_BB, first), 'PERMISSION_DENIED')
    expect(error?.details).toMatchObject({ why: 'other_station' })
    expectNothingHappened(cloud)
    expect(await currentVersion()).toBe(version)
  })

  it('refuses a bureau document, or a station document touching the bureau’s fields, from a station’s admin', async () => {
    const bureau = await bureauNow()
    const own = await stationDocOf(ADMIN_BB)
    cloud.resetWrites()
    expect(expectError(await importAs(ADMIN_BB, bureau), 'PERMISSION_DENIED')?.details).toMatchObject({ why: 'bureau_document' })
    expectError(await importAs(ADMIN_BB, { ...own, bureau: { ...bureau.bureau, dutyDesk: { ...bureau.bureau.dutyDesk, phone: '0478-0000000' } } }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('refuses a community id of another station, naming it, and writes nothing', async () => {
    const doc = await stationDocOf(ADMIN_BB)
    doc.communities[0].id = 'gacha-bayanbulag'
    cloud.resetWrites()
    const error = expectError(await importAs(ADMIN_BB, doc), 'INVALID_ARGUMENT')
    const issue = error?.issues?.find((i) => i.path.join('.') === 'document.communities.0.id')
    expect(issue?.message).toMatch(/"gacha-bayanbulag".*station "station-chaogewendur"/)
    expectNothingHappened(cloud)
  })

  it('lets the bureau admin import any station’s document, and answers NOT_FOUND for a station the bureau has not', async () => {
    const doc = await stationDocOf(ADMIN_SU)
    expectOk(await importAs(BUREAU_ADMIN, doc))
    cloud.resetWrites()
    const error = expectError(await importAs(BUREAU_ADMIN, { ...doc, station: { ...doc.station, id: 'station-new' } }), 'NOT_FOUND')
    expect(error?.message).toContain('whole bureau')
    expectNothingHappened(cloud)
  })

  it('keeps both stations’ sections when two station admins import at the same moment', async () => {
    const bb = await stationDocOf(ADMIN_BB)
    const su = await stationDocOf(ADMIN_SU)
    bb.officers.find((o) => o.id === 'officer-bb-2')!.name = '巴音宝力格同时导入'
    su.officers.find((o) => o.id === 'officer-su-1')!.name = '赛乌素同时导入'
    const before = await currentVersion()
    const [a, b] = await Promise.all([importAs(ADMIN_BB, bb), importAs(ADMIN_SU, su)])
    const versions = [expectOk(a).version, expectOk(b).version]
    expect(new Set(versions).size).toBe(2)
    const after = await exportAs(BUREAU_ADMIN)
    expect(after.version).toBe(Math.max(...versions))
    expect(after.version).toBe(before + 2)
    const bureau = after.document as BureauDoc
    expect(bureau.stations[1].officers.find((o) => o.id === 'officer-bb-2')?.name).toBe('巴音宝力格同时导入')
    expect(bureau.stations[2].officers.find((o) => o.id === 'officer-su-1')?.name).toBe('赛乌素同时导入')
  })

  it('makes a lost race again once on the bureau the winner made, then answers CONFLICT with nothing written', async () => {
    const doc = await stationDocOf(ADMIN_BB)
    doc.officers.find((o) => o.id === 'officer-bb-2')!.name = '刘洋'
    const before = await currentVersion()
    // Each armed conflict makes one commit fail as a concurrent write would.
    cloud.emulator.faults.conflictTransactions(1)
    expect(expectOk(await importAs(ADMIN_BB, doc)).version).toBe(before + 1)
    doc.officers.find((o) => o.id === 'officer-bb-2')!.name = '刘洋（两次冲突）'
    cloud.emulator.faults.conflictTransactions(2)
    cloud.resetWrites()
    expectError(await importAs(ADMIN_BB, doc), 'CONFLICT')
    expectNothingHappened(cloud)
    cloud.emulator.faults.clear()
    expect(await currentVersion()).toBe(before + 1)
  })
})

describe('rollbackJurisdiction', () => {
  it('is the bureau admin’s only: a station’s admin is refused and nothing changes', async () => {
    const version = await currentVersion()
    cloud.resetWrites()
    expectError(await cloud.call(ADMIN_BB, 'jurisdiction', { action: 'rollbackJurisdiction', version: 1 }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
    expect(expectOk(await cloud.call<Summary>(BUREAU_ADMIN, 'jurisdiction', { action: 'rollbackJurisdiction', version: 1 })).version).toBe(1)
    expect(await currentVersion()).toBe(1)
    expect(version).toBeGreaterThan(1)
  })
})
