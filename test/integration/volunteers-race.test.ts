// The volunteers' concurrency guarantees through the function host (several warm instances in
// parallel): 300 sign-ups for 20 places, 20 cancellations promoting exactly 20, and one
// volunteer racing for overlapping activities.
import type { ActivityView } from '../../src/core/volunteers/contract'
import type { Envelope } from '../../src/core/envelope'
import { type TestCloud } from '../support/cloud'
import { act, buildActivity, seedVolunteers, startVolunteersCloud, storedActivity, templateMessages } from './volunteers-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startVolunteersCloud()
})
afterAll(() => cloud.stop())

describe('300 volunteers signing up for 20 places at once', () => {
  const activity = buildActivity({ capacity: 20 })
  const racers = Array.from({ length: 300 }, (_, i) => `racer-${String(i).padStart(3, '0')}`)
  let results: Array<Envelope<ActivityView>>

  beforeAll(async () => {
    await seedVolunteers(cloud, racers)
    await cloud.emulator.seed({ volunteer_activities: [activity] })
    results = await Promise.all(racers.map((openid) => act(cloud, openid, 'signUp', { activityId: activity._id })))
  })

  it('answers every one: exactly 20 placed and 280 waiting, positions 1…280 each once', () => {
    expect(results.every((r) => r.ok)).toBe(true)
    const standings = results.map((r) => (r.ok ? r.data.mine : null))
    expect(standings.filter((s) => s?.state === 'placed')).toHaveLength(20)
    const positions = standings.flatMap((s) => (s?.state === 'waiting' ? [s.position] : [])).sort((a, b) => a - b)
    expect(positions).toEqual(Array.from({ length: 280 }, (_, i) => i + 1))
  })

  it('stores the arrival order: the first 20 entries took a place on arrival, the rest waited', async () => {
    const stored = await storedActivity(cloud, activity._id)
    expect(stored.count).toBe(300)
    expect(new Set(stored.entries.map((e) => e.openid)).size).toBe(300)
    expect(stored.entries.map((e) => e.waited)).toEqual([...Array(20).fill(false), ...Array(280).fill(true)])
    // Everyone's answer named the place in the order the stored array has them.
    const answered = new Map(results.map((r, i) => [racers[i], r.ok ? r.data.mine : null]))
    stored.entries.slice(20).forEach((e, i) => expect(answered.get(e.openid)).toEqual({ state: 'waiting', position: i + 1 }))
  })

  it('holds one overlap guard per volunteer', async () => {
    const profiles = await cloud.stored('volunteers', { 'holds.activityId': activity._id })
    expect(profiles.length).toBe(300)
  })

  describe('then 20 placed volunteers cancel at once', () => {
    let before: string[]
    beforeAll(async () => {
      const stored = await storedActivity(cloud, activity._id)
      before = stored.entries.map((e) => e.openid)
      await Promise.all(before.slice(0, 20).map((openid) => act(cloud, openid, 'cancelSignUp', { activityId: activity._id })))
    })

    it('promotes exactly the first 20 waiting, in order', async () => {
      const stored = await storedActivity(cloud, activity._id)
      expect(stored.entries.map((e) => e.openid)).toEqual(before.slice(20))
      expect(stored.count).toBe(280)
    })

    it('sends exactly 20 promotion messages, one each, however often the job runs', async () => {
      await Promise.all([cloud.emulator.runTimer('volunteers', 'sendNotices'), cloud.emulator.runTimer('volunteers', 'sendNotices')])
      await cloud.emulator.runTimer('volunteers', 'sendNotices')
      const sent = templateMessages(cloud, 'TEMPLATE_VOLUNTEER_PROMOTED').map((m) => m.touser)
      expect(sent.sort()).toEqual(before.slice(20, 40).sort())
    })
  })
})

describe('one volunteer racing for overlapping activities', () => {
  it('gets exactly one of them', async () => {
    await seedVolunteers(cloud, ['greedy'])
    const overlapping = Array.from({ length: 6 }, (_, i) => buildActivity({ startsInMinutes: 72 * 60 + i * 10, minutes: 120 }))
    await cloud.emulator.seed({ volunteer_activities: overlapping })
    const results = await Promise.all(overlapping.map((a) => act(cloud, 'greedy', 'signUp', { activityId: a._id })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true)
    const [profile] = await cloud.stored('volunteers', { _id: 'greedy' })
    expect(profile.holds).toHaveLength(1)
    const entered = await Promise.all(overlapping.map((a) => storedActivity(cloud, a._id)))
    expect(entered.filter((a) => a.entries.some((e) => e.openid === 'greedy'))).toHaveLength(1)
  })
})
