// The requests function (群众诉求受理): a resident's consultation, help request, tip-off, fraud
// report or complaint, from filing to the resident's rating, with time limits, partner units and
// rectification; and the officer's one inbox (今日待办) across the product. Residents and staff
// get separate views: an anonymous request's staff view carries no filer identity at all.
import * as z from 'zod/mini'
import { defineFunction, enumWithout } from '../contract'
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

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))
const PersonName = z.string().check(z.trim(), z.minLength(1), z.maxLength(32))
const Phone = z.string().check(z.trim(), z.regex(/^[0-9+\-() ]{5,24}$/, 'must be a phone number'))
/** A file uploaded to cloud storage by the mini-program (wx.cloud.uploadFile). */
const FileId = z.string().check(z.regex(/^cloud:\/\/[A-Za-z0-9._\-/]{1,240}$/, 'must be a cloud:// file id'))
/**
 * The anonymous filer's secret: random, made on the phone and kept there (at least 128 bits as
 * 32+ URL-safe characters). The server stores only a keyed hash of it, so only its holder can
 * follow, confirm or rate the request.
 */
export const FollowSecret = z.string().check(z.regex(/^[A-Za-z0-9_-]{32,128}$/, 'must be 32–128 random letters, digits, - or _'))

/** Longest request text: a page of a phone screen; longer stories are told on the phone. */
export const MAX_TEXT = 1000
/** Answers are longer: a list of materials, the rule, where to go. */
export const MAX_ANSWER = 2000

/** Who did a step, by role only: residents never see an officer's internal identity here. */
export const Actor = z.enum(['resident', 'officer', 'leader', 'partner', 'system'])

export const TimelineKind = z.union([enumWithout(Transition, ['overdue', 'partner_answer']), z.enum(['filed', 'escalated', 'partner_answered', 'reminded'])])
export const TimelineEvent = z.object({
  kind: TimelineKind,
  at: z.string(),
  by: Actor,
  /** The deadline escalated (kind escalated). */
  step: z.optional(DeadlineStep),
  /** The partner unit (hand_off, partner_answered). */
  partner: z.optional(PartnerUnit),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const Answer = z.object({ zh: z.string(), mn: z.nullable(z.string()), at: z.string(), by: Actor })
export type Answer = z.infer<typeof Answer>

const RequestCore = z.object({
  id: DocId,
  kind: RequestKind,
  details: RequestDetails,
  text: z.string(),
  anonymous: z.boolean(),
  status: RequestStatus,
  communityId: z.nullable(DocId),
  language: Language,
  createdAt: z.string(),
  acceptBy: z.string(),
  answerBy: z.string(),
  /** The next unmet deadline; null once nothing is due from staff. */
  deadlineAt: z.nullable(z.string()),
  deadlineStep: z.nullable(DeadlineStep),
  overdue: z.boolean(),
  /** Pictures whose content check passed (others stay hidden). */
  photos: z.array(z.string()),
  answers: z.array(Answer),
  reopenCount: z.number().check(z.int()),
  rating: z.nullable(z.object({ value: Rating, comment: z.string() })),
  timeline: z.array(TimelineEvent),
})

/** What the filer sees (also an anonymous filer, through their secret). */
export const ResidentRequestView = z.extend(RequestCore, {
  /** Where the request is being handled, in words the app renders: the station or a partner unit. */
  withPartner: z.nullable(PartnerUnit),
  withdrawable: z.boolean(),
  /** Answered: the resident may say resolved or not resolved (reopenable tells whether "not resolved" reopens). */
  confirmable: z.boolean(),
  reopenable: z.boolean(),
  ratable: z.boolean(),
  /** When an unconfirmed answer closes by itself. */
  autoCloseAt: z.nullable(z.string()),
})
export type ResidentRequestView = z.infer<typeof ResidentRequestView>

export const Handoff = z.object({
  no: z.number().check(z.int()),
  partner: PartnerUnit,
  note: z.string(),
  contactName: z.nullable(z.string()),
  at: z.string(),
  answer: z.nullable(z.string()),
  answeredAt: z.nullable(z.string()),
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
  communityId: z.nullable(DocId),
  officerId: z.nullable(DocId),
  handledBy: HandledBy,
  createdAt: z.string(),
  deadlineAt: z.nullable(z.string()),
  deadlineStep: z.nullable(DeadlineStep),
  overdue: z.boolean(),
})
export type RequestSummary = z.infer<typeof RequestSummary>

export const StaffRequestView = z.extend(RequestCore, {
  /** Who filed: null for an anonymous request (nothing about the filer is stored). Phone masked. */
  filer: z.nullable(z.object({ name: z.nullable(z.string()), phoneMasked: z.nullable(z.string()) })),
  handledBy: HandledBy,
  officerId: z.nullable(DocId),
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  addressText: z.nullable(z.string()),
  location: z.nullable(z.object({ lng: z.number(), lat: z.number() })),
  handoffs: z.array(Handoff),
  /** Officers a leader transferred from, with the note (the complained-about officer never sees a complaint). */
  transfers: z.array(z.object({ from: z.nullable(DocId), to: DocId, note: z.string(), at: z.string() })),
  /** What the resident said when reopening it. */
  reopenComment: z.nullable(z.string()),
  /** Content security answered "review" for the text: a person should look at the wording. */
  contentReview: z.boolean(),
  /** What the caller may do now, so the screen offers only those buttons. */
  allowed: z.array(StaffStep),
  version: z.number().check(z.int()),
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
  communityId: z.nullable(DocId),
  /** The deadline (requests, mediation), the requested or agreed time (visits), the slot (bookings). */
  dueAt: z.nullable(z.string()),
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
  officerId: z.nullable(DocId),
  callbackNote: z.nullable(z.string()),
  fixNote: z.nullable(z.string()),
  createdAt: z.string(),
})
export type RectificationView = z.infer<typeof RectificationView>

export const OfficerLoad = z.object({
  officerId: DocId,
  open: z.number().check(z.int()),
  overdue: z.number().check(z.int()),
  /** Due before the end of today (station time). */
  dueToday: z.number().check(z.int()),
})
export type OfficerLoad = z.infer<typeof OfficerLoad>

const Ref = { id: DocId }
/** An anonymous filer proves the request is theirs with the secret instead of their account. */
const OwnRef = { id: DocId, followSecret: z.optional(FollowSecret) }

export const SubmitInput = z.object({
    requestId: RequestId,
    details: RequestDetails,
    text: Text(MAX_TEXT),
    photos: z._default(z.array(FileId).check(z.maxLength(MAX_PHOTOS)), []),
    /** The place the request is about: the phone's position or one picked on the map. */
    location: z.optional(z.strictObject({ lng: Longitude, lat: Latitude })),
    addressText: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    language: z._default(Language, 'zh'),
    /** Only where the kind allows it (tip-offs): nothing about the filer is stored. */
    anonymous: z._default(z.boolean(), false),
    followSecret: z.optional(FollowSecret),
    /** Name and phone the officer may call back on (not with an anonymous request). */
    contact: z.optional(z.strictObject({ name: z.optional(PersonName), phone: z.optional(Phone) })),
  }).check(z.superRefine((input, ctx) => {
    if (input.anonymous && !KIND_RULES[input.details.kind].anonymousAllowed) ctx.addIssue({ code: 'custom', path: ['anonymous'], message: `a ${input.details.kind} cannot be anonymous` })
    if (input.anonymous && !input.followSecret) ctx.addIssue({ code: 'custom', path: ['followSecret'], message: 'an anonymous request needs the follow secret made on the phone' })
    if (input.anonymous && input.contact) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'an anonymous request carries no contact' })
    if (!input.anonymous && input.followSecret) ctx.addIssue({ code: 'custom', path: ['followSecret'], message: 'only an anonymous request uses a follow secret' })
  }))

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
    input: z.object({ items: z.array(z.strictObject({ id: DocId, followSecret: FollowSecret })).check(z.minLength(1), z.maxLength(20)) }),
    output: z.array(ResidentRequestView),
    roles: ANYONE, scope: 'own',
  },
  withdraw: { summary: 'The filer withdraws a request nobody has accepted yet.', input: z.object(OwnRef), output: ResidentRequestView, roles: ANYONE, scope: 'own' },
  confirm: {
    summary: 'The filer says whether the answer resolved it: resolved closes it; not resolved reopens it (once) with a new answer deadline.',
    input: z.object({ ...OwnRef, resolved: z.boolean(), comment: z._default(z.string().check(z.trim(), z.maxLength(300)), '') }),
    output: ResidentRequestView,
    roles: ANYONE, scope: 'own',
  },
  rate: {
    summary: 'The filer rates a closed request 1–5 with a comment; 1–2 opens a rectification task for the leadership with a deadline and a required callback.',
    input: z.object({ ...OwnRef, rating: Rating, comment: z._default(z.string().check(z.trim(), z.maxLength(300)), '') }),
    output: ResidentRequestView,
    roles: ANYONE, scope: 'own',
  },
  inbox: {
    summary: 'The caller’s one inbox (今日待办): their open requests, door-to-door visits, mediation steps and today’s counter queue, overdue first, then by deadline; 20 per page.',
    input: z.object({ page: z._default(z.number().check(z.int(), z.gte(0), z.lte(100)), 0) }),
    output: z.object({ items: z.array(InboxItem), page: z.number().check(z.int()), hasMore: z.boolean(), counts: z.record(InboxSource, z.number().check(z.int())) }),
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
    input: z.object({ ...Ref, partner: PartnerUnit, note: Text(500), contactName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))) }),
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
    input: z.object({ ...Ref, text: Text(MAX_ANSWER), textMn: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_ANSWER))) }),
    output: StaffRequestView,
    roles: STAFF, scope: 'communities',
  },
  revealContact: { summary: 'Show the filer’s phone in full to staff who may see the request; written to the audit log. Anonymous requests have none.', input: z.object(Ref), output: RevealedContact, roles: STAFF, scope: 'communities' },
  stationView: {
    summary: 'Leaders: the station’s open requests, overdue first, and every officer’s load (open, overdue, due today).',
    input: z.object({ page: z._default(z.number().check(z.int(), z.gte(0), z.lte(100)), 0) }),
    output: z.object({ items: z.array(RequestSummary), page: z.number().check(z.int()), hasMore: z.boolean(), load: z.array(OfficerLoad) }),
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
