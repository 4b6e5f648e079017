// The seeded world of the authorization suites and the one table of valid inputs per action.
//
// World: the demo station (several communities), a round-the-clock counter, and four callers
// whose roles the suites set: resident A (lives in community X, owns a booking, a door-to-door
// request, mediation cases, a consultation and a volunteer application), resident B (another
// community; both approved volunteers), officer IN (covers X and wrote a notice to it) and officer OUT (covers only other
// communities).
//
// Inputs: `INPUTS['function.action']` builds a valid input for the action. `reaches: true` marks an
// input that names a record of A's (scope own) or of community X (scope communities): the caller
// passes only as its owner, its covering officer, or (communities) a leader or admin. An action
// without an entry fails the suites by name. A new action needs one line here, e.g.
//
//   'requests.reply': reaching((w) => ({ id: w.deskRequestId, text: '…' }), { fresh: freshRequest('accepted') }),
//
// and says what an allowed call answers: ok unless `expect` names a code and why that is right
// (never INTERNAL). An action that changes its record's state gets `fresh`: it makes the record it
// acts on, in the state it needs, just before each allowed call (the refusals use the world's), so
// the outcome does not depend on which calls ran before. A list of community records gets `lists`:
// the records of community X its covering officer must see (and another officer must not).
import { randomUUID } from 'node:crypto'
import { PRIVACY_POLICY_VERSION } from '../../src/core/account/contract'
import type { ErrorCode } from '../../src/core/envelope'
import type { Role } from '../../src/core/roles'
import { dayjs, STATION_TIME_ZONE } from '../../src/core/time'
import demoBureau from '../../scripts/demo-bureau.json'
import { demoServices } from '../../scripts/demo-services'
import { expectOk, type TestCloud } from '../support/cloud'
import { slotIdAfter, startBookingCloud } from './booking-support'

export const COMMUNITY_X = 'gacha-bayanbulag' // officer-1's
export const OTHER_COMMUNITY = 'community-chaoge' // officer-2's

/** The first station's herders' topic group, and its chief who publishes to it. */
export const FIRST_STATION_TOPIC = 'topic-herders'
const FIRST_STATION_LEADER = 'demo-leader-1'

export const CALLERS = { A: 'authz-resident-a', B: 'authz-resident-b', IN: 'authz-officer-in', OUT: 'authz-officer-out' } as const
export type CallerKey = keyof typeof CALLERS

const PLACES: Record<CallerKey, { communityId: string | null; officerId: string | null; displayName: string }> = {
  A: { communityId: COMMUNITY_X, officerId: null, displayName: '阿拉坦其其格' },
  B: { communityId: OTHER_COMMUNITY, officerId: null, displayName: '刘淑芬' },
  IN: { communityId: null, officerId: 'officer-1', displayName: '巴特尔' },
  OUT: { communityId: null, officerId: 'officer-2', displayName: '王磊' },
}

/** Personal data of the world: no error may carry any of it. */
export const PERSONAL = {
  applicant: { relation: 'self', name: '阿拉坦其其格', phone: '13947110001', idNumber: '11010519491231002X' },
  visitPerson: { relation: 'family', name: '阿拉坦的父亲敖其尔', phone: '13947110002', idNumber: '11010519491231002X' },
  disputeApplicant: { name: '阿拉坦其其格', phone: '13947110001' },
  otherParty: { name: '孟和巴雅尔', phone: '13947110003' },
}
export const PERSONAL_STRINGS = [...new Set([...Object.values(PERSONAL).flatMap((p) => Object.entries(p).filter(([k]) => k !== 'relation').map(([, v]) => v)), ...Object.values(PLACES).map((p) => p.displayName)])]

/**
 * The leak check of the matrix and the adversarial suite: the world's personal data, and resident
 * A's openid, found in an answer that refuses or fails. No such answer may carry any of it.
 */
export function personalDataIn(answer: unknown): string[] {
  const said = JSON.stringify(answer)
  return [...PERSONAL_STRINGS, CALLERS.A].filter((secret) => said.includes(secret))
}

/** Sets each caller's roles (one list for all four, or one per caller) and restores their places. */
export async function setRoles(cloud: TestCloud, roles: Role[] | Record<CallerKey, Role[]>) {
  const at = new Date('2026-11-01T00:00:00Z')
  await cloud.emulator.seed({
    users: (Object.keys(CALLERS) as CallerKey[]).map((key) => ({
      _id: CALLERS[key],
      roles: Array.isArray(roles) ? roles : roles[key],
      displayName: PLACES[key].displayName,
      language: 'zh',
      elderMode: false,
      privacyAcceptedVersion: null,
      privacyAcceptedAt: null,
      communityId: PLACES[key].communityId,
      communityBinding: PLACES[key].communityId ? { via: 'list', at, located: null } : null,
      officerId: PLACES[key].officerId,
      createdAt: at,
      updatedAt: at,
    })),
  })
}

export interface World {
  /** Whose volunteer application `volunteers.decide` decides. */
  applicant: string
  bookingId: string
  bookingCode: string
  visitId: string
  caseId: string
  caseToWithdraw: string
  /** A's request at the requests desk (routed to IN's officer-1), and one to withdraw. */
  deskRequestId: string
  deskRequestToWithdraw: string
  noticeId: string
  noticeToWithdraw: string
  /** The first station's leader's notice to its herders' topic group (topic-herders). */
  topicNoticeId: string
}

const notice = () => ({
  category: 'anti_fraud',
  urgency: 'normal',
  title: { zh: '警惕冒充客服退款诈骗' },
  body: { zh: '凡是自称客服要求转账退款的，都是诈骗。' },
  targets: [COMMUNITY_X],
  validUntil: dayjs().add(7, 'day').toISOString(),
  requestId: randomUUID(),
})

const filing = () => ({
  requestId: randomUUID(),
  type: 'neighbour',
  description: '邻居家的羊群连续几天进我家草场吃草，协商赔偿没有结果。',
  applicant: PERSONAL.disputeApplicant,
  otherParty: PERSONAL.otherParty,
  communityId: COMMUNITY_X,
  dangerNow: false,
})

/** The demo station plus A's records, made through the functions as the app makes them. */
export async function startAuthorizationWorld(): Promise<{ cloud: TestCloud; world: World }> {
  const cloud = await startBookingCloud()
  await setRoles(cloud, { A: ['resident'], B: ['resident'], IN: ['officer'], OUT: ['officer'] })
  const { A, B, IN } = CALLERS
  const booking = expectOk(await cloud.call<{ id: string; code: string }>(A, 'booking', { action: 'book', slotId: slotIdAfter('counter-24h', 48 * 60), serviceId: 'id-card-renewal', applicant: PERSONAL.applicant, requestId: randomUUID() }))
  const visit = expectOk(
    await cloud.call<{ id: string }>(A, 'booking', { action: 'requestHomeVisit', requestId: randomUUID(), serviceId: 'id-card-renewal', person: PERSONAL.visitPerson, reason: 'age', communityId: COMMUNITY_X, addressText: '巴音布拉格嘎查三组' }),
  )
  const times = [{ startsAt: dayjs().add(3, 'day').toISOString(), endsAt: dayjs().add(3, 'day').add(1, 'hour').toISOString() }]
  expectOk(await cloud.call(IN, 'booking', { action: 'proposeHomeVisitTimes', visitId: visit.id, times, requestId: randomUUID() }))
  const dispute = expectOk(await cloud.call<{ id: string }>(A, 'mediation', { action: 'fileDispute', ...filing() }))
  const toWithdraw = expectOk(await cloud.call<{ id: string }>(A, 'mediation', { action: 'fileDispute', ...filing() }))
  const desk = expectOk(await cloud.call<{ id: string }>(A, 'requests', deskRequest()))
  const deskToWithdraw = expectOk(await cloud.call<{ id: string }>(A, 'requests', deskRequest()))
  const published = expectOk(await cloud.call<{ id: string }>(IN, 'notices', { action: 'publish', ...notice() }))
  const toWithdrawNotice = expectOk(await cloud.call<{ id: string }>(IN, 'notices', { action: 'publish', ...notice() }))
  const topicNotice = expectOk(await cloud.call<{ id: string }>(FIRST_STATION_LEADER, 'notices', { action: 'publish', ...notice(), targets: [FIRST_STATION_TOPIC] }))
  // Both residents are approved volunteers: signing up asks for an active volunteer profile besides the role.
  for (const openid of [A, B]) {
    expectOk(await cloud.call(openid, 'volunteers', { action: 'apply', name: PERSONAL.applicant.name, phone: PERSONAL.applicant.phone, skills: ['mongolian'], availability: ['weekend'], communityId: COMMUNITY_X, teamId: 'team-herder-police' }))
    expectOk(await cloud.call(IN, 'volunteers', { action: 'decide', openid, decision: 'approve' }))
  }
  cloud.resetWrites()
  return {
    cloud,
    world: { applicant: A, bookingId: booking.id, bookingCode: booking.code, visitId: visit.id, caseId: dispute.id, caseToWithdraw: toWithdraw.id, deskRequestId: desk.id, deskRequestToWithdraw: deskToWithdraw.id, noticeId: published.id, noticeToWithdraw: toWithdrawNotice.id, topicNoticeId: topicNotice.id },
  }
}

/**
 * What an allowed call answers: ok, or a named code with the reason it is the right answer. Never
 * INTERNAL (a failure) nor PERMISSION_DENIED (that is a refusal, decided by roles and scope).
 */
export type Expected = 'ok' | { code: Exclude<ErrorCode, 'INTERNAL' | 'PERMISSION_DENIED'>; because: string }
const answers = (code: Exclude<ErrorCode, 'INTERNAL' | 'PERMISSION_DENIED'>, because: string): Expected => ({ code, because })

type Fresh = (cloud: TestCloud, w: World) => Promise<Partial<World>>

export interface InputFactory {
  input: (w: World) => Record<string, unknown>
  /** The input names a record of A's (scope own) or of community X (scope communities). */
  reaches?: true
  /** Calls as this identity instead: for an action that would end the world for the others (deleting one's account). */
  caller?: string
  /** What an allowed call answers; ok when not given. */
  expect?: Expected
  /** Makes the records an allowed call acts on, in the state it needs, just before it. */
  fresh?: Fresh
  /** A list of community records: the ids of community X's records its covering officer sees. */
  lists?: (w: World) => string[]
  /**
   * The input a second station's staff sends to act on the first station's part of the world
   * when it is not `input` (a station-scope action on the first station's own section).
   */
  crossStation?: (w: World) => Record<string, unknown>
}

type Options = Pick<InputFactory, 'expect' | 'fresh' | 'lists' | 'crossStation'>
const plain = (input: (w: World) => Record<string, unknown>, options: Options = {}): InputFactory => ({ input, ...options })
const reaching = (input: (w: World) => Record<string, unknown>, options: Options = {}): InputFactory => ({ input, reaches: true, ...options })
const none = plain(() => ({}))

// Fresh records, made by A (every role may file, book and ask for its own) and by the demo officer
// who covers community X (whatever roles the suite gave the four callers at the time).
const HELPER_OFFICER = 'demo-officer-1'
let nextSlotHour = 50
/** A slot nobody in the world booked yet: each call takes the next hour. */
const unbookedSlot = () => slotIdAfter('counter-24h', nextSlotHour++ * 60)

/**
 * A resident holds at most 3 upcoming bookings: before each allowed booking call, A and B cancel
 * what earlier calls booked (the world's booking stays, for the refusals).
 */
const roomToBook: Fresh = async (cloud, w) => {
  for (const openid of [CALLERS.A, CALLERS.B]) {
    const { bookings } = expectOk(await cloud.call<{ bookings: Array<{ id: string; status: string }> }>(openid, 'booking', { action: 'myBookings' }))
    for (const b of bookings.filter((b) => b.status === 'booked' && b.id !== w.bookingId)) expectOk(await cloud.call(openid, 'booking', { action: 'cancel', bookingId: b.id }))
  }
  return {}
}

const freshBooking: Fresh = async (cloud, w) => {
  await roomToBook(cloud, w)
  const booked = expectOk(await cloud.call<{ id: string; code: string }>(CALLERS.A, 'booking', { action: 'book', slotId: unbookedSlot(), serviceId: 'id-card-renewal', applicant: PERSONAL.applicant, requestId: randomUUID() }))
  return { bookingId: booked.id, bookingCode: booked.code }
}

/** A door-to-door request of A's in community X: just requested, with times proposed, or scheduled (a time accepted). */
const freshVisit = (state: 'requested' | 'proposed' | 'scheduled'): Fresh => async (cloud) => {
  const visit = expectOk(
    await cloud.call<{ id: string }>(CALLERS.A, 'booking', { action: 'requestHomeVisit', requestId: randomUUID(), serviceId: 'id-card-renewal', person: PERSONAL.visitPerson, reason: 'age', communityId: COMMUNITY_X, addressText: '巴音布拉格嘎查三组' }),
  )
  const times = [{ startsAt: dayjs().add(3, 'day').toISOString(), endsAt: dayjs().add(3, 'day').add(1, 'hour').toISOString() }]
  if (state !== 'requested') expectOk(await cloud.call(HELPER_OFFICER, 'booking', { action: 'proposeHomeVisitTimes', visitId: visit.id, times, requestId: randomUUID() }))
  if (state === 'scheduled') expectOk(await cloud.call(CALLERS.A, 'booking', { action: 'acceptHomeVisitTime', visitId: visit.id, proposalId: 'p1' }))
  return { visitId: visit.id }
}

const CASE_STEPS = ['filed', 'accepted', 'scheduled', 'held', 'settled', 'closed'] as const
/** A case of A's in community X, taken by the covering officer up to `state`. */
const freshCase = (state: (typeof CASE_STEPS)[number]): Fresh => async (cloud) => {
  const { id } = expectOk(await cloud.call<{ id: string }>(CALLERS.A, 'mediation', { action: 'fileDispute', ...filing() }))
  const steps: Array<Record<string, unknown>> = [
    { action: 'acceptCase' },
    { action: 'scheduleSession', at: dayjs().add(1, 'day').toISOString(), place: 'station', participants: ['双方当事人'], requestId: randomUUID() },
    { action: 'holdSession', sessionId: 's1', notes: '双方到场' },
    { action: 'recordAgreement', text: '双方同意按草场边界围栏。' },
    { action: 'closeCase' },
  ]
  for (const step of steps.slice(0, CASE_STEPS.indexOf(state))) expectOk(await cloud.call(HELPER_OFFICER, 'mediation', { caseId: id, ...step }))
  return { caseId: id, caseToWithdraw: id }
}

/** A consultation of A's to the officer of community X. */
const deskRequest = () => ({ action: 'submit', requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '户口迁移需要什么材料？', contact: PERSONAL.disputeApplicant })

const REQUEST_STEPS = ['submitted', 'accepted', 'with_partner', 'partner_answered', 'answered', 'closed'] as const
/** A request of A's in community X, taken by its covering officer up to `state`. */
const freshRequest = (state: (typeof REQUEST_STEPS)[number]): Fresh => async (cloud) => {
  const { id } = expectOk(await cloud.call<{ id: string }>(CALLERS.A, 'requests', deskRequest()))
  const steps: Array<[string, string, Record<string, unknown>]> = [
    [HELPER_OFFICER, 'accept', {}],
    [HELPER_OFFICER, 'handOff', { partner: 'judicial_office', note: '转司法所' }],
    [HELPER_OFFICER, 'recordPartnerAnswer', { text: '司法所已答复。' }],
    [HELPER_OFFICER, 'reply', { text: '请带户口本到派出所办理。' }],
    [CALLERS.A, 'confirm', { resolved: true }],
  ]
  for (const [who, action, input] of steps.slice(0, REQUEST_STEPS.indexOf(state))) expectOk(await cloud.call(who, 'requests', { action, id, ...input }))
  return { deskRequestId: id, deskRequestToWithdraw: id }
}

let applicants = 0
const freshApplicant: Fresh = async (cloud) => {
  const applicant = `authz-applicant-${++applicants}`
  expectOk(await cloud.call(applicant, 'volunteers', { action: 'apply', name: PERSONAL.otherParty.name, phone: PERSONAL.otherParty.phone, skills: [], availability: ['weekend'], communityId: COMMUNITY_X, teamId: 'team-herder-police' }))
  return { applicant }
}

/** A 1×1 PNG: the smallest picture content security accepts. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const inDays = (days: number) => dayjs().add(days, 'day')
const localDate = (days: number) => inDays(days).tz(STATION_TIME_ZONE).format('YYYY-MM-DD')
const CHAT = { cloudID: 'cloud-id-of-the-chat', data: { opengid: 'opengid-authz-0001' } }
const ACTIVITY = 'act-demo-patrol'
const STATEMENT = { title: { zh: '更正：警惕冒充客服退款诈骗' }, body: { zh: '凡是自称客服要求转账退款的，都是诈骗，请拨打96110。' } }

/**
 * Invites to a bureau role (account.createInvite): who may grant one to whom. Only the bureau admin
 * grants a bureau role, and only to the bureau's own staff (officer records listed under the
 * bureau, `bureau-chief` and `bureau-duty-1` in the demo); a refused invite writes nothing.
 */
export const BUREAU_ROLE_INVITES: ReadonlyArray<{ label: string; inviter: { roles: Role[]; officerId: string | null }; officerId: string; roles: Role[]; expect: 'ok' | ErrorCode }> = [
  { label: 'the first station’s admin invites the bureau’s chief as bureau leader', inviter: { roles: ['resident', 'admin'], officerId: null }, officerId: 'bureau-chief', roles: ['officer', 'bureau_leader'], expect: 'PERMISSION_DENIED' },
  { label: 'the first station’s admin makes one of its own officers bureau admin', inviter: { roles: ['resident', 'admin'], officerId: null }, officerId: 'officer-3', roles: ['officer', 'bureau_admin'], expect: 'PERMISSION_DENIED' },
  { label: 'the second station’s admin invites its own officer as bureau leader', inviter: { roles: ['resident', 'officer', 'admin'], officerId: 'officer-bb-chief' }, officerId: 'officer-bb-2', roles: ['bureau_leader'], expect: 'PERMISSION_DENIED' },
  { label: 'the bureau leader, also a station admin, invites the duty desk as bureau admin', inviter: { roles: ['resident', 'officer', 'admin', 'bureau_leader'], officerId: 'bureau-chief' }, officerId: 'bureau-duty-1', roles: ['officer', 'bureau_admin'], expect: 'PERMISSION_DENIED' },
  { label: 'the bureau admin makes a station’s officer bureau leader (not bureau staff)', inviter: { roles: ['resident', 'bureau_admin'], officerId: null }, officerId: 'officer-3', roles: ['officer', 'bureau_leader'], expect: 'FAILED_PRECONDITION' },
  { label: 'the bureau admin invites the bureau’s chief as bureau leader', inviter: { roles: ['resident', 'bureau_admin'], officerId: null }, officerId: 'bureau-chief', roles: ['officer', 'bureau_leader'], expect: 'ok' },
  { label: 'the bureau admin invites the duty desk as bureau admin', inviter: { roles: ['resident', 'bureau_admin'], officerId: null }, officerId: 'bureau-duty-1', roles: ['officer', 'bureau_admin'], expect: 'ok' },
]

export const INPUTS: Record<string, InputFactory> = {
  'account.me': none,
  'account.updatePreferences': plain(() => ({ elderMode: false })),
  'account.acceptPrivacy': plain(() => ({ version: PRIVACY_POLICY_VERSION })),
  'account.redeemInvite': plain(() => ({ code: 'ABCDEFGH' }), { expect: answers('NOT_FOUND', 'the world holds no invite: redeeming one is account.test.ts’s; here, that every role may try') }),
  'account.createInvite': plain(() => ({ officerId: 'officer-3', roles: ['officer'], requestId: randomUUID() })),
  'account.listOfficers': none,
  'account.exportMyData': none,
  'account.deleteMyAccount': { input: () => ({ confirm: 'delete-my-account' }), caller: 'authz-leaver' },
  // Every entry the caller may see: a second station's staff must find none of the first station's records.
  'account.searchAudit': plain(() => ({})),

  'booking.listServices': none,
  'booking.listCounters': none,
  'booking.listSlots': plain(() => ({ counterId: 'counter-24h', days: 1 })),
  'booking.book': plain(() => ({ slotId: unbookedSlot(), serviceId: 'id-card-renewal', applicant: PERSONAL.applicant, requestId: randomUUID() }), { fresh: roomToBook }),
  'booking.revealBookingContact': plain((w) => ({ bookingId: w.bookingId })),
  'booking.revealHomeVisitContact': reaching((w) => ({ visitId: w.visitId })),
  'booking.findBookings': plain(() => ({ phone: PERSONAL.applicant.phone })),
  'booking.cancel': reaching((w) => ({ bookingId: w.bookingId }), { fresh: freshBooking }),
  'booking.reschedule': reaching((w) => ({ bookingId: w.bookingId, slotId: unbookedSlot() }), { fresh: freshBooking }),
  'booking.myBookings': none,
  'booking.myBookingStatus': none,
  'booking.checkIn': plain((w) => ({ code: w.bookingCode, counterId: 'counter-24h' }), { expect: answers('NOT_FOUND', 'the booking is two days ahead: the counter finds no booking today with its code') }),
  'booking.counterQueue': plain(() => ({ counterId: 'counter-24h' })),
  'booking.dayBookings': plain(() => ({ counterId: 'counter-24h', date: localDate(2) })),
  'booking.closeCounterDay': plain(() => ({ counterId: 'counter-24h', date: localDate(40), reason: '系统维护' })),
  'booking.upsertService': plain(() => ({ service: demoServices()[0] })),
  'booking.requestHomeVisit': plain(() => ({ requestId: randomUUID(), serviceId: 'id-card-renewal', person: PERSONAL.visitPerson, reason: 'age', communityId: COMMUNITY_X, addressText: '巴音布拉格嘎查三组' })),
  'booking.myHomeVisits': none,
  'booking.acceptHomeVisitTime': reaching((w) => ({ visitId: w.visitId, proposalId: 'p1' }), { fresh: freshVisit('proposed') }),
  'booking.pendingHomeVisits': plain(() => ({}), { lists: (w) => [w.visitId] }),
  'booking.proposeHomeVisitTimes': reaching((w) => ({ visitId: w.visitId, times: [{ startsAt: inDays(4).toISOString(), endsAt: inDays(4).add(1, 'hour').toISOString() }], requestId: randomUUID() }), { fresh: freshVisit('requested') }),
  'booking.recordHomeVisitDone': reaching((w) => ({ visitId: w.visitId, outcome: 'completed', note: '已办结' }), { fresh: freshVisit('scheduled') }),

  'jurisdiction.listStations': none,
  'jurisdiction.listCommunities': none,
  'jurisdiction.myCommunity': none,
  'jurisdiction.bindCommunity': plain(() => ({ communityId: COMMUNITY_X, via: 'list' })),
  'jurisdiction.bindCommunityByLocation': plain(() => ({ lng: 106.3, lat: 41.62 })), // inside community X
  'jurisdiction.coveredCommunities': plain(() => ({}), { lists: () => [COMMUNITY_X] }),
  'jurisdiction.importJurisdiction': plain(() => ({ document: { version: 'not a jurisdiction' }, requestId: randomUUID() }), {
    expect: answers('INVALID_ARGUMENT', 'the document is no jurisdiction (importing one is jurisdiction.test.ts’s): here, that admins may try and the check comes after the role'),
    // The first station's own document, as its admin would import it: the second station's admin may not.
    crossStation: () => ({ document: { version: 1, ...structuredClone(demoBureau.stations[0]) }, requestId: randomUUID() }),
  }),
  'jurisdiction.exportJurisdiction': none,
  'jurisdiction.listJurisdictionVersions': none,
  'jurisdiction.rollbackJurisdiction': plain(() => ({ version: 1 }), { expect: answers('FAILED_PRECONDITION', 'version 1 is the current one: the world never imported another') }),

  'mediation.fileDispute': plain(() => filing()),
  'mediation.myCases': none,
  'mediation.withdrawCase': reaching((w) => ({ caseId: w.caseToWithdraw }), { fresh: freshCase('filed') }),
  'mediation.rateCase': reaching((w) => ({ caseId: w.caseId, rating: 5 }), { fresh: freshCase('closed') }),
  'mediation.inbox': plain(() => ({ scope: 'mine' }), { lists: (w) => [w.caseId] }),
  'mediation.caseDetail': reaching((w) => ({ caseId: w.caseId })),
  'mediation.revealContact': reaching((w) => ({ caseId: w.caseId, party: 'applicant' })),
  'mediation.acceptCase': reaching((w) => ({ caseId: w.caseId }), { fresh: freshCase('filed') }),
  'mediation.scheduleSession': reaching((w) => ({ caseId: w.caseId, at: inDays(2).toISOString(), place: 'station', participants: ['双方当事人'], requestId: randomUUID() }), { fresh: freshCase('accepted') }),
  'mediation.holdSession': reaching((w) => ({ caseId: w.caseId, sessionId: 's1', notes: '双方到场' }), { fresh: freshCase('scheduled') }),
  'mediation.recordAgreement': reaching((w) => ({ caseId: w.caseId, text: '双方同意按草场边界围栏。' }), { fresh: freshCase('held') }),
  'mediation.recordNotSettled': reaching((w) => ({ caseId: w.caseId, reason: '双方意见分歧较大。' }), { fresh: freshCase('held') }),
  'mediation.closeCase': reaching((w) => ({ caseId: w.caseId }), { fresh: freshCase('settled') }),
  'mediation.addInternalNote': reaching((w) => ({ caseId: w.caseId, text: '需要再次走访。', requestId: randomUUID() })),
  'mediation.highRiskAlerts': none,
  'mediation.acknowledgeAlert': plain((w) => ({ caseId: w.caseId })),
  'mediation.rectifications': none,
  'mediation.completeRectification': plain(() => ({ taskId: 'task-none', callbackNote: '已电话回访。', fixNote: '已整改。' }), { expect: answers('NOT_FOUND', 'the world holds no rectification task (one follows a dissatisfied rating; mediation-jobs.test.ts completes one)') }),
  'mediation.statistics': plain(() => ({ from: inDays(-30).toISOString(), to: inDays(1).toISOString() })),

  'requests.submit': plain(() => ({ requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '身份证丢了怎么办？' })),
  'requests.mine': none,
  'requests.get': reaching((w) => ({ id: w.deskRequestId })),
  'requests.follow': plain(() => ({ items: [{ id: 'rq_none', followSecret: 'x'.repeat(43) }] })),
  'requests.withdraw': reaching((w) => ({ id: w.deskRequestToWithdraw }), { fresh: freshRequest('submitted') }),
  'requests.confirm': reaching((w) => ({ id: w.deskRequestId, resolved: true }), { fresh: freshRequest('answered') }),
  'requests.rate': reaching((w) => ({ id: w.deskRequestId, rating: 5 }), { fresh: freshRequest('closed') }),
  'requests.inbox': none,
  'requests.detail': reaching((w) => ({ id: w.deskRequestId })),
  'requests.accept': reaching((w) => ({ id: w.deskRequestId }), { fresh: freshRequest('submitted') }),
  // The second request: a transfer takes it out of IN's reach, which the steps after it still need on the first.
  'requests.transfer': reaching((w) => ({ id: w.deskRequestToWithdraw, officerId: 'officer-3', note: '辖区调整' }), { fresh: freshRequest('submitted') }),
  'requests.handOff': reaching((w) => ({ id: w.deskRequestId, partner: 'judicial_office', note: '转司法所' }), { fresh: freshRequest('accepted') }),
  'requests.recordPartnerAnswer': reaching((w) => ({ id: w.deskRequestId, text: '司法所已答复。' }), { fresh: freshRequest('with_partner') }),
  'requests.reply': reaching((w) => ({ id: w.deskRequestId, text: '请带户口本到派出所办理。' }), { fresh: freshRequest('accepted') }),
  'requests.revealContact': reaching((w) => ({ id: w.deskRequestId })),
  'requests.stationView': none,
  'requests.rectifications': none,
  'requests.completeRectification': plain(() => ({ taskId: 'task-none', callbackNote: '已电话回访。', fixNote: '已整改。' }), { expect: answers('NOT_FOUND', 'the world holds no rectification task (one follows a rating of 1–2; requests.test.ts completes one)') }),

  'notices.groups': none,
  'notices.joinGroup': plain(() => ({ groupId: 'topic-herders' })),
  'notices.leaveGroup': plain(() => ({ groupId: 'topic-herders' })),
  'notices.grantAlerts': plain(() => ({ accepted: 1, requestId: randomUUID() })),
  'notices.linkChat': reaching(() => ({ groupId: COMMUNITY_X, chat: CHAT })),
  'notices.feed': none,
  'notices.read': reaching((w) => ({ noticeId: w.noticeId })),
  'notices.uploadImage': plain(() => ({ base64: PNG_BASE64, requestId: randomUUID() })),
  'notices.publish': reaching(() => notice()),
  'notices.correct': reaching((w) => ({ noticeId: w.noticeId, ...STATEMENT, validUntil: inDays(6).toISOString() })),
  'notices.withdraw': reaching((w) => ({ noticeId: w.noticeToWithdraw })),
  'notices.myNotices': plain(() => ({}), { lists: (w) => [w.noticeId] }),
  'notices.reach': reaching((w) => ({ noticeId: w.noticeId })),
  'notices.heldNotices': none,
  'notices.reviewHeld': plain((w) => ({ noticeId: w.noticeId, decision: 'reject' }), { expect: answers('FAILED_PRECONDITION', 'the world’s notice passed content security and was published, not held for review') }),

  'volunteers.teams': none,
  'volunteers.myVolunteer': none,
  'volunteers.apply': plain(() => ({ name: PERSONAL.applicant.name, phone: PERSONAL.applicant.phone, skills: [], availability: ['weekend'], communityId: COMMUNITY_X, teamId: 'team-herder-police' }), {
    expect: answers('CONFLICT', 'A and B applied when the world was made (signing up needs it): applying again is refused'),
  }),
  'volunteers.applications': plain(() => ({ status: 'pending' })),
  'volunteers.decide': plain((w) => ({ openid: w.applicant, decision: 'decline', reason: '名额已满' }), { fresh: freshApplicant }),
  'volunteers.suspend': plain(() => ({ openid: CALLERS.A, reason: '多次缺席' })),
  'volunteers.createActivity': plain(() => ({
    kind: 'patrol',
    title: { zh: '嘎查夜间巡逻' },
    description: { zh: '沿主街巡逻。' },
    place: { label: { zh: '镇政府广场' }, communityId: COMMUNITY_X },
    startsAt: inDays(5).toISOString(),
    endsAt: inDays(5).add(2, 'hour').toISOString(),
    deadline: inDays(4).toISOString(),
    capacity: 5,
    skills: [],
    teamIds: ['team-herder-police'],
    requestId: randomUUID(),
  })),
  'volunteers.updateActivity': plain(() => ({ activityId: ACTIVITY, capacity: 8 })),
  'volunteers.cancelActivity': plain(() => ({ activityId: 'act-demo-antifraud', reason: '天气原因' })),
  'volunteers.listActivities': none,
  'volunteers.activity': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.roster': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.signUp': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.cancelSignUp': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.checkIn': plain(() => ({ activityId: ACTIVITY, proof: { method: 'code', code: '123456' } }), { expect: answers('FAILED_PRECONDITION', 'the caller holds no place at the demo patrol, days ahead (signing up and checking in are volunteers.test.ts’s)') }),
  'volunteers.checkOut': plain(() => ({ activityId: ACTIVITY }), { expect: answers('FAILED_PRECONDITION', 'nobody checked in to the demo patrol') }),
  'volunteers.myRecord': none,
  'volunteers.leaderboard': none,
  'volunteers.setLeaderboardOptOut': plain(() => ({ optOut: true })),
  'volunteers.correctHours': plain(() => ({ activityId: ACTIVITY, openid: CALLERS.A, minutes: 60, reason: '补记' }), { expect: answers('NOT_FOUND', 'A has neither a place nor hours at the demo patrol when staff correct them') }),
  'volunteers.revealContact': plain(() => ({ openid: CALLERS.A })),
  'volunteers.teamMonth': plain(() => ({ month: localDate(0).slice(0, 7) })),

  'security.mediaChecks': none,

  'stats.dashboard': reaching(() => ({ period: { from: localDate(-6), to: localDate(0) }, scope: { kind: 'community', id: COMMUNITY_X } })),
}

/** The input table's entry for an action, or a failure that names the action to add. */
export function inputFor(key: string): InputFactory {
  const factory = INPUTS[key]
  if (!factory) throw new Error(`No input factory for ${key}: add one to INPUTS in test/integration/authorization-support.ts`)
  return factory
}

/**
 * Cross-station calls on the first station's topic groups (docs/bureau.md › Notice topic
 * groups), beyond the record actions above: the second station's staff publishing to, linking a
 * chat to, or joining the first station's group, publishing to a bureau-wide group (bureau roles
 * only), and managing or measuring the first station's topic notice. Topic groups have no
 * management actions of their own (they are a fixed list of topics per place).
 */
export const CROSS_STATION_TOPIC_INPUTS: ReadonlyArray<readonly [label: string, action: string, input: (w: World) => Record<string, unknown>]> = [
  ['publish to the first station’s topic group', 'publish', () => ({ ...notice(), targets: [FIRST_STATION_TOPIC] })],
  ['publish to a bureau-wide topic group', 'publish', () => ({ ...notice(), targets: ['topic-anti-fraud'] })],
  ['link a chat to the first station’s topic group', 'linkChat', () => ({ groupId: FIRST_STATION_TOPIC, chat: { cloudID: 'cloud-id-of-a-topic-chat', data: { opengid: 'opengid-authz-topic' } } })],
  ['join the first station’s topic group', 'joinGroup', () => ({ groupId: FIRST_STATION_TOPIC })],
  ['see the reach of the first station’s topic notice', 'reach', (w) => ({ noticeId: w.topicNoticeId })],
  ['correct the first station’s topic notice', 'correct', (w) => ({ noticeId: w.topicNoticeId, ...STATEMENT, validUntil: inDays(6).toISOString() })],
  ['withdraw the first station’s topic notice', 'withdraw', (w) => ({ noticeId: w.topicNoticeId })],
]
