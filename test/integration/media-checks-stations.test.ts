// The content checks list per station (docs/security.md › Content security): each check stores
// the station of the record its picture belongs to (a case's), else the uploader's (a notice
// picture: the publishing officer's); a station's leaders see their station's checks, the bureau
// leader every check; checks from before stations are the first station's, bureau-level ones
// (null) the bureau's only.
import { randomUUID } from 'node:crypto'
import type { MediaCheckView } from '../../src/core/security/contract'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const LEGACY_FILE = 'cloud://local/notices/from-before-stations.png'
const BUREAU_FILE = 'cloud://local/notices/of-the-bureau.png'

let pictureA: string
let pictureB: string
let casePhotoB: string

const upload = async (openid: string) => expectOk(await cloud.call<{ fileID: string }>(openid, 'notices', { action: 'uploadImage', base64: PNG, requestId: randomUUID() })).fileID

beforeAll(async () => {
  cloud = await startTestCloud()
  // Verdicts held back: every check stays pending, the list's default state.
  cloud.emulator.holdMediaChecks()
  pictureA = await upload('demo-officer-1')
  pictureB = await upload('demo-officer-bb-1')
  // A resident's dispute photo in 阿拉坦社区: the case is 巴音宝力格镇's, so is its photo's check.
  const sdk = (await import('wx-server-sdk')).default
  casePhotoB = (await sdk.uploadFile({ cloudPath: `mediation/${randomUUID()}.png`, fileContent: Buffer.from(PNG, 'base64') })).fileID
  expectOk(
    await cloud.call('media-resident-b', 'mediation', {
      action: 'fileDispute',
      requestId: randomUUID(),
      type: 'neighbour',
      description: '邻居家的羊群进我家草场吃草。',
      applicant: { name: '乌云', phone: '13900000002' },
      communityId: 'community-altan',
      language: 'zh',
      dangerNow: false,
      photos: [casePhotoB],
    }),
  )
  const at = new Date(Date.now() - 60_000)
  const check = (id: string, fileID: string, extra: Record<string, unknown>) => ({ _id: id, fileID, uploader: 'someone', purpose: 'notice_image', release: null, status: 'pending', label: null, traceId: null, scene: 3, createdAt: at, checkedAt: null, ...extra })
  await cloud.emulator.seed({ media_checks: [check('legacy-check', LEGACY_FILE, {}), check('bureau-check', BUREAU_FILE, { stationId: null })] })
})
afterAll(async () => {
  cloud.emulator.holdMediaChecks(false)
  await cloud.stop()
})

const pendingSeenBy = async (openid: string) => expectOk(await cloud.call<MediaCheckView[]>(openid, 'security', { action: 'mediaChecks' })).map((c) => c.fileID)

describe('a content check', () => {
  it('stores the station of the case its photo belongs to, else the uploading officer’s', async () => {
    expect((await cloud.stored('media_checks', { fileID: pictureA }))[0].stationId).toBe('station-chaogewendur')
    expect((await cloud.stored('media_checks', { fileID: pictureB }))[0].stationId).toBe('station-bayanbolag')
    expect((await cloud.stored('media_checks', { fileID: casePhotoB }))[0].stationId).toBe('station-bayanbolag')
  })
})

describe('mediaChecks', () => {
  it('shows a leader of the second station its station’s pictures only', async () => {
    const seen = await pendingSeenBy('demo-leader-bb-1')
    expect(seen).toEqual(expect.arrayContaining([pictureB, casePhotoB]))
    expect(seen).not.toContain(pictureA)
    expect(seen).not.toContain(LEGACY_FILE)
    expect(seen).not.toContain(BUREAU_FILE)
  })

  it('shows a leader of the first station its pictures and those from before stations, never the second’s or the bureau’s', async () => {
    const seen = await pendingSeenBy('demo-leader-1')
    expect(seen).toEqual(expect.arrayContaining([pictureA, LEGACY_FILE]))
    expect(seen).not.toContain(pictureB)
    expect(seen).not.toContain(casePhotoB)
    expect(seen).not.toContain(BUREAU_FILE)
  })

  it('shows the bureau leader every station’s pictures and the bureau’s', async () => {
    expect(await pendingSeenBy('demo-bureau-leader')).toEqual(expect.arrayContaining([pictureA, pictureB, casePhotoB, LEGACY_FILE, BUREAU_FILE]))
  })
})
