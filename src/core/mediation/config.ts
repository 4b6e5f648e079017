// Mediation rules a station may tune, as data (STYLE.md › Config is data): the deadlines of each
// level (限时办理), the return visit after closing (回访), the rectification deadline after a bad
// rating, the risk rules, and the subscription-message templates. The function reads overrides
// from its MEDIATION_CONFIG environment variable (cloudfunctions/mediation/settings.ts).
import * as z from 'zod/mini'
import { RiskRule } from './risk'
import { DEFAULT_RISK_RULES } from './risk-rules'

const Hours = z.number().check(z.int(), z.gte(1), z.lte(24 * 90))

/** Deadlines of one level, counted from the moment the case reached that level. */
export const LevelDeadlines = z.object({
  /** Accept (受理) within this many hours. */
  acceptHours: Hours,
  /** Hold the first session within this many hours. */
  firstSessionHours: Hours,
  /** Settle (or record "not settled") within this many hours. */
  settleHours: Hours,
})
export type LevelDeadlines = z.infer<typeof LevelDeadlines>

const Template = z.object({
  templateId: z.string().check(z.minLength(1)),
  /** Our field name → the template's keyword key (thing1, time2, …). */
  fields: z.record(z.string(), z.string().check(z.regex(/^[a-z_]+\d+$/))),
})
export type MediationTemplate = z.infer<typeof Template>

export const MediationConfig = z.object({
  /** Level 1 (community officer), 2 (station leadership), 3 (joint panel). */
  deadlines: z.tuple([LevelDeadlines, LevelDeadlines, LevelDeadlines]),
  /** Days after closing when the resident is asked to rate the mediation. */
  returnVisitDays: z.number().check(z.int(), z.gte(0), z.lte(90)),
  /** Days the leadership has to fix and call back after a dissatisfied rating. */
  rectificationDays: z.number().check(z.int(), z.gte(1), z.lte(90)),
  /** A dispute between the same parties within this many days counts as a repeat. */
  repeatWithinDays: z.number().check(z.int(), z.gte(1), z.lte(3650)),
  riskRules: z.array(RiskRule).check(z.minLength(1)),
  messages: z.object({
    miniprogramState: z.enum(['developer', 'trial', 'formal']),
    residentPage: z.string().check(z.minLength(1)),
    officerPage: z.string().check(z.minLength(1)),
    highRiskAlert: Template,
    escalated: Template,
    returnVisit: Template,
    rectification: Template,
  }),
})
export type MediationConfig = z.infer<typeof MediationConfig>

const DAY = 24

export const DEFAULT_MEDIATION_CONFIG: MediationConfig = {
  // The defaults for every level: accept in 24 h, first session in 3 days, settle in 15 days.
  deadlines: [0, 1, 2].map(() => ({ acceptHours: DAY, firstSessionHours: 3 * DAY, settleHours: 15 * DAY })) as MediationConfig['deadlines'],
  returnVisitDays: 7,
  rectificationDays: 7,
  repeatWithinDays: 365,
  riskRules: DEFAULT_RISK_RULES,
  messages: {
    miniprogramState: 'formal',
    residentPage: 'packages/mediation/pages/index/index',
    officerPage: 'packages/officer/pages/mediation-case/index',
    highRiskAlert: { templateId: 'TEMPLATE_MEDIATION_HIGH_RISK', fields: { type: 'thing1', reason: 'thing2', time: 'time3' } },
    escalated: { templateId: 'TEMPLATE_MEDIATION_ESCALATED', fields: { type: 'thing1', level: 'thing2', time: 'time3' } },
    returnVisit: { templateId: 'TEMPLATE_MEDIATION_RETURN_VISIT', fields: { type: 'thing1', time: 'time2' } },
    rectification: { templateId: 'TEMPLATE_MEDIATION_RECTIFY', fields: { type: 'thing1', time: 'time2' } },
  },
}

/**
 * Top-level keys of the override replace the defaults whole (a station that changes deadlines
 * gives all three levels), which keeps an override readable and its effect obvious.
 */
export function mediationConfigWith(override: unknown): MediationConfig {
  const patch = z.optional(z.record(z.string(), z.unknown())).parse(override) ?? {}
  return MediationConfig.parse({ ...DEFAULT_MEDIATION_CONFIG, ...patch })
}
