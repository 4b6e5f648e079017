// The waitlist beyond the plain cancel-and-promote: raising the capacity, a waiting volunteer who
// cancels, cancellations racing new sign-ups, cancelSignUp under injected faults, and a promotion
// message that fails. After each: the places are the earliest entries, each volunteer holds one
// entry and the overlap guard for it, and every promoted volunteer is told exactly once.
import type { ActivityDoc } from '../../cloudfunctions/volunteers/records'
import { expectNothingHappened, expectOk, type TestCloud } from '../support/cloud'
import { act, buildActivity, messagesTo, OFFICER, seedVolunteers, startVolunteersCloud, storedActivity } from './volunteers-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startVolunteersCloud()
})
afterAll(() => cloud.stop())
afterEach(() => cloud.emulator.faults.clear())

const PROMOTED = 'TEMPLATE_VOLUNTEER_PROMOTED'
const PULL_ENTRY = { action: 'database.modifyAndReturnDoc', collection: 'volunteer_activities', function: 'volunteers' } as const
const RELEASE_HOLD = { action: 'database.modifyDocument', collection: 'volunteers', function: 'volunteers' } as const

/** An open activity of `capacity` places and the volunteers signed up to it in this order. */
async function activityWith(capacity: number, prefix: string, signedUp: number) {
  const activity = buildActivity({ capacity })
  const volunteers = Array.from({ length: signedUp }, (_, i) => `${prefix}-${i + 1}`)
  await seedVolunteers(cloud, volunteers)
  await cloud.emulator.seed({ volunteer_activities: [activity] })
  for (const openid of volunteers) expectOk(await act(cloud, openid, 'signUp', { activityId: activity._id }))
  return { id: activity._id, volunteers }
}

const placedOf = (doc: ActivityDoc) => doc.entries.slice(0, doc.capacity).map((e) => e.openid)
const waitingOf = (doc: ActivityDoc) => doc.entries.slice(doc.capacity).map((e) => e.openid)
const runNotices = () => cloud.emulator.runTimer('volunteers', 'sendNotices')

/** Entries and guards agree, the count matches, and nobody has two entries. */
async function expectConsistent(activityId: string) {
  const doc = await storedActivity(cloud, activityId)
  const openids = doc.entries.map((e) => e.openid)
  expect(new Set(openids).size).toBe(openids.length)
  expect(doc.count).toBe(openids.length)
  const holders = (await cloud.stored('volunteers', { 'holds.activityId': activityId })).map((p) => p._id as string)
  expect(holders.sort()).toEqual([...openids].sort())
  return doc
}

describe('raising an activity’s capacity', () => {
  it('places the first waiting in order, and tells each of them once', async () => {
    const { id, volunteers } = await activityWith(2, 'wl-raise', 5)
    expect(expectOk(await act(cloud, OFFICER, 'updateActivity', { activityId: id, capacity: 4 }))).toMatchObject({ capacity: 4 })
    const doc = await expectConsistent(id)
    expect(placedOf(doc)).toEqual(volunteers.slice(0, 4))
    expect(expectOk(await act(cloud, 'wl-raise-3', 'activity', { activityId: id })).mine).toEqual({ state: 'placed' })
    expect(expectOk(await act(cloud, 'wl-raise-5', 'activity', { activityId: id })).mine).toEqual({ state: 'waiting', position: 1 })
    await runNotices()
    await runNotices()
    expect(volunteers.map((openid) => messagesTo(cloud, openid, PROMOTED).filter((m) => m.page.endsWith(id)).length)).toEqual([0, 0, 1, 1, 0])
  })
})

describe('a waiting volunteer who cancels', () => {
  it('leaves the waitlist: those behind move up, nobody is placed or told, the guard is given back', async () => {
    const { id, volunteers } = await activityWith(2, 'wl-wait', 5)
    expect(expectOk(await act(cloud, 'wl-wait-3', 'cancelSignUp', { activityId: id })).mine).toEqual({ state: 'none' })
    const doc = await expectConsistent(id)
    expect(placedOf(doc)).toEqual(volunteers.slice(0, 2))
    expect(waitingOf(doc)).toEqual(['wl-wait-4', 'wl-wait-5'])
    expect(expectOk(await act(cloud, 'wl-wait-4', 'activity', { activityId: id })).mine).toEqual({ state: 'waiting', position: 1 })
    await runNotices()
    expect(volunteers.flatMap((openid) => messagesTo(cloud, openid, PROMOTED))).toEqual([])
  })
})

describe('cancellations racing new sign-ups', () => {
  it('keeps exactly the capacity placed: the earliest entries, the new arrivals behind those already waiting', async () => {
    const { id, volunteers } = await activityWith(5, 'wl-race', 10)
    const newcomers = Array.from({ length: 10 }, (_, i) => `wl-race-new-${i + 1}`)
    await seedVolunteers(cloud, newcomers)
    const leaving = volunteers.slice(0, 5)
    const answers = await Promise.all([
      ...leaving.map((openid) => act(cloud, openid, 'cancelSignUp', { activityId: id })),
      ...newcomers.map((openid) => act(cloud, openid, 'signUp', { activityId: id })),
    ])
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const doc = await expectConsistent(id)
    // The five who waited before the race hold the places; the newcomers all wait behind them.
    expect(placedOf(doc)).toEqual(volunteers.slice(5))
    expect(waitingOf(doc).sort()).toEqual([...newcomers].sort())
    await runNotices()
    await runNotices()
    expect(volunteers.slice(5).map((openid) => messagesTo(cloud, openid, PROMOTED).filter((m) => m.page.endsWith(id)).length)).toEqual([1, 1, 1, 1, 1])
    expect(newcomers.flatMap((openid) => messagesTo(cloud, openid, PROMOTED))).toEqual([])
  })
})

describe('cancelSignUp under injected faults', () => {
  it('a pull that fails changes nothing; the retry cancels and promotes once', async () => {
    const { id } = await activityWith(1, 'wl-fail', 2)
    cloud.emulator.faults.failDatabaseRequest(PULL_ENTRY)
    cloud.resetWrites()
    expect(await act(cloud, 'wl-fail-1', 'cancelSignUp', { activityId: id })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(cloud.emulator.faults.fired.database).toBe(1)
    expectNothingHappened(cloud)
    expect(placedOf(await expectConsistent(id))).toEqual(['wl-fail-1'])
    expect(expectOk(await act(cloud, 'wl-fail-1', 'cancelSignUp', { activityId: id })).mine).toEqual({ state: 'none' })
    expect(placedOf(await expectConsistent(id))).toEqual(['wl-fail-2'])
    await runNotices()
    expect(messagesTo(cloud, 'wl-fail-2', PROMOTED).filter((m) => m.page.endsWith(id))).toHaveLength(1)
  })

  it('a pull whose answer is lost: the retry finds the entry gone, gives the guard back, and the promotion is told once', async () => {
    const { id } = await activityWith(1, 'wl-lost', 2)
    cloud.emulator.faults.failDatabaseRequest({ ...PULL_ENTRY, when: 'after' })
    expect(await act(cloud, 'wl-lost-1', 'cancelSignUp', { activityId: id })).toMatchObject({ ok: false })
    expect(await act(cloud, 'wl-lost-1', 'cancelSignUp', { activityId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { why: 'not_signed_up' } } })
    expect(placedOf(await expectConsistent(id))).toEqual(['wl-lost-2'])
    // The cancelling call never saw its promotion: the notices job tells the promoted volunteer, once.
    await runNotices()
    await runNotices()
    expect(messagesTo(cloud, 'wl-lost-2', PROMOTED).filter((m) => m.page.endsWith(id))).toHaveLength(1)
  })

  it('a guard release that fails: the entry is gone and the retry gives the guard back', async () => {
    const { id } = await activityWith(2, 'wl-guard', 2)
    cloud.emulator.faults.failDatabaseRequest(RELEASE_HOLD)
    expect(await act(cloud, 'wl-guard-1', 'cancelSignUp', { activityId: id })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect((await storedActivity(cloud, id)).entries.map((e) => e.openid)).toEqual(['wl-guard-2'])
    expect(await cloud.stored('volunteers', { _id: 'wl-guard-1', 'holds.activityId': id })).toHaveLength(1)
    expect(await act(cloud, 'wl-guard-1', 'cancelSignUp', { activityId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { why: 'not_signed_up' } } })
    await expectConsistent(id)
  })
})

describe('a promotion message that fails', () => {
  it('is sent again by the notices job, and only once it went through', async () => {
    const { id } = await activityWith(1, 'wl-msg', 2)
    cloud.emulator.faults.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, openid: 'wl-msg-2' })
    expect(expectOk(await act(cloud, 'wl-msg-1', 'cancelSignUp', { activityId: id })).mine).toEqual({ state: 'none' })
    expect(cloud.emulator.faults.fired.openapi).toBe(1)
    expect(placedOf(await expectConsistent(id))).toEqual(['wl-msg-2'])
    await runNotices()
    await runNotices()
    const attempts = cloud.emulator
      .outbox()
      .filter((m) => m.api === 'subscribeMessage.send' && (m.data as { touser: string; template_id: string; page: string }).touser === 'wl-msg-2')
      .filter((m) => (m.data as { template_id: string }).template_id === PROMOTED && (m.data as { page: string }).page.endsWith(id))
      .map((m) => (m.result as { errcode: number }).errcode)
    expect(attempts).toEqual([-1, 0])
  })
})
