// The jurisdiction journeys through the h5 build: a resident chooses their community from the
// list and then by the phone's position (inside a demo gacha's surveyed boundary) and sees that
// gacha's officer, with the way to ask them (the requests desk, tested in requests.e2e.test.ts);
// an officer sees the communities they cover and 今日待办 first; a station's admin sees their station on the map, is shown
// field by field why a bad import was refused, imports the station's document; the bureau admin rolls back.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { point, polygon } from '@turf/helpers'
import type { MyCommunity } from '../../src/core/jurisdiction/contract'
import demoBureau from '../../scripts/demo-bureau.json'
import demoDocument from '../../scripts/demo-jurisdiction.json'
import { demoSeed } from '../../scripts/demo-seed'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

interface DemoCommunity {
  id: string
  name: { zh: string; mn?: string }
  officerId: string
  auxiliaryOfficerIds: string[]
  boundary: { type: string; coordinates: number[][][] } | null
}
const communities = demoDocument.communities as DemoCommunity[]
const communityById = (id: string) => communities.find((c) => c.id === id)!
const officerName = (id: string) => demoDocument.officers.find((o) => o.id === id)!.name

/** A point inside a community's outer ring: the mean of its corners, checked with turf. */
function pointInside(id: string): { longitude: number; latitude: number } {
  const ring = communityById(id).boundary!.coordinates[0]
  const corners = ring.slice(0, -1)
  const longitude = corners.reduce((sum, p) => sum + p[0], 0) / corners.length
  const latitude = corners.reduce((sum, p) => sum + p[1], 0) / corners.length
  if (!booleanPointInPolygon(point([longitude, latitude]), polygon([ring]))) throw new Error(`the mean corner of ${id} lies outside it; pick another point`)
  return { longitude, latitude }
}

const RESIDENT = 'demo-resident-2'
const BY_LIST = 'gacha-tsagaanobo'
const BY_LOCATION = 'gacha-bayanbulag'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness?.stop()
})

const myCommunity = (openid: string) => harness.callAs<MyCommunity | null>(openid, 'jurisdiction', { action: 'myCommunity' })

describe('a resident and their community officer', () => {
  it('changes community from the list, then by position, and sees that community’s officer each time', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, RESIDENT)
      // The home names the community and its officer, never its id.
      const seeded = communityById('community-chaoge')
      await on(page, 'home', '.home-community-name').waitFor()
      expect(await on(page, 'home', '.home-community-name').textContent()).toContain(seeded.name.zh)
      expect(await on(page, 'home', '.home-community').textContent()).not.toContain(seeded.id)

      await on(page, 'home', '.home-community-open').click()
      await on(page, 'community', `.officer-contact-${seeded.officerId}`).waitFor()

      // By list.
      await on(page, 'community', '.community-change-start').click()
      await on(page, 'community', '.community-bind-list').click()
      await on(page, 'community', '.community-list-gacha').waitFor()
      await shoot(page, 'community-1-list')
      await on(page, 'community', `.community-option-${BY_LIST}`).click()
      const listed = communityById(BY_LIST)
      await on(page, 'community', `.community-current-${BY_LIST}`).waitFor()
      expect(await on(page, 'community', '.community-officer .officer-contact-name').textContent()).toBe(officerName(listed.officerId))
      expect(await myCommunity(RESIDENT)).toMatchObject({ community: { id: BY_LIST }, via: 'list' })
      await shoot(page, 'community-2-bound-by-list')

      // By position, inside a demo gacha's surveyed polygon.
      await context.grantPermissions(['geolocation'], { origin: harness.emulator.url })
      await context.setGeolocation(pointInside(BY_LOCATION))
      await on(page, 'community', '.community-change-start').click()
      await on(page, 'community', '.community-bind-locate').click()
      const located = communityById(BY_LOCATION)
      await on(page, 'community', `.community-current-${BY_LOCATION}`).waitFor()
      expect(await on(page, 'community', '.community-current-name').textContent()).toBe(located.name.zh)
      expect(await on(page, 'community', '.community-officer .officer-contact-name').textContent()).toBe(officerName(located.officerId))
      // Inside a boundary: no "nearest community" notice.
      expect(await on(page, 'community', '.community-current-located').count()).toBe(0)
      for (const auxiliary of located.auxiliaryOfficerIds) await on(page, 'community', `.community-auxiliaries .officer-contact-${auxiliary}`).waitFor()
      expect(await myCommunity(RESIDENT)).toMatchObject({ community: { id: BY_LOCATION }, via: 'location', located: { method: 'polygon' } })
      await shoot(page, 'community-3-bound-by-location')

      // Asking that officer is one tap under their card: the requests desk opens on a consultation.
      await on(page, 'community', '.community-open-requests-ask').click()
      await on(page, 'requests-file', '.rq-kind-consultation.is-chosen').waitFor()
      await shoot(page, 'community-4-ask-opens-requests')

      // The same card in Mongolian and in elder mode.
      await page.goto('about:blank')
      await page.goto(`${harness.emulator.url}/#/pages/index/index`)
      await on(page, 'home', '.language-option-mn').click()
      await on(page, 'home', '.elder-mode-switch').click()
      await page.locator('#page-home.lang-mn.elder .home-community').waitFor()
      await on(page, 'home', '.home-community-open').click()
      await page.locator('#page-community.lang-mn.elder .community-officer').waitFor()
      expect(await on(page, 'community', '.community-current-name').textContent()).toBe(located.name.mn)
      await shoot(page, 'community-5-mongolian-elder')
    } finally {
      await context.close()
    }
  })

  it('binds by a community QR link only after the resident confirms', async () => {
    const { context, page } = await harness.openPhone()
    try {
      // The admin has no community yet: a resident like any other here.
      await signIn(page, 'demo-admin')
      await page.goto('about:blank')
      await page.goto(`${harness.emulator.url}/#/pages/community/index?bind=community-wendur`)
      await on(page, 'community', '.community-unbound').waitFor()
      await on(page, 'community', '.community-qr-confirm').waitFor()
      await shoot(page, 'community-6-qr-confirm')
      expect(await myCommunity('demo-admin')).toBeNull()
      await on(page, 'community', '.community-qr-confirm .fq-dialog-confirm').click()
      await on(page, 'community', '.community-current-community-wendur').waitFor()
      expect(await myCommunity('demo-admin')).toMatchObject({ community: { id: 'community-wendur' }, via: 'qr' })
    } finally {
      await context.close()
    }
  })
})

describe('officers', () => {
  it('an officer sees the communities they cover by name, and 今日待办 first', async () => {
    const officerId = 'officer-1'
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, 'demo-officer-1')
      await on(page, 'home', '.role-home-officer .fq-entry-action').click()
      await on(page, 'workbench', '.covered-communities').waitFor()
      // demo-officer-1 reads Mongolian: names in Mongolian, never ids.
      await page.locator('#page-workbench.lang-mn').waitFor()
      const covered = communities.filter((c) => c.officerId === officerId || c.auxiliaryOfficerIds.includes(officerId))
      expect(covered.length).toBeGreaterThan(0)
      for (const community of covered) {
        expect(await on(page, 'workbench', `.covered-community-${community.id} .covered-community-name`).textContent()).toBe(community.name.mn ?? community.name.zh)
      }
      expect(await on(page, 'workbench', '.covered-communities').textContent()).not.toMatch(/gacha-|community-/)

      // 今日待办 comes first on the workbench.
      await on(page, 'workbench', '.workbench-open-inbox').waitFor()
      await shoot(page, 'officer-1-workbench-mongolian')
    } finally {
      await context.close()
    }
  })
})

describe('the admin’s jurisdiction page', () => {
  it('draws the station’s surveyed communities, refuses a bad import field by field, imports a good one; the bureau admin rolls back', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, 'demo-admin')
      await on(page, 'home', '.role-home-jurisdiction .fq-entry-action').click()
      await on(page, 'admin-jurisdiction', '.jurisdiction-map-svg').waitFor()
      // The page says whose document this is: the admin's station, of the bureau, imported and exported alone.
      expect(await on(page, 'admin-jurisdiction', '.jurisdiction-scope-station .fq-card-title').textContent()).toBe('辖区文件：潮格温都尔镇派出所')
      expect(await on(page, 'admin-jurisdiction', '.jurisdiction-scope-station').textContent()).toContain('所属公安局：乌拉特后旗公安局')
      await on(page, 'admin-jurisdiction', '.admin-open-audit').waitFor()
      // demo-admin is the first station's admin: its export, and so its map, is that station's.
      const stationCommunities = demoBureau.stations[0].communities as DemoCommunity[]
      const surveyed = stationCommunities.filter((c) => c.boundary !== null)
      expect(await on(page, 'admin-jurisdiction', '.jurisdiction-map-svg path').count()).toBe(surveyed.length)
      for (const community of stationCommunities.filter((c) => c.boundary === null)) {
        await on(page, 'admin-jurisdiction', `.jurisdiction-unmapped-${community.id}`).waitFor()
      }
      await shoot(page, 'admin-1-map')

      const dir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-import-'))
      const broken = structuredClone(demoDocument) as { communities: Array<Record<string, unknown>> }
      delete broken.communities[3].officerId
      const brokenFile = path.join(dir, 'broken.json')
      writeFileSync(brokenFile, JSON.stringify(broken))
      const chooseFile = async (file: string) => {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), on(page, 'admin-jurisdiction', '.jurisdiction-import-choose').click()])
        await chooser.setFiles(file)
        await on(page, 'admin-jurisdiction', '.jurisdiction-import-confirm').click()
      }
      await chooseFile(brokenFile)
      await on(page, 'admin-jurisdiction', '.jurisdiction-import-invalid').waitFor()
      expect(await on(page, 'admin-jurisdiction', '.jurisdiction-issue-path').allTextContents()).toContain('document.communities.3.officerId')
      await on(page, 'admin-jurisdiction', '.jurisdiction-import-invalid').scrollIntoViewIfNeeded()
      await shoot(page, 'admin-2-import-refused')
      expect(await harness.callAs<unknown[]>('demo-admin', 'jurisdiction', { action: 'listJurisdictionVersions' })).toHaveLength(1)

      // The station's own document: it replaces the station's section of the bureau.
      const good = path.join(dir, 'good.json')
      writeFileSync(good, JSON.stringify(demoDocument))
      await chooseFile(good)
      await on(page, 'admin-jurisdiction', '.jurisdiction-import-done').waitFor()
      await on(page, 'admin-jurisdiction', '.jurisdiction-version-2.is-current').waitFor()
      // Rolling back changes every station: a station's admin is not offered it.
      expect(await on(page, 'admin-jurisdiction', '.jurisdiction-version-rollback').count()).toBe(0)
    } finally {
      await context.close()
    }

    // The same identity made the bureau admin: the whole bureau on the map, and rollback.
    const admin = demoSeed().users.find((u) => u._id === 'demo-admin')!
    await harness.emulator.seed({ users: [{ ...admin, roles: ['resident', 'admin', 'bureau_admin'] }] })
    const { context: bureauContext, page: bureauPage } = await harness.openPhone()
    try {
      await signIn(bureauPage, 'demo-admin')
      await on(bureauPage, 'home', '.role-home-jurisdiction .fq-entry-action').click()
      const bureauSurveyed = demoBureau.stations.flatMap((s) => s.communities as DemoCommunity[]).filter((c) => c.boundary !== null)
      await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-map-svg').waitFor()
      expect(await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-map-svg path').count()).toBe(bureauSurveyed.length)
      expect(await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-scope-bureau .fq-card-title').textContent()).toBe('辖区文件：乌拉特后旗公安局（全局）')
      expect(await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-scope-station').count()).toBe(0)
      await shoot(bureauPage, 'admin-3a-bureau-scope')
      await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-version-1 .jurisdiction-version-rollback').click()
      await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-rollback-confirm').waitFor()
      await shoot(bureauPage, 'admin-3-rollback-confirm')
      await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-rollback-confirm .fq-dialog-confirm').click()
      await on(bureauPage, 'admin-jurisdiction', '.jurisdiction-version-1.is-current').waitFor()
      const versions = await harness.callAs<Array<{ version: number; current: boolean }>>('demo-admin', 'jurisdiction', { action: 'listJurisdictionVersions' })
      expect(versions.find((v) => v.current)?.version).toBe(1)
    } finally {
      await bureauContext.close()
      await harness.emulator.seed({ users: [admin] })
    }
  })
})
