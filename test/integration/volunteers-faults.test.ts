// Volunteer sign-ups under the cloud's failures, injected with the emulator's fault hooks. After
// each: an activity never has more placed than its capacity, every volunteer with an entry holds
// the overlap guard for it, no guard is left without an entry for good, and a retried sign-up
// lands once.
import type { TestCloud } from '../support/cloud'
import { act, buildActivity, seedVolunteers, startVolunteersCloud, storedActivity } from './volunteers-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startVolunteersCloud()
})
afterAll(() => cloud.stop())
afterEach(() => cloud.emulator.faults.clear())

const PUSH_ENTRY = { action: 'database.modifyAndReturnDoc', collection: 'volunteer_activities', function: 'volunteers' } as const
const PROFILE_UPDATE = { action: 'database.modifyDocument', collection: 'volunteers', function: 'volunteers' } as const

/** Entries and holds agree: every entry's volunteer holds the activity, and nobody else does. */
async function expectEntriesMatchHolds(activityId: string) {
  const activity = await storedActivity(cloud, activityId)
  const holders = (await cloud.stored('volunteers', { 'holds.activityId': activityId })).map((p) => p._id as string).sort()
  expect(holders).toEqual(activity.entries.map((e) => e.openid).sort())
  expect(activity.count).toBe(activity.entries.length)
  return activity
}

describe('a sign-up whose entry write fails', () => {
  it('answers an error, leaves no entry and gives the overlap guard back', async () => {
    const activity = buildActivity({ capacity: 5 })
    await seedVolunteers(cloud, ['vf-a'])
    await cloud.emulator.seed({ volunteer_activities: [activity] })
    cloud.emulator.faults.failDatabaseRequest(PUSH_ENTRY)
    expect(await act(cloud, 'vf-a', 'signUp', { activityId: activity._id })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect((await expectEntriesMatchHolds(activity._id)).entries).toHaveLength(0)
  })
})

describe('a sign-up whose entry was written but its answer lost', () => {
  it('confirms the place and keeps the guard', async () => {
    const activity = buildActivity({ capacity: 5 })
    await seedVolunteers(cloud, ['vf-b'])
    await cloud.emulator.seed({ volunteer_activities: [activity] })
    cloud.emulator.faults.failDatabaseRequest({ ...PUSH_ENTRY, when: 'after' })
    const answer = await act(cloud, 'vf-b', 'signUp', { activityId: activity._id })
    expect(answer).toMatchObject({ ok: true, data: { mine: { state: 'placed' } } })
    expect((await expectEntriesMatchHolds(activity._id)).entries.map((e) => e.openid)).toEqual(['vf-b'])
  })
})

describe('a sign-up cut off after its guard and before its entry', () => {
  it('is completed by the retry, once', async () => {
    const activity = buildActivity({ capacity: 5 })
    await seedVolunteers(cloud, ['vf-c'])
    await cloud.emulator.seed({ volunteer_activities: [activity] })
    // The entry write fails and so does the read that would tell, and the guard's release too.
    cloud.emulator.faults.failDatabaseRequest(PUSH_ENTRY)
    cloud.emulator.faults.failDatabaseRequest({ action: 'database.getDocument', collection: 'volunteer_activities', function: 'volunteers', nth: 2 })
    cloud.emulator.faults.failDatabaseRequest({ ...PROFILE_UPDATE, nth: 2 })
    expect(await act(cloud, 'vf-c', 'signUp', { activityId: activity._id })).toMatchObject({ ok: false })
    expect(await cloud.stored('volunteers', { _id: 'vf-c', 'holds.activityId': activity._id })).toHaveLength(1)
    cloud.emulator.faults.clear()
    expect(await act(cloud, 'vf-c', 'signUp', { activityId: activity._id })).toMatchObject({ ok: true, data: { mine: { state: 'placed' } } })
    expect(await act(cloud, 'vf-c', 'signUp', { activityId: activity._id })).toMatchObject({ ok: true, data: { mine: { state: 'placed' } } })
    expect((await expectEntriesMatchHolds(activity._id)).entries.map((e) => e.openid)).toEqual(['vf-c'])
  })
})

describe('a race of 60 sign-ups for 10 places with failures sprinkled in', () => {
  it('never places more than the capacity, and every answered ok is stored with its guard', async () => {
    const activity = buildActivity({ capacity: 10 })
    const racers = Array.from({ length: 60 }, (_, i) => `vf-racer-${i}`)
    await seedVolunteers(cloud, racers)
    await cloud.emulator.seed({ volunteer_activities: [activity] })
    for (let n = 3; n <= 45; n += 6) cloud.emulator.faults.failDatabaseRequest({ ...PUSH_ENTRY, nth: n, when: n % 2 ? 'after' : 'before' })
    for (let n = 4; n <= 40; n += 9) cloud.emulator.faults.failDatabaseRequest({ ...PROFILE_UPDATE, nth: n })
    const results = await Promise.all(racers.map((openid) => act(cloud, openid, 'signUp', { activityId: activity._id })))
    expect(cloud.emulator.faults.fired.database).toBeGreaterThan(5)
    const stored = await storedActivity(cloud, activity._id)
    const okOpenids = racers.filter((_, i) => results[i].ok)
    expect(stored.entries.map((e) => e.openid)).toEqual(expect.arrayContaining(okOpenids))
    const placed = results.filter((r) => r.ok && r.data.mine?.state === 'placed')
    expect(placed.length).toBeLessThanOrEqual(10)
    // Whoever failed retries once the faults are gone: everyone ends up with an entry and a guard.
    cloud.emulator.faults.clear()
    const failed = racers.filter((_, i) => !results[i].ok)
    for (const openid of failed) expect(await act(cloud, openid, 'signUp', { activityId: activity._id })).toMatchObject({ ok: true })
    const final = await expectEntriesMatchHolds(activity._id)
    expect(final.entries).toHaveLength(60)
    expect(final.entries.filter((e) => !e.waited).length).toBeLessThanOrEqual(10)
  })
})
