// Abuse limits through the real functions: bookings per day, filings per day, notices per hour,
// invite guesses per hour and the residents' daily message cap. The other suites run with every
// limit out of reach; this one runs the production defaults, except a few set lower so a test
// needs few calls, and shows that an override is per environment (the functions' RATE_LIMITS).
import type { BookingView } from '../../src/core/booking/contract'
import type { Envelope } from '../../src/core/envelope'
import { DEFAULT_LIMITS } from '../../src/core/rate-limit'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { buildApplicant, newRequestId, roundTheClockCounter, slotDocs, testDatabase } from './booking-support'
import { counterRecord } from '../../cloudfunctions/booking/records'
import { buildFiling } from './mediation-support'
import { alertsTo, buildNotice, OFFICER, seedReaders, seedResidents } from './notices-support'
import { counterId, windowOf } from '../../src/core/rate-limit'
import { dayjs } from '../../src/core/time'

const BOOKINGS_PER_DAY = 3
const MESSAGES_PER_DAY = 4

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({
    functionEnv: {
      RATE_LIMITS: JSON.stringify({ booking: { max: BOOKINGS_PER_DAY, per: 'day' }, subscribeMessage: { max: MESSAGES_PER_DAY, per: 'day' } }),
      // The booking rules' own cap on upcoming bookings (3) would hide the daily limit.
      BOOKING_CONFIG: JSON.stringify({ maxActivePerAccount: 20 }),
    },
  })
  await cloud.emulator.seed({ booking_counters: [counterRecord(roundTheClockCounter('counter-limits'))] })
})
afterAll(() => cloud.stop())

const book = (openid: string, slotId: string) =>
  cloud.call<BookingView>(openid, 'booking', { action: 'book', slotId, serviceId: 'id-card-first', requestId: newRequestId(), applicant: buildApplicant() })

function expectRateLimited(envelope: Envelope<unknown>, limit: string) {
  const error = expectError(envelope, 'RESOURCE_EXHAUSTED')
  expect(error?.details).toMatchObject({ why: 'rate_limited', limit })
  const retryAt = Date.parse(String(error?.details?.retryAt))
  expect(Number.isNaN(retryAt)).toBe(false)
  expect(error?.details?.retryAfterSeconds).toBeGreaterThan(0)
  return error!
}

const messagesTo = (openid: string) => cloud.emulator.outbox().filter((m) => m.api === 'subscribeMessage.send' && (m.data as { touser: string }).touser === openid)

describe('bookings per resident per day', () => {
  let results: Array<Envelope<BookingView>>
  let requests: Array<Record<string, unknown>>
  let slots: ReturnType<typeof slotDocs>

  beforeAll(async () => {
    slots = slotDocs('counter-limits', { minutesAhead: 3 * 60, count: 50, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: slots })
    requests = slots.map((s) => ({ action: 'book', slotId: s._id, serviceId: 'id-card-first', requestId: newRequestId(), applicant: buildApplicant() }))
    results = await Promise.all(requests.map((request) => cloud.call<BookingView>('eager', 'booking', request)))
  })

  it('lets exactly 3 of 50 concurrent bookings from one resident through', () => {
    expect(results.filter((r) => r.ok)).toHaveLength(BOOKINGS_PER_DAY)
    const refused = results.filter((r) => !r.ok)
    expect(refused).toHaveLength(50 - BOOKINGS_PER_DAY)
    for (const r of refused) expectRateLimited(r, 'booking')
  })

  it('stores 3 bookings and takes no place for the refused ones', async () => {
    expect(await cloud.stored('bookings', { openid: 'eager' })).toHaveLength(BOOKINGS_PER_DAY)
    const stored = await cloud.stored('booking_slots', { counterId: 'counter-limits' })
    expect(stored.reduce((sum, s) => sum + (3 - Number(s.remaining)), 0)).toBe(BOOKINGS_PER_DAY)
  })

  it('keeps one counter for the resident’s day, at the limit', async () => {
    const counters = await cloud.stored('rate_counters', { subject: 'eager', limit: 'booking' })
    expect(counters).toHaveLength(1)
    expect(counters[0]).toMatchObject({ limit: 'booking', count: BOOKINGS_PER_DAY })
  })

  it('refuses the next booking with the time to try again and writes nothing', async () => {
    cloud.resetWrites()
    const error = expectRateLimited(await book('eager', slots[49]._id), 'booking')
    expect(error.details).toMatchObject({ max: BOOKINGS_PER_DAY, per: 'day' })
    expectNothingHappened(cloud)
  })

  it('refuses bad input before the limiter: nothing written, nothing counted', async () => {
    cloud.resetWrites()
    expectError(await cloud.call('eager', 'booking', { action: 'book', slotId: { $ne: null }, serviceId: 'id-card-first', requestId: newRequestId(), applicant: buildApplicant() }), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })

  it('answers a retried request with its booking, not with the limit', async () => {
    const index = results.findIndex((r) => r.ok)
    const again = expectOk(await cloud.call<BookingView>('eager', 'booking', requests[index]))
    expect(again.id).toBe(expectOk(results[index]).id)
  })

  it('does not count a booking the rules refused', async () => {
    const [full] = slotDocs('counter-limits', { minutesAhead: 5 * 24 * 60, count: 1, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: [{ ...full, remaining: 0 }] })
    expectError(await book('careful', full._id), 'CONFLICT')
    const later = slots.slice(10, 10 + BOOKINGS_PER_DAY)
    for (const s of later) expectOk(await book('careful', s._id))
    expectRateLimited(await book('careful', slots[20]._id), 'booking')
  })
})

describe('the daily cap on subscription messages per resident', () => {
  it('sends the first 4 confirmations of the day and counts the rest as capped, without failing the booking', async () => {
    // A second day's allowance of bookings is out of reach here, so the resident books 3 and the
    // cap is 4: the 4th and 5th messages come from cancellations.
    const mine = slotDocs('counter-limits', { minutesAhead: 6 * 24 * 60, count: 3, capacity: 3 })
    await cloud.emulator.seed({ booking_slots: mine })
    const booked = []
    for (const s of mine) booked.push(expectOk(await book('chatty', s._id)))
    for (const b of booked.slice(0, 2)) expectOk(await cloud.call('chatty', 'booking', { action: 'cancel', bookingId: b.id }))
    expect(messagesTo('chatty')).toHaveLength(MESSAGES_PER_DAY)
    const [counter] = await cloud.stored('rate_counters', { subject: 'chatty', limit: 'subscribeMessage' })
    expect(counter).toMatchObject({ count: MESSAGES_PER_DAY })
  })
})

describe('the message cap in the urgent-notice fan-out', () => {
  it('sends to the resident under the cap, records the one at the cap as capped, and finishes the fan-out', async () => {
    const [fresh, saturated] = await seedResidents(cloud, 'alerted', 2, 'gacha-borondor')
    await seedReaders(cloud, [fresh, saturated], { grants: 1 })
    // The second resident has had the day's messages already.
    const today = windowOf('day', dayjs())
    await cloud.emulator.seed({ rate_counters: [{ _id: counterId('subscribeMessage', today, saturated), limit: 'subscribeMessage', subject: saturated, window: today.key, count: MESSAGES_PER_DAY, expiresAt: today.endsAt }] })
    const { id } = expectOk(await cloud.call<{ id: string }>('demo-leader-1', 'notices', { action: 'publish', ...buildNotice({ urgency: 'urgent', targets: ['gacha-borondor'] }) }))
    expect(expectOk((await cloud.emulator.runTimer('notices', 'fanOutUrgent')) as Envelope<Record<string, number>>)).toMatchObject({ sent: 1, capped: 1 })
    expect(alertsTo(cloud, id)).toEqual([fresh])
    expect(await cloud.stored('notice_deliveries', { noticeId: id, state: 'capped' })).toEqual([expect.objectContaining({ openid: saturated })])
    const reach = expectOk(await cloud.call<{ messages: Record<string, unknown> }>('demo-leader-1', 'notices', { action: 'reach', noticeId: id }))
    expect(reach.messages).toMatchObject({ state: 'done', sent: 1, capped: 1 })
  })

  it("counts the cap on the run's injected day, not the machine's: a resident capped today is sent to by a run timed tomorrow", async () => {
    const [capped] = await seedResidents(cloud, 'tomorrow', 1, 'gacha-borondor')
    await seedReaders(cloud, [capped], { grants: 1 })
    const today = windowOf('day', dayjs())
    await cloud.emulator.seed({ rate_counters: [{ _id: counterId('subscribeMessage', today, capped), limit: 'subscribeMessage', subject: capped, window: today.key, count: MESSAGES_PER_DAY, expiresAt: today.endsAt }] })
    const { id } = expectOk(await cloud.call<{ id: string }>('demo-leader-1', 'notices', { action: 'publish', ...buildNotice({ urgency: 'urgent', targets: ['gacha-borondor'] }) }))
    const tomorrow = dayjs().add(1, 'day')
    expect(expectOk((await cloud.emulator.runTimer('notices', 'fanOutUrgent', tomorrow.toDate())) as Envelope<Record<string, number>>)).toMatchObject({ capped: 0 })
    // The community's other readers (the test above seeds them) are sent to as well.
    expect(alertsTo(cloud, id)).toContain(capped)
    const [counted] = await cloud.stored('rate_counters', { subject: capped, limit: 'subscribeMessage', window: windowOf('day', tomorrow).key })
    expect(counted).toMatchObject({ count: 1 })
  })
})

describe('mediation filings per resident per day (default 3)', () => {
  const filings = [buildFiling(), buildFiling(), buildFiling()]

  it('stores 3 filings and refuses the 4th with nothing stored', async () => {
    expect(DEFAULT_LIMITS.mediationFiling).toEqual({ max: 3, per: 'day' })
    for (const filing of filings) expectOk(await cloud.call('quarrelsome', 'mediation', filing))
    cloud.resetWrites()
    expectRateLimited(await cloud.call('quarrelsome', 'mediation', buildFiling()), 'mediationFiling')
    expectNothingHappened(cloud)
    expect(await cloud.stored('mediation_cases', { applicantOpenid: 'quarrelsome' })).toHaveLength(3)
  })

  it('still answers a retried filing with its case once the day’s filings are used up', async () => {
    cloud.resetWrites()
    expectOk(await cloud.call('quarrelsome', 'mediation', filings[2]))
    expectNothingHappened(cloud)
  })
})

describe('notices per officer per hour (default 20)', () => {
  it('publishes 20 and refuses the 21st with nothing stored', async () => {
    expect(DEFAULT_LIMITS.notice).toEqual({ max: 20, per: 'hour' })
    const before = (await cloud.stored('notices', { authorOpenid: OFFICER })).length
    const results = await Promise.all(Array.from({ length: 21 }, () => cloud.call(OFFICER, 'notices', { action: 'publish', ...buildNotice() })))
    expect(results.filter((r) => r.ok)).toHaveLength(20)
    expectRateLimited(results.find((r) => !r.ok)!, 'notice')
    expect(await cloud.stored('notices', { authorOpenid: OFFICER })).toHaveLength(before + 20)
  })
})

describe('invite codes', () => {
  const me = (openid: string) => cloud.call(openid, 'account', { action: 'me' })
  const redeem = (openid: string, code: string) => cloud.call(openid, 'account', { action: 'redeemInvite', code })
  const createInvite = (officerId: string) => cloud.call<{ code: string }>('demo-admin', 'account', { action: 'createInvite', officerId, roles: ['officer'], requestId: newRequestId() })

  it('are stored only as their hash, and single use', async () => {
    const { code } = expectOk(await createInvite('officer-3'))
    const stored = await cloud.stored('invites', { officerId: 'officer-3' })
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toContain(code)
    expect(stored[0]._id).toMatch(/^[0-9a-f]{64}$/)
    await me('invitee')
    expectOk(await redeem('invitee', code))
    await me('second-user')
    expectError(await redeem('second-user', code), 'FAILED_PRECONDITION')
  })

  it('expire after a week', async () => {
    const { code } = expectOk(await createInvite('aux-1'))
    const [invite] = await cloud.stored('invites', { officerId: 'aux-1' })
    const { db } = await testDatabase()
    await db.collection('invites').doc(String(invite._id)).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
    await me('late-invitee')
    expectError(await redeem('late-invitee', code), 'FAILED_PRECONDITION')
  })

  it('let one person guess 5 times an hour, however fast, and count each failed guess', async () => {
    await me('guesser')
    cloud.resetWrites()
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => redeem('guesser', `ABCDEF${'ABCDEFGHJKLMNPQRSTUV'[i]}A`)))
    expect(results.filter((r) => !r.ok && r.error.code === 'NOT_FOUND')).toHaveLength(DEFAULT_LIMITS.inviteAttempt.max)
    const limited = results.filter((r) => !r.ok && r.error.code === 'RESOURCE_EXHAUSTED')
    expect(limited).toHaveLength(20 - DEFAULT_LIMITS.inviteAttempt.max)
    for (const r of limited) expectRateLimited(r, 'inviteAttempt')
    // The failed guesses wrote nothing but their counters.
    const counters = await cloud.stored('rate_counters', { subject: 'guesser' })
    expect(cloud.writes()).toBeLessThanOrEqual(2 + 2 * DEFAULT_LIMITS.inviteAttempt.max)
    expect(counters).toEqual([expect.objectContaining({ limit: 'inviteAttempt', count: 5 })])
  })

  it('refuse even the right code once the person’s guesses are used up', async () => {
    await me('guesser-spent')
    for (let i = 0; i < DEFAULT_LIMITS.inviteAttempt.max; i++) expectError(await redeem('guesser-spent', `BCDEFG${'ABCDEFGHJK'[i]}B`), 'NOT_FOUND')
    const { code } = expectOk(await createInvite('aux-2'))
    expectRateLimited(await redeem('guesser-spent', code), 'inviteAttempt')
  })

  it('limit guesses from many accounts together (30 an hour for the station)', async () => {
    // Whatever guesses the tests before made this hour count too (none when this test runs alone).
    const [station] = await cloud.stored('rate_counters', { limit: 'inviteAttemptStation' })
    const used = Number(station?.count ?? 0)
    const accounts = Array.from({ length: 8 }, (_, i) => `botnet-${i}`)
    await Promise.all(accounts.map(me))
    const results = []
    for (const openid of accounts) for (let i = 0; i < 5; i++) results.push(await redeem(openid, `ZZZZZZ${'23456789'[i]}${'23456789'[accounts.indexOf(openid)]}`))
    expect(results.filter((r) => !r.ok && r.error.code === 'NOT_FOUND')).toHaveLength(DEFAULT_LIMITS.inviteAttemptStation.max - used)
    const limited = results.filter((r) => !r.ok && r.error.code === 'RESOURCE_EXHAUSTED')
    expect(limited.length).toBe(40 - (DEFAULT_LIMITS.inviteAttemptStation.max - used))
    expectRateLimited(limited[0], 'inviteAttemptStation')
  })

  it('refuse a code of the wrong shape before counting it', async () => {
    await me('typo')
    cloud.resetWrites()
    expectError(await redeem('typo', 'not a code'), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })
})
