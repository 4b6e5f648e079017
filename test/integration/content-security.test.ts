// Content security through the real functions: free text another person will read passes
// security.msgSecCheck v2 before the action runs (the emulator's content rules make a word risky).
import { randomUUID } from 'node:crypto'
import type { Envelope } from '../../src/core/envelope'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

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
    ...extra,
  }
}

describe('free text read by others', () => {
  it('refuses a door-to-door request whose note is risky, naming the field, and stores nothing', async () => {
    cloud.resetWrites()
    expectRefusedFor(await cloud.call(RESIDENT, 'booking', homeVisit({ note: `父亲腿脚不便 ${RISKY}` })), ['note'])
    expect(cloud.writes()).toBe(0)
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
    expectRefusedFor(await cloud.call(RESIDENT, 'jurisdiction', { action: 'askOfficer', question: RISKY, communityId: 'gacha-bayanbulag' }), ['question'])
    expect(cloud.writes()).toBe(0)
  })

  it('refuses an officer’s text that residents will read: a day’s closure reason', async () => {
    cloud.resetWrites()
    const envelope = await cloud.call(OFFICER, 'booking', { action: 'closeCounterDay', counterId: 'counter-bilingual', date: '2030-01-02', reason: RISKY })
    expectRefusedFor(envelope, ['reason'])
    expect(cloud.writes()).toBe(0)
  })

  it('refuses a mediation agreement before looking at the case', async () => {
    cloud.resetWrites()
    expectRefusedFor(await cloud.call(OFFICER, 'mediation', { action: 'recordAgreement', caseId: 'md_nothing', text: `双方同意 ${RISKY}` }), ['text'])
    expect(cloud.writes()).toBe(0)
  })

  it('refuses a volunteer activity whose Mongolian description is risky, and names that field', async () => {
    cloud.resetWrites()
    expectRefusedFor(await cloud.call(OFFICER, 'volunteers', activity({ description: { zh: '沿主街巡逻。', mn: `ᠡᠷᠭᠢᠯ ${RISKY}` } })), ['description', 'mn'])
    expect(cloud.writes()).toBe(0)
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
    expect(cloud.writes()).toBe(0)
  })
})
