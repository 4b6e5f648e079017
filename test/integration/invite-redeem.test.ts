// account.redeemInvite without a transaction (docs/performance.md › Budgets): the invite claim,
// the officer binding and the roles are three conditional writes in that order. Under crashes
// (the emulator's fault hooks cut a call off after each write), races (people for one code, a
// person against themselves, two invites for one officer record) and guessing, the invite is
// used once, an officer record gets one WeChat account, a retry by the same person finishes what
// a crash left and nobody else can use it, and only failed attempts count against the guesses.
import { randomUUID } from 'node:crypto'
import type { Profile } from '../../src/core/account/contract'
import { DEFAULT_LIMITS, counterId, windowOf } from '../../src/core/rate-limit'
import { dayjs } from '../../src/core/time'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { testDatabase } from './booking-support'

let cloud: TestCloud
beforeAll(async () => {
  // The production limits (5 failed guesses an hour per person, 30 for the station).
  cloud = await startTestCloud({ functionEnv: { RATE_LIMITS: '{}' } })
})
afterAll(() => cloud.stop())
afterEach(() => {
  cloud.emulator.faults.clear()
})

const INVITE_CLAIM = { action: 'database.modifyDocument', collection: 'invites', function: 'account' } as const
const OFFICER_BINDING = { action: 'database.modifyDocument', collection: 'officers', function: 'account' } as const
const ROLES_GRANT = { action: 'database.modifyAndReturnDoc', collection: 'users', function: 'account' } as const

const USED = 'This invite has already been used.'
const BOUND = 'Another WeChat account is already bound to this officer record.'

let seq = 0
/** An officer record of the test's own, unbound. */
async function officerRecord(): Promise<string> {
  const id = `redeem-officer-${++seq}`
  await cloud.emulator.seed({ officers: [{ _id: id, name: `受邀 ${seq}`, title: '辅警', languages: ['zh'], communityIds: [], openid: null }] })
  return id
}
async function inviteFor(officerId: string, roles: string[] = ['officer']): Promise<string> {
  return expectOk(await cloud.call<{ code: string }>('demo-admin', 'account', { action: 'createInvite', officerId, roles, requestId: randomUUID() })).code
}
/** People who opened the app once (their user exists). */
async function people(...openids: string[]) {
  for (const openid of openids) expectOk(await cloud.call(openid, 'account', { action: 'me' }))
  return openids
}
/** Calls that run at once, after as many warm instances of the function answered at once (a cold start would serialise them). */
async function atOnce<T>(calls: Array<() => Promise<T>>): Promise<T[]> {
  await Promise.all(calls.map(() => cloud.call('race-warm-up', 'account', { action: 'me' })))
  return Promise.all(calls.map((call) => call()))
}
const redeem = (openid: string, code: string) => cloud.call<Profile>(openid, 'account', { action: 'redeemInvite', code })

async function storedInvites(officerId: string) {
  return (await cloud.stored('invites', { officerId })) as Array<{ _id: string; redeemedBy: string | null }>
}
const boundTo = async (officerId: string) => (await cloud.stored('officers', { _id: officerId }))[0]?.openid ?? null
const userOf = async (openid: string) => (await cloud.stored('users', { _id: openid }))[0] as { roles: string[]; officerId: string | null }
/** The person's counted failed guesses this hour. */
const guessesOf = async (openid: string) => Number((await cloud.stored('rate_counters', { limit: 'inviteAttempt', subject: openid }))[0]?.count ?? 0)
const stationCounterId = () => counterId('inviteAttemptStation', windowOf('hour', dayjs()), 'station')

function expectRefused(envelope: Awaited<ReturnType<typeof redeem>>, code: string, message: string) {
  expect(expectError(envelope, code)?.message).toBe(message)
}

describe('a redemption cut off after one of its writes (the write stored, its answer lost)', () => {
  it.each([
    ['the invite claim', INVITE_CLAIM],
    ['the officer binding', OFFICER_BINDING],
    ['the roles', ROLES_GRANT],
  ])('after %s: nobody else can use what it left, and the same person’s retry finishes it once, uncounted', async (_step, write) => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const [person, other] = await people(`cut-${seq}`, `cut-other-${seq}`)
    cloud.emulator.faults.failDatabaseRequest({ ...write, when: 'after' })
    expectError(await redeem(person, code), 'INTERNAL')
    expect(cloud.emulator.faults.fired.database).toBe(1)

    expectRefused(await redeem(other, code), 'FAILED_PRECONDITION', USED)
    expect(await boundTo(officerId)).not.toBe(other)

    const profile = expectOk(await redeem(person, code))
    expect(profile).toMatchObject({ userId: person, roles: ['resident', 'officer'], officer: { id: officerId } })
    expect(await storedInvites(officerId)).toEqual([expect.objectContaining({ redeemedBy: person })])
    expect(await boundTo(officerId)).toBe(person)
    expect(await userOf(person)).toMatchObject({ roles: ['resident', 'officer'], officerId })
    expect(await userOf(other)).toMatchObject({ roles: ['resident'], officerId: null })
    // The lost answer and its retry were no guesses; the other person's attempt was one.
    expect(await guessesOf(person)).toBe(0)
    expect(await guessesOf(other)).toBe(1)
  })

  it('before the officer binding, then the record bound by another invite: the retry is refused and gives its invite back', async () => {
    const officerId = await officerRecord()
    const first = await inviteFor(officerId)
    const second = await inviteFor(officerId)
    const [person, other] = await people(`cut-before-${seq}`, `cut-before-other-${seq}`)
    cloud.emulator.faults.failDatabaseRequest(OFFICER_BINDING)
    expectError(await redeem(person, first), 'INTERNAL')
    cloud.emulator.faults.clear()
    // Half-claimed: the first invite is the person's, the record still unbound; the admin's second invite binds it for another.
    expectOk(await redeem(other, second))
    expectRefused(await redeem(person, first), 'FAILED_PRECONDITION', BOUND)
    const invites = await storedInvites(officerId)
    expect(invites.map((i) => i.redeemedBy).sort()).toEqual([null, other].sort())
    expect(await boundTo(officerId)).toBe(other)
    expect(await userOf(person)).toMatchObject({ roles: ['resident'], officerId: null })
  })

  it('before the officer binding, retried after the invite’s week is over: it finishes, the invite was claimed in time', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const [person] = await people(`cut-late-${seq}`)
    cloud.emulator.faults.failDatabaseRequest(OFFICER_BINDING)
    expectError(await redeem(person, code), 'INTERNAL')
    cloud.emulator.faults.clear()
    const { db } = await testDatabase()
    const [invite] = await storedInvites(officerId)
    await db.collection('invites').doc(invite._id).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(expectOk(await redeem(person, code))).toMatchObject({ roles: ['resident', 'officer'], officer: { id: officerId } })
    expect(await boundTo(officerId)).toBe(person)
  })
})

describe('a completed redemption sent again by the same person', () => {
  it('answers the same profile, changes nothing and counts nothing', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId, ['officer', 'station_leader'])
    const [person] = await people(`again-${seq}`)
    const first = expectOk(await redeem(person, code))
    expect(first.roles).toEqual(['resident', 'officer', 'station_leader'])
    expect(expectOk(await redeem(person, code))).toEqual(first)
    expect((await userOf(person)).roles).toEqual(['resident', 'officer', 'station_leader'])
    expect(await guessesOf(person)).toBe(0)
  })
})

describe('races', () => {
  it('two people for one code, both past the read before either writes: exactly one becomes the officer, the other’s attempt counts', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const racers = await people(`race-a-${seq}`, `race-b-${seq}`)
    // Both claims wait, so both calls read the invite unused and the claim's condition decides.
    cloud.emulator.faults.delayRequests({ ...INVITE_CLAIM, ms: 1500, count: 2 })
    const results = await atOnce(racers.map((openid) => () => redeem(openid, code)))
    expect(cloud.emulator.faults.fired.delay).toBe(2)
    const winner = racers[results.findIndex((r) => r.ok)]
    const loser = racers.find((openid) => openid !== winner)!
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expectRefused(results[racers.indexOf(loser)], 'FAILED_PRECONDITION', USED)
    expect(await storedInvites(officerId)).toEqual([expect.objectContaining({ redeemedBy: winner })])
    expect(await boundTo(officerId)).toBe(winner)
    expect(await userOf(loser)).toMatchObject({ roles: ['resident'], officerId: null })
    expect(await guessesOf(loser)).toBe(1)
    expect(await guessesOf(winner)).toBe(0)
  })

  it('a person against themselves (five taps at once): every call answers the same profile, roles once, nothing counted', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const [person] = await people(`self-${seq}`)
    cloud.emulator.faults.delayRequests({ ...INVITE_CLAIM, ms: 1500, count: 5 })
    const results = (await atOnce(Array.from({ length: 5 }, () => () => redeem(person, code)))).map(expectOk)
    // At least two taps met at the claim, so one of them went on from its twin's write.
    expect(cloud.emulator.faults.fired.delay).toBeGreaterThan(1)
    for (const profile of results) expect(profile).toEqual(results[0])
    expect(results[0]).toMatchObject({ roles: ['resident', 'officer'], officer: { id: officerId } })
    expect(await userOf(person)).toMatchObject({ roles: ['resident', 'officer'], officerId })
    expect(await boundTo(officerId)).toBe(person)
    expect(await guessesOf(person)).toBe(0)
  })

  it('two people with two invites for one officer record: one binds it, the other is refused and their invite given back', async () => {
    const officerId = await officerRecord()
    const codes = [await inviteFor(officerId), await inviteFor(officerId)]
    const racers = await people(`pair-a-${seq}`, `pair-b-${seq}`)
    // Both invites are claimed before either binding lands.
    cloud.emulator.faults.delayRequests({ ...OFFICER_BINDING, ms: 1500, count: 2 })
    const results = await atOnce(racers.map((openid, i) => () => redeem(openid, codes[i])))
    expect(cloud.emulator.faults.fired.delay).toBe(2)
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const winner = racers[results.findIndex((r) => r.ok)]
    const loser = racers.find((openid) => openid !== winner)!
    expectRefused(results[racers.indexOf(loser)], 'FAILED_PRECONDITION', BOUND)
    expect(await boundTo(officerId)).toBe(winner)
    expect((await storedInvites(officerId)).map((i) => i.redeemedBy).sort()).toEqual([null, winner].sort())
    expect(await userOf(loser)).toMatchObject({ roles: ['resident'], officerId: null })
  })
})

describe('the guess limits', () => {
  it('a burst of wrong codes with the right one among them, from one person: five codes are tried, no more', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const [guesser] = await people(`burst-${seq}`)
    const guesses = Array.from({ length: 19 }, (_, i) => `QQQQQ${'ABCDEFGHJKLMNPQRSTU'[i]}ZZ`)
    guesses.splice(9, 0, code)
    const results = await Promise.all(guesses.map((guess) => redeem(guesser, guess)))
    const wrong = results.filter((r) => !r.ok && r.error.code === 'NOT_FOUND')
    const redeemed = results.filter((r) => r.ok)
    const refused = results.filter((r) => !r.ok && r.error.code === 'RESOURCE_EXHAUSTED')
    expect(wrong).toHaveLength(DEFAULT_LIMITS.inviteAttempt.max)
    expect(redeemed.length).toBeLessThanOrEqual(1)
    expect(wrong.length + redeemed.length + refused.length).toBe(guesses.length)
    for (const r of refused) expect(r).toMatchObject({ error: { details: { limit: 'inviteAttempt' } } })
    expect(await guessesOf(guesser)).toBe(DEFAULT_LIMITS.inviteAttempt.max)
    // The right code is refused like a wrong one once the guesses are used up.
    if (redeemed.length === 0) {
      expect(await boundTo(officerId)).toBeNull()
      expect(await redeem(guesser, code)).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED', details: { limit: 'inviteAttempt' } } })
    }
  })

  it('a successful redemption uses none of the person’s guesses', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const [person] = await people(`careful-${seq}`)
    for (let i = 0; i < DEFAULT_LIMITS.inviteAttempt.max - 1; i++) expectError(await redeem(person, `WWWWWW${'ABCD'[i]}W`), 'NOT_FOUND')
    expectOk(await redeem(person, code))
    expect(await guessesOf(person)).toBe(DEFAULT_LIMITS.inviteAttempt.max - 1)
    expectError(await redeem(person, 'WWWWWWEW'), 'NOT_FOUND')
    expect(await redeem(person, 'WWWWWWFW')).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED', details: { limit: 'inviteAttempt' } } })
  })

  it('the right code is refused once the station’s guesses are used up, and nothing is claimed', async () => {
    const officerId = await officerRecord()
    const code = await inviteFor(officerId)
    const [person] = await people(`station-${seq}`)
    // Any wrong guess makes sure the station's counter of this hour exists; then it is used up.
    expectError(await redeem(`station-${seq}`, 'XXXXXXXX'), 'NOT_FOUND')
    const { db } = await testDatabase()
    const id = stationCounterId()
    const [before] = await cloud.stored('rate_counters', { _id: id })
    await db.collection('rate_counters').doc(id).update({ data: { count: DEFAULT_LIMITS.inviteAttemptStation.max } })
    try {
      expect(await redeem(person, code)).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED', details: { limit: 'inviteAttemptStation' } } })
      expect(await storedInvites(officerId)).toEqual([expect.objectContaining({ redeemedBy: null })])
      expect(await boundTo(officerId)).toBeNull()
    } finally {
      await db.collection('rate_counters').doc(id).update({ data: { count: Number(before.count) } })
    }
    expectOk(await redeem(person, code))
  })
})
