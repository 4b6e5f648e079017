// The volunteer rules, pure: sign-up and its waitlist, overlaps, cancellation, check-in by code
// or by position, hours and points, recurrence, reminders and the figures officers and
// volunteers see. The volunteers function loads the state, asks here, and writes under atomic
// conditions that restate these rules, so a decision made on a read cannot be overtaken.
import distance from '@turf/distance'
import { point } from '@turf/helpers'
import { dayjs, STATION_TIME_ZONE, type Dayjs } from '../time'
import type { ActivityKind, Skill, VolunteerConfig } from './config'
import { refuse, type Refusal } from '../refusal'

export type { Refusal }

// ── Time ─────────────────────────────────────────────────────────────────────────────────────

export interface Interval {
  startsAt: Date
  endsAt: Date
}

/** Half-open intervals: a patrol ending at 10:00 and one starting at 10:00 do not overlap. */
export const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt

export const Frequency = ['daily', 'weekly'] as const
export type Frequency = (typeof Frequency)[number]

export interface Occurrence extends Interval {
  deadline: Date
}

/**
 * The occurrences of a recurring activity: the first one and `count − 1` more, every day or week
 * at the same local time in the station's zone (so a weekly patrol stays at 19:00).
 */
export function occurrences(first: Occurrence, repeat: { frequency: Frequency; count: number } | null): Occurrence[] {
  const count = repeat?.count ?? 1
  const step = repeat?.frequency === 'daily' ? 1 : 7
  const shift = (d: Date, i: number) => dayjs(d).tz(STATION_TIME_ZONE).add(i * step, 'day').toDate()
  return Array.from({ length: count }, (_, i) => ({ startsAt: shift(first.startsAt, i), endsAt: shift(first.endsAt, i), deadline: shift(first.deadline, i) }))
}

// ── Sign-up and the waitlist ─────────────────────────────────────────────────────────────────

/** One sign-up on an activity, in arrival order. */
export interface Entry {
  openid: string
  at: Date
  /** The activity was full when this entry arrived: a later place is a promotion, with a message. */
  waited: boolean
}

/**
 * The entries are kept in arrival order; the first `capacity` hold a place and the rest wait in
 * that order. A cancellation removes an entry, so the first waiting moves into a place by the
 * same atomic write: there is no separate promotion step that could run twice or not at all.
 */
export type Standing = { state: 'placed' } | { state: 'waiting'; position: number } | { state: 'none' }

export function standingOf(entries: readonly Pick<Entry, 'openid'>[], capacity: number, openid: string): Standing {
  const index = entries.findIndex((e) => e.openid === openid)
  if (index < 0) return { state: 'none' }
  return index < capacity ? { state: 'placed' } : { state: 'waiting', position: index - capacity + 1 }
}

export const placedEntries = <E>(entries: readonly E[], capacity: number) => entries.slice(0, capacity)
export const waitingEntries = <E>(entries: readonly E[], capacity: number) => entries.slice(capacity)

/** Entries that waited and now hold a place: each is owed one promotion message. */
export const promotedEntries = <E extends Entry>(entries: readonly E[], capacity: number) => placedEntries(entries, capacity).filter((e) => e.waited)

export const VOLUNTEER_STATUSES = ['pending', 'active', 'declined', 'suspended'] as const
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number]

/** An activity a volunteer holds (placed or waiting): the overlap guard compares against these. */
export interface Hold extends Interval {
  activityId: string
}

export interface SignUpFacts {
  activity: {
    id: string
    status: 'open' | 'cancelled'
    startsAt: Date
    endsAt: Date
    deadline: Date
    teamIds: readonly string[]
    /** null: a bureau-wide activity, open to every team; absent or a station's id: open to `teamIds`. */
    stationId?: string | null
    skills: readonly Skill[]
    entries: readonly Entry[]
  } | null
  volunteer: { status: VolunteerStatus; teamId: string; skills: readonly Skill[]; holds: readonly Hold[] } | null
}

/**
 * Whether an activity is open to a volunteer's team: a bureau-wide activity (`stationId` null) to
 * every team; a station's (or one from before bureaus, with no `stationId`) to the teams it names
 * (src/core/volunteers/stations.ts: a station's teams are its own).
 */
export const openToTeam = (activity: { stationId?: string | null; teamIds: readonly string[] }, teamId: string) => activity.stationId === null || activity.teamIds.includes(teamId)

/** Why the volunteer cannot sign up now, or null. An existing sign-up is not a refusal: the answer is its standing. */
export function signUpRefusal({ activity, volunteer }: SignUpFacts, now: Dayjs): Refusal | null {
  if (!activity) return refuse('NOT_FOUND', 'unknown_activity', 'No such activity.')
  if (!volunteer || volunteer.status !== 'active') {
    return refuse('PERMISSION_DENIED', volunteer?.status === 'suspended' ? 'suspended' : 'not_volunteer', 'Only approved volunteers in good standing can sign up.')
  }
  if (activity.status === 'cancelled') return refuse('FAILED_PRECONDITION', 'cancelled', 'The activity was cancelled.')
  if (!now.isBefore(activity.deadline)) return refuse('FAILED_PRECONDITION', 'deadline_passed', 'The sign-up deadline has passed.', { deadline: activity.deadline.toISOString() })
  if (!openToTeam(activity, volunteer.teamId)) return refuse('PERMISSION_DENIED', 'team', 'The activity is not open to your team.', { teamIds: [...activity.teamIds] })
  const missing = activity.skills.filter((s) => !volunteer.skills.includes(s))
  if (missing.length > 0) return refuse('FAILED_PRECONDITION', 'skills', 'The activity needs skills your profile does not list.', { missing })
  const clash = volunteer.holds.find((h) => h.activityId !== activity.id && overlaps(h, activity))
  if (clash) return refuse('CONFLICT', 'overlap', 'You already hold an activity at that time.', { activityId: clash.activityId })
  return null
}

export const cancelDeadline = (startsAt: Date, config: VolunteerConfig) => dayjs(startsAt).subtract(config.cancelUntilMinutes, 'minute')

export function cancelRefusal(activity: { startsAt: Date; entries: readonly Entry[] } | null, openid: string, now: Dayjs, config: VolunteerConfig): Refusal | null {
  if (!activity) return refuse('NOT_FOUND', 'unknown_activity', 'No such activity.')
  if (!activity.entries.some((e) => e.openid === openid)) return refuse('NOT_FOUND', 'not_signed_up', 'You are not signed up for this activity.')
  const until = cancelDeadline(activity.startsAt, config)
  if (!now.isBefore(until)) return refuse('FAILED_PRECONDITION', 'too_late', `Cancelling is possible until ${config.cancelUntilMinutes / 60} hours before the start; tell the officer instead.`, { until: until.toISOString() })
  return null
}

// ── Check-in, check-out, hours and points ────────────────────────────────────────────────────

export const CHECK_IN_CODE = /^\d{6}$/

/** A 6-digit code; `randomInt` is injected so this module stays free of I/O. */
export const checkInCodeFrom = (randomInt: (max: number) => number) => String(randomInt(1_000_000)).padStart(6, '0')

export interface Place {
  point: { lng: number; lat: number } | null
  radiusMeters: number
}

export type CheckInProof = { method: 'code'; code: string } | { method: 'location'; lng: number; lat: number }

export const distanceMeters = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) => Math.round(distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' }))

export function checkInRefusal(activity: Interval & { status: 'open' | 'cancelled'; code: string; place: Place }, standing: Standing, proof: CheckInProof, now: Dayjs, config: VolunteerConfig): Refusal | null {
  if (activity.status === 'cancelled') return refuse('FAILED_PRECONDITION', 'cancelled', 'The activity was cancelled.')
  if (standing.state !== 'placed') return refuse('FAILED_PRECONDITION', 'not_placed', 'Only volunteers holding a place can check in.')
  if (proof.method === 'code' && proof.code !== activity.code) return refuse('INVALID_ARGUMENT', 'wrong_code', 'That is not this activity’s check-in code; ask the officer on site.')
  if (proof.method === 'location') {
    if (!activity.place.point) return refuse('FAILED_PRECONDITION', 'no_point', 'This activity has no map point; check in with the officer’s code.')
    const meters = distanceMeters(activity.place.point, proof)
    if (meters > activity.place.radiusMeters) {
      return refuse('FAILED_PRECONDITION', 'too_far', `You are ${meters} m from the activity’s place; check-in needs ${activity.place.radiusMeters} m or less.`, { distanceMeters: meters, radiusMeters: activity.place.radiusMeters })
    }
  }
  const opens = dayjs(activity.startsAt).subtract(config.checkInOpensMinutes, 'minute')
  if (now.isBefore(opens)) return refuse('FAILED_PRECONDITION', 'too_early', 'Check-in has not opened yet.', { opensAt: opens.toISOString() })
  if (!now.isBefore(activity.endsAt)) return refuse('FAILED_PRECONDITION', 'ended', 'The activity has ended; ask the officer to record your hours.')
  return null
}

export function checkOutRefusal(activity: Interval, attendance: { checkedOutAt: Date | null } | null, now: Dayjs, config: VolunteerConfig): Refusal | null {
  if (!attendance) return refuse('FAILED_PRECONDITION', 'not_checked_in', 'Check in first.')
  if (attendance.checkedOutAt) return refuse('FAILED_PRECONDITION', 'checked_out', 'You have already checked out.')
  if (now.isAfter(dayjs(activity.endsAt).add(config.checkOutGraceMinutes, 'minute'))) return refuse('FAILED_PRECONDITION', 'too_late', 'Check-out has closed; ask the officer to record your hours.')
  return null
}

export const activityMinutes = (activity: Interval) => Math.max(0, Math.floor((activity.endsAt.getTime() - activity.startsAt.getTime()) / 60_000))

/** Minutes served: from check-in to check-out, never more than the activity lasts. */
export function minutesServed(activity: Interval, checkedInAt: Date, checkedOutAt: Date): number {
  const served = Math.floor((checkedOutAt.getTime() - checkedInAt.getTime()) / 60_000)
  return Math.max(0, Math.min(served, activityMinutes(activity)))
}

/** Points for the minutes, at the kind's rate per hour, rounded to a whole point. */
export const pointsFor = (minutes: number, kind: ActivityKind, config: VolunteerConfig) => Math.round((minutes * (config.pointsPerHour[kind] ?? 0)) / 60)

// ── Reminders ────────────────────────────────────────────────────────────────────────────────

/** The day-before reminder is due from `reminderHour` on the station's previous day until the start. */
export function isReminderDue(startsAt: Date, now: Dayjs, config: VolunteerConfig): boolean {
  const from = dayjs(startsAt).tz(STATION_TIME_ZONE).startOf('day').subtract(1, 'day').add(config.reminderHour, 'hour')
  return !now.isBefore(from) && now.isBefore(startsAt)
}

/** The station-local month (YYYY-MM) and year of an instant: hours are filed by them. */
export const localMonth = (at: Date) => dayjs(at).tz(STATION_TIME_ZONE).format('YYYY-MM')
export const localYear = (at: Date) => Number(dayjs(at).tz(STATION_TIME_ZONE).format('YYYY'))

// ── Figures ──────────────────────────────────────────────────────────────────────────────────

export interface ServiceRecord {
  openid: string
  teamId: string
  activityId: string
  minutes: number
  points: number
}

export interface TeamMonth {
  teamId: string
  activities: number
  minutes: number
  /** Places held on the month's ended activities, and how many of them checked in. */
  places: number
  attended: number
  /** attended / places, null when no place was held. */
  attendanceRate: number | null
}

/**
 * Per team, one month: activities open to it, minutes its volunteers served, attendance rate
 * (check-ins over places held on ended activities; a volunteer of team A on an activity shared
 * with team B counts for A).
 */
export function teamMonthFigures(
  teamIds: readonly string[],
  activities: ReadonlyArray<{ id: string; teamIds: readonly string[]; ended: boolean; placed: ReadonlyArray<{ openid: string; teamId: string }> }>,
  records: readonly ServiceRecord[],
): TeamMonth[] {
  const attendedKeys = new Set(records.map((r) => `${r.activityId} ${r.openid}`))
  return teamIds.map((teamId) => {
    const mine = activities.filter((a) => a.teamIds.includes(teamId))
    const places = activities.filter((a) => a.ended).flatMap((a) => a.placed.filter((p) => p.teamId === teamId).map((p) => `${a.id} ${p.openid}`))
    const attended = places.filter((key) => attendedKeys.has(key)).length
    return {
      teamId,
      activities: mine.length,
      minutes: records.filter((r) => r.teamId === teamId).reduce((sum, r) => sum + r.minutes, 0),
      places: places.length,
      attended,
      attendanceRate: places.length === 0 ? null : attended / places.length,
    }
  })
}

export interface LeaderboardRow {
  rank: number
  openid: string
  points: number
  minutes: number
}

/** Ranked by points, then minutes; equal figures share a rank. Volunteers who opted out are left out. */
export function leaderboard(records: readonly ServiceRecord[], optedOut: ReadonlySet<string>): LeaderboardRow[] {
  const totals = new Map<string, { points: number; minutes: number }>()
  for (const r of records) {
    if (optedOut.has(r.openid)) continue
    const t = totals.get(r.openid) ?? { points: 0, minutes: 0 }
    totals.set(r.openid, { points: t.points + r.points, minutes: t.minutes + r.minutes })
  }
  const sorted = [...totals].map(([openid, t]) => ({ openid, ...t })).sort((a, b) => b.points - a.points || b.minutes - a.minutes || a.openid.localeCompare(b.openid))
  return sorted.map((row, i) => {
    const firstEqual = sorted.findIndex((other) => other.points === row.points && other.minutes === row.minutes)
    return { rank: (firstEqual < 0 ? i : firstEqual) + 1, ...row }
  })
}
