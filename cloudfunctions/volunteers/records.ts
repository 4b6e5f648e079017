// How volunteer data is stored and how stored documents become what callers see. Kept apart from
// the store so scripts (demo seed, bench) can build the same records without initialising the SDK.
// Every document read is parsed with these schemas (the database is a boundary).
import * as z from 'zod/mini'
import { LocalizedName } from '../../src/core/jurisdiction/primitives'
import { ActivityKind, Availability, Skill, type VolunteerConfig } from '../../src/core/volunteers/config'
import type { ActivityView, RosterPerson, TeamView, VolunteerView } from '../../src/core/volunteers/contract'
import { LocalizedText } from '../../src/core/volunteers/contract'
import { cancelDeadline, standingOf, VOLUNTEER_STATUSES } from '../../src/core/volunteers/rules'
import { disclose, Protected } from '../_shared/personal-data'

const StoredDate = z.coerce.date()

/**
 * A station's id, or null for a bureau-wide record; absent on records written before bureaus
 * (the first station's: src/core/volunteers/stations.ts › recordStation).
 */
const StationRef = z.optional(z.nullable(z.string()))

export const TeamDoc = z.object({ _id: z.string(), name: LocalizedName, description: LocalizedText, order: z.number().check(z.int()), stationId: StationRef })
export type TeamDoc = z.infer<typeof TeamDoc>

/** `stationId` resolved: the team's station, or null for a bureau-wide team. */
export const teamView = (team: TeamDoc, stationId: string | null, members: number, managed: boolean): TeamView => ({ id: team._id, name: team.name, description: team.description, stationId, members, managed })

export const HoldDoc = z.object({ activityId: z.string(), startsAt: StoredDate, endsAt: StoredDate })

/** One per applicant, keyed by openid. `holds` are the activities signed up for: the overlap guard. */
export const VolunteerDoc = z.object({
  _id: z.string(),
  name: z.string(),
  /** Encrypted, masked and hashed (cloudfunctions/_shared/personal-data.ts). */
  phone: Protected,
  skills: z.array(Skill),
  availability: z.array(Availability),
  communityId: z.string(),
  teamId: z.string(),
  status: z.enum(VOLUNTEER_STATUSES),
  reason: z.nullable(z.string()),
  appliedAt: StoredDate,
  decidedAt: z.nullable(StoredDate),
  decidedBy: z.nullable(z.string()),
  leaderboardOptOut: z.boolean(),
  holds: z.array(HoldDoc),
  /** The requestId of the application that made this profile (absent on older profiles). */
  requestId: z.nullish(z.string()),
  /** The volunteer's station: their team's, or their community's for a bureau-wide team (absent before bureaus: the first station). */
  stationId: StationRef,
})
export type VolunteerDoc = z.infer<typeof VolunteerDoc>

/** The volunteer sees their own phone; officers see it masked until they reveal it (audited). */
export const volunteerView = (doc: VolunteerDoc, viewer: 'owner' | 'staff'): VolunteerView => ({
  openid: doc._id,
  name: doc.name,
  phone: viewer === 'owner' ? disclose('phone', doc.phone) : doc.phone.masked,
  skills: doc.skills,
  availability: doc.availability,
  communityId: doc.communityId,
  teamId: doc.teamId,
  status: doc.status,
  reason: doc.reason,
  appliedAt: doc.appliedAt.toISOString(),
  decidedAt: doc.decidedAt?.toISOString() ?? null,
  leaderboardOptOut: doc.leaderboardOptOut,
})

export const EntryDoc = z.object({ openid: z.string(), teamId: z.string(), at: StoredDate, waited: z.boolean() })
export type EntryDoc = z.infer<typeof EntryDoc>

/**
 * `entries` in arrival order: the first `capacity` hold a place, the rest wait (src/core/volunteers/
 * rules.ts › Standing). `count` = entries.length, changed in the same atomic write as `entries`,
 * so sign-up can guard on it. `promoted`, `reminded` and `cancelNoticed` are the jobs' marks.
 */
export const ActivityDoc = z.object({
  _id: z.string(),
  kind: ActivityKind,
  title: LocalizedName,
  description: LocalizedText,
  place: z.object({ label: LocalizedName, communityId: z.nullable(z.string()), point: z.nullable(z.object({ lng: z.number(), lat: z.number() })), radiusMeters: z.number().check(z.int()) }),
  startsAt: StoredDate,
  endsAt: StoredDate,
  deadline: StoredDate,
  capacity: z.number().check(z.int()),
  skills: z.array(Skill),
  teamIds: z.array(z.string()),
  status: z.enum(['open', 'cancelled']),
  cancelReason: z.nullable(z.string()),
  seriesId: z.nullable(z.string()),
  code: z.string(),
  entries: z.array(EntryDoc),
  count: z.number().check(z.int()),
  promoted: z.array(z.string()),
  reminded: z.array(z.string()),
  cancelNoticed: z.array(z.string()),
  createdBy: z.string(),
  createdAt: StoredDate,
  updatedAt: StoredDate,
  /** Of the creating request's content: its requestId used again for other content is refused. Absent on activities made before. */
  requestDigest: z.optional(z.string()),
  /** Its teams' station, null for a bureau-wide activity (open to every volunteer of the bureau). */
  stationId: StationRef,
  /**
   * True exactly when `stationId` is null: lists and the dashboard's group keys match on it, since
   * a query or a group key cannot tell a stored null from a missing stationId (before bureaus).
   */
  bureauWide: z.optional(z.boolean()),
})
export type ActivityDoc = z.infer<typeof ActivityDoc>

/** A newly published activity's state: open, nobody signed up, nothing sent yet. */
export const untouchedActivity = () =>
  ({ status: 'open', cancelReason: null, entries: [], count: 0, promoted: [], reminded: [], cancelNoticed: [] }) satisfies Partial<ActivityDoc>

/** The mark a promotion message is claimed with: the same person promoted again after re-signing gets a new one. */
export const promotionKey = (entry: EntryDoc) => `${entry.openid}@${entry.at.getTime()}`

export const Correction = z.object({ by: z.string(), at: StoredDate, fromMinutes: z.nullable(z.number().check(z.int())), toMinutes: z.number().check(z.int()), reason: z.string() })

/** One per volunteer and activity (`<activityId>__<openid>`): the unique _id makes check-in happen once. */
export const AttendanceDoc = z.object({
  _id: z.string(),
  activityId: z.string(),
  openid: z.string(),
  teamId: z.string(),
  kind: ActivityKind,
  title: LocalizedName,
  startsAt: StoredDate,
  /** Station-local year and month of the activity, for certificates and monthly figures. */
  year: z.number().check(z.int()),
  month: z.string(),
  method: z.enum(['code', 'location', 'officer']),
  checkedInAt: z.nullable(StoredDate),
  checkedOutAt: z.nullable(StoredDate),
  minutes: z.nullable(z.number().check(z.int())),
  points: z.nullable(z.number().check(z.int())),
  corrections: z.array(Correction),
  updatedAt: StoredDate,
  /** The activity's station (null: bureau-wide), for the dashboard's counts per station. */
  stationId: StationRef,
})
export type AttendanceDoc = z.infer<typeof AttendanceDoc>

export const attendanceId = (activityId: string, openid: string) => `${activityId}__${openid}`

export function activityView(doc: ActivityDoc, openid: string, mine: AttendanceDoc | null, config: VolunteerConfig): ActivityView {
  return {
    id: doc._id,
    bureauWide: doc.stationId === null,
    kind: doc.kind,
    title: doc.title,
    description: doc.description,
    place: doc.place,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt.toISOString(),
    deadline: doc.deadline.toISOString(),
    capacity: doc.capacity,
    skills: doc.skills,
    teamIds: doc.teamIds,
    status: doc.status,
    cancelReason: doc.cancelReason,
    seriesId: doc.seriesId,
    placed: Math.min(doc.entries.length, doc.capacity),
    waiting: Math.max(0, doc.entries.length - doc.capacity),
    mine: standingOf(doc.entries, doc.capacity, openid),
    attendance: mine?.checkedInAt ? { checkedInAt: mine.checkedInAt.toISOString(), checkedOutAt: mine.checkedOutAt?.toISOString() ?? null, minutes: mine.minutes, points: mine.points } : null,
    cancellableUntil: cancelDeadline(doc.startsAt, config).toISOString(),
  }
}

export function rosterPerson(entry: EntryDoc, profile: VolunteerDoc | undefined, attendance: AttendanceDoc | undefined): z.infer<typeof RosterPerson> {
  return {
    openid: entry.openid,
    name: profile?.name ?? entry.openid,
    teamId: entry.teamId,
    phone: profile?.phone.masked ?? '',
    attendance: attendance
      ? {
          method: attendance.method,
          checkedInAt: attendance.checkedInAt?.toISOString() ?? null,
          checkedOutAt: attendance.checkedOutAt?.toISOString() ?? null,
          minutes: attendance.minutes,
          points: attendance.points,
          corrections: attendance.corrections.map((c) => ({ ...c, at: c.at.toISOString() })),
        }
      : null,
  }
}
