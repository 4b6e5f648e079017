// The mediation function through the real wx-server-sdk: filing with routing and risk screening,
// the lifecycle and its privacy, races, access rules, the audit log and bad input.
import { randomUUID } from 'node:crypto'
import type { CaseSummary, ResidentCaseView } from '../../src/core/mediation/contract'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { LEADER, OFFICER, OTHER_OFFICER, OTHER_RESIDENT, RESIDENT, act, buildFiling, fileCase, mediateOnce, messagesTo } from './mediation-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

describe('fileDispute', () => {
  it('routes the case to the gacha’s community officer and stores why', async () => {
    const filed = await fileCase(cloud)
    expect(filed).toMatchObject({ status: 'submitted', level: 1, highRisk: false, communityId: 'gacha-bayanbulag', deadlineKind: 'accept', withdrawable: true })
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect(stored).toMatchObject({ officerId: 'officer-1', officerIds: ['officer-1', 'aux-1'], decision: { assignee: { officerId: 'officer-1', as: 'community_officer' } } })
    expect((stored.routeReason as { zh: string }).zh).toEqual(expect.any(String))
    expect(new Date(stored.deadlineAt as string).getTime() - new Date(stored.createdAt as string).getTime()).toBe(24 * 3600_000)
  })

  it('returns the first case when the same request is retried, and writes nothing more', async () => {
    const filing = buildFiling()
    const first = expectOk(await cloud.call<ResidentCaseView>(RESIDENT, 'mediation', filing))
    cloud.resetWrites()
    const again = expectOk(await cloud.call<ResidentCaseView>(RESIDENT, 'mediation', filing))
    expect(again.id).toBe(first.id)
    expectNothingHappened(cloud)
  })

  it('marks threats high-risk with the matched reason, alerts the leaders at once, and puts the case first', async () => {
    const filed = await fileCase(cloud, { description: '他喝了酒以后拿着刀说要打死我' })
    expect(filed.highRisk).toBe(true)
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect(stored.risk).toEqual([
      { ruleId: 'threat-of-violence', category: 'violence', matched: '打死' },
      { ruleId: 'weapon', category: 'weapon', matched: '刀' },
    ])
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_MEDIATION_HIGH_RISK').length).toBeGreaterThanOrEqual(1)
    const inbox = expectOk(await cloud.call<{ items: CaseSummary[] }>(OFFICER, 'mediation', { action: 'inbox' }))
    expect(inbox.items[0]).toMatchObject({ id: filed.id, highRisk: true })

    const alerts = expectOk(await cloud.call<CaseSummary[]>(LEADER, 'mediation', { action: 'highRiskAlerts' }))
    expect(alerts.map((a) => a.id)).toContain(filed.id)
    expectOk(await cloud.call(LEADER, 'mediation', { action: 'acknowledgeAlert', caseId: filed.id }))
    const after = expectOk(await cloud.call<CaseSummary[]>(LEADER, 'mediation', { action: 'highRiskAlerts' }))
    expect(after.map((a) => a.id)).not.toContain(filed.id)
  })

  it('marks a repeat dispute between the same two parties, whichever of them files', async () => {
    await fileCase(cloud, { applicant: { name: '乌日娜', phone: '13900000011' }, otherParty: { name: '王 强' } })
    const repeat = await fileCase(cloud, { applicant: { name: '王强', phone: '13900000012' }, otherParty: { name: '乌日娜' } }, OTHER_RESIDENT)
    const [stored] = await cloud.stored('mediation_cases', { _id: repeat.id })
    expect(stored.risk).toEqual([{ ruleId: 'repeat-dispute', category: 'repeat', matched: '1 earlier' }])
  })

  it('marks a resident who says someone is in danger now', async () => {
    const filed = await fileCase(cloud, { dangerNow: true })
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect(stored).toMatchObject({ highRisk: true, risk: [{ ruleId: 'danger-now' }] })
  })

  it('refuses a description that fails content security, writing nothing', async () => {
    cloud.emulator.setContentRules({ risky: ['违禁词'] })
    cloud.resetWrites()
    const error = expectError(await cloud.call(RESIDENT, 'mediation', buildFiling({ description: '这里有违禁词' })), 'INVALID_ARGUMENT')
    expect(error?.issues?.[0].path).toEqual(['description'])
    expectNothingHappened(cloud)
    cloud.emulator.setContentRules({ risky: [] })
  })
})

describe('the lifecycle at level 1', () => {
  it('goes from accepted through a held session to an agreement and closing, with a timeline the resident reads', async () => {
    const filed = await fileCase(cloud)
    const held = await mediateOnce(cloud, OFFICER, filed.id)
    expect(held).toMatchObject({ status: 'in_mediation', deadlineKind: 'settle', allowed: expect.arrayContaining(['settle', 'not_settled', 'schedule']) })
    expectOk(await act(cloud, OFFICER, 'addInternalNote', { caseId: filed.id, text: '内部：双方曾有肢体冲突', requestId: randomUUID() }))
    const settled = expectOk(await act(cloud, OFFICER, 'recordAgreement', { caseId: filed.id, text: '对方赔偿草料款 800 元，今后羊群由专人看管。' }))
    expect(settled).toMatchObject({ status: 'settled', agreement: expect.stringContaining('800'), allowed: ['close'] })
    const closed = expectOk(await act(cloud, OFFICER, 'closeCase', { caseId: filed.id }))
    expect(closed.status).toBe('closed')

    const [mine] = expectOk(await cloud.call<ResidentCaseView[]>(RESIDENT, 'mediation', { action: 'myCases' })).filter((c) => c.id === filed.id)
    expect(mine.timeline.map((e) => e.kind)).toEqual(['filed', 'accept', 'schedule', 'hold', 'settle', 'close'])
    expect(mine.ratable).toBe(true)
    // Internal notes and session notes never reach the resident, in any field.
    const text = JSON.stringify(mine)
    expect(text).not.toContain('内部')
    expect(text).not.toContain('饮酒')
    expect(mine).not.toHaveProperty('internalNotes')
    expect(mine.sessions[0]).not.toHaveProperty('notes')
  })

  it('lets two officers accept at once: one wins, the other changes nothing', async () => {
    const filed = await fileCase(cloud)
    const [a, b] = await Promise.all([act(cloud, OFFICER, 'acceptCase', { caseId: filed.id }), act(cloud, LEADER, 'acceptCase', { caseId: filed.id })])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const loser = a.ok ? b : a
    expect(loser.ok ? null : loser.error.code).toMatch(/CONFLICT|FAILED_PRECONDITION/)
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect((stored.timeline as unknown[]).length).toBe(2)
    expect(stored.version).toBe(1)
  })

  it('escalates "not settled" to the leadership at level 2, notifying it and the resident', async () => {
    const filed = await fileCase(cloud)
    await mediateOnce(cloud, OFFICER, filed.id)
    const escalated = expectOk(await act(cloud, OFFICER, 'recordNotSettled', { caseId: filed.id, reason: '对方拒绝赔偿' }))
    expect(escalated).toMatchObject({ status: 'escalated', level: 2, deadlineKind: 'accept', canAct: false })
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_MEDIATION_ESCALATED').some((m) => m.page.endsWith(filed.id))).toBe(true)
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_MEDIATION_ESCALATED').some((m) => m.page.endsWith(filed.id))).toBe(true)
    // Level 2 is the leadership's: the officer can read but not act.
    cloud.resetWrites()
    expectError(await act(cloud, OFFICER, 'acceptCase', { caseId: filed.id }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
    const level2 = expectOk(await cloud.call<{ items: CaseSummary[] }>(LEADER, 'mediation', { action: 'inbox', scope: 'escalated' }))
    expect(level2.items.map((c) => c.id)).toContain(filed.id)
    await mediateOnce(cloud, LEADER, filed.id)
    expect(expectOk(await act(cloud, LEADER, 'recordAgreement', { caseId: filed.id, text: '所长主持下达成协议' }))).toMatchObject({ status: 'settled', level: 2 })
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect(stored).toMatchObject({ settledLevel: 2, outcome: 'settled', notSettledReasons: [{ level: 1, reason: '对方拒绝赔偿' }] })
  })

  it('lets the resident withdraw before acceptance only', async () => {
    const filed = await fileCase(cloud)
    expect(expectOk(await cloud.call<ResidentCaseView>(RESIDENT, 'mediation', { action: 'withdrawCase', caseId: filed.id }))).toMatchObject({ status: 'withdrawn', withdrawable: false })
    const accepted = await fileCase(cloud)
    expectOk(await act(cloud, OFFICER, 'acceptCase', { caseId: accepted.id }))
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'mediation', { action: 'withdrawCase', caseId: accepted.id }), 'FAILED_PRECONDITION')
    expectNothingHappened(cloud)
  })
})

describe('illegal transitions and bad input write nothing', () => {
  let withdrawnId: string
  let submittedId: string
  beforeAll(async () => {
    withdrawnId = (await fileCase(cloud)).id
    expectOk(await cloud.call(RESIDENT, 'mediation', { action: 'withdrawCase', caseId: withdrawnId }))
    submittedId = (await fileCase(cloud)).id
  })

  it.each([
    ['settling a withdrawn case', () => ({ action: 'recordAgreement', caseId: withdrawnId, text: '协议' }), 'FAILED_PRECONDITION'],
    ['accepting a withdrawn case', () => ({ action: 'acceptCase', caseId: withdrawnId }), 'FAILED_PRECONDITION'],
    ['agreement text on a case not in mediation', () => ({ action: 'recordAgreement', caseId: submittedId, text: '协议' }), 'FAILED_PRECONDITION'],
    ['closing an unsettled case', () => ({ action: 'closeCase', caseId: submittedId }), 'FAILED_PRECONDITION'],
    ['holding a session never scheduled', () => ({ action: 'holdSession', caseId: submittedId, sessionId: 's9', notes: '' }), 'NOT_FOUND'],
    ['an unknown dispute type', () => buildFiling({ type: 'murder' }), 'INVALID_ARGUMENT'],
    ['a missing danger answer', () => ({ ...buildFiling(), dangerNow: undefined }), 'INVALID_ARGUMENT'],
    ['a photo that is not a cloud file', () => buildFiling({ photos: ['https://evil.example/x.png'] }), 'INVALID_ARGUMENT'],
    ['a session at an unknown place', () => ({ action: 'scheduleSession', caseId: submittedId, at: new Date().toISOString(), place: 'moon', participants: ['x'], requestId: randomUUID() }), 'INVALID_ARGUMENT'],
    ['an empty agreement', () => ({ action: 'recordAgreement', caseId: submittedId, text: '  ' }), 'INVALID_ARGUMENT'],
    ['statistics over a reversed period', () => ({ action: 'statistics', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }), 'INVALID_ARGUMENT'],
  ])('%s', async (_label, event, code) => {
    cloud.resetWrites()
    const openid = (event() as { action: string }).action === 'fileDispute' ? RESIDENT : LEADER
    expectError(await cloud.call(openid, 'mediation', event()), code)
    expectNothingHappened(cloud)
  })
})

describe('access rules', () => {
  let caseId: string
  beforeAll(async () => {
    caseId = (await fileCase(cloud)).id
  })

  it('shows residents only their own cases', async () => {
    const theirs = expectOk(await cloud.call<ResidentCaseView[]>(OTHER_RESIDENT, 'mediation', { action: 'myCases' }))
    expect(theirs.map((c) => c.id)).not.toContain(caseId)
    cloud.resetWrites()
    expectError(await cloud.call(OTHER_RESIDENT, 'mediation', { action: 'withdrawCase', caseId }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('keeps residents out of staff actions', async () => {
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'mediation', { action: 'caseDetail', caseId }), 'PERMISSION_DENIED')
    expectError(await cloud.call(RESIDENT, 'mediation', { action: 'inbox' }), 'PERMISSION_DENIED')
    expectError(await cloud.call(OFFICER, 'mediation', { action: 'highRiskAlerts' }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('shows an officer only the cases of their communities or assigned to them; leaders see all', async () => {
    cloud.resetWrites()
    expectError(await act(cloud, OTHER_OFFICER, 'caseDetail', { caseId }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
    const inbox = expectOk(await cloud.call<{ items: CaseSummary[] }>(OTHER_OFFICER, 'mediation', { action: 'inbox' }))
    expect(inbox.items.map((c) => c.id)).not.toContain(caseId)
    expectOk(await act(cloud, LEADER, 'caseDetail', { caseId }))
  })

  it('writes every staff read of a case to the audit log', async () => {
    const detail = expectOk(await act(cloud, OFFICER, 'caseDetail', { caseId }))
    expect(detail.applicant).toEqual({ name: '其木格', phone: '139****0001' })
    const entries = await cloud.stored('audit_log', { recordId: caseId, actorOpenid: OFFICER })
    expect(entries).toEqual([expect.objectContaining({ action: 'read', collection: 'mediation_cases', roles: ['resident', 'officer'], at: expect.anything() })])
    const leaderReads = await cloud.stored('audit_log', { recordId: caseId, actorOpenid: LEADER })
    expect(leaderReads.map((e) => e.action)).toEqual(['read'])
  })
})
