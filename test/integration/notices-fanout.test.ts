// The urgent fan-out job through the real SDK: subscription messages to members who granted
// them, counted sent / refused (43101) / failed; once per person even when the job runs twice
// at once, and after a crash in the middle it resumes where it stopped.
import type { Reach } from '../../src/core/notices/contract'
import type { TestCloud } from '../support/cloud'
import { pollUntil } from '../support/poll'
import { alertsTo, buildNotice, dataOf, LEADER, OFFICER, seedReaders, seedResidents, startTestCloud } from './notices-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const publishUrgent = async (targets: string[], as = OFFICER) =>
  dataOf(await cloud.call<{ id: string }>(as, 'notices', { action: 'publish', ...buildNotice({ urgency: 'urgent', targets }) })).id
/** Runs the job now, or `later` ms from now (the job takes the timer's time as its clock). */
const runFanOut = (later = 0) => cloud.emulator.runTimer('notices', 'fanOutUrgent', new Date(Date.now() + later))
const reachOf = async (id: string) => dataOf(await cloud.call<Reach>(LEADER, 'notices', { action: 'reach', noticeId: id }))
const duplicates = (sent: string[]) => sent.length - new Set(sent).size

describe('fanOutUrgent', () => {
  it('messages members who granted alerts, once, and counts sent, refused and failed', async () => {
    const [granted, refusing, silent] = await seedResidents(cloud, 'alerts', 3, 'gacha-ulaanhad')
    await seedReaders(cloud, [granted, refusing], { grants: 1 })
    cloud.emulator.setSubscribeRefused(refusing)
    const id = await publishUrgent(['gacha-ulaanhad'])
    await runFanOut()
    expect(alertsTo(cloud, id).sort()).toEqual([granted, refusing])
    expect(alertsTo(cloud, id)).not.toContain(silent)
    expect((await reachOf(id)).messages).toEqual({ state: 'done', sent: 1, failed: 0, refused: 1, capped: 0, inDoubt: 0 })
    // The grant is used up; a refusal means WeChat holds none.
    expect(await cloud.stored('notice_readers', { _id: granted })).toEqual([expect.objectContaining({ grants: 0 })])
    await runFanOut()
    expect(alertsTo(cloud, id)).toHaveLength(2)
  })

  it('sends nothing for a normal notice', async () => {
    const [member] = await seedResidents(cloud, 'normal', 1, 'gacha-ulaanbulag')
    await seedReaders(cloud, [member], { grants: 1 })
    const { id } = dataOf(await cloud.call<{ id: string }>(OFFICER, 'notices', { action: 'publish', ...buildNotice({ targets: ['gacha-ulaanbulag'] }) }))
    await runFanOut()
    expect(alertsTo(cloud, id)).toEqual([])
  })

  it('messages a person in two target groups once', async () => {
    const [both] = await seedResidents(cloud, 'two-groups', 1, 'gacha-tsagaanobo')
    await seedReaders(cloud, [both], { grants: 2, topics: ['topic-schools'] })
    const id = await publishUrgent(['gacha-tsagaanobo', 'topic-schools'], LEADER)
    await runFanOut()
    expect(alertsTo(cloud, id)).toEqual([both])
  })

  it('sends each message once when two runs start together', async () => {
    const members = await seedResidents(cloud, 'twice', 300, 'gacha-borondor')
    await seedReaders(cloud, members, { grants: 1 })
    const id = await publishUrgent(['gacha-borondor'], LEADER)
    await Promise.all([runFanOut(), runFanOut()])
    const sent = alertsTo(cloud, id)
    expect(duplicates(sent)).toBe(0)
    expect(new Set(sent)).toEqual(new Set(members))
  })

  it('resumes after a crash in the middle: no duplicates, and none missed beyond the chunk in flight', async () => {
    const members = await seedResidents(cloud, 'crash', 800, 'community-wendur')
    await seedReaders(cloud, members, { grants: 1 })
    const id = await publishUrgent(['community-wendur'], LEADER)
    const firstRun = runFanOut().catch((error: Error) => error)
    await pollUntil(() => alertsTo(cloud, id).length >= 300, 'the first run to send 300 alerts')
    expect(await cloud.emulator.crashFunction('notices')).toBe(1)
    expect(await firstRun).toMatchObject({ errCode: -504002 })
    const atCrash = alertsTo(cloud, id).length
    expect(atCrash).toBeLessThan(members.length)
    const [stalled] = await cloud.stored('notices', { _id: id })
    expect(stalled).toMatchObject({ fanout: expect.objectContaining({ state: 'running' }) })

    // Right after the crash the dead run's lease still holds: a run now sends nothing.
    await runFanOut()
    expect(alertsTo(cloud, id)).toHaveLength(atCrash)
    // A run just before the dead run's lease ends (90 s, longer than the function timeout) still sends nothing…
    await runFanOut(60_000)
    expect(alertsTo(cloud, id)).toHaveLength(atCrash)
    // …and one after it resumes.
    await runFanOut(100_000)

    const sent = alertsTo(cloud, id)
    const received = new Set(sent)
    const missed = members.filter((m) => !received.has(m))
    const { messages } = await reachOf(id)
    expect(duplicates(sent)).toBe(0)
    expect(messages.state).toBe('done')
    // A message whose send was in flight at the crash is in doubt and never sent again (at most once).
    expect(missed.length).toBeLessThanOrEqual(messages.inDoubt)
    expect(messages.inDoubt).toBeLessThanOrEqual(50)
    expect(messages.sent + messages.inDoubt).toBe(members.length)
  })
})

describe('fanOutUrgent when the message service is busy', () => {
  it('sends the failed messages again in the same run: none lost, none twice', async () => {
    const members = await seedResidents(cloud, 'busy', 6, 'gacha-ulaanhad')
    await seedReaders(cloud, members, { grants: 1 })
    // Two people's first send and one person's first two sends answer "system busy".
    cloud.emulator.faults.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, openid: members[0] })
    cloud.emulator.faults.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, openid: members[1], count: 2 })
    const id = await publishUrgent(['gacha-ulaanhad'])
    await runFanOut()
    const delivered = cloud.emulator
      .outbox()
      .filter((m) => m.api === 'subscribeMessage.send' && (m.result as { errcode: number }).errcode === 0 && (m.data as { page: string }).page.includes(id))
      .map((m) => (m.data as { touser: string }).touser)
    expect(delivered.filter((o) => members.includes(o)).sort()).toEqual([...members].sort())
    expect((await reachOf(id)).messages).toMatchObject({ state: 'done', failed: 0, inDoubt: 0 })
    cloud.emulator.faults.clear()
  })

  it('gives up on a person after three failed sends and counts them failed', async () => {
    const [unlucky] = await seedResidents(cloud, 'unlucky', 1, 'gacha-ulaanbulag')
    await seedReaders(cloud, [unlucky], { grants: 1 })
    cloud.emulator.faults.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, openid: unlucky, count: 5 })
    const id = await publishUrgent(['gacha-ulaanbulag'])
    await runFanOut()
    expect(cloud.emulator.faults.fired.openapi).toBe(3)
    expect((await reachOf(id)).messages).toMatchObject({ state: 'done', failed: 1 })
    cloud.emulator.faults.clear()
  })
})
