// Personal data through the real functions: phones and ID numbers sealed at rest (the plaintext
// check every suite gets when its emulator stops, run here also mid-suite and after deletion), masked for staff, revealed only by an audited action,
// found by keyed hash; the leaders' audit search and its retention job; a resident's export and
// deletion, after which nothing stored names them.
import { randomUUID } from 'node:crypto'
import { protect, lookupHash } from '../../cloudfunctions/_shared/personal-data'
import { bookingRecord, slotRecord, type SlotDoc } from '../../cloudfunctions/booking/records'
import { idCheckCharacter } from '../../src/core/booking/id-number'
import type { DeskBooking, BookingView, HomeVisitView } from '../../src/core/booking/contract'
import type { StaffCaseView } from '../../src/core/mediation/contract'
import type { AuditEntryView, DeletionReport, MyData } from '../../src/core/privacy/contract'
import { dayjs } from '../../src/core/time'
import { demoServices } from '../../scripts/demo-services'
import database from '../../cloudfunctions/database.json'
import { expectError, expectNoPlaintextPersonalData, expectNothingHappened, expectOk, plaintextLeaks, type TestCloud } from '../support/cloud'
import { expectCapacityInvariant, roundTheClockCounter, slotIdAfter, startBookingCloud, storedAll } from './booking-support'
import { buildActivity } from './volunteers-support'

const RESIDENT = `privacy-${randomUUID().slice(0, 8)}`
const NAME = '斯琴高娃'
const PHONE = '13847561234'
const ID_NUMBER = `15020319850612123${idCheckCharacter('15020319850612123')}`
/** The other party of the resident's dispute: their phone is personal data too. */
const OTHER_PARTY = { name: '巴图孟和', phone: '13604781234' }
const OFFICER = 'demo-officer-1'
const OTHER_OFFICER = 'demo-officer-2'
const LEADER = 'demo-leader-1'
const WAITING = 'privacy-waiting-volunteer'
/** Booking ids derive from a hash of the caller and request, never the openid itself. */
const SERVED_ID = `bk_served_${randomUUID().slice(0, 8)}`

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startBookingCloud()
})
afterAll(() => cloud.stop())

const call = <T>(openid: string, fn: string, action: string, input: Record<string, unknown> = {}) => cloud.call<T>(openid, fn, { action, ...input })

let booking: BookingView
let caseId: string
let visit: HomeVisitView

describe('a resident who books with an ID number, asks for a home visit, files a dispute and volunteers', () => {
  it('is stored with phone and ID number sealed: the data files hold neither in clear', async () => {
    booking = expectOk(
      await call<BookingView>(RESIDENT, 'booking', 'book', { slotId: slotIdAfter('counter-24h', 24 * 60), serviceId: 'id-card-renewal', requestId: randomUUID(), applicant: { relation: 'self', name: NAME, phone: PHONE, idNumber: ID_NUMBER } }),
    )
    // The owner sees their own phone; the ID number stays masked even for them.
    expect(booking.applicant).toEqual({ relation: 'self', name: NAME, phone: PHONE, idNumberMasked: '1502**********' + ID_NUMBER.slice(-4) })
    visit = expectOk(
      await call<HomeVisitView>(RESIDENT, 'booking', 'requestHomeVisit', {
        requestId: randomUUID(),
        serviceId: 'id-card-renewal',
        person: { relation: 'self', name: NAME, phone: PHONE, idNumber: ID_NUMBER },
        reason: 'disability',
        note: '轮椅出行',
        communityId: 'gacha-bayanbulag',
        addressText: '巴音布拉格嘎查三组',
      }),
    )
    caseId = expectOk(
      await call<{ id: string }>(RESIDENT, 'mediation', 'fileDispute', { requestId: randomUUID(), type: 'neighbour', description: '邻居的牛群进了我家草场。', applicant: { name: NAME, phone: PHONE }, otherParty: OTHER_PARTY, communityId: 'gacha-bayanbulag', language: 'zh', dangerNow: false }),
    ).id
    expectOk(await call(RESIDENT, 'volunteers', 'apply', { name: NAME, phone: PHONE, skills: ['mongolian'], availability: ['weekend'], communityId: 'gacha-bayanbulag', teamId: 'team-herder-police' }))

    // The suite's plaintext check knows every number sent, the other party's included…
    expect([...cloud.personalNumbersSent].sort()).toEqual([PHONE, OTHER_PARTY.phone, ID_NUMBER].sort())
    expectNoPlaintextPersonalData(cloud)
    // …and the birth date inside the ID number is not stored in clear either.
    expect(plaintextLeaks(cloud.dataDir, [ID_NUMBER.slice(6, 14)])).toEqual([])
    // …and the stored documents carry the sealed form (labelled with the local dev key).
    const [stored] = await cloud.stored('bookings', { _id: booking.id })
    expect(stored.applicant).toMatchObject({ phone: { sealed: { keyId: 'dev' }, masked: '138****1234' }, idNumber: { sealed: { keyId: 'dev' } } })
  })
})

describe('the plaintext check', () => {
  it('finds a number stored in clear, and names the file', async () => {
    const scratch = 'privacy_plaintext_probe'
    await cloud.emulator.seed({ [scratch]: [{ _id: 'probe', phone: '13512345678' }] })
    expect(plaintextLeaks(cloud.dataDir, ['13512345678'])).toEqual([{ number: '13512345678', files: [expect.stringContaining('db')] }])
    await cloud.emulator.seed({ [scratch]: [{ _id: 'probe', phone: null }] })
  })
})

describe('staff see phones masked and reveal them by an audited action', () => {
  it('shows the desk the booking masked, reveals it on request, and logs the reveal', async () => {
    const day = expectOk(await call<DeskBooking[]>(OFFICER, 'booking', 'dayBookings', { counterId: 'counter-24h', date: booking.slot.localDate }))
    expect(day.find((b) => b.id === booking.id)?.applicant.phone).toBe('138****1234')
    expect(expectOk(await call(OFFICER, 'booking', 'revealBookingContact', { bookingId: booking.id }))).toEqual({ phone: PHONE })
    const [entry] = await cloud.stored('audit_log', { collection: 'bookings', recordId: booking.id, actorOpenid: OFFICER })
    expect(entry).toMatchObject({ action: 'reveal:applicant.phone', roles: ['resident', 'officer'] })
  })

  it('refuses a resident’s reveal with PERMISSION_DENIED, writing nothing', async () => {
    cloud.resetWrites()
    expectError(await call(RESIDENT, 'booking', 'revealBookingContact', { bookingId: booking.id }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('reveals a home visit’s phone only to the officer who handles it', async () => {
    const pending = expectOk(await call<Array<{ visits: HomeVisitView[] }>>(OFFICER, 'booking', 'pendingHomeVisits'))
    expect(pending.flatMap((g) => g.visits).find((v) => v.id === visit.id)?.person.phone).toBe('138****1234')
    expect(expectOk(await call(OFFICER, 'booking', 'revealHomeVisitContact', { visitId: visit.id }))).toEqual({ phone: PHONE })
    cloud.resetWrites()
    expectError(await call(OTHER_OFFICER, 'booking', 'revealHomeVisitContact', { visitId: visit.id }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('masks a dispute’s phones in the case and reveals the applicant’s to the covering officer', async () => {
    const detail = expectOk(await call<StaffCaseView>(OFFICER, 'mediation', 'caseDetail', { caseId }))
    expect(detail.applicant).toEqual({ name: NAME, phone: '138****1234' })
    expect(expectOk(await call(OFFICER, 'mediation', 'revealContact', { caseId, party: 'applicant' }))).toEqual({ phone: PHONE })
    expect(await cloud.stored('audit_log', { recordId: caseId, action: 'reveal:applicant.phone' })).toHaveLength(1)
    cloud.resetWrites()
    expectError(await call(OTHER_OFFICER, 'mediation', 'revealContact', { caseId, party: 'applicant' }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('masks a volunteer’s phone in the applications and reveals it to an officer', async () => {
    const list = expectOk(await call<Array<{ openid: string; phone: string }>>(OFFICER, 'volunteers', 'applications', { status: 'pending' }))
    expect(list.find((v) => v.openid === RESIDENT)?.phone).toBe('138****1234')
    expect(expectOk(await call(OFFICER, 'volunteers', 'revealContact', { openid: RESIDENT }))).toEqual({ phone: PHONE })
    expect(await cloud.stored('audit_log', { collection: 'volunteers', recordId: RESIDENT, action: 'reveal:phone' })).toHaveLength(1)
  })
})

describe('findBookings: the desk finds a resident by phone or ID number without decrypting', () => {
  it('matches the keyed hash of the number however it is typed', async () => {
    const byPhone = expectOk(await call<DeskBooking[]>(OFFICER, 'booking', 'findBookings', { phone: '+86 138-4756-1234' }))
    expect(byPhone.map((b) => b.id)).toEqual([booking.id])
    const byId = expectOk(await call<DeskBooking[]>(OFFICER, 'booking', 'findBookings', { idNumber: ID_NUMBER.toLowerCase() }))
    expect(byId.map((b) => b.id)).toEqual([booking.id])
    expect(byId[0].applicant.phone).toBe('138****1234')
  })

  it('needs exactly one of the two, and refuses residents', async () => {
    cloud.resetWrites()
    expectError(await call(OFFICER, 'booking', 'findBookings', { phone: PHONE, idNumber: ID_NUMBER }), 'INVALID_ARGUMENT')
    expectError(await call(OFFICER, 'booking', 'findBookings', {}), 'INVALID_ARGUMENT')
    expectError(await call(RESIDENT, 'booking', 'findBookings', { phone: PHONE }), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })
})

describe('searchAudit', () => {
  it('finds entries by actor, record, collection, action and period, newest first', async () => {
    const byAction = expectOk(await call<{ entries: AuditEntryView[] }>(LEADER, 'account', 'searchAudit', { actionName: 'reveal:applicant.phone' }))
    expect(byAction.entries.map((e) => e.recordId)).toEqual([caseId, booking.id])
    expect(byAction.entries[1]).toMatchObject({ actorOpenid: OFFICER, actorName: '巴特尔', collection: 'bookings' })
    const byRecord = expectOk(await call<{ entries: AuditEntryView[] }>(LEADER, 'account', 'searchAudit', { collection: 'mediation_cases', recordId: caseId }))
    expect(byRecord.entries.map((e) => e.action)).toEqual(['reveal:applicant.phone', 'read'])
    const byActorInPeriod = expectOk(
      await call<{ entries: AuditEntryView[] }>(LEADER, 'account', 'searchAudit', { actorOpenid: OFFICER, collection: 'volunteers', from: dayjs().subtract(1, 'hour').toISOString(), to: dayjs().add(1, 'minute').toISOString() }),
    )
    expect(byActorInPeriod.entries.map((e) => e.action)).toEqual(['reveal:phone'])
    const empty = expectOk(await call<{ entries: AuditEntryView[]; hasMore: boolean; retentionDays: number }>(LEADER, 'account', 'searchAudit', { to: dayjs().subtract(10, 'year').toISOString() }))
    expect(empty).toMatchObject({ entries: [], hasMore: false, retentionDays: 365 })
  })

  it('pages 20 at a time', async () => {
    await cloud.emulator.seed({ audit_log: Array.from({ length: 25 }, (_, i) => ({ actorOpenid: 'pager', roles: ['officer'], action: 'read', collection: 'bookings', recordId: `bk_page_${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)) })) })
    const first = expectOk(await call<{ entries: AuditEntryView[]; hasMore: boolean }>(LEADER, 'account', 'searchAudit', { actorOpenid: 'pager' }))
    const second = expectOk(await call<{ entries: AuditEntryView[]; hasMore: boolean }>(LEADER, 'account', 'searchAudit', { actorOpenid: 'pager', page: 1 }))
    expect([first.entries.length, first.hasMore, second.entries.length, second.hasMore]).toEqual([20, true, 5, false])
    expect(first.entries[0].recordId).toBe('bk_page_24')
  })

  it('is for station leaders only, and refuses a record without its collection, writing nothing', async () => {
    cloud.resetWrites()
    expectError(await call(OFFICER, 'account', 'searchAudit', {}), 'PERMISSION_DENIED')
    expectError(await call(LEADER, 'account', 'searchAudit', { recordId: caseId }), 'INVALID_ARGUMENT')
    expectError(await call(LEADER, 'account', 'searchAudit', { actorOpenid: { $ne: null } }), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })
})

describe('the retention job', () => {
  const runPrune = () => cloud.emulator.runTimer('account', 'pruneAuditLog') as Promise<{ ok: boolean; data: { removed: number; retentionDays: number; done: boolean } }>

  it('removes entries older than the retention, logs the count, and finds nothing the second time', async () => {
    const old = dayjs().subtract(400, 'day').toDate()
    await cloud.emulator.seed({ audit_log: Array.from({ length: 230 }, (_, i) => ({ actorOpenid: 'old-officer', roles: ['officer'], action: 'read', collection: 'bookings', recordId: `bk_old_${i}`, at: old })) })
    const before = (await storedAll('audit_log')).length
    expect(await runPrune()).toMatchObject({ ok: true, data: { removed: 230, retentionDays: 365, done: true } })
    const after = await storedAll('audit_log')
    expect(after).toHaveLength(before - 230 + 1)
    expect(after.filter((e) => e.actorOpenid === 'old-officer')).toEqual([])
    expect(after.filter((e) => e.action === 'pruneAuditLog')).toEqual([expect.objectContaining({ actorOpenid: 'system', count: 230 })])
    cloud.resetWrites()
    expect(await runPrune()).toMatchObject({ ok: true, data: { removed: 0, done: true } })
    expectNothingHappened(cloud)
  })

  it('removes each expired entry once when two runs overlap', async () => {
    const old = dayjs().subtract(400, 'day').toDate()
    await cloud.emulator.seed({ audit_log: Array.from({ length: 450 }, (_, i) => ({ actorOpenid: 'older-officer', roles: ['officer'], action: 'read', collection: 'bookings', recordId: `bk_older_${i}`, at: old })) })
    const earlier = new Set((await storedAll('audit_log', { action: 'pruneAuditLog' })).map((e) => e._id))
    const runs = await Promise.all([runPrune(), runPrune()])
    expect(runs[0].data.removed + runs[1].data.removed).toBe(450)
    expect(await storedAll('audit_log', { actorOpenid: 'older-officer' })).toEqual([])
    const counts = (await storedAll('audit_log', { action: 'pruneAuditLog' })).filter((e) => !earlier.has(e._id)).map((e) => e.count as number)
    expect(counts.reduce((x, y) => x + y, 0)).toBe(450)
  })
})

describe('exportMyData', () => {
  it('gives the resident everything stored about them, their phone and ID number in clear', async () => {
    const data = expectOk(await call<MyData>(RESIDENT, 'account', 'exportMyData'))
    expect(data.user).toMatchObject({ id: RESIDENT, roles: ['resident'] })
    expect(data.bookings).toEqual([expect.objectContaining({ id: booking.id, applicant: expect.objectContaining({ name: NAME, phone: PHONE, idNumber: ID_NUMBER }) })])
    expect(data.homeVisits).toEqual([expect.objectContaining({ id: visit.id, person: expect.objectContaining({ phone: PHONE, idNumber: ID_NUMBER }), addressText: '巴音布拉格嘎查三组' })])
    expect(data.mediationCases).toEqual([expect.objectContaining({ id: caseId, applicant: { name: NAME, phone: PHONE } })])
    expect(data.mediationCases[0]).not.toHaveProperty('internalNotes')
    expect(data.volunteer).toMatchObject({ id: RESIDENT, name: NAME, phone: PHONE, status: 'pending' })
  })
})

describe('deleteMyAccount', () => {
  const slotsBefore = new Map<string, number>()
  let pastSlot: SlotDoc
  let activityId: string
  let pastActivityId: string

  beforeAll(async () => {
    // The volunteer is approved and signs up for a full activity's last place (another waits), and
    // has served at a past activity; a booking of theirs was served at the counter last week.
    expectOk(await call(OFFICER, 'volunteers', 'decide', { openid: RESIDENT, decision: 'approve' }))
    const upcoming = buildActivity({ capacity: 1, teamIds: ['team-herder-police'] })
    const past = buildActivity({ startsInMinutes: -7 * 24 * 60 })
    activityId = upcoming._id
    pastActivityId = past._id
    const pastEntry = { openid: RESIDENT, teamId: 'team-herder-police', at: dayjs().subtract(8, 'day').toDate(), waited: false }
    await cloud.emulator.seed({
      volunteer_activities: [upcoming, { ...past, entries: [pastEntry], count: 1, reminded: [RESIDENT] }],
      volunteer_attendance: [
        { _id: `${past._id}__${RESIDENT}`, activityId: past._id, openid: RESIDENT, teamId: 'team-herder-police', kind: past.kind, title: past.title, startsAt: past.startsAt, year: 2026, month: '2026-11', method: 'code', checkedInAt: past.startsAt, checkedOutAt: past.endsAt, minutes: 120, points: 2, corrections: [], updatedAt: past.endsAt },
      ],
    })
    expectOk(await call(RESIDENT, 'volunteers', 'signUp', { activityId }))
    await seedServedBooking()
    for (const slot of await storedAll('booking_slots', { _id: booking.slot.id })) slotsBefore.set(slot._id as string, slot.remaining as number)
    await cloud.emulator.seed({ users: [{ _id: WAITING, roles: ['resident', 'volunteer'], displayName: null, language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId: null, createdAt: new Date(), updatedAt: new Date() }] })
    await cloud.emulator.seed({ volunteers: [{ _id: WAITING, name: 'W', phone: protect('phone', '13900000077'), skills: [], availability: ['weekend'], communityId: 'gacha-ulaanhad', teamId: 'team-herder-police', status: 'active', reason: null, appliedAt: new Date(), decidedAt: new Date(), decidedBy: OFFICER, leaderboardOptOut: false, holds: [] }] })
    expectOk(await call(WAITING, 'volunteers', 'signUp', { activityId }))
    expectOk(await call(RESIDENT, 'notices', 'joinGroup', { groupId: 'topic-herders' }))
  })

  async function seedServedBooking() {
    const counter = roundTheClockCounter('counter-24h')
    const at = dayjs().subtract(7, 'day')
    // The day's first slot, whatever the hour now (generated as seen the day before: late in the evening none is left after `at`).
    const [generated] = (await import('../../src/core/booking/slots')).generateSlots(counter, at, 1, at.subtract(1, 'day'))
    pastSlot = { ...slotRecord(generated, at.toDate()), remaining: counter.capacity - 1 } as SlotDoc
    const served = bookingRecord({
      id: SERVED_ID,
      openid: RESIDENT,
      requestDigest: 'seeded',
      seat: `void:${SERVED_ID}`,
      code: '424242',
      slot: pastSlot,
      service: demoServices().find((s) => s.id === 'id-card-renewal')!,
      counter,
      applicant: { relation: 'self', name: NAME, phone: protect('phone', PHONE), idNumber: protect('id-number', ID_NUMBER) },
      language: 'zh',
      now: at.toDate(),
    })
    await cloud.emulator.seed({
      booking_slots: [{ ...pastSlot, holders: [{ bookingId: served._id, openid: RESIDENT, at: at.toDate() }] }],
      bookings: [{ ...served, status: 'checked_in', checkedInAt: at.toDate(), checkedInBy: 'officer-1' }],
    })
  }

  it('needs the confirmation, and refuses staff accounts, writing nothing', async () => {
    cloud.resetWrites()
    expectError(await call(RESIDENT, 'account', 'deleteMyAccount', {}), 'INVALID_ARGUMENT')
    expectError(await call(RESIDENT, 'account', 'deleteMyAccount', { confirm: 'yes' }), 'INVALID_ARGUMENT')
    expectError(await call(OFFICER, 'account', 'deleteMyAccount', { confirm: 'delete-my-account' }), 'FAILED_PRECONDITION')
    expectNothingHappened(cloud)
  })

  it('anonymises what the station keeps, removes the rest, and gives places back', async () => {
    const report = expectOk(await call<DeletionReport>(RESIDENT, 'account', 'deleteMyAccount', { confirm: 'delete-my-account' }))
    expect(report).toEqual({
      removed: { bookings: 1, homeVisits: 1, volunteerSignUps: 1, volunteerProfile: 1, noticeSubscription: 1, rateCounters: 3, user: 1 },
      anonymised: { bookings: 1, mediationCases: 1, volunteerSignUps: 1, volunteerAttendance: 1 },
    })
    // The open booking was cancelled through the cancel path: its place is free again.
    const [slot] = await storedAll('booking_slots', { _id: booking.slot.id })
    expect(slot.remaining).toBe(slotsBefore.get(booking.slot.id)! + 1)
    await expectCapacityInvariant({ _id: booking.slot.id })
    // The waiting volunteer moved up into the freed place.
    const [activity] = await storedAll('volunteer_activities', { _id: activityId })
    expect(activity.entries).toEqual([expect.objectContaining({ openid: WAITING })])
    // Kept records: the served booking, its past place, the dispute and the hours, under a pseudonym.
    const [served] = await storedAll('bookings', { _id: SERVED_ID })
    expect(served).toMatchObject({ status: 'checked_in', openid: expect.stringMatching(/^erased_/), applicant: { relation: 'self', name: '', phone: null, idNumber: null } })
    const [past] = await storedAll('booking_slots', { _id: pastSlot._id })
    expect(past).toMatchObject({ remaining: pastSlot.remaining, holders: [{ bookingId: served._id, openid: served.openid }] })
    const [filed] = await storedAll('mediation_cases', { _id: caseId })
    expect(filed).toMatchObject({ applicantOpenid: served.openid, applicant: { name: '', phone: null }, description: '邻居的牛群进了我家草场。' })
    const hours = await storedAll('volunteer_attendance', { activityId: pastActivityId })
    expect(hours).toEqual([expect.objectContaining({ openid: served.openid, minutes: 120, _id: `${pastActivityId}__${served.openid}` })])
  })

  it('leaves nothing stored that names the resident: no name, phone, ID number, their hashes, nor the openid outside the audit log', async () => {
    const personal = [NAME, PHONE, ID_NUMBER, lookupHash('phone', PHONE), lookupHash('id-number', ID_NUMBER), protect('phone', PHONE).masked]
    const remaining: Array<{ collection: string; id: unknown; found: string }> = []
    const auditNamingThem: Array<Record<string, unknown>> = []
    let documents = 0
    for (const { name } of database.collections) {
      for (const doc of await storedAll(name)) {
        documents++
        const text = JSON.stringify(doc)
        for (const secret of personal) if (text.includes(secret)) remaining.push({ collection: name, id: doc._id, found: secret })
        if (!text.includes(RESIDENT)) continue
        if (name === 'audit_log') auditNamingThem.push(doc)
        else remaining.push({ collection: name, id: doc._id, found: 'openid' })
      }
    }
    expect(documents).toBeGreaterThan(50)
    expect(remaining).toEqual([])
    // On disk too: the data files (journal, outbox, storage) hold none of the numbers in clear.
    expectNoPlaintextPersonalData(cloud)
    // The log of staff reading their volunteer record keeps the record id (the openid) until its
    // retention ends: a log the law requires (Cybersecurity Law art. 21), holding nothing else of them.
    expect(auditNamingThem).toEqual([expect.objectContaining({ actorOpenid: OFFICER, collection: 'volunteers', recordId: RESIDENT, action: 'reveal:phone' })])
    // And the resident's own view of the station is that of a stranger: no bookings, no cases.
    expect(expectOk(await call<{ bookings: unknown[] }>(RESIDENT, 'booking', 'myBookings')).bookings).toEqual([])
    expect(expectOk(await call<unknown[]>(RESIDENT, 'mediation', 'myCases'))).toEqual([])
  })

  it('is logged under the pseudonym, with the number of records handled', async () => {
    const [entry] = await cloud.stored('audit_log', { action: 'deleteMyAccount' })
    expect(entry).toMatchObject({ actorOpenid: expect.stringMatching(/^erased_/), collection: 'users', count: 12 })
  })
})
