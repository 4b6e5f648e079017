// The audit log per station (docs/security.md › Audit log), on the demo bureau: entries carry the
// station of the record acted on (else the actor's; null for bureau-level work); a station's
// leaders and admins search their station's entries only, the bureau leader every entry; entries
// written before stations (no stationId) are the first station's and are not rewritten.
import { randomUUID } from 'node:crypto'
import type { AuditEntryView } from '../../src/core/privacy/contract'
import type { Role } from '../../src/core/roles'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { buildRequest } from './requests-support'

let cloud: TestCloud
const IN_ALTAN = { lng: 107.06, lat: 41.09 } // 巴音宝力格镇's 阿拉坦社区, officer 其木格 (officer-bb-1)
const ADMIN_BB = 'audit-admin-bb'
const BUREAU_ADMIN = 'audit-bureau-admin'

/** A request of each station, each read (and so audited) by its community officer. */
let requestA: string
let requestB: string
const LEGACY_ID = 'audit-legacy-entry'
const BUREAU_LEVEL_ID = 'audit-bureau-entry'

beforeAll(async () => {
  cloud = await startTestCloud()
  const at = new Date('2026-11-01T00:00:00Z')
  const user = (openid: string, roles: Role[], officerId: string | null) => ({ _id: openid, roles, displayName: openid, language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId, createdAt: at, updatedAt: at })
  await cloud.emulator.seed({ users: [user(ADMIN_BB, ['admin'], 'officer-bb-chief'), user(BUREAU_ADMIN, ['bureau_admin'], null)] })
  requestA = expectOk(await cloud.call<{ id: string }>('demo-resident-1', 'requests', buildRequest())).id
  requestB = expectOk(await cloud.call<{ id: string }>('audit-resident-b', 'requests', buildRequest({ location: IN_ALTAN }))).id
  expectOk(await cloud.call('demo-officer-1', 'requests', { action: 'detail', id: requestA }))
  expectOk(await cloud.call('demo-officer-bb-1', 'requests', { action: 'detail', id: requestB }))
  // An entry from before stations (no stationId) and a bureau-level one, as the log holds them.
  const before = new Date(Date.now() - 60_000)
  await cloud.emulator.seed({
    audit_log: [
      { _id: LEGACY_ID, actorOpenid: 'demo-officer-1', roles: ['officer'], action: 'read', collection: 'requests', recordId: 'legacy-request', at: before },
      { _id: BUREAU_LEVEL_ID, actorOpenid: BUREAU_ADMIN, roles: ['bureau_admin'], action: 'importJurisdiction', collection: 'jurisdiction_versions', recordId: 'v9', stationId: null, at: before },
    ],
  })
})
afterAll(() => cloud.stop())

const search = async (openid: string, query: Record<string, unknown> = {}) => expectOk(await cloud.call<{ entries: AuditEntryView[]; hasMore: boolean }>(openid, 'account', { action: 'searchAudit', ...query })).entries
const ids = (entries: AuditEntryView[]) => entries.map((e) => e.id)
const recordIds = (entries: AuditEntryView[]) => entries.map((e) => e.recordId)

describe('audit entries', () => {
  it('carry the station of the record acted on', async () => {
    const [readA] = await cloud.stored('audit_log', { recordId: requestA, action: 'read' })
    const [readB] = await cloud.stored('audit_log', { recordId: requestB, action: 'read' })
    expect(readA.stationId).toBe('station-chaogewendur')
    expect(readB.stationId).toBe('station-bayanbolag')
  })

  it('of a station’s import carry that station, of a rollback none (bureau-level)', async () => {
    const exported = expectOk(await cloud.call<{ version: number; document: unknown }>(ADMIN_BB, 'jurisdiction', { action: 'exportJurisdiction' }))
    const imported = expectOk(await cloud.call<{ version: number }>(ADMIN_BB, 'jurisdiction', { action: 'importJurisdiction', document: exported.document, requestId: randomUUID() }))
    const [importEntry] = await cloud.stored('audit_log', { action: 'importStation', recordId: `v${imported.version}` })
    expect(importEntry).toMatchObject({ actorOpenid: ADMIN_BB, stationId: 'station-bayanbolag' })
    expectOk(await cloud.call(BUREAU_ADMIN, 'jurisdiction', { action: 'rollbackJurisdiction', version: exported.version }))
    const [rollback] = await cloud.stored('audit_log', { action: 'rollbackJurisdiction' })
    expect(rollback).toMatchObject({ actorOpenid: BUREAU_ADMIN, stationId: null })
  })
})

describe('searchAudit', () => {
  it('shows a leader of the second station its entries, never the first station’s', async () => {
    const all = await search('demo-leader-bb-1')
    expect(recordIds(all)).toContain(requestB)
    expect(recordIds(all)).not.toContain(requestA)
    expect(ids(all)).not.toContain(LEGACY_ID)
    expect(ids(all)).not.toContain(BUREAU_LEVEL_ID)
    expect(await search('demo-leader-bb-1', { collection: 'requests', recordId: requestA })).toEqual([])
    expect(await search('demo-leader-bb-1', { actorOpenid: 'demo-officer-1' })).toEqual([])
  })

  it('shows a leader of the first station its entries and those from before stations, never the second’s or bureau-level ones', async () => {
    const all = await search('demo-leader-1')
    expect(recordIds(all)).toContain(requestA)
    expect(ids(all)).toContain(LEGACY_ID)
    expect(recordIds(all)).not.toContain(requestB)
    expect(ids(all)).not.toContain(BUREAU_LEVEL_ID)
    expect(await search('demo-leader-1', { collection: 'requests', recordId: requestB })).toEqual([])
    expect(recordIds(await search('demo-leader-1', { actionName: 'read' }))).toEqual(expect.arrayContaining([requestA, 'legacy-request']))
  })

  it('shows a station’s admin their station’s entries', async () => {
    const all = await search(ADMIN_BB)
    expect(recordIds(all)).toContain(requestB)
    expect(recordIds(all)).not.toContain(requestA)
  })

  it('shows the bureau leader and the bureau admin every station’s entries and bureau-level ones', async () => {
    for (const openid of ['demo-bureau-leader', BUREAU_ADMIN]) {
      const all = await search(openid)
      expect(recordIds(all)).toEqual(expect.arrayContaining([requestA, requestB]))
      expect(ids(all)).toEqual(expect.arrayContaining([LEGACY_ID, BUREAU_LEVEL_ID]))
    }
  })

  it('never rewrites an entry written before stations', async () => {
    const [legacy] = await cloud.stored('audit_log', { _id: LEGACY_ID })
    expect('stationId' in legacy).toBe(false)
  })
})
