// Content security through the real functions: free text another person will read passes
// security.msgSecCheck v2 before the action runs (the emulator's content rules make a word risky).
import { randomUUID } from 'node:crypto'
import type { Envelope } from '../../src/core/envelope'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

const RISKY = '违禁样例词'
const RESIDENT = 'demo-resident-1'
const OFFICER = 'demo-officer-1'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.emulator.setContentRules({ risky: [RISKY] })
})
afterAll(() => cloud.stop())

const textChecks = () => cloud.emulator.outbox().filter((e) => e.api === 'security.msgSecCheck')

function expectRefusedFor(envelope: Envelope<unknown>, path: Array<string | number>) {
  const error = expectError(envelope, 'INVALID_ARGUMENT')
  expect(error?.details).toMatchObject({ why: 'content' })
  expect(error?.issues).toEqual([{ path, message: 'did not pass content security' }])
}

const homeVisit = (extra: Record<string, unknown>) => ({
  action: 'requestHomeVisit',
  requestId: randomUUID(),
  serviceId: 'id-card-renewal',
  person: { relation: 'family', name: '其木格的父亲', phone: '13947112345', idNumber: '11010519491231002X' },
  reason: 'age',
  addressText: '巴音布拉格嘎查三组',
  ...extra,
})

const activity = (extra: Record<string, unknown> = {}) => {
  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000)
  return {
    action: 'createActivity',
    kind: 'patrol',
    title: { zh: '夜间巡逻' },
    description: { zh: '沿主街巡逻，注意防火。' },
    place: { label: { zh: '警务站门口' }, communityId: 'community-chaoge' },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    deadline: new Date(startsAt.getTime() - 3600_000).toISOString(),
    capacity: 5,
    skills: [],
    teamIds: ['team-red-armband'],
    requestId: randomUUID(),
    ...extra,
  }
}

describe('free text read by others', () => {
  it('refuses a door-to-door request whose note is risky, naming the field, and stores nothing', async () => {
    cloud.resetWrites()
    expectRefusedFor(await cloud.call(RESIDENT, 'booking', homeVisit({ note: `父亲腿脚不便 ${RISKY}` })), ['note'])
    expectNothingHappened(cloud)
  })

  it('checks the note and the address in one call and lets clean text through', async () => {
    const before = textChecks().length
    expectOk(await cloud.call(RESIDENT, 'booking', homeVisit({ note: '父亲腿脚不便' })))
    const [check] = textChecks().slice(before)
    expect(textChecks()).toHaveLength(before + 1)
    expect(check.data).toMatchObject({ version: 2, scene: 2, openid: RESIDENT, content: '父亲腿脚不便\n巴音布拉格嘎查三组' })
  })

  it('refuses a resident’s question to an officer', async () => {
    cloud.resetWrites()
    expectNothingHappened(cloud)
  })

  it('refuses an officer’s text that residents will read: a day’s closure reason', async () => {
    cloud.resetWrites()
    const envelope = await cloud.call(OFFICER, 'booking', { action: 'closeCounterDay', counterId: 'counter-bilingual', date: '2030-01-02', reason: RISKY })
    expectRefusedFor(envelope, ['reason'])
    expectNothingHappened(cloud)
  })

  it('refuses a mediation agreement before looking at the case', async () => {
    cloud.resetWrites()
    expectRefusedFor(await cloud.call(OFFICER, 'mediation', { action: 'recordAgreement', caseId: 'md_nothing', text: `双方同意 ${RISKY}` }), ['text'])
    expectNothingHappened(cloud)
  })

  it('refuses a volunteer activity whose Mongolian description is risky, and names that field', async () => {
    cloud.resetWrites()
    expectRefusedFor(await cloud.call(OFFICER, 'volunteers', activity({ description: { zh: '沿主街巡逻。', mn: `ᠡᠷᠭᠢᠯ ${RISKY}` } })), ['description', 'mn'])
    expectNothingHappened(cloud)
  })

  it('refuses a volunteer name that the team’s leaderboard would show', async () => {
    cloud.resetWrites()
    const envelope = await cloud.call('new-volunteer', 'volunteers', { action: 'apply', name: RISKY, phone: '13900001111', skills: [], availability: ['weekend'], communityId: 'community-chaoge', teamId: 'team-red-armband' })
    expectRefusedFor(envelope, ['name'])
  })

  it('fails the call, storing nothing, when WeChat cannot check the text', async () => {
    cloud.emulator.faults.failOpenApi({ api: 'security.msgSecCheck', errcode: -1 })
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'booking', homeVisit({ note: '父亲腿脚不便' })), 'INTERNAL')
    expectNothingHappened(cloud)
  })
})

describe('pictures (security.mediaCheckAsync, verdict pushed later)', () => {
  // A 1×1 PNG.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
  const upload = async () => expectOk(await cloud.call<{ fileID: string }>(OFFICER, 'notices', { action: 'uploadImage', base64: PNG, requestId: randomUUID() })).fileID
  const publishWith = async (images: string[]) =>
    expectOk(
      await cloud.call<{ id: string }>(OFFICER, 'notices', {
        action: 'publish',
        category: 'publicity',
        urgency: 'normal',
        title: { zh: '防火宣传' },
        body: { zh: '冬季草原防火，请勿野外用火。' },
        targets: ['gacha-bayanbulag'],
        validUntil: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        images,
        requestId: randomUUID(),
      }),
    ).id
  const imagesSeenBy = async (openid: string, noticeId: string) => expectOk(await cloud.call<{ images: string[] }>(openid, 'notices', { action: 'read', noticeId })).images
  const pathOf = (fileID: string) => fileID.slice(fileID.indexOf('/notices/'))

  afterEach(() => {
    cloud.emulator.holdMediaChecks(false)
    cloud.emulator.setMediaCheckRules({})
  })

  it('asks WeChat with the picture’s address, as the uploader, and keeps the trace id to itself', async () => {
    const fileID = await upload()
    const [asked] = cloud.emulator.outbox().filter((e) => e.api === 'security.mediaCheckAsync').slice(-1)
    expect(asked.data).toMatchObject({ media_type: 2, version: 2, scene: 3, openid: OFFICER })
    expect(String((asked.data as { media_url: string }).media_url)).toContain(pathOf(fileID))
    await cloud.emulator.resolveMediaChecks()
    const [check] = await cloud.stored('media_checks', { fileID })
    expect(check).toMatchObject({ status: 'pass', traceId: (asked.result as { trace_id: string }).trace_id, purpose: 'notice_image' })
  })

  it('hides a picture from readers until its verdict arrives, then shows it', async () => {
    cloud.emulator.holdMediaChecks()
    const fileID = await upload()
    const noticeId = await publishWith([fileID])
    expect(await imagesSeenBy(RESIDENT, noticeId)).toEqual([])
    expect(await cloud.emulator.resolveMediaChecks()).toBe(1)
    const images = await imagesSeenBy(RESIDENT, noticeId)
    expect(images).toHaveLength(1)
    expect(images[0]).toContain(pathOf(fileID))
  })

  it('never shows a risky picture, and lists it for the admins', async () => {
    cloud.emulator.holdMediaChecks()
    const [clean, risky] = [await upload(), await upload()]
    cloud.emulator.setMediaCheckRules({ risky: [pathOf(risky)] })
    const noticeId = await publishWith([clean, risky])
    await cloud.emulator.resolveMediaChecks()
    const images = await imagesSeenBy(RESIDENT, noticeId)
    expect(images).toHaveLength(1)
    expect(images[0]).toContain(pathOf(clean))
    const held = expectOk(await cloud.call<Array<{ fileID: string }>>('demo-admin', 'security', { action: 'mediaChecks', status: 'risky' }))
    expect(held.map((c) => c.fileID)).toEqual([risky])
  })

  it('keeps a picture under review hidden too', async () => {
    cloud.emulator.holdMediaChecks()
    const fileID = await upload()
    cloud.emulator.setMediaCheckRules({ review: [pathOf(fileID)] })
    const noticeId = await publishWith([fileID])
    await cloud.emulator.resolveMediaChecks()
    expect(await imagesSeenBy(RESIDENT, noticeId)).toEqual([])
  })

  it('adds a dispute photo to the case only when it passes', async () => {
    cloud.emulator.holdMediaChecks()
    // As the mini-program uploads them (wx.cloud.uploadFile), before filing.
    const sdk = (await import('wx-server-sdk')).default
    const [good, bad] = await Promise.all(['good', 'bad'].map(async (name) => (await sdk.uploadFile({ cloudPath: `mediation/${randomUUID()}-${name}.png`, fileContent: Buffer.from(PNG, 'base64') })).fileID))
    cloud.emulator.setMediaCheckRules({ risky: ['-bad.png'] })
    const filing = expectOk(
      await cloud.call<{ id: string }>(RESIDENT, 'mediation', {
        action: 'fileDispute',
        requestId: randomUUID(),
        type: 'neighbour',
        description: '邻居家的羊群进我家草场吃草。',
        applicant: { name: '其木格', phone: '13900000001' },
        communityId: 'gacha-bayanbulag',
        language: 'zh',
        dangerNow: false,
        photos: [good, bad],
      }),
    )
    const [before] = await cloud.stored('mediation_cases', { _id: filing.id })
    expect(before.photos).toEqual([])
    await cloud.emulator.resolveMediaChecks()
    const [after] = await cloud.stored('mediation_cases', { _id: filing.id })
    expect(after.photos).toEqual([good])
  })

  it('ignores a forged verdict from a client: it names no check the server asked for', async () => {
    cloud.emulator.holdMediaChecks()
    const fileID = await upload()
    cloud.resetWrites()
    const forged = await cloud.call(RESIDENT, 'security', { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'guessed-trace-id', version: 2, result: { suggest: 'pass', label: 100 } })
    expect(forged).toBe('success')
    expectNothingHappened(cloud)
    const [check] = await cloud.stored('media_checks', { fileID })
    expect(check.status).toBe('pending')
    await cloud.emulator.resolveMediaChecks()
  })
})

describe('the security function’s hourly sweep', () => {
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
  const sweep = async (at: Date) => expectOk((await cloud.emulator.runTimer('security', 'sweep', at)) as Envelope<{ countersRemoved: number; retried: number; requested: number }>)

  it('asks again, once, for a picture WeChat could not be asked about', async () => {
    cloud.emulator.faults.failOpenApi({ api: 'security.mediaCheckAsync', errcode: -1 })
    const { fileID } = expectOk(await cloud.call<{ fileID: string }>(OFFICER, 'notices', { action: 'uploadImage', base64: PNG, requestId: randomUUID() }))
    const [unasked] = await cloud.stored('media_checks', { fileID })
    expect(unasked).toMatchObject({ status: 'pending', traceId: null })
    const later = new Date(Date.now() + 11 * 60_000)
    expect(await sweep(later)).toMatchObject({ retried: 1, requested: 1 })
    expect(await sweep(later)).toMatchObject({ retried: 0, requested: 0 })
    await cloud.emulator.resolveMediaChecks()
    const [checked] = await cloud.stored('media_checks', { fileID })
    expect(checked).toMatchObject({ status: 'pass' })
  })

  it('removes the rate-limit counters of windows that ended, and only those', async () => {
    // A wrong invite guess counts against the person's and the station's hourly allowance.
    expectError(await cloud.call(RESIDENT, 'account', { action: 'redeemInvite', code: 'ABCDEFGH' }), 'NOT_FOUND')
    const before = await cloud.stored('rate_counters')
    expect(before.length).toBeGreaterThan(0)
    expect((await sweep(new Date())).countersRemoved).toBe(0)
    const afterAllWindows = new Date(Math.max(...before.map((c) => new Date(String(c.expiresAt)).getTime())) + 1000)
    expect((await sweep(afterAllWindows)).countersRemoved).toBe(before.length)
    expect(await cloud.stored('rate_counters')).toEqual([])
  })
})
