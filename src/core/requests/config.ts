// The requests desk's settings in force: the working calendar (the same Holiday shape the booking
// counters keep), the rectification deadline and the subscription-message templates. Defaults
// here; a deployment overrides top-level keys with the requests function's REQUESTS_CONFIG.
import * as z from 'zod/mini'
import { WorkCalendar } from './deadlines'

const Template = z.object({
  templateId: z.string().check(z.minLength(1)),
  /** Our field name → the template's keyword key (thing1, time2, …). */
  fields: z.record(z.string(), z.string().check(z.regex(/^[a-z_]+\d+$/))),
})

export const RequestsConfig = z.object({
  calendar: WorkCalendar,
  /** Days the leadership has to call back and fix after a rating of 1–2 (as mediation's rectification). */
  rectificationDays: z.number().check(z.int(), z.gte(1), z.lte(90)),
  messages: z.object({
    miniprogramState: z.enum(['developer', 'trial', 'formal']),
    residentPage: z.string().check(z.minLength(1)),
    officerPage: z.string().check(z.minLength(1)),
    /** To the resident: their request was answered. */
    answered: Template,
    /** To the officer: a deadline passed (reminder); to the leaders: it was escalated. */
    overdue: Template,
    /** To the leaders: a rectification task after a bad rating. */
    rectification: Template,
  }),
})
export type RequestsConfig = z.infer<typeof RequestsConfig>

export const DEFAULT_REQUESTS_CONFIG: RequestsConfig = {
  // 2026's public holidays as the State Council announced them are the deployment's to enter;
  // without them only weekends are skipped.
  calendar: { holidays: [], workingWeekendDays: [] },
  rectificationDays: 7,
  messages: {
    miniprogramState: 'formal',
    residentPage: 'packages/requests/pages/mine/index',
    officerPage: 'packages/officer/pages/request/index',
    answered: { templateId: 'TEMPLATE_REQUEST_ANSWERED', fields: { kind: 'thing1', time: 'time2' } },
    overdue: { templateId: 'TEMPLATE_REQUEST_OVERDUE', fields: { kind: 'thing1', step: 'thing2', time: 'time3' } },
    rectification: { templateId: 'TEMPLATE_REQUEST_RECTIFY', fields: { kind: 'thing1', time: 'time2' } },
  },
}

export function requestsConfigWith(override: unknown): RequestsConfig {
  const patch = z.optional(z.record(z.string(), z.unknown())).parse(override) ?? {}
  return RequestsConfig.parse({ ...DEFAULT_REQUESTS_CONFIG, ...patch })
}
