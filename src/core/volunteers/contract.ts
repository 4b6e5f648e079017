// The volunteers function: applying to a team, officers approving or suspending, activities with
// capacity and a waitlist, check-in by code or position, hours, points, leaderboards and the
// officers' monthly figures. Rules live in ./rules.ts; this file is what crosses the wire.
import * as z from 'zod/mini'
import { defineFunction } from '../contract'
import { DocId, RequestId } from '../ids'
import { Latitude, LocalizedName, Longitude } from '../jurisdiction/primitives'
import { ChineseMobile } from '../booking/phone'
import { ANYONE } from '../roles'
import { RevealedContact } from '../privacy/contract'
import { ActivityKind, Availability, Skill } from './config'
import { CHECK_IN_CODE, Frequency, VOLUNTEER_STATUSES } from './rules'

const DESK = ['officer', 'station_leader', 'bureau_leader'] as const
const MEMBERS = ['volunteer', 'officer', 'station_leader', 'bureau_leader'] as const
const VOLUNTEERS = ['volunteer'] as const

const Instant = z.iso.datetime({ offset: true })
const Reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(100))
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length

export const VolunteerStatus = z.enum(VOLUNTEER_STATUSES)
export const Month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'))
export const Year = z.number().check(z.int(), z.gte(2020), z.lte(2100))

/** Longer text than a name: descriptions, in zh and optionally mn. */
export const LocalizedText = z.strictObject({ zh: z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(500),
), mn: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))) })

export const TeamView = z.object({
  id: DocId,
  name: LocalizedName,
  description: LocalizedText,
  /** The team's station; null for a bureau-wide team (volunteers of every station). */
  stationId: z.nullable(z.string()),
  members: z.number().check(z.int()),
  /** Whether the caller manages the team as staff (publishes its activities, decides its applications); false for residents and volunteers. */
  managed: z.boolean(),
})
export type TeamView = z.infer<typeof TeamView>

export const ApplyInput = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(32)),
  phone: ChineseMobile,
  skills: z.array(Skill).check(z.maxLength(5), z.refine(unique, 'skills must not repeat')),
  availability: z.array(Availability).check(z.minLength(1), z.maxLength(4), z.refine(unique, 'availability must not repeat')),
  communityId: DocId,
  teamId: DocId,
  /** The attempt's key: a repeat (a resend after a lost answer) answers the application it made. */
  requestId: z.optional(RequestId),
})

export const VolunteerView = z.object({
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  skills: z.array(Skill),
  availability: z.array(Availability),
  communityId: z.string(),
  teamId: z.string(),
  status: VolunteerStatus,
  /** Why an officer declined or suspended. */
  reason: z.nullable(z.string()),
  appliedAt: z.string(),
  decidedAt: z.nullable(z.string()),
  leaderboardOptOut: z.boolean(),
})
export type VolunteerView = z.infer<typeof VolunteerView>

export const PlaceInput = z.strictObject({
    label: LocalizedName,
    communityId: z.optional(DocId),
    point: z.optional(z.strictObject({ lng: Longitude, lat: Latitude })),
    radiusMeters: z.optional(z.number().check(z.int(), z.gte(20), z.lte(5000))),
  }).check(z.refine((p) => p.point || p.communityId, 'a place needs a map point or a community'))

export const ActivityFields = z.object({
  kind: ActivityKind,
  title: LocalizedName,
  description: LocalizedText,
  place: PlaceInput,
  startsAt: Instant,
  endsAt: Instant,
  deadline: Instant,
  capacity: z.number().check(z.int(), z.gte(1), z.lte(500)),
  skills: z.array(Skill).check(z.maxLength(5), z.refine(unique, 'skills must not repeat')),
  teamIds: z.array(DocId).check(z.minLength(1), z.maxLength(10), z.refine(unique, 'teams must not repeat')),
})

const timesInOrder = (a: { startsAt?: string; endsAt?: string; deadline?: string }) =>
  !a.startsAt || !a.endsAt || (Date.parse(a.endsAt) > Date.parse(a.startsAt) && (!a.deadline || Date.parse(a.deadline) <= Date.parse(a.startsAt)))

export const Standing = z.discriminatedUnion('state', [
  z.object({ state: z.literal('placed') }),
  z.object({ state: z.literal('waiting'), position: z.number().check(z.int()) }),
  z.object({ state: z.literal('none') }),
])

export const ActivityView = z.object({
  id: DocId,
  /** A bureau-wide activity (of a bureau-wide team): open to every volunteer of the bureau. */
  bureauWide: z.boolean(),
  kind: ActivityKind,
  title: LocalizedName,
  description: LocalizedText,
  place: z.object({ label: LocalizedName, communityId: z.nullable(z.string()), point: z.nullable(z.object({ lng: z.number(), lat: z.number() })), radiusMeters: z.number().check(z.int()) }),
  startsAt: z.string(),
  endsAt: z.string(),
  deadline: z.string(),
  capacity: z.number().check(z.int()),
  skills: z.array(Skill),
  teamIds: z.array(z.string()),
  status: z.enum(['open', 'cancelled']),
  cancelReason: z.nullable(z.string()),
  /** Series of a recurring activity (the first occurrence's id), null for a one-off. */
  seriesId: z.nullable(z.string()),
  placed: z.number().check(z.int()),
  waiting: z.number().check(z.int()),
  mine: Standing,
  /** The caller's attendance, once checked in. */
  attendance: z.nullable(z.object({ checkedInAt: z.string(), checkedOutAt: z.nullable(z.string()), minutes: z.nullable(z.number().check(z.int())), points: z.nullable(z.number().check(z.int())) })),
  cancellableUntil: z.string(),
})
export type ActivityView = z.infer<typeof ActivityView>

export const RosterPerson = z.object({
  openid: z.string(),
  name: z.string(),
  teamId: z.string(),
  phone: z.string(),
  attendance: z.nullable(z.object({
      method: z.enum(['code', 'location', 'officer']),
      checkedInAt: z.nullable(z.string()),
      checkedOutAt: z.nullable(z.string()),
      minutes: z.nullable(z.number().check(z.int())),
      points: z.nullable(z.number().check(z.int())),
      corrections: z.array(z.object({ by: z.string(), at: z.string(), fromMinutes: z.nullable(z.number().check(z.int())), toMinutes: z.number().check(z.int()), reason: z.string() })),
    })),
})

export const Roster = z.object({
  activity: ActivityView,
  /** Shown on the officer's phone for volunteers to type. */
  code: z.string(),
  placed: z.array(RosterPerson),
  waiting: z.array(z.extend(RosterPerson, { position: z.number().check(z.int()) })),
})
export type Roster = z.infer<typeof Roster>

export const ServiceEntry = z.object({
  activityId: z.string(),
  title: LocalizedName,
  kind: ActivityKind,
  startsAt: z.string(),
  minutes: z.number().check(z.int()),
  points: z.number().check(z.int()),
  corrected: z.boolean(),
})

export const MyRecord = z.object({
  year: z.number().check(z.int()),
  name: z.string(),
  teamId: z.string(),
  minutes: z.number().check(z.int()),
  points: z.number().check(z.int()),
  activities: z.number().check(z.int()),
  history: z.array(ServiceEntry),
})
export type MyRecord = z.infer<typeof MyRecord>

export const Leaderboard = z.object({
  teamId: z.string(),
  year: z.number().check(z.int()),
  optedOut: z.boolean(),
  rows: z.array(z.object({ rank: z.number().check(z.int()), name: z.string(), points: z.number().check(z.int()), minutes: z.number().check(z.int()), me: z.boolean() })),
})
export type Leaderboard = z.infer<typeof Leaderboard>

export const TeamMonthView = z.object({
  teamId: z.string(),
  activities: z.number().check(z.int()),
  minutes: z.number().check(z.int()),
  places: z.number().check(z.int()),
  attended: z.number().check(z.int()),
  attendanceRate: z.nullable(z.number()),
})
export type TeamMonthView = z.infer<typeof TeamMonthView>

export const CheckInProof = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('code'), code: z.string().check(z.trim(), z.regex(CHECK_IN_CODE, 'must be the 6-digit code the officer shows')) }),
  z.strictObject({ method: z.literal('location'), lng: Longitude, lat: Latitude }),
])

const ActivityRef = { activityId: DocId }

export const volunteersContract = defineFunction('volunteers', {
  teams: { summary: 'The volunteer teams with their member counts: the caller’s station’s first, then the bureau-wide ones (bureau staff: every station’s, grouped by station).', input: z.object({}), output: z.array(TeamView), roles: ANYONE, scope: 'station' },
  myVolunteer: { summary: 'The caller’s volunteer profile and status, or null before applying.', input: z.object({}), output: z.nullable(VolunteerView), roles: ANYONE, scope: 'own' },
  apply: {
    summary: 'Apply to a team with a profile (skills, availability, home community). A declined applicant may apply again.',
    input: ApplyInput,
    output: VolunteerView,
    roles: ANYONE, scope: 'own',
  },
  applications: { summary: 'Volunteers by status (pending first), for officers: those of the teams the caller manages (their station’s; bureau staff: all).', input: z.object({ status: z.optional(VolunteerStatus) }), output: z.array(VolunteerView), roles: DESK, scope: 'station' },
  decide: {
    summary: 'Approve (grants the volunteer role) or decline with a reason a pending application.',
    input: z.object({ openid: DocId, decision: z.enum(['approve', 'decline']), reason: z.optional(Reason) }).check(z.refine((d) => d.decision === 'approve' || d.reason, { message: 'a decline needs a reason', path: ['reason'] })),
    output: VolunteerView,
    roles: DESK, scope: 'station',
  },
  revealContact: {
    summary: 'Show a volunteer’s phone in full to an officer (masked in lists and rosters); written to the audit log.',
    input: z.object({ openid: DocId }),
    output: RevealedContact,
    roles: DESK,
    scope: 'station',
  },
  suspend: { summary: 'Suspend an active volunteer with a reason: the volunteer role is removed.', input: z.object({ openid: DocId, reason: Reason }), output: VolunteerView, roles: DESK, scope: 'station' },
  createActivity: {
    summary: 'Create an activity, or a series: `repeat` makes daily or weekly occurrences at the same local time. Its teams are of the caller’s station (bureau staff: of one station, or all bureau-wide: a bureau-wide activity). Retrying with the same requestId answers the first activities.',
    input: z.extend(ActivityFields, { repeat: z.optional(z.strictObject({ frequency: z.enum(Frequency), count: z.number().check(
      z.int(),
      z.gte(2),
      z.lte(12),
    ) })), requestId: RequestId }).check(z.refine(timesInOrder, 'the end must follow the start and the deadline must not be after the start')),
    output: z.array(ActivityView),
    roles: DESK, scope: 'station',
  },
  updateActivity: {
    summary: 'Change an activity’s text, place, capacity (not below the places held), skills or deadline. Times stay: cancel and create anew to move it.',
    input: z.object({ ...ActivityRef, ...z.partial(z.pick(ActivityFields, { title: true, description: true, place: true, capacity: true, skills: true, deadline: true })).shape }),
    output: ActivityView,
    roles: DESK, scope: 'station',
  },
  cancelActivity: { summary: 'Cancel an activity with a reason; everyone signed up is told.', input: z.object({ ...ActivityRef, reason: Reason }), output: ActivityView, roles: DESK, scope: 'station' },
  listActivities: {
    summary: 'Activities from a week ago on, soonest first, with the caller’s standing; volunteers see those open to their team and the bureau-wide ones, staff those they manage.',
    input: z.object({}),
    output: z.array(ActivityView),
    roles: MEMBERS, scope: 'station',
  },
  activity: { summary: 'One activity with the caller’s standing and attendance.', input: z.object(ActivityRef), output: ActivityView, roles: MEMBERS, scope: 'station' },
  roster: { summary: 'Places, waitlist, attendance and the check-in code of an activity.', input: z.object(ActivityRef), output: Roster, roles: DESK, scope: 'station' },
  signUp: {
    summary: 'Sign up: a place while there is one, else the waitlist, in arrival order. Signing up again answers the current standing.',
    input: z.object(ActivityRef),
    output: ActivityView,
    roles: VOLUNTEERS, scope: 'own',
  },
  cancelSignUp: { summary: 'Withdraw until the configured time before the start; the first waiting takes the place.', input: z.object(ActivityRef), output: ActivityView, roles: VOLUNTEERS, scope: 'own' },
  checkIn: { summary: 'Check in with the officer’s 6-digit code or the phone’s position within the activity’s radius.', input: z.object({ ...ActivityRef, proof: CheckInProof }), output: ActivityView, roles: VOLUNTEERS, scope: 'own' },
  checkOut: { summary: 'Check out; the hours (capped at the activity’s length) and points are recorded.', input: z.object(ActivityRef), output: ActivityView, roles: VOLUNTEERS, scope: 'own' },
  myRecord: { summary: 'The caller’s hours, points and history for a year (this year by default): the service certificate’s figures.', input: z.object({ year: z.optional(Year) }), output: MyRecord, roles: VOLUNTEERS, scope: 'own' },
  leaderboard: { summary: 'The caller’s team ranked by points for a year, without those who opted out.', input: z.object({ year: z.optional(Year) }), output: Leaderboard, roles: VOLUNTEERS, scope: 'own' },
  setLeaderboardOptOut: { summary: 'Leave or rejoin the team leaderboard.', input: z.object({ optOut: z.boolean() }), output: VolunteerView, roles: VOLUNTEERS, scope: 'own' },
  correctHours: {
    summary: 'Set a volunteer’s minutes on an activity (also for someone who never checked in); the change is logged with the officer and reason.',
    input: z.object({ ...ActivityRef, openid: DocId, minutes: z.number().check(z.int(), z.gte(0), z.lte(24 * 60)), reason: Reason }),
    output: Roster,
    roles: DESK, scope: 'station',
  },
  teamMonth: { summary: 'Per team for a month: activities, hours served and attendance rate.', input: z.object({ month: Month }), output: z.array(TeamMonthView), roles: DESK, scope: 'station' },
})
