// The deadline job at injected instants: a passed acceptance deadline is escalated once (the
// officer reminded, the leaders told), a second run at the same instant changes nothing, a run
// cut off by a failed database request is resumed by the next, and an answer nobody confirmed
// closes by itself after 7 days. Bad input of every action writes nothing.
import type { ResidentRequestView } from '../../src/core/requests/contract'
import { listActions } from '../support/action-list'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { LEADER, OFFICER, RESIDENT, messagesTo, resident, runWatch, staff, submitRequest } from './requests-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const storedOf = async (id: string) => (await cloud.stored('requests', { _id: id }))[0] as Record<string, unknown> & { escalated: string[]; timeline: Array<{ kind: string }>; status: string }

describe('watchDeadlines', () => {
  it('escalates a passed acceptance deadline once, reminding the officer and telling the leaders', async () => {
    const filed = await submitRequest(cloud, { details: { kind: 'fraud_report', channel: 'phone', number: '17000000000', moneyLost: false }, text: '有人冒充客服要我转账' })
    const before = new Date(Date.parse(filed.acceptBy) - 60_000)
    expect((await runWatch(cloud, before)).ok).toBe(true)
    expect((await storedOf(filed.id)).escalated).toEqual([])

    const after = new Date(Date.parse(filed.acceptBy) + 60_000)
    const officerMessages = messagesTo(cloud, OFFICER, 'TEMPLATE_REQUEST_OVERDUE').length
    const first = await runWatch(cloud, after)
    expect(first.data.escalated).toBeGreaterThanOrEqual(1)
    const stored = await storedOf(filed.id)
    expect(stored).toMatchObject({ overdue: true, escalated: ['accept'], status: 'submitted' })
    expect(messagesTo(cloud, OFFICER, 'TEMPLATE_REQUEST_OVERDUE').length).toBe(officerMessages + 1)
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_REQUEST_OVERDUE').length).toBeGreaterThanOrEqual(1)

    // Run twice = once.
    cloud.resetWrites()
    const second = await runWatch(cloud, after)
    expect(second.data.escalated).toBe(0)
    expect((await storedOf(filed.id)).timeline.filter((e) => e.kind === 'escalated').length).toBe(1)
  })

  it('resumes after a run was cut off by a failed database request', async () => {
    const filed = [await submitRequest(cloud), await submitRequest(cloud), await submitRequest(cloud)]
    const after = new Date(Math.max(...filed.map((f) => Date.parse(f.acceptBy))) + 60_000)
    // The second conditional update of the run fails: the run stops there (INTERNAL).
    cloud.emulator.faults.failDatabaseRequest({ action: 'database.modifyDocument', collection: 'requests', nth: 2 })
    const cut = await runWatch(cloud, after)
    cloud.emulator.faults.clear()
    expect(cut.ok).toBe(false)
    const resumed = await runWatch(cloud, after)
    expect(resumed.ok).toBe(true)
    for (const f of filed) {
      const stored = await storedOf(f.id)
      expect(stored.escalated).toEqual(['accept'])
      expect(stored.timeline.filter((e) => e.kind === 'escalated').length).toBe(1)
    }
  })

  it('closes an answer the resident did not confirm within 7 days', async () => {
    const filed = await submitRequest(cloud)
    expectOk(await staff(cloud, OFFICER, 'accept', { id: filed.id }))
    expectOk(await staff(cloud, OFFICER, 'reply', { id: filed.id, text: '带户口本和出生证明。' }))
    const answered = expectOk(await resident(cloud, RESIDENT, 'get', { id: filed.id }))
    const closeAt = Date.parse(answered.autoCloseAt!)
    await runWatch(cloud, new Date(closeAt - 60_000))
    expect((await storedOf(filed.id)).status).toBe('answered')
    await runWatch(cloud, new Date(closeAt + 60_000))
    expect(await storedOf(filed.id)).toMatchObject({ status: 'closed', closedBy: 'system', watchAt: null })
    expect(expectOk(await resident(cloud, RESIDENT, 'get', { id: filed.id })) as ResidentRequestView).toMatchObject({ ratable: true })
  })
})

describe('bad input', () => {
  const actions = listActions().filter((a) => a.function === 'requests')

  it.each(actions.map((a) => [a.action]))('%s with an unknown field and a wrong type writes nothing', async (action) => {
    cloud.resetWrites()
    expectError(await cloud.call(LEADER, 'requests', { action, id: { $ne: null }, requestId: 42, unexpected: '<script>' }), 'INVALID_ARGUMENT')
    expect(cloud.writes()).toBe(0)
  })

  it('refuses an anonymous consultation, and a tip-off without its secret, writing nothing', async () => {
    cloud.resetWrites()
    expectError(await cloud.call(RESIDENT, 'requests', { action: 'submit', requestId: 'req-0123456789abcdef', details: { kind: 'consultation', topic: 'other' }, text: '问题', anonymous: true, followSecret: 'a'.repeat(43) }), 'INVALID_ARGUMENT')
    expectError(await cloud.call(RESIDENT, 'requests', { action: 'submit', requestId: 'req-0123456789abcdef', details: { kind: 'tip_off', subject: 'other' }, text: '线索', anonymous: true }), 'INVALID_ARGUMENT')
    expectError(await cloud.call(RESIDENT, 'requests', { action: 'submit', requestId: 'req-0123456789abcdef', details: { kind: 'consultation', topic: 'other' }, text: '问题', photos: ['a', 'b', 'c', 'd'] }), 'INVALID_ARGUMENT')
    expect(cloud.writes()).toBe(0)
  })

  it('refuses a step the request’s status does not allow with FAILED_PRECONDITION, writing nothing', async () => {
    const filed = await submitRequest(cloud)
    cloud.resetWrites()
    expectError(await staff(cloud, OFFICER, 'reply', { id: filed.id, text: '未受理先答复' }), 'FAILED_PRECONDITION')
    expectError(await resident(cloud, RESIDENT, 'rate', { id: filed.id, rating: 5 }), 'FAILED_PRECONDITION')
    expectError(await resident(cloud, RESIDENT, 'confirm', { id: filed.id, resolved: true }), 'FAILED_PRECONDITION')
    expect(cloud.writes()).toBe(0)
  })
})
