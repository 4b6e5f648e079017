// The mediation timer jobs, run through the emulator at injected instants: escalation of overdue
// cases (run twice = escalates once; requests follow the overdue cases, not all cases) at each of
// the accept, first-session and settle deadlines and as accepting or holding a session moves them, the return
// visit after closing, ratings and the rectification task a bad rating opens.
import { randomUUID } from 'node:crypto'
import type { ResidentCaseView } from '../../src/core/mediation/contract'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { testDatabase } from './booking-support'
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
  // Each test files its own case and checks that case: earlier tests' cases may be due at the
  // instants a later test runs the job, so counts over all cases are asserted only where no
  // other case can be due.
  const storedCase = async (id: string) => (await cloud.stored('mediation_cases', { _id: id }))[0]

  it('leaves a case alone before its deadline', async () => {
    const filed = await fileCase(cloud)
    await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 23))
    expect(await storedCase(filed.id)).toMatchObject({ level: 1, status: 'submitted', overdue: false })
  })

  it('escalates a case not accepted within 24 hours to level 2, once however often it runs', async () => {
    const filed = await fileCase(cloud)
    const at = hours(filed.createdAt, 25)
    expect((await runMediationJob(cloud, 'escalateOverdue', at)).data.escalated).toBeGreaterThanOrEqual(1)
    // Everything due at that instant was escalated by the first run: the second finds nothing.
    cloud.resetWrites()
    expect((await runMediationJob(cloud, 'escalateOverdue', at)).data).toMatchObject({ escalated: 0 })
    expectNothingHappened(cloud)
    const stored = await storedCase(filed.id)
    expect(stored).toMatchObject({ level: 2, status: 'escalated', overdue: true, levelSince: at })
    expect((stored.timeline as Array<{ kind: string; by: string }>).filter((e) => e.kind === 'escalated')).toEqual([expect.objectContaining({ kind: 'escalated', level: 2, by: 'system' })])
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_MEDIATION_ESCALATED').filter((m) => m.page.endsWith(filed.id))).toHaveLength(1)
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_MEDIATION_ESCALATED').filter((m) => m.page.endsWith(filed.id))).toHaveLength(1)
  })

  it('goes on to the joint panel (level 3), where a missed deadline marks the case and stops the watch', async () => {
    const filed = await fileCase(cloud)
    await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 25))
    await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 50))
    expect(await storedCase(filed.id)).toMatchObject({ level: 3, status: 'escalated' })
    expect((await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 80))).data.markedOverdue).toBeGreaterThanOrEqual(1)
    const stored = await storedCase(filed.id)
    expect(stored).toMatchObject({ level: 3, status: 'escalated', overdue: true, watchAt: null })
    // No longer watched: a run long after leaves it as it is.
    await runMediationJob(cloud, 'escalateOverdue', hours(filed.createdAt, 5000))
    expect(await storedCase(filed.id)).toMatchObject({ version: stored.version, timeline: stored.timeline })
  })

  it('escalates each overdue case once when two runs overlap', async () => {
    const past = new Date(Date.now() - 3 * 24 * 3600_000)
    const ids = Array.from({ length: 30 }, (_, i) => `race-${i}`)
    await cloud.emulator.seed({ mediation_cases: ids.map((id) => buildStoredCase(id, { createdAt: past, levelSince: past, watchAt: hours(past.toISOString(), 24), deadlineAt: hours(past.toISOString(), 24), deadlineKind: 'accept' })) })
    const at = new Date(Math.floor(Date.now() / 1000) * 1000)
    // Other tests' cases may be due at this instant too: the check is per case, each escalated exactly once.
    const [a, b] = await Promise.all([runMediationJob(cloud, 'escalateOverdue', at), runMediationJob(cloud, 'escalateOverdue', at)])
    expect(a.data.escalated + b.data.escalated).toBeGreaterThanOrEqual(30)
    for (const id of ids) {
      const [stored] = await cloud.stored('mediation_cases', { _id: id })
      expect({ id, level: stored.level, escalations: (stored.timeline as Array<{ kind: string }>).filter((e) => e.kind === 'escalated').length }).toEqual({ id, level: 2, escalations: 1 })
    }
  })

  it('resumes after a run that failed part-way, escalating each case once', async () => {
    // A week back: due at the injected instant whatever other tests left (their deadlines lie after it).
    const past = new Date(Date.now() - 7 * 24 * 3600_000)
    const ids = Array.from({ length: 40 }, (_, i) => `cut-${i}`)
    await cloud.emulator.seed({ mediation_cases: ids.map((id) => buildStoredCase(id, { createdAt: past, levelSince: past, watchAt: hours(past.toISOString(), 24), deadlineAt: hours(past.toISOString(), 24), deadlineKind: 'accept' })) })
    const at = hours(past.toISOString(), 26)
    // One write per case: the 15th fails and ends the run after 14 escalations.
    cloud.emulator.faults.failDatabaseRequest({ action: 'database.modifyDocument', collection: 'mediation_cases', function: 'mediation', nth: 15 })
    expect(await runMediationJob(cloud, 'escalateOverdue', at)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    cloud.emulator.faults.clear()
    const levels = async () => Promise.all(ids.map(async (id) => (await cloud.stored('mediation_cases', { _id: id }))[0].level))
    expect((await levels()).filter((level) => level === 2)).toHaveLength(14)
    expect((await runMediationJob(cloud, 'escalateOverdue', at)).data).toMatchObject({ escalated: 26 })
    for (const id of ids) {
      const [stored] = await cloud.stored('mediation_cases', { _id: id })
      expect({ id, level: stored.level, escalations: (stored.timeline as Array<{ kind: string }>).filter((e) => e.kind === 'escalated').length }).toEqual({ id, level: 2, escalations: 1 })
    }
  })

  it('costs one database request when nothing is due, however many cases are open', async () => {
    const future = new Date(Date.now() + 30 * 24 * 3600_000)
    await cloud.emulator.seed({ mediation_cases: Array.from({ length: 500 }, (_, i) => buildStoredCase(`load-${i}`, { createdAt: new Date(), watchAt: future, deadlineAt: future })) })
    // Just before the first deadline any case has (other tests' included): nothing is due.
    const { _ } = await testDatabase()
    const watched = (await cloud.stored('mediation_cases', { watchAt: _.neq(null) })).map((c) => new Date(c.watchAt as Date).getTime())
    const beforeAnyDeadline = new Date(Math.floor((Math.min(...watched) - 1000) / 1000) * 1000)
    cloud.emulator.resetStats()
    expect((await runMediationJob(cloud, 'escalateOverdue', beforeAnyDeadline)).data).toMatchObject({ checked: 0, batches: 1 })
    expect(databaseRequests()).toBe(1)
  })
})

describe('the first-session and settle deadlines, through the timer', () => {
  // The defaults of every level, counted from the moment the case reached it: accept in 24 hours,
  // first session in 3 days, settle in 15 days.
  const storedCase = async (id: string) => (await cloud.stored('mediation_cases', { _id: id }))[0]
  const levelStart = (stored: Record<string, unknown>) => new Date(stored.levelSince as Date).getTime()
  /** The deadline `h` hours after the case reached its level, to the millisecond. */
  const deadline = (stored: Record<string, unknown>, h: number) => new Date(levelStart(stored) + h * 3600_000)
  /** An instant to run the job at, `h` hours after the case reached its level (whole seconds, rounded up). */
  const afterLevelStart = (stored: Record<string, unknown>, h: number) => hours(new Date(levelStart(stored)).toISOString(), h)

  it('accepting moves the case’s next deadline to the first session, 3 days on, and the timer holds it to that', async () => {
    const filed = await fileCase(cloud)
    expect(await storedCase(filed.id)).toMatchObject({ deadlineKind: 'accept' })
    expectOk(await act(cloud, OFFICER, 'acceptCase', { caseId: filed.id }))
    const accepted = await storedCase(filed.id)
    expect(accepted).toMatchObject({ status: 'accepted', deadlineKind: 'first_session', deadlineAt: deadline(accepted, 72), watchAt: deadline(accepted, 72) })
    // Past the accept deadline the case stays: it was accepted.
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(accepted, 25))
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(accepted, 71))
    expect(await storedCase(filed.id)).toMatchObject({ level: 1, status: 'accepted', overdue: false })
    // No session within 3 days: level 2, marked overdue, the resident told.
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(accepted, 73))
    expect(await storedCase(filed.id)).toMatchObject({ level: 2, status: 'escalated', overdue: true, deadlineKind: 'accept' })
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_MEDIATION_ESCALATED').filter((m) => m.page.endsWith(filed.id))).toHaveLength(1)
  })

  it('holding a session moves the next deadline to settling, 15 days on, and the timer holds it to that', async () => {
    const filed = await fileCase(cloud)
    await mediateOnce(cloud, OFFICER, filed.id)
    const held = await storedCase(filed.id)
    expect(held).toMatchObject({ status: 'in_mediation', deadlineKind: 'settle', deadlineAt: deadline(held, 360), watchAt: deadline(held, 360) })
    // Past the first-session deadline the case stays: a session was held.
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(held, 73))
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(held, 359))
    expect(await storedCase(filed.id)).toMatchObject({ level: 1, status: 'in_mediation', overdue: false })
    // Not settled within 15 days: level 2, marked overdue.
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(held, 361))
    expect(await storedCase(filed.id)).toMatchObject({ level: 2, status: 'escalated', overdue: true })
  })

  it('scheduling a session alone does not move the first-session deadline', async () => {
    const filed = await fileCase(cloud)
    expectOk(await act(cloud, OFFICER, 'acceptCase', { caseId: filed.id }))
    expectOk(await act(cloud, OFFICER, 'scheduleSession', { caseId: filed.id, at: new Date(Date.now() + 3600_000).toISOString(), place: 'station', participants: ['双方当事人'], requestId: randomUUID() }))
    const scheduled = await storedCase(filed.id)
    expect(scheduled).toMatchObject({ status: 'in_mediation', deadlineKind: 'first_session', deadlineAt: deadline(scheduled, 72) })
    await runMediationJob(cloud, 'escalateOverdue', afterLevelStart(scheduled, 73))
    expect(await storedCase(filed.id)).toMatchObject({ level: 2, overdue: true })
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
    expectNothingHappened(cloud)
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_MEDIATION_RETURN_VISIT').filter((m) => m.page.endsWith(closed.id))).toHaveLength(1)
  })

  it.each([
    ['a rating outside 1–5', () => ({ caseId: closed.id, rating: 6 }), RESIDENT, 'INVALID_ARGUMENT'],
    ['a rating of 0', () => ({ caseId: closed.id, rating: 0 }), RESIDENT, 'INVALID_ARGUMENT'],
    ['a rating on someone else’s case', () => ({ caseId: closed.id, rating: 5 }), OTHER_RESIDENT, 'PERMISSION_DENIED'],
  ])('refuses %s and writes nothing', async (_label, input, openid, code) => {
    cloud.resetWrites()
    expectError(await cloud.call(openid, 'mediation', { action: 'rateCase', ...input() }), code)
    expectNothingHappened(cloud)
  })

  it('refuses a rating before the case is closed', async () => {
    const open = await fileCase(cloud)
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'mediation', { action: 'rateCase', caseId: open.id, rating: 5 }), 'FAILED_PRECONDITION')
    expectNothingHappened(cloud)
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
    expectNothingHappened(cloud)
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
    expectNothingHappened(cloud)
  })

  it('mends a dissatisfied rating whose task a crash left unwritten, once', async () => {
    const ratedAt = new Date(Date.now() - 3600_000)
    await cloud.emulator.seed({ mediation_cases: [buildStoredCase('crashed-rating', { status: 'closed', open: false, rating: 1, ratingComment: '没人回电', ratedAt, rectificationPending: true })] })
    const at = new Date(Math.floor(Date.now() / 1000) * 1000)
    expect((await runMediationJob(cloud, 'requestReturnVisits', at)).data).toMatchObject({ rectificationsMended: 1 })
    expect(await cloud.stored('mediation_rectifications', { caseId: 'crashed-rating' })).toEqual([expect.objectContaining({ status: 'open', rating: 1, comment: '没人回电' })])
    cloud.resetWrites()
    expect((await runMediationJob(cloud, 'requestReturnVisits', at)).data).toMatchObject({ rectificationsMended: 0 })
    expectNothingHappened(cloud)
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
