// The requests function (群众诉求受理): a resident's consultation, help request, tip-off, fraud
// report or complaint, from filing to the resident's rating, with time limits, partner units and
// rectification; and the officer's one inbox (今日待办) across the product. Residents and staff
// get separate views: an anonymous request's staff view carries no filer identity at all.
import * as z from 'zod'
import { defineFunction } from '../contract'
import { DocId, Language, RequestId } from '../ids'
import { Latitude, Longitude } from '../jurisdiction/primitives'
import { Rating } from '../mediation/rating'
import { RevealedContact } from '../privacy/contract'
import { ANYONE } from '../roles'
import { HandledBy, MAX_PHOTOS, RequestDetails, RequestKind, KIND_RULES } from './kinds'
import { DeadlineStep, RequestStatus, Transition } from './lifecycle'
import { PartnerUnit } from './partners'

const STAFF = ['officer', 'station_leader', 'bureau_leader'] as const
const LEADERS = ['station_leader', 'bureau_leader'] as const

const Text = (max: number) => z.string().trim().min(1).max(max)
const PersonName = z.string().trim().min(1).max(32)
const Phone = z.string().trim().regex(/^[0-9+\-() ]{5,24}$/, 'must be a phone number')
/** A file uploaded to cloud storage by the mini-program (wx.cloud.uploadFile). */
const FileId = z.string().regex(/^cloud:\/\/[A-Za-z0-9._\-/]{1,240}$/, 'must be a cloud:// file id')
/**
 * The anonymous filer's secret: random, made on the phone and kept there (at least 128 bits as
 * 32+ URL-safe characters). The server stores only a keyed hash of it, so only its holder can
 * follow, confirm or rate the request.
 */
export const FollowSecret = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'must be 32–128 random letters, digits, - or _')

/** Longest request text: a page of a phone screen; longer stories are told on the phone. */
export const MAX_TEXT = 1000
/** Answers are longer: a list of materials, the rule, where to go. */
export const MAX_ANSWER = 2000

/** Who did a step, by role only: residents never see an officer's internal identity here. */
export const Actor = z.enum(['resident', 'officer', 'leader', 'partner', 'system'])

export const TimelineKind = z.union([Transition.exclude(['overdue', 'partner_answer']), z.enum(['filed', 'escalated', 'partner_answered', 'reminded'])])
export const TimelineEvent = z.object({
  kind: TimelineKind,
  at: z.string(),
  by: Actor,
  /** The deadline escalated (kind escalated). */
  step: DeadlineStep.optional(),
  /** The partner unit (hand_off, partner_answered). */
  partner: PartnerUnit.optional(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const Answer = z.object({ zh: z.string(), mn: z.string().nullable(), at: z.string(), by: Actor })
export type Answer = z.infer<typeof Answer>

const RequestCore = z.object({
  id: DocId,
  kind: RequestKind,
  details: RequestDetails,
  text: z.string(),
  anonymous: z.boolean(),
  status: RequestStatus,
  communityId: DocId.nullable(),
  language: Language,
  createdAt: z.string(),
  acceptBy: z.string(),
  answerBy: z.string(),
  /** The next unmet deadline; null once nothing is due from staff. */
  deadlineAt: z.string().nullable(),
  deadlineStep: DeadlineStep.nullable(),
  overdue: z.boolean(),
  /** Pictures whose content check passed (others stay hidden). */
  photos: z.array(z.string()),
  answers: z.array(Answer),
  reopenCount: z.number().int(),
  rating: z.object({ value: Rating, comment: z.string() }).nullable(),
  timeline: z.array(TimelineEvent),
})

/** What the filer sees (also an anonymous filer, through their secret). */
export const ResidentRequestView = RequestCore.extend({
  /** Where the request is being handled, in words the app renders: the station or a partner unit. */
  withPartner: PartnerUnit.nullable(),
  withdrawable: z.boolean(),
  /** Answered: the resident may say resolved or not resolved (reopenable tells whether "not resolved" reopens). */
  confirmable: z.boolean(),
  reopenable: z.boolean(),
  ratable: z.boolean(),
  /** When an unconfirmed answer closes by itself. */
  autoCloseAt: z.string().nullable(),
})
export type ResidentRequestView = z.infer<typeof ResidentRequestView>

export const Handoff = z.object({
  no: z.number().int(),
  partner: PartnerUnit,
  note: z.string(),
  contactName: z.string().nullable(),
  at: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
})
export type Handoff = z.infer<typeof Handoff>

/** What staff do (the resident withdraws, confirms and rates; the job escalates and closes). */
export const StaffStep = z.enum(['accept', 'transfer', 'hand_off', 'partner_answer', 'reply'])
export type StaffStep = z.infer<typeof StaffStep>

/** An inbox line of a request: no text or contact, so listing is not a read of personal data. */
export const RequestSummary = z.object({
  id: DocId,
  kind: RequestKind,
  status: RequestStatus,
  anonymous: z.boolean(),
  communityId: DocId.nullable(),
  officerId: DocId.nullable(),
  handledBy: HandledBy,
  createdAt: z.string(),
  deadlineAt: z.string().nullable(),
  deadlineStep: DeadlineStep.nullable(),
  overdue: z.boolean(),
})
export type RequestSummary = z.infer<typeof RequestSummary>

export const StaffRequestView = RequestCore.extend({
  /** Who filed: null for an anonymous request (nothing about the filer is stored). Phone masked. */
  filer: z.object({ name: z.string().nullable(), phoneMasked: z.string().nullable() }).nullable(),
  handledBy: HandledBy,
  officerId: DocId.nullable(),
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  addressText: z.string().nullable(),
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  handoffs: z.array(Handoff),
  /** Officers a leader transferred from, with the note (the complained-about officer never sees a complaint). */
  transfers: z.array(z.object({ from: DocId.nullable(), to: DocId, note: z.string(), at: z.string() })),
  /** What the resident said when reopening it. */
  reopenComment: z.string().nullable(),
  /** Content security answered "review" for the text: a person should look at the wording. */
  contentReview: z.boolean(),
  /** What the caller may do now, so the screen offers only those buttons. */
  allowed: z.array(StaffStep),
  version: z.number().int(),
})
export type StaffRequestView = z.infer<typeof StaffRequestView>

/** Where an inbox line comes from. */
export const InboxSource = z.enum(['request', 'home_visit', 'mediation', 'booking'])
export type InboxSource = z.infer<typeof InboxSource>

/** One line of the officer's one inbox (今日待办), whatever it comes from. */
export const InboxItem = z.object({
  source: InboxSource,
  id: DocId,
  /** The source's own kind (request kind, dispute type, service id, visit service). */
  kind: z.string(),
  status: z.string(),
  communityId: DocId.nullable(),
  /** The deadline (requests, mediation), the requested or agreed time (visits), the slot (bookings). */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
})
export type InboxItem = z.infer<typeof InboxItem>

export const INBOX_PAGE_SIZE = 20

export const RectificationView = z.object({
  id: DocId,
  requestId: DocId,
  kind: RequestKind,
  rating: Rating,
  comment: z.string(),
  status: z.enum(['open', 'done']),
  dueAt: z.string(),
  officerId: DocId.nullable(),
  callbackNote: z.string().nullable(),
  fixNote: z.string().nullable(),
  createdAt: z.string(),
})
export type RectificationView = z.infer<typeof RectificationView>

export const OfficerLoad = z.object({
  officerId: DocId,
  open: z.number().int(),
  overdue: z.number().int(),
  /** Due before the end of today (station time). */
  dueToday: z.number().int(),
})
export type OfficerLoad = z.infer<typeof OfficerLoad>

const Ref = { id: DocId }
/** An anonymous filer proves the request is theirs with the secret instead of their account. */
const OwnRef = { id: DocId, followSecret: FollowSecret.optional() }

export const SubmitInput = z
  .object({
    requestId: RequestId,
    details: RequestDetails,
    text: Text(MAX_TEXT),
    photos: z.array(FileId).max(MAX_PHOTOS).default([]),
    /** The place the request is about: the phone's position or one picked on the map. */
    location: z.strictObject({ lng: Longitude, lat: Latitude }).optional(),
    addressText: z.string().trim().max(200).optional(),
    language: Language.default('zh'),
    /** Only where the kind allows it (tip-offs): nothing about the filer is stored. */
    anonymous: z.boolean().default(false),
    followSecret: FollowSecret.optional(),
    /** Name and phone the officer may call back on (not with an anonymous request). */
    contact: z.strictObject({ name: PersonName.optional(), phone: Phone.optional() }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.anonymous && !KIND_RULES[input.details.kind].anonymousAllowed) ctx.addIssue({ code: 'custom', path: ['anonymous'], message: `a ${input.details.kind} cannot be anonymous` })
    if (input.anonymous && !input.followSecret) ctx.addIssue({ code: 'custom', path: ['followSecret'], message: 'an anonymous request needs the follow secret made on the phone' })
    if (input.anonymous && input.contact) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'an anonymous request carries no contact' })
    if (!input.anonymous && input.followSecret) ctx.addIssue({ code: 'custom', path: ['followSecret'], message: 'only an anonymous request uses a follow secret' })
  })

export const requestsContract = defineFunction('requests', {
  submit: {
    summary: 'A resident files a consultation, help request, tip-off (may be anonymous), fraud report or complaint; checked, routed (by the place, else the bound community; complaints about an officer to the leadership) with deadlines from its kind. A retried requestId answers the first filing.',
    input: SubmitInput,
    output: ResidentRequestView,
    roles: ANYONE, scope: 'own',
  },
  mine: { summary: 'The caller’s own named requests, newest first (anonymous ones are followed with their secret).', input: z.object({}), output: z.array(ResidentRequestView), roles: ANYONE, scope: 'own' },
  get: { summary: 'One of the caller’s requests (an anonymous one: with its follow secret).', input: z.object(OwnRef), output: ResidentRequestView, roles: ANYONE, scope: 'own' },
  follow: {
    summary: 'The anonymous filer follows their requests by the secrets kept on the phone (up to 20).',
    input: z.object({ items: z.array(z.strictObject({ id: DocId, followSecret: FollowSecret })).min(1).max(20) }),
    output: z.array(ResidentRequestView),
    roles: ANYONE, scope: 'own',
  },
  withdraw: { summary: 'The filer withdraws a request nobody has accepted yet.', input: z.object(OwnRef), output: ResidentRequestView, roles: ANYONE, scope: 'own' },
  confirm: {
    summary: 'The filer says whether the answer resolved it: resolved closes it; not resolved reopens it (once) with a new answer deadline.',
    input: z.object({ ...OwnRef, resolved: z.boolean(), comment: z.string().trim().max(300).default('') }),
    output: ResidentRequestView,
    roles: ANYONE, scope: 'own',
  },
  rate: {
    summary: 'The filer rates a closed request 1–5 with a comment; 1–2 opens a rectification task for the leadership with a deadline and a required callback.',
    input: z.object({ ...OwnRef, rating: Rating, comment: z.string().trim().max(300).default('') }),
    output: ResidentRequestView,
    roles: ANYONE, scope: 'own',
  },
  inbox: {
    summary: 'The caller’s one inbox (今日待办): their open requests, door-to-door visits, mediation steps and today’s counter queue, overdue first, then by deadline; 20 per page.',
    input: z.object({ page: z.number().int().min(0).max(100).default(0) }),
    output: z.object({ items: z.array(InboxItem), page: z.number().int(), hasMore: z.boolean(), counts: z.record(InboxSource, z.number().int()) }),
    roles: STAFF, scope: 'communities',
  },
  detail: { summary: 'One request as staff see it (filer masked, none for an anonymous one), with the steps allowed now; every read is written to the audit log.', input: z.object(Ref), output: StaffRequestView, roles: STAFF, scope: 'communities' },
  accept: { summary: 'Accept (受理) or acknowledge a submitted or transferred request.', input: z.object(Ref), output: StaffRequestView, roles: STAFF, scope: 'communities' },
  transfer: {
    summary: 'Hand the request to another officer with a note (the deadlines keep running); logged.',
    input: z.object({ ...Ref, officerId: DocId, note: Text(200) }),
    output: StaffRequestView,
    roles: STAFF, scope: 'communities',
  },
  handOff: {
    summary: 'Hand the request to a partner unit (部门联动) with a note; the clock keeps running.',
    input: z.object({ ...Ref, partner: PartnerUnit, note: Text(500), contactName: z.string().trim().min(1).max(40).optional() }),
    output: StaffRequestView,
    roles: STAFF, scope: 'communities',
  },
  recordPartnerAnswer: {
    summary: 'Record the partner unit’s answer (partners have no login); the request is back with the officer to answer the resident.',
    input: z.object({ ...Ref, text: Text(MAX_ANSWER) }),
    output: StaffRequestView,
    roles: STAFF, scope: 'communities',
  },
  reply: {
    summary: 'Answer the resident in Chinese and optionally Mongolian; the resident reads it in their language and gets a subscription message.',
    input: z.object({ ...Ref, text: Text(MAX_ANSWER), textMn: z.string().trim().min(1).max(MAX_ANSWER).optional() }),
    output: StaffRequestView,
    roles: STAFF, scope: 'communities',
  },
  revealContact: { summary: 'Show the filer’s phone in full to staff who may see the request; written to the audit log. Anonymous requests have none.', input: z.object(Ref), output: RevealedContact, roles: STAFF, scope: 'communities' },
  stationView: {
    summary: 'Leaders: the station’s open requests, overdue first, and every officer’s load (open, overdue, due today).',
    input: z.object({ page: z.number().int().min(0).max(100).default(0) }),
    output: z.object({ items: z.array(RequestSummary), page: z.number().int(), hasMore: z.boolean(), load: z.array(OfficerLoad) }),
    roles: LEADERS, scope: 'station',
  },
  rectifications: { summary: 'Leaders: rectification tasks after ratings of 1–2, open first, by deadline.', input: z.object({}), output: z.array(RectificationView), roles: LEADERS, scope: 'station' },
  completeRectification: {
    summary: 'Record the callback to the resident and what was fixed; the task is done.',
    input: z.object({ taskId: DocId, callbackNote: Text(500), fixNote: Text(500) }),
    output: RectificationView,
    roles: LEADERS, scope: 'station',
  },
})
