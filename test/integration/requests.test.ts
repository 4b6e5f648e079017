// The requests function through the real wx-server-sdk: filing and routing, every step of the
// lifecycle, races, the rules on who sees what, partner units, reopening, rating and
// rectification, and bad input of every action writing nothing.
import type { RectificationView, ResidentRequestView } from '../../src/core/requests/contract'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { LEADER, OFFICER, OTHER_OFFICER, OTHER_RESIDENT, RESIDENT, buildRequest, messagesTo, resident, staff, submitRequest } from './requests-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

describe('submit', () => {
  it('routes a consultation to the gacha’s community officer with deadlines from its kind, and stores why', async () => {
    const filed = await submitRequest(cloud)
    expect(filed).toMatchObject({ kind: 'consultation', status: 'submitted', communityId: 'gacha-bayanbulag', deadlineStep: 'accept', withdrawable: true, anonymous: false })
    const [stored] = await cloud.stored('requests', { _id: filed.id })
    expect(stored).toMatchObject({ officerId: 'officer-1', officerIds: ['officer-1', 'aux-1'], filerOpenid: RESIDENT, handledBy: 'routed_officer', followKey: null })
    expect(new Date(stored.acceptBy as string).getTime() - new Date(stored.createdAt as string).getTime()).toBe(24 * 3600_000)
    expect((stored.filer as { phone: { masked: string } }).phone.masked).not.toContain('13900000001')
  })

  it('answers the first request when the same requestId is retried, and writes nothing more', async () => {
    const event = buildRequest()
    const first = expectOk(await cloud.call<ResidentRequestView>(RESIDENT, 'requests', event))
    cloud.resetWrites()
    const again = expectOk(await cloud.call<ResidentRequestView>(RESIDENT, 'requests', event))
    expect(again.id).toBe(first.id)
    // The abuse counter's unit is taken and given back: the request itself is not written again.
    expect((await cloud.stored('requests', { _id: first.id })).length).toBe(1)
  })

  it('refuses the same requestId with a different text', async () => {
    const event = buildRequest()
    expectOk(await cloud.call(RESIDENT, 'requests', event))
    expectError(await cloud.call(RESIDENT, 'requests', { ...event, text: '别的问题' }), 'INVALID_ARGUMENT')
  })

  it('sends a complaint about an officer to the leadership, never to that officer', async () => {
    const filed = await submitRequest(cloud, { details: { kind: 'complaint', type: 'complaint', aboutOfficer: true, officerId: 'officer-1' }, text: '民警态度不好' })
    const [stored] = await cloud.stored('requests', { _id: filed.id })
    expect(stored).toMatchObject({ handledBy: 'leadership', officerId: null, officerIds: ['officer-chief'] })
    expectError(await staff(cloud, OFFICER, 'detail', { id: filed.id }), 'PERMISSION_DENIED')
    const inbox = expectOk(await cloud.call<{ items: Array<{ id: string }> }>(OFFICER, 'requests', { action: 'inbox' }))
    expect(inbox.items.map((i) => i.id)).not.toContain(filed.id)
    expectOk(await staff(cloud, LEADER, 'accept', { id: filed.id }))
    expectError(await staff(cloud, LEADER, 'transfer', { id: filed.id, officerId: 'officer-1', note: '请处理' }), 'FAILED_PRECONDITION')
  })
})

describe('the whole loop', () => {
  it('accept → hand to the judicial office → partner answer → reply → not resolved → reply → confirm → rate 2 → rectification', async () => {
    const filed = await submitRequest(cloud, { text: '草场承包合同纠纷该找谁？' })
    const accepted = expectOk(await staff(cloud, OFFICER, 'accept', { id: filed.id }))
    expect(accepted).toMatchObject({ status: 'accepted', allowed: ['transfer', 'hand_off', 'reply'], filer: { name: '其木格' } })
    expect(accepted.filer?.phoneMasked).not.toContain('13900000001')
    expectError(await resident(cloud, RESIDENT, 'withdraw', { id: filed.id }), 'FAILED_PRECONDITION')

    const handed = expectOk(await staff(cloud, OFFICER, 'handOff', { id: filed.id, partner: 'judicial_office', note: '已电话联系司法所张所长', contactName: '张所长' }))
    expect(handed).toMatchObject({ status: 'with_partner', handoffs: [{ no: 1, partner: 'judicial_office', answer: null }] })
    // The clock keeps running: the answer deadline is unchanged.
    expect(handed.answerBy).toBe(accepted.answerBy)
    const mid = expectOk(await resident(cloud, RESIDENT, 'get', { id: filed.id }))
    expect(mid.withPartner).toBe('judicial_office')

    const partnered = expectOk(await staff(cloud, OFFICER, 'recordPartnerAnswer', { id: filed.id, text: '司法所答复：可申请苏木人民调解委员会调解。' }))
    expect(partnered).toMatchObject({ status: 'accepted', handoffs: [{ answer: '司法所答复：可申请苏木人民调解委员会调解。' }] })
    expectError(await staff(cloud, OFFICER, 'recordPartnerAnswer', { id: filed.id, text: '再次' }), 'FAILED_PRECONDITION')

    const answered = expectOk(await staff(cloud, OFFICER, 'reply', { id: filed.id, text: '请到苏木司法所申请调解，带上承包合同。', textMn: 'ᠰᠤᠮᠤᠨ ᠤ ᠱᠦᠭᠦᠨ ᠲᠠᠰᠤᠭ ᠲᠤ ᠬᠠᠨᠳᠤᠨ᠎ᠠ ᠤᠤ' }))
    expect(answered.status).toBe('answered')
    expect(messagesTo(cloud, RESIDENT, 'TEMPLATE_REQUEST_ANSWERED').length).toBeGreaterThanOrEqual(1)

    const mine = expectOk(await resident(cloud, RESIDENT, 'get', { id: filed.id }))
    expect(mine).toMatchObject({ status: 'answered', confirmable: true, reopenable: true, answers: [{ zh: '请到苏木司法所申请调解，带上承包合同。' }] })
    // The resident never sees the hand-off note or the partner's internal answer.
    expect(JSON.stringify(mine)).not.toContain('张所长')

    const reopened = expectOk(await resident(cloud, RESIDENT, 'confirm', { id: filed.id, resolved: false, comment: '司法所说不归他们管' }))
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, deadlineStep: 'answer' })
    expectOk(await staff(cloud, OFFICER, 'reply', { id: filed.id, text: '已与司法所核实，明天上午九点可直接去办理。' }))
    const again = expectOk(await resident(cloud, RESIDENT, 'get', { id: filed.id }))
    expect(again).toMatchObject({ reopenable: false, confirmable: true })
    expectError(await resident(cloud, RESIDENT, 'confirm', { id: filed.id, resolved: false }), 'FAILED_PRECONDITION')

    expectOk(await resident(cloud, RESIDENT, 'confirm', { id: filed.id, resolved: true }))
    const rated = expectOk(await resident(cloud, RESIDENT, 'rate', { id: filed.id, rating: 2, comment: '跑了两趟' }))
    expect(rated).toMatchObject({ status: 'rated', rating: { value: 2, comment: '跑了两趟' }, ratable: false })
    expectError(await resident(cloud, RESIDENT, 'rate', { id: filed.id, rating: 5 }), 'FAILED_PRECONDITION')

    const tasks = expectOk(await cloud.call<RectificationView[]>(LEADER, 'requests', { action: 'rectifications' }))
    const task = tasks.find((t) => t.requestId === filed.id)
    expect(task).toMatchObject({ status: 'open', rating: 2, officerId: 'officer-1' })
    expect(messagesTo(cloud, LEADER, 'TEMPLATE_REQUEST_RECTIFY').length).toBeGreaterThanOrEqual(1)
    const done = expectOk(await cloud.call<RectificationView>(LEADER, 'requests', { action: 'completeRectification', taskId: task!.id, callbackNote: '已电话回访', fixNote: '与司法所建立转办清单' }))
    expect(done.status).toBe('done')
    expectError(await cloud.call(LEADER, 'requests', { action: 'completeRectification', taskId: task!.id, callbackNote: 'x', fixNote: 'y' }), 'FAILED_PRECONDITION')

    const events = (await resident(cloud, RESIDENT, 'get', { id: filed.id })) as { ok: true; data: ResidentRequestView }
    expect(events.data.timeline.map((e) => e.kind)).toEqual(['filed', 'accept', 'hand_off', 'partner_answered', 'reply', 'not_resolved', 'reply', 'confirm', 'rate'])
  })

  it('lets the filer withdraw before acceptance, and then nothing else', async () => {
    const filed = await submitRequest(cloud)
    expect(expectOk(await resident(cloud, RESIDENT, 'withdraw', { id: filed.id })).status).toBe('withdrawn')
    expectError(await staff(cloud, OFFICER, 'accept', { id: filed.id }), 'FAILED_PRECONDITION')
  })

  it('transfers to another officer, who accepts; the first no longer sees it', async () => {
    const filed = await submitRequest(cloud)
    const moved = expectOk(await staff(cloud, OFFICER, 'transfer', { id: filed.id, officerId: 'officer-2', note: '属于镇区' }))
    expect(moved).toMatchObject({ status: 'transferred', officerId: 'officer-2', transfers: [{ from: 'officer-1', to: 'officer-2', note: '属于镇区' }] })
    expectError(await staff(cloud, OFFICER, 'detail', { id: filed.id }), 'PERMISSION_DENIED')
    expect(expectOk(await staff(cloud, OTHER_OFFICER, 'accept', { id: filed.id })).status).toBe('accepted')
  })
})

describe('who sees what', () => {
  it('keeps a request from other residents and from officers it was not routed to', async () => {
    const filed = await submitRequest(cloud)
    expectError(await resident(cloud, OTHER_RESIDENT, 'get', { id: filed.id }), 'PERMISSION_DENIED')
    expectError(await staff(cloud, OTHER_OFFICER, 'detail', { id: filed.id }), 'PERMISSION_DENIED')
    expectError(await staff(cloud, OTHER_OFFICER, 'accept', { id: filed.id }), 'PERMISSION_DENIED')
    expectError(await staff(cloud, RESIDENT, 'detail', { id: filed.id }), 'PERMISSION_DENIED')
  })

  it('reveals the filer’s phone to the officer, and writes the reveal to the audit log', async () => {
    const filed = await submitRequest(cloud)
    const revealed = expectOk(await cloud.call<{ phone: string }>(OFFICER, 'requests', { action: 'revealContact', id: filed.id }))
    expect(revealed.phone).toBe('13900000001')
    const audit = await cloud.stored('audit_log', { recordId: filed.id })
    expect(audit.map((e) => e.action)).toContain('reveal:filer.phone')
  })

  it('gives leaders the station view with each officer’s load, and the officer only their own inbox', async () => {
    await submitRequest(cloud)
    const station = expectOk(await cloud.call<{ items: unknown[]; load: Array<{ officerId: string; open: number }> }>(LEADER, 'requests', { action: 'stationView' }))
    expect(station.load.find((l) => l.officerId === 'officer-1')?.open).toBeGreaterThan(0)
    expectError(await cloud.call(OFFICER, 'requests', { action: 'stationView' }), 'PERMISSION_DENIED')
    const leaderInbox = expectOk(await cloud.call<{ counts: { request: number } }>(LEADER, 'requests', { action: 'inbox' }))
    const officerInbox = expectOk(await cloud.call<{ items: Array<{ source: string; id: string }>; counts: { request: number } }>(OFFICER, 'requests', { action: 'inbox' }))
    expect(officerInbox.counts.request).toBeGreaterThan(0)
    // The leader's own inbox holds what is routed to them (complaints about officers), not officer-1's questions.
    expect(leaderInbox.counts.request).toBeLessThan(officerInbox.counts.request)
  })
})

describe('races', () => {
  it('lets one of two officers accepting at once win; the other gets CONFLICT and nothing changes twice', async () => {
    const filed = await submitRequest(cloud)
    // Two warm instances, so neither call waits for a cold start while the other runs.
    await Promise.all([staff(cloud, OFFICER, 'detail', { id: filed.id }), staff(cloud, LEADER, 'detail', { id: filed.id })])
    // Both read the request before either writes: the updates are held back until both have read.
    cloud.emulator.faults.delayRequests({ action: 'database.modifyDocument', collection: 'requests', ms: 1500, count: 2 })
    const [a, b] = await Promise.all([staff(cloud, OFFICER, 'accept', { id: filed.id }), staff(cloud, LEADER, 'accept', { id: filed.id })])
    cloud.emulator.faults.clear()
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(outcomes).toEqual(['CONFLICT', 'ok'])
    const [stored] = await cloud.stored('requests', { _id: filed.id })
    expect((stored.timeline as Array<{ kind: string }>).filter((e) => e.kind === 'accept').length).toBe(1)
  })
})

describe('residents’ rights', () => {
  const PERSON = 'requests-rights-resident'

  it('exports the person’s requests with their phone, and pseudonymises them on deletion', async () => {
    const filed = await submitRequest(cloud, { contact: { name: '乌云', phone: '13900000099' } }, PERSON)
    const data = expectOk(await cloud.call<{ requests: Array<{ id: string; filer: { phone: string } }> }>(PERSON, 'account', { action: 'exportMyData' }))
    expect(data.requests).toEqual([expect.objectContaining({ id: filed.id, filer: expect.objectContaining({ name: '乌云', phone: '13900000099' }) })])
    const report = expectOk(await cloud.call<{ anonymised: Record<string, number> }>(PERSON, 'account', { action: 'deleteMyAccount', confirm: 'delete-my-account' }))
    expect(report.anonymised.requests).toBe(1)
    const [stored] = await cloud.stored('requests', { _id: filed.id })
    expect(stored).toMatchObject({ filer: { name: null, phone: null }, location: null, addressText: null })
    expect(JSON.stringify(stored)).not.toContain(PERSON)
    expect(JSON.stringify(stored)).not.toContain('乌云')
  })
})
