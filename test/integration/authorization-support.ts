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
// without an entry fails the suites by name. A new action needs one line here.
import { randomUUID } from 'node:crypto'
import { PRIVACY_POLICY_VERSION } from '../../src/core/account/contract'
import type { Role } from '../../src/core/roles'
import { dayjs, STATION_TIME_ZONE } from '../../src/core/time'
import { demoServices } from '../../scripts/demo-services'
import { expectOk, type TestCloud } from '../support/cloud'
import { slotIdAfter, startBookingCloud } from './booking-support'

export const COMMUNITY_X = 'gacha-bayanbulag' // officer-1's
export const OTHER_COMMUNITY = 'community-chaoge' // officer-2's

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
  bookingId: string
  bookingCode: string
  visitId: string
  caseId: string
  caseToWithdraw: string
  requestId: string
  /** A's request at the requests desk (routed to IN's officer-1), and one to withdraw. */
  deskRequestId: string
  deskRequestToWithdraw: string
  noticeId: string
  noticeToWithdraw: string
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
  expectOk(await cloud.call(IN, 'booking', { action: 'proposeHomeVisitTimes', visitId: visit.id, times }))
  const dispute = expectOk(await cloud.call<{ id: string }>(A, 'mediation', { action: 'fileDispute', ...filing() }))
  const toWithdraw = expectOk(await cloud.call<{ id: string }>(A, 'mediation', { action: 'fileDispute', ...filing() }))
  const asked = expectOk(await cloud.call<{ id: string }>(A, 'jurisdiction', { action: 'askOfficer', question: '户口迁移需要什么材料？', communityId: COMMUNITY_X }))
  const deskRequest = () => ({ action: 'submit', requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '户口迁移需要什么材料？', contact: PERSONAL.disputeApplicant })
  const desk = expectOk(await cloud.call<{ id: string }>(A, 'requests', deskRequest()))
  const deskToWithdraw = expectOk(await cloud.call<{ id: string }>(A, 'requests', deskRequest()))
  const published = expectOk(await cloud.call<{ id: string }>(IN, 'notices', { action: 'publish', ...notice() }))
  const toWithdrawNotice = expectOk(await cloud.call<{ id: string }>(IN, 'notices', { action: 'publish', ...notice() }))
  // Both residents are approved volunteers: signing up asks for an active volunteer profile besides the role.
  for (const openid of [A, B]) {
    expectOk(await cloud.call(openid, 'volunteers', { action: 'apply', name: PERSONAL.applicant.name, phone: PERSONAL.applicant.phone, skills: ['mongolian'], availability: ['weekend'], communityId: COMMUNITY_X, teamId: 'team-herder-police' }))
    expectOk(await cloud.call(IN, 'volunteers', { action: 'decide', openid, decision: 'approve' }))
  }
  cloud.resetWrites()
  return {
    cloud,
    world: { bookingId: booking.id, bookingCode: booking.code, visitId: visit.id, caseId: dispute.id, caseToWithdraw: toWithdraw.id, requestId: asked.id, deskRequestId: desk.id, deskRequestToWithdraw: deskToWithdraw.id, noticeId: published.id, noticeToWithdraw: toWithdrawNotice.id },
  }
}

export interface InputFactory {
  input: (w: World) => Record<string, unknown>
  /** The input names a record of A's (scope own) or of community X (scope communities). */
  reaches?: true
  /** Calls as this identity instead: for an action that would end the world for the others (deleting one's account). */
  caller?: string
}

const plain = (input: (w: World) => Record<string, unknown>): InputFactory => ({ input })
const reaching = (input: (w: World) => Record<string, unknown>): InputFactory => ({ input, reaches: true })
const none = plain(() => ({}))
const inDays = (days: number) => dayjs().add(days, 'day')
const localDate = (days: number) => inDays(days).tz(STATION_TIME_ZONE).format('YYYY-MM-DD')
const CHAT = { cloudID: 'cloud-id-of-the-chat', data: { opengid: 'opengid-authz-0001' } }
const ACTIVITY = 'act-demo-patrol'
const STATEMENT = { title: { zh: '更正：警惕冒充客服退款诈骗' }, body: { zh: '凡是自称客服要求转账退款的，都是诈骗，请拨打96110。' } }

export const INPUTS: Record<string, InputFactory> = {
  'account.me': none,
  'account.updatePreferences': plain(() => ({ elderMode: false })),
  'account.acceptPrivacy': plain(() => ({ version: PRIVACY_POLICY_VERSION })),
  'account.redeemInvite': plain(() => ({ code: 'ABCDEFGH' })),
  'account.createInvite': plain(() => ({ officerId: 'officer-3', roles: ['officer'] })),
  'account.listOfficers': none,
  'account.exportMyData': none,
  'account.deleteMyAccount': { input: () => ({ confirm: 'delete-my-account' }), caller: 'authz-leaver' },
  'account.searchAudit': plain(() => ({ collection: 'bookings' })),

  'booking.listServices': none,
  'booking.listCounters': none,
  'booking.listSlots': plain(() => ({ counterId: 'counter-24h', days: 1 })),
  'booking.book': plain(() => ({ slotId: slotIdAfter('counter-24h', 50 * 60), serviceId: 'id-card-renewal', applicant: PERSONAL.applicant, requestId: randomUUID() })),
  'booking.revealBookingContact': plain((w) => ({ bookingId: w.bookingId })),
  'booking.revealHomeVisitContact': reaching((w) => ({ visitId: w.visitId })),
  'booking.findBookings': plain(() => ({ phone: PERSONAL.applicant.phone })),
  'booking.cancel': reaching((w) => ({ bookingId: w.bookingId })),
  'booking.reschedule': reaching((w) => ({ bookingId: w.bookingId, slotId: slotIdAfter('counter-24h', 60 * 60) })),
  'booking.myBookings': none,
  'booking.myBookingStatus': none,
  'booking.checkIn': plain((w) => ({ code: w.bookingCode, counterId: 'counter-24h' })),
  'booking.counterQueue': plain(() => ({ counterId: 'counter-24h' })),
  'booking.dayBookings': plain(() => ({ counterId: 'counter-24h', date: localDate(2) })),
  'booking.closeCounterDay': plain(() => ({ counterId: 'counter-24h', date: localDate(40), reason: '系统维护' })),
  'booking.upsertService': plain(() => ({ service: demoServices()[0] })),
  'booking.requestHomeVisit': plain(() => ({ requestId: randomUUID(), serviceId: 'id-card-renewal', person: PERSONAL.visitPerson, reason: 'age', communityId: COMMUNITY_X, addressText: '巴音布拉格嘎查三组' })),
  'booking.myHomeVisits': none,
  'booking.acceptHomeVisitTime': reaching((w) => ({ visitId: w.visitId, proposalId: 'p1' })),
  'booking.pendingHomeVisits': none,
  'booking.proposeHomeVisitTimes': reaching((w) => ({ visitId: w.visitId, times: [{ startsAt: inDays(4).toISOString(), endsAt: inDays(4).add(1, 'hour').toISOString() }] })),
  'booking.recordHomeVisitDone': reaching((w) => ({ visitId: w.visitId, outcome: 'completed', note: '已办结' })),

  'jurisdiction.listCommunities': none,
  'jurisdiction.myCommunity': none,
  'jurisdiction.bindCommunity': plain(() => ({ communityId: COMMUNITY_X, via: 'list' })),
  'jurisdiction.bindCommunityByLocation': plain(() => ({ lng: 106.9787, lat: 41.5873 })),
  'jurisdiction.coveredCommunities': none,
  'jurisdiction.askOfficer': plain(() => ({ question: '身份证丢了怎么办？', communityId: COMMUNITY_X })),
  'jurisdiction.myAskedRequests': none,
  'jurisdiction.routedToMe': none,
  'jurisdiction.reassignRequest': plain((w) => ({ requestId: w.requestId, officerId: 'officer-3', note: '辖区调整' })),
  'jurisdiction.importJurisdiction': plain(() => ({ document: { version: 'not a jurisdiction' } })),
  'jurisdiction.exportJurisdiction': none,
  'jurisdiction.listJurisdictionVersions': none,
  'jurisdiction.rollbackJurisdiction': plain(() => ({ version: 1 })),

  'mediation.fileDispute': plain(() => filing()),
  'mediation.myCases': none,
  'mediation.withdrawCase': reaching((w) => ({ caseId: w.caseToWithdraw })),
  'mediation.rateCase': reaching((w) => ({ caseId: w.caseId, rating: 5 })),
  'mediation.inbox': plain(() => ({ scope: 'mine' })),
  'mediation.caseDetail': reaching((w) => ({ caseId: w.caseId })),
  'mediation.revealContact': reaching((w) => ({ caseId: w.caseId, party: 'applicant' })),
  'mediation.acceptCase': reaching((w) => ({ caseId: w.caseId })),
  'mediation.scheduleSession': reaching((w) => ({ caseId: w.caseId, at: inDays(2).toISOString(), place: 'station', participants: ['双方当事人'] })),
  'mediation.holdSession': reaching((w) => ({ caseId: w.caseId, sessionId: 's1', notes: '双方到场' })),
  'mediation.recordAgreement': reaching((w) => ({ caseId: w.caseId, text: '双方同意按草场边界围栏。' })),
  'mediation.recordNotSettled': reaching((w) => ({ caseId: w.caseId, reason: '双方意见分歧较大。' })),
  'mediation.closeCase': reaching((w) => ({ caseId: w.caseId })),
  'mediation.addInternalNote': reaching((w) => ({ caseId: w.caseId, text: '需要再次走访。' })),
  'mediation.highRiskAlerts': none,
  'mediation.acknowledgeAlert': plain((w) => ({ caseId: w.caseId })),
  'mediation.rectifications': none,
  'mediation.completeRectification': plain(() => ({ taskId: 'task-none', callbackNote: '已电话回访。', fixNote: '已整改。' })),
  'mediation.statistics': plain(() => ({ from: inDays(-30).toISOString(), to: inDays(1).toISOString() })),

  'requests.submit': plain(() => ({ requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '身份证丢了怎么办？' })),
  'requests.mine': none,
  'requests.get': reaching((w) => ({ id: w.deskRequestId })),
  'requests.follow': plain(() => ({ items: [{ id: 'rq_none', followSecret: 'x'.repeat(43) }] })),
  'requests.withdraw': reaching((w) => ({ id: w.deskRequestToWithdraw })),
  'requests.confirm': reaching((w) => ({ id: w.deskRequestId, resolved: true })),
  'requests.rate': reaching((w) => ({ id: w.deskRequestId, rating: 5 })),
  'requests.inbox': none,
  'requests.detail': reaching((w) => ({ id: w.deskRequestId })),
  'requests.accept': reaching((w) => ({ id: w.deskRequestId })),
  // The second request: a transfer takes it out of IN's reach, which the steps after it still need on the first.
  'requests.transfer': reaching((w) => ({ id: w.deskRequestToWithdraw, officerId: 'officer-3', note: '辖区调整' })),
  'requests.handOff': reaching((w) => ({ id: w.deskRequestId, partner: 'judicial_office', note: '转司法所' })),
  'requests.recordPartnerAnswer': reaching((w) => ({ id: w.deskRequestId, text: '司法所已答复。' })),
  'requests.reply': reaching((w) => ({ id: w.deskRequestId, text: '请带户口本到派出所办理。' })),
  'requests.revealContact': reaching((w) => ({ id: w.deskRequestId })),
  'requests.stationView': none,
  'requests.rectifications': none,
  'requests.completeRectification': plain(() => ({ taskId: 'task-none', callbackNote: '已电话回访。', fixNote: '已整改。' })),

  'notices.groups': none,
  'notices.joinGroup': plain(() => ({ groupId: 'topic-herders' })),
  'notices.leaveGroup': plain(() => ({ groupId: 'topic-herders' })),
  'notices.grantAlerts': plain(() => ({ accepted: 1 })),
  'notices.linkChat': reaching(() => ({ groupId: COMMUNITY_X, chat: CHAT })),
  'notices.feed': none,
  'notices.read': reaching((w) => ({ noticeId: w.noticeId })),
  'notices.uploadImage': plain(() => ({ base64: 'iVBORw0KGgo=' })),
  'notices.publish': reaching(() => notice()),
  'notices.correct': reaching((w) => ({ noticeId: w.noticeId, ...STATEMENT, validUntil: inDays(6).toISOString() })),
  'notices.withdraw': reaching((w) => ({ noticeId: w.noticeToWithdraw })),
  'notices.myNotices': none,
  'notices.reach': reaching((w) => ({ noticeId: w.noticeId })),
  'notices.heldNotices': none,
  'notices.reviewHeld': plain((w) => ({ noticeId: w.noticeId, decision: 'reject' })),

  'volunteers.teams': none,
  'volunteers.myVolunteer': none,
  'volunteers.apply': plain(() => ({ name: PERSONAL.applicant.name, phone: PERSONAL.applicant.phone, skills: [], availability: ['weekend'], communityId: COMMUNITY_X, teamId: 'team-herder-police' })),
  'volunteers.applications': plain(() => ({ status: 'pending' })),
  'volunteers.decide': plain(() => ({ openid: CALLERS.A, decision: 'decline', reason: '名额已满' })),
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
  })),
  'volunteers.updateActivity': plain(() => ({ activityId: ACTIVITY, capacity: 8 })),
  'volunteers.cancelActivity': plain(() => ({ activityId: 'act-demo-antifraud', reason: '天气原因' })),
  'volunteers.listActivities': none,
  'volunteers.activity': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.roster': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.signUp': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.cancelSignUp': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.checkIn': plain(() => ({ activityId: ACTIVITY, proof: { method: 'code', code: '123456' } })),
  'volunteers.checkOut': plain(() => ({ activityId: ACTIVITY })),
  'volunteers.myRecord': none,
  'volunteers.leaderboard': none,
  'volunteers.setLeaderboardOptOut': plain(() => ({ optOut: true })),
  'volunteers.correctHours': plain(() => ({ activityId: ACTIVITY, openid: CALLERS.A, minutes: 60, reason: '补记' })),
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
