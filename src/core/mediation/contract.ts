// The mediation function (矛盾纠纷调解, 三级联动): residents file disputes and follow them; the
// community officer, the station leadership and (recorded by the leadership) the joint panel
// mediate them through three levels with deadlines; a return visit asks for a rating; a bad
// rating opens a rectification task; statistics feed the dashboard. Residents and staff get
// separate output schemas, so officers' internal notes and session notes cannot reach a resident.
import * as z from 'zod/mini'
import { defineFunction, enumWithout } from '../contract'
import { DocId, Language, RequestId } from '../ids'
import { Latitude, Longitude } from '../jurisdiction/primitives'
import { ANYONE } from '../roles'
import { RevealedContact } from '../privacy/contract'
import { CaseStatus, DeadlineKind, Level, TransitionName } from './lifecycle'
import { Rating } from './rating'
import { RiskMatch } from './risk'
import { StatsDimension, StatsFigures } from './statistics'

const STAFF = ['officer', 'station_leader', 'bureau_leader'] as const
const LEADERS = ['station_leader', 'bureau_leader'] as const

export const DISPUTE_TYPES = ['neighbour', 'family', 'land_boundary', 'debt', 'livestock', 'wages', 'other'] as const
export const DisputeType = z.enum(DISPUTE_TYPES, { error: `must be one of: ${DISPUTE_TYPES.join(', ')}` })
export type DisputeType = z.infer<typeof DisputeType>

export const SESSION_PLACES = ['station', 'pavilion', 'herder_home', 'community_office', 'other'] as const
export const SessionPlace = z.enum(SESSION_PLACES)
export type SessionPlace = z.infer<typeof SessionPlace>

/** A client-chosen key (a UUID): a retried filing returns the first case. */
const PersonName = z.string().check(z.trim(), z.minLength(1), z.maxLength(32))
const Contact = z.string().check(z.trim(), z.regex(/^[0-9+\-() ]{5,24}$/, 'must be a phone number'))
/** A file uploaded to cloud storage by the mini-program (wx.cloud.uploadFile). */
const FileId = z.string().check(z.regex(/^cloud:\/\/[A-Za-z0-9._\-/]{1,240}$/, 'must be a cloud:// file id'))
const Instant = z.iso.datetime({ offset: true })
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))

export const TimelineEvent = z.object({
  kind: z.union([TransitionName, z.enum(['filed', 'escalated', 'rated'])]),
  level: Level,
  at: z.string(),
  /** Who acted, by role only: residents never see an officer's internal identity here. */
  by: z.enum(['resident', 'officer', 'leader', 'system']),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

const SessionBase = z.object({ id: z.string(), level: Level, at: z.string(), place: SessionPlace, placeText: z.nullable(z.string()), participants: z.array(z.string()), held: z.boolean() })

/** What staff do to a case (the resident withdraws; the job marks overdue). */
export const StaffStep = enumWithout(TransitionName, ['withdraw', 'overdue'])
export type StaffStep = z.infer<typeof StaffStep>

const CaseCore = z.object({
  id: DocId,
  type: DisputeType,
  status: CaseStatus,
  level: Level,
  highRisk: z.boolean(),
  communityId: z.nullable(DocId),
  createdAt: z.string(),
  deadlineAt: z.nullable(z.string()),
  deadlineKind: z.nullable(DeadlineKind),
  overdue: z.boolean(),
  agreement: z.nullable(z.string()),
  rating: z.nullable(z.object({ value: Rating, comment: z.string() })),
})

/** What the applicant sees of their own case. */
export const ResidentCaseView = z.extend(CaseCore, {
  description: z.string(),
  otherPartyName: z.nullable(z.string()),
  timeline: z.array(TimelineEvent),
  sessions: z.array(SessionBase),
  /** The resident may withdraw it now. */
  withdrawable: z.boolean(),
  /** The resident may rate it now. */
  ratable: z.boolean(),
})
export type ResidentCaseView = z.infer<typeof ResidentCaseView>

/** A line of the officers' inbox: no description or contact, so listing is not a read of personal data. */
export const CaseSummary = z.extend(z.pick(CaseCore, { id: true, type: true, status: true, level: true, highRisk: true, communityId: true, createdAt: true, deadlineAt: true, deadlineKind: true, overdue: true }), {
  officerId: DocId,
  alertOpen: z.boolean(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const StaffCaseView = z.extend(CaseCore, {
  description: z.string(),
  language: Language,
  applicant: z.object({ name: z.string(), phone: z.string() }),
  otherParty: z.nullable(z.object({ name: z.string(), phone: z.nullable(z.string()) })),
  dangerNow: z.boolean(),
  photos: z.array(z.string()),
  risk: z.array(RiskMatch),
  alertOpen: z.boolean(),
  officerId: DocId,
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  timeline: z.array(TimelineEvent),
  sessions: z.array(z.extend(SessionBase, { notes: z.nullable(z.string()) })),
  internalNotes: z.array(z.object({ text: z.string(), at: z.string(), by: z.string() })),
  notSettledReasons: z.array(z.object({ level: Level, reason: z.string() })),
  /** What the caller may do now, so the screen offers only those buttons. */
  allowed: z.array(StaffStep),
  /** The caller may act (level 1: the assigned or covering officer; level 2–3: leaders). */
  canAct: z.boolean(),
})
export type StaffCaseView = z.infer<typeof StaffCaseView>

export const RectificationView = z.object({
  id: DocId,
  caseId: DocId,
  type: DisputeType,
  rating: Rating,
  comment: z.string(),
  status: z.enum(['open', 'done']),
  dueAt: z.string(),
  callbackNote: z.nullable(z.string()),
  fixNote: z.nullable(z.string()),
  createdAt: z.string(),
})
export type RectificationView = z.infer<typeof RectificationView>

export const InboxScope = z.enum(['mine', 'escalated', 'all'])
export const INBOX_PAGE_SIZE = 20

const CaseRef = { caseId: DocId }

export const mediationContract = defineFunction('mediation', {
  fileDispute: {
    summary: 'A resident files a dispute; content is checked, risk screened, and the case routed to the responsible community officer with the reason stored. High-risk cases alert the leadership at once.',
    input: z.object({
      requestId: RequestId,
      type: DisputeType,
      description: Text(1000),
      applicant: z.strictObject({ name: PersonName, phone: Contact }),
      otherParty: z.optional(z.strictObject({ name: PersonName, phone: z.optional(Contact) })),
      communityId: z.optional(DocId),
      location: z.optional(z.strictObject({ lng: Longitude, lat: Latitude })),
      addressText: z.optional(z.string().check(z.trim(), z.maxLength(200))),
      language: z._default(Language, 'zh'),
      dangerNow: z.boolean(),
      photos: z._default(z.array(FileId).check(z.maxLength(6)), []),
    }),
    output: ResidentCaseView,
    roles: ANYONE, scope: 'own',
  },
  myCases: { summary: 'The caller’s own cases, newest first, with their timelines.', input: z.object({}), output: z.array(ResidentCaseView), roles: ANYONE, scope: 'own' },
  withdrawCase: { summary: 'The applicant withdraws a case nobody has accepted yet.', input: z.object(CaseRef), output: ResidentCaseView, roles: ANYONE, scope: 'own' },
  rateCase: {
    summary: 'The applicant rates a closed case 1–5 with a comment (回访); 1–2 opens a rectification task for the leadership.',
    input: z.object({ ...CaseRef, rating: Rating, comment: z._default(z.string().check(z.trim(), z.maxLength(300)), '') }),
    output: ResidentCaseView,
    roles: ANYONE, scope: 'own',
  },
  inbox: {
    summary: 'Open cases the caller answers for, high-risk first, then by deadline; 20 per page. Scope escalated = levels 2–3 (leaders).',
    input: z.object({ scope: z._default(InboxScope, 'mine'), page: z._default(z.number().check(z.int(), z.gte(0), z.lte(500)), 0) }),
    output: z.object({ items: z.array(CaseSummary), page: z.number().check(z.int()), hasMore: z.boolean() }),
    roles: STAFF, scope: 'communities',
  },
  caseDetail: { summary: 'One case with contacts (phones masked), sessions and internal notes; every read is written to the audit log.', input: z.object(CaseRef), output: StaffCaseView, roles: STAFF, scope: 'communities' },
  revealContact: {
    summary: 'Show the applicant’s or the other party’s phone in full to staff who may see the case; written to the audit log.',
    input: z.object({ ...CaseRef, party: z.enum(['applicant', 'otherParty']) }),
    output: RevealedContact,
    roles: STAFF,
    scope: 'communities',
  },
  acceptCase: { summary: 'Accept (受理) a submitted or escalated case at its level.', input: z.object(CaseRef), output: StaffCaseView, roles: STAFF, scope: 'communities' },
  scheduleSession: {
    summary: 'Schedule a mediation session: time, place (station, mediation pavilion, a herder’s home…), participants. Retrying with the same requestId answers the case with that one session.',
    input: z.object({ ...CaseRef, at: Instant, place: SessionPlace, placeText: z.optional(z.string().check(
      z.trim(),
      z.maxLength(60),
    )), participants: z.array(Text(40)).check(z.minLength(1), z.maxLength(12)), requestId: RequestId }),
    output: StaffCaseView,
    roles: STAFF, scope: 'communities',
  },
  holdSession: {
    summary: 'Record a scheduled session as held, with notes (staff only).',
    input: z.object({ ...CaseRef, sessionId: z.string().check(z.regex(/^s\d{1,3}$/)), notes: z._default(z.string().check(z.trim(), z.maxLength(2000)), '') }),
    output: StaffCaseView,
    roles: STAFF, scope: 'communities',
  },
  recordAgreement: { summary: 'Record the agreement: the case is settled at its level.', input: z.object({ ...CaseRef, text: Text(2000) }), output: StaffCaseView, roles: STAFF, scope: 'communities' },
  recordNotSettled: {
    summary: 'Not settled at this level: levels 1–2 escalate to the next level (and notify it and the resident); at level 3 the case is not settled.',
    input: z.object({ ...CaseRef, reason: Text(500) }),
    output: StaffCaseView,
    roles: STAFF, scope: 'communities',
  },
  closeCase: { summary: 'Close a settled or not-settled case; the return visit follows after the configured days.', input: z.object(CaseRef), output: StaffCaseView, roles: STAFF, scope: 'communities' },
  addInternalNote: {
    summary: 'An internal note, never shown to residents. Retrying with the same requestId answers the case with that one note.',
    input: z.object({ ...CaseRef, text: Text(1000), requestId: RequestId }),
    output: StaffCaseView,
    roles: STAFF, scope: 'communities',
  },
  highRiskAlerts: { summary: 'High-risk cases not yet acknowledged by a leader.', input: z.object({}), output: z.array(CaseSummary), roles: LEADERS, scope: 'station' },
  acknowledgeAlert: { summary: 'A leader acknowledges a high-risk alert; it leaves the alert list.', input: z.object(CaseRef), output: CaseSummary, roles: LEADERS, scope: 'station' },
  rectifications: { summary: 'Rectification tasks after dissatisfied ratings, open first, by deadline.', input: z.object({}), output: z.array(RectificationView), roles: LEADERS, scope: 'station' },
  completeRectification: {
    summary: 'Record the callback to the resident and what was fixed; the task is done.',
    input: z.object({ taskId: DocId, callbackNote: Text(500), fixNote: Text(500) }),
    output: RectificationView,
    roles: LEADERS, scope: 'station',
  },
  statistics: {
    summary: 'Cases, settled rate, settled at which level, median days to settle, overdue, satisfaction rate and high-risk, per station, community, officer or dispute type, for a period (filing date).',
    input: z.object({ from: Instant, to: Instant, dimension: z._default(StatsDimension, 'station') }),
    output: z.object({ from: z.string(), to: z.string(), dimension: StatsDimension, rows: z.array(StatsFigures) }),
    roles: STAFF, scope: 'station',
  },
})
