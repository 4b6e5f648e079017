// The five kinds of resident request (群众诉求), as data: each kind's own fields, who handles it,
// whether it may be anonymous, and its time limits per step with the reason for each figure.
// The model is the 24-hour online police platform (集中受理、分类处置、统一协调、部门联动、
// 限时办理、整改反馈, ../shared/domain/004) and the 96110 anti-fraud mechanism (domain/002).
// Pure data and zod: the form, the function and the docs read the same table.
import * as z from 'zod/mini'
import { DocId } from '../ids'

export const REQUEST_KINDS = ['consultation', 'help', 'tip_off', 'fraud_report', 'complaint'] as const
export const RequestKind = z.enum(REQUEST_KINDS, { error: `must be one of: ${REQUEST_KINDS.join(', ')}` })
export type RequestKind = z.infer<typeof RequestKind>

/** Who answers a kind: the officer routing chose for the place, or the station leadership. */
export const HandledBy = z.enum(['routed_officer', 'leadership'])
export type HandledBy = z.infer<typeof HandledBy>

/** The national anti-fraud warning hotline (国家反诈预警劝阻专线), shown on every fraud report. */
export const ANTI_FRAUD_HOTLINE = '96110'
/** Emergencies never wait for a desk: the help form offers this first. */
export const EMERGENCY_NUMBER = '110'

const Short = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))

export const CONSULTATION_TOPICS = ['household', 'id_card', 'residence_permit', 'entry_exit', 'traffic', 'certificate', 'other'] as const
export const HELP_TOPICS = ['lost_item', 'lost_person_found', 'lockout', 'livestock_strayed', 'elderly_alone', 'other'] as const
export const TIP_OFF_SUBJECTS = ['drugs', 'gambling', 'theft', 'fraud_gang', 'illegal_gathering', 'illegal_mining_grazing', 'other'] as const
export const FRAUD_CHANNELS = ['phone', 'sms', 'wechat', 'qq', 'website', 'qr_code', 'app', 'other'] as const

/**
 * Each kind's own fields. `kind` is the discriminator; the rest is what the officer needs to act
 * without calling back. Free text stays in the request's `text`; these are mostly choices.
 */
export const ConsultationDetails = z.strictObject({ kind: z.literal('consultation'), topic: z.enum(CONSULTATION_TOPICS) })
export const HelpDetails = z.strictObject({
  kind: z.literal('help'),
  topic: z.enum(HELP_TOPICS),
  /** The form's first question. `true` is still accepted (the person chose to file after seeing 110) and routed as urgent to an officer on duty. */
  dangerNow: z.boolean(),
})
export const TipOffDetails = z.strictObject({
  kind: z.literal('tip_off'),
  subject: z.enum(TIP_OFF_SUBJECTS),
  /** When it was seen, if known (an instant with offset). */
  seenAt: z.optional(z.iso.datetime({ offset: true })),
  /** Still going on: the officer may need to go now. */
  ongoing: z._default(z.boolean(), false),
})
export const FraudReportDetails = z.strictObject({
    kind: z.literal('fraud_report'),
    channel: z.enum(FRAUD_CHANNELS),
    /** The suspicious phone number, as shown to the person. */
    number: z.optional(z.string().check(z.trim(), z.regex(/^[0-9+\-() ]{3,24}$/, 'must be a phone number'))),
    /** A WeChat, QQ, bank or payment account id as shown. */
    account: z.optional(Short(64)),
    link: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
    /** Money already transferred: the officer calls 96110's stop-payment line first. */
    moneyLost: z.boolean(),
    amountYuan: z.optional(z.number().check(z.gte(0), z.lte(100_000_000))),
  }).check(z.refine((d) => d.number || d.account || d.link || d.channel === 'qr_code' || d.channel === 'other', { message: 'give the number, account or link (or a picture of the QR code)', path: ['number'] }))
export const ComplaintDetails = z.strictObject({
  kind: z.literal('complaint'),
  type: z.enum(['complaint', 'suggestion']),
  /** The complaint is about an officer's conduct: it goes to the station leadership, never to that officer. */
  aboutOfficer: z._default(z.boolean(), false),
  /** The officer complained about, when the resident knows (their community officer's card). */
  officerId: z.optional(DocId),
})

export const RequestDetails = z.discriminatedUnion('kind', [ConsultationDetails, HelpDetails, TipOffDetails, FraudReportDetails, ComplaintDetails])
export type RequestDetails = z.infer<typeof RequestDetails>

/** Time limits of one kind: hours to accept (clock hours), working days to answer after filing. */
export interface TimeLimits {
  /** Accept (受理) or, for a tip-off, acknowledge within this many clock hours of filing, any day. */
  acceptHours: number
  /** Answer within this many working days, counted from the day after filing (次日起算). */
  answerWorkingDays: number
}

export interface KindRule {
  handledBy: HandledBy
  anonymousAllowed: boolean
  /** The form asks "is anyone in danger now?" first and offers 110. */
  asksDangerFirst: boolean
  /** A hotline shown with the form. */
  hotline: string | null
  limits: TimeLimits
  /** Where each figure comes from, for the docs and for whoever changes it. */
  why: { acceptHours: string; answerWorkingDays: string }
}

/**
 * The table. Every figure is a station decision that a deployment can tighten; the reasons say
 * what it follows. Accepting counts clock hours (a request filed on Saturday is seen on Saturday:
 * the station keeps a duty officer, 值班), answering counts working days (a full answer may need
 * another office that only works on working days).
 */
export const KIND_RULES: Record<RequestKind, KindRule> = {
  consultation: {
    handledBy: 'routed_officer',
    anonymousAllowed: false,
    asksDangerFirst: false,
    hotline: null,
    limits: { acceptHours: 24, answerWorkingDays: 3 },
    why: {
      acceptHours: 'the 24-hour online police platform (domain 004) promises a person is heard within a day',
      answerWorkingDays: 'issue 15: a question about a service or rule is answered within 3 working days; most answers are a material list or a rule',
    },
  },
  help: {
    handledBy: 'routed_officer',
    anonymousAllowed: false,
    asksDangerFirst: true,
    hotline: EMERGENCY_NUMBER,
    limits: { acceptHours: 12, answerWorkingDays: 2 },
    why: {
      acceptHours: 'not an emergency (that is 110), but a person is waiting: within one duty shift (12 h)',
      answerWorkingDays: 'help usually means going there; two working days leaves room for a herder 70 km away',
    },
  },
  tip_off: {
    handledBy: 'routed_officer',
    anonymousAllowed: true,
    asksDangerFirst: false,
    hotline: EMERGENCY_NUMBER,
    limits: { acceptHours: 24, answerWorkingDays: 15 },
    why: {
      acceptHours: 'issue 15: a tip-off is acknowledged within 24 hours so the informant knows it arrived',
      answerWorkingDays: 'a tip is checked before anything can be said; 15 working days matches the 15 days the 信访工作条例 (2022) gives to decide on a matter, far below its 60 days for handling one',
    },
  },
  fraud_report: {
    handledBy: 'routed_officer',
    anonymousAllowed: false,
    asksDangerFirst: false,
    hotline: ANTI_FRAUD_HOTLINE,
    limits: { acceptHours: 2, answerWorkingDays: 1 },
    why: {
      acceptHours: 'a fraud number or account reported early can still be stopped (96110 warning and 止付 work in hours; domain 002): 2 hours',
      answerWorkingDays: 'the return visit (回访, domain 002) the next working day: blocked or not, and how to protect oneself',
    },
  },
  complaint: {
    handledBy: 'routed_officer',
    anonymousAllowed: false,
    asksDangerFirst: false,
    hotline: null,
    limits: { acceptHours: 24, answerWorkingDays: 5 },
    why: {
      acceptHours: 'as every request: heard within a day',
      answerWorkingDays: 'a complaint needs the facts from the people involved and a decision by the leadership: one working week',
    },
  },
}

/**
 * Who handles this request. A complaint about an officer goes to the station leadership, never to
 * that officer (nor to the officer routing would choose, who may be the same person).
 */
export function handlerOf(details: RequestDetails): HandledBy {
  if (details.kind === 'complaint' && (details.aboutOfficer || details.officerId)) return 'leadership'
  return KIND_RULES[details.kind].handledBy
}

/** Maximum photos per request (issue 15). */
export const MAX_PHOTOS = 3
