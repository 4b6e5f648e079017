// The mediation timer jobs, run through the emulator at injected instants: escalation of overdue
// cases (run twice = escalates once; requests follow the overdue cases, not all cases), the return
// visit after closing, ratings and the rectification task a bad rating opens.
import type { ResidentCaseView } from '../../src/core/mediation/contract'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { LEADER, OFFICER, OTHER_RESIDENT, RESIDENT, act, buildStoredCase, fileCase, mediateOnce, messagesTo, runMediationJob } from './mediation-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

// Whole seconds: a timer event's Time carries no milliseconds.
const hours = (from: string, h: number) => new Date(Math.ceil((new Date(from).getTime() + h * 3600_000) / 1000) * 1000)
const databaseRequests = () =>
  Object.entries(cloud.emulator.stats().byAction)
    .filter(([action]) => action.startsWith('database.'))
    .reduce((sum, [, n]) => sum + n, 0)

describe('escalateOverdue', () => {
  let filed: ResidentCaseView
  beforeAll(async () => {
    filed = await fileCase(cloud)
  })

  it('leaves a case alone before its deadline', async () => {
    expect((await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 23))).data).toMatchObject({ escalated: 0 })
  })

  it('escalates a case not accepted within 24 hours to level 2, once however often it runs', async () => {
    const at = hours(filed.createdAt, 25)
    expect((await runMediationJob(cloud, 'escalateOverdue', at)).data).toMatchObject({ escalated: 1 })
    cloud.resetWrites()
    expect((await runMediationJob(cloud, 'escalateOverdue', at)).data).toMatchObject({ escalated: 0 })
    expect(cloud.writes()).toBe(0)
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect(stored).toMatchObject({ level: 2, status: 'escalated', overdue: true, levelSince: at })
    expect((stored.timeline as Array<{ kind: string; by: string }>).slice(-1)).toEqual([expect.objectContaining({ kind: 'escalated', level: 2, by: 'system' })])
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_MEDIATION_ESCALATED').filter((m) => m.page.endsWith(filed.id))).toHaveLength(1)
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_MEDIATION_ESCALATED').filter((m) => m.page.endsWith(filed.id))).toHaveLength(1)
  })

  it('goes on to the joint panel (level 3), where a missed deadline marks the case and stops the watch', async () => {
    expect((await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 50))).data).toMatchObject({ escalated: 1 })
    expect((await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 80))).data).toMatchObject({ escalated: 0, markedOverdue: 1 })
    const [stored] = await cloud.stored('mediation_cases', { _id: filed.id })
    expect(stored).toMatchObject({ level: 3, status: 'escalated', overdue: true, watchAt: null })
    expect((await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 5000))).data).toMatchObject({ checked: 0 })
  })

  it('escalates each overdue case once when two runs overlap', async () => {
    const past = new Date(Date.now() - 3 * 24 * 3600_000)
    const ids = Array.from({ length: 30 }, (_, i) => `race-${i}`)
    await cloud.emulator.seed({ mediation_cases: ids.map((id) => buildStoredCase(id, { createdAt: past, levelSince: past, watchAt: hours(past.toISOString(), 24), deadlineAt: hours(past.toISOString(), 24), deadlineKind: 'accept' })) })
    const at = new Date(Math.floor(Date.now() / 1000) * 1000)
    const [a, b] = await Promise.all([runMediationJob(cloud, 'escalateOverdue', at), runMediationJob(cloud, 'escalateOverdue', at)])
    expect(a.data.escalated + b.data.escalated).toBe(30)
    for (const id of ids) {
      const [stored] = await cloud.stored('mediation_cases', { _id: id })
      expect({ id, level: stored.level, escalations: (stored.timeline as Array<{ kind: string }>).filter((e) => e.kind === 'escalated').length }).toEqual({ id, level: 2, escalations: 1 })
    }
  })

  it('resumes after a run cut off by its time limit, escalating each case once', async () => {
    const past = new Date(Date.now() - 3 * 24 * 3600_000)
    const ids = Array.from({ length: 40 }, (_, i) => `cut-${i}`)
    await cloud.emulator.seed({ mediation_cases: ids.map((id) => buildStoredCase(id, { createdAt: past, levelSince: past, watchAt: hours(past.toISOString(), 24), deadlineAt: hours(past.toISOString(), 24), deadlineKind: 'accept' })) })
    const at = new Date(Math.floor(Date.now() / 1000) * 1000)
    // Slow writes and a short limit: the platform cuts the run off part-way through.
    cloud.emulator.faults.delayRequests({ action: 'database.modifyDocument', collection: 'mediation_cases', ms: 100 })
    cloud.emulator.faults.timeOutFunction({ function: 'mediation', afterMs: 1500 })
    await expect(runMediationJob(cloud, 'escalateOverdue', at)).rejects.toThrow(/timed out/)
    cloud.emulator.faults.clear()
    const levels = async () => Promise.all(ids.map(async (id) => (await cloud.stored('mediation_cases', { _id: id }))[0].level))
    const escalatedBefore = (await levels()).filter((level) => level === 2).length
    expect(escalatedBefore).toBeGreaterThan(0)
    expect(escalatedBefore).toBeLessThan(40)
    expect((await runMediationJob(cloud, 'escalateOverdue', at)).data).toMatchObject({ escalated: 40 - escalatedBefore })
    for (const id of ids) {
      const [stored] = await cloud.stored('mediation_cases', { _id: id })
      expect({ id, level: stored.level, escalations: (stored.timeline as Array<{ kind: string }>).filter((e) => e.kind === 'escalated').length }).toEqual({ id, level: 2, escalations: 1 })
    }
  })

  it('costs one database request when nothing is due, however many cases are open', async () => {
    const future = new Date(Date.now() + 30 * 24 * 3600_000)
    await cloud.emulator.seed({ mediation_cases: Array.from({ length: 500 }, (_, i) => buildStoredCase(`load-${i}`, { createdAt: new Date(), watchAt: future, deadlineAt: future })) })
    cloud.emulator.resetStats()
    expect((await runMediationJob(cloud, 'escalateOverdue', new Date())).data).toMatchObject({ checked: 0, batches: 1 })
    expect(databaseRequests()).toBe(1)
  })
})

describe('return visit, rating and rectification', () => {
  let closed: { id: string; createdAt: string }
  beforeAll(async () => {
    const filed = await fileCase(cloud)
    await mediateOnce(cloud, OFFICER, filed.id)
    expectOk(await act(cloud, OFFICER, 'recordAgreement', { caseId: filed.id, text: '双方同意按原边界重新立桩。' }))
    expectOk(await act(cloud, OFFICER, 'closeCase', { caseId: filed.id }))
    closed = filed
  })

  it('asks the resident to rate 7 days after closing, once', async () => {
    const [stored] = await cloud.stored('mediation_cases', { _id: closed.id })
    const closedAt = String(stored.closedAt instanceof Date ? stored.closedAt.toISOString() : stored.closedAt)
    expect((await runMediationJob(cloud, 'requestReturnVisits', hours(closedAt, 6 * 24))).data).toMatchObject({ asked: 0, refused: 0, failed: 0 })
    expect((await runMediationJob(cloud, 'requestReturnVisits', hours(closedAt, 7 * 24))).data).toMatchObject({ asked: 1, refused: 0, failed: 0 })
    cloud.resetWrites()
    expect((await runMediationJob(cloud, 'requestReturnVisits', hours(closedAt, 8 * 24))).data).toMatchObject({ asked: 0, refused: 0, failed: 0 })
    expect(cloud.writes()).toBe(0)
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_MEDIATION_RETURN_VISIT').filter((m) => m.page.endsWith(closed.id))).toHaveLength(1)
  })

  it.each([
    ['a rating outside 1–5', () => ({ caseId: closed.id, rating: 6 }), RESIDENT, 'INVALID_ARGUMENT'],
    ['a rating of 0', () => ({ caseId: closed.id, rating: 0 }), RESIDENT, 'INVALID_ARGUMENT'],
    ['a rating on someone else’s case', () => ({ caseId: closed.id, rating: 5 }), OTHER_RESIDENT, 'PERMISSION_DENIED'],
  ])('refuses %s and writes nothing', async (_label, input, openid, code) => {
    cloud.resetWrites()
    expectError(await cloud.call(openid, 'mediation', { action: 'rateCase', ...input() }), code)
    expect(cloud.writes()).toBe(0)
  })

  it('refuses a rating before the case is closed', async () => {
    const open = await fileCase(cloud)
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'mediation', { action: 'rateCase', caseId: open.id, rating: 5 }), 'FAILED_PRECONDITION')
    expect(cloud.writes()).toBe(0)
  })

  it('opens a rectification task with a deadline for a dissatisfied rating, and tells the leaders', async () => {
    const rated = expectOk(await cloud.call<ResidentCaseView>(RESIDENT, 'mediation', { action: 'rateCase', caseId: closed.id, rating: 2, comment: '调解后对方仍然放牧越界' }))
    expect(rated).toMatchObject({ rating: { value: 2, comment: '调解后对方仍然放牧越界' }, ratable: false })
    const [task] = await cloud.stored('mediation_rectifications', { caseId: closed.id })
    expect(task).toMatchObject({ status: 'open', rating: 2, callbackNote: null })
    expect((await cloud.stored('mediation_cases', { _id: closed.id }))[0]).toMatchObject({ rectificationPending: false })
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_MEDIATION_RECTIFY')).toHaveLength(1)
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'mediation', { action: 'rateCase', caseId: closed.id, rating: 5 }), 'FAILED_PRECONDITION')
    expect(cloud.writes()).toBe(0)
  })

  it('lets a leader record the callback and the fix, once', async () => {
    const tasks = expectOk(await cloud.call<Array<{ id: string; status: string; caseId: string }>>(LEADER, 'mediation', { action: 'rectifications' }))
    const task = tasks.find((t) => t.caseId === closed.id)!
    expect(task.status).toBe('open')
    const done = expectOk(await cloud.call(LEADER, 'mediation', { action: 'completeRectification', taskId: task.id, callbackNote: '已电话回访申请人', fixNote: '约谈对方，重新划定放牧范围' }))
    expect(done).toMatchObject({ status: 'done', callbackNote: '已电话回访申请人' })
    cloud.resetWrites()
    expectError(await cloud.call(LEADER, 'mediation', { action: 'completeRectification', taskId: task.id, callbackNote: 'x', fixNote: 'y' }), 'FAILED_PRECONDITION')
    expectError(await cloud.call(OFFICER, 'mediation', { action: 'rectifications' }), 'PERMISSION_DENIED')
    expect(cloud.writes()).toBe(0)
  })

  it('mends a dissatisfied rating whose task a crash left unwritten, once', async () => {
    const ratedAt = new Date(Date.now() - 3600_000)
    await cloud.emulator.seed({ mediation_cases: [buildStoredCase('crashed-rating', { status: 'closed', open: false, rating: 1, ratingComment: '没人回电', ratedAt, rectificationPending: true })] })
    const at = new Date(Math.floor(Date.now() / 1000) * 1000)
    expect((await runMediationJob(cloud, 'requestReturnVisits', at)).data).toMatchObject({ rectificationsMended: 1 })
    expect(await cloud.stored('mediation_rectifications', { caseId: 'crashed-rating' })).toEqual([expect.objectContaining({ status: 'open', rating: 1, comment: '没人回电' })])
    cloud.resetWrites()
    expect((await runMediationJob(cloud, 'requestReturnVisits', at)).data).toMatchObject({ rectificationsMended: 0 })
    expect(cloud.writes()).toBe(0)
  })

  it('does not open a task for a satisfied rating', async () => {
    const filed = await fileCase(cloud)
    await mediateOnce(cloud, OFFICER, filed.id)
    expectOk(await act(cloud, OFFICER, 'recordAgreement', { caseId: filed.id, text: '和解' }))
    expectOk(await act(cloud, OFFICER, 'closeCase', { caseId: filed.id }))
    expectOk(await cloud.call(RESIDENT, 'mediation', { action: 'rateCase', caseId: filed.id, rating: 5, comment: '' }))
    expect(await cloud.stored('mediation_rectifications', { caseId: filed.id })).toEqual([])
  })
})
