// Volunteer rules a station may tune, as data (STYLE.md › Config is data): points per hour by
// activity kind, the cancellation deadline, the check-in window and radius, the reminder hour and
// the subscription templates. cloudfunctions/volunteers/settings.ts overrides them from the
// VOLUNTEERS_CONFIG environment variable.
import * as z from 'zod/mini'

export const ACTIVITY_KINDS = ['patrol', 'anti_fraud', 'legal_education', 'relief', 'neighbourhood_watch'] as const
export const ActivityKind = z.enum(ACTIVITY_KINDS)
export type ActivityKind = z.infer<typeof ActivityKind>

export const SKILLS = ['mongolian', 'first_aid', 'driving', 'law', 'photography'] as const
export const Skill = z.enum(SKILLS)
export type Skill = z.infer<typeof Skill>

export const AVAILABILITY = ['weekday_day', 'weekday_evening', 'weekend', 'on_call'] as const
export const Availability = z.enum(AVAILABILITY)
export type Availability = z.infer<typeof Availability>

const Minutes = z.number().check(z.int(), z.gte(0), z.lte(7 * 24 * 60))

const Template = z.object({ templateId: z.string().check(z.minLength(1)), fields: z.record(z.string(), z.string().check(z.regex(/^[a-z_]+\d+$/))) })

export const VolunteerConfig = z.object({
  /** Points per hour of service, by kind: relief work in the cold counts more than a street watch. */
  pointsPerHour: z.record(ActivityKind, z.number().check(z.gte(0), z.lte(100))),
  /** A volunteer can cancel until this long before the start; later, the officer must be told in person. */
  cancelUntilMinutes: Minutes,
  /** Check-in opens this long before the start and closes at the end. */
  checkInOpensMinutes: Minutes,
  /** Check-out stays possible this long after the end (hours are capped at the activity's length anyway). */
  checkOutGraceMinutes: Minutes,
  /** Default radius around the activity's place for check-in by location. */
  defaultRadiusMeters: z.number().check(z.int(), z.gte(20), z.lte(5000)),
  /** Day-before reminders go out from this hour of the station's day. */
  reminderHour: z.number().check(z.int(), z.gte(0), z.lte(23)),
  messages: z.object({
    miniprogramState: z.enum(['developer', 'trial', 'formal']),
    page: z.string().check(z.minLength(1)),
    reminder: Template,
    promoted: Template,
    cancelled: Template,
  }),
})
export type VolunteerConfig = z.infer<typeof VolunteerConfig>

export const DEFAULT_VOLUNTEER_CONFIG: VolunteerConfig = {
  pointsPerHour: { patrol: 10, anti_fraud: 8, legal_education: 8, relief: 12, neighbourhood_watch: 6 },
  cancelUntilMinutes: 12 * 60,
  checkInOpensMinutes: 60,
  checkOutGraceMinutes: 180,
  defaultRadiusMeters: 300,
  reminderHour: 18,
  messages: {
    miniprogramState: 'formal',
    page: 'packages/volunteer/pages/center/index',
    // Placeholders until the station registers its templates (订阅消息 › 我的模板).
    reminder: { templateId: 'TEMPLATE_VOLUNTEER_REMINDER', fields: { title: 'thing1', time: 'time2', place: 'thing3' } },
    promoted: { templateId: 'TEMPLATE_VOLUNTEER_PROMOTED', fields: { title: 'thing1', time: 'time2', place: 'thing3' } },
    cancelled: { templateId: 'TEMPLATE_VOLUNTEER_CANCELLED', fields: { title: 'thing1', time: 'time2', reason: 'thing3' } },
  },
}

/** Top-level keys of an override replace the defaults' (a station overriding rates gives all five). */
export const volunteerConfigWith = (override: unknown): VolunteerConfig =>
  VolunteerConfig.parse({ ...DEFAULT_VOLUNTEER_CONFIG, ...(override && typeof override === 'object' ? override : {}) })
