// Volunteer documents. Every write that enforces a rule is one conditional single-document update
// whose where clause restates the rule (see README.md › Concurrency); reads are parsed.
import * as z from 'zod/mini'
import { _, db } from '../_shared/cloud'
import { COLLECTIONS } from '../_shared/collections'
import { readDoc } from '../_shared/documents'
import { subPipeline } from '../_shared/pipeline'
import { andReturn } from '../_shared/update-and-return'
import type { Joined, Joins } from '../_shared/users'
import { ActivityDoc, AttendanceDoc, TeamDoc, VolunteerDoc, type EntryDoc } from './records'

export const teamsCollection = () => db.collection(COLLECTIONS.volunteerTeams)
export const volunteers = () => db.collection(COLLECTIONS.volunteers)
export const activities = () => db.collection(COLLECTIONS.volunteerActivities)
export const attendance = () => db.collection(COLLECTIONS.volunteerAttendance)

type Updated = { stats: { updated: number } }

const updatedOne = (result: unknown) => (result as Updated).stats.updated >= 1

export async function allTeams(): Promise<TeamDoc[]> {
  const { data } = (await teamsCollection().orderBy('order', 'asc').limit(100).get()) as { data: unknown }
  return z.array(TeamDoc).parse(data)
}

/** Active volunteers per team, in one aggregation. */
export async function memberCounts(): Promise<Map<string, number>> {
  const { list } = (await volunteers().aggregate().match({ status: 'active' }).group({ _id: '$teamId', members: db.command.aggregate.sum(1) }).limit(100).end()) as { list: Array<{ _id: string; members: number }> }
  return new Map(list.map((row) => [row._id, row.members]))
}

export const getVolunteer = (openid: string) => readDoc(volunteers(), openid, VolunteerDoc)
export const getActivity = (id: string) => readDoc(activities(), id, ActivityDoc)

export async function volunteersWhere(where: Record<string, unknown>, limit = 1000): Promise<VolunteerDoc[]> {
  const { data } = (await volunteers().where(where).limit(limit).get()) as { data: unknown }
  return z.array(VolunteerDoc).parse(data)
}

/** `where`: a query object or a logic command (`_.and`, `_.or`). */
export async function activitiesWhere(where: Parameters<ReturnType<typeof activities>['where']>[0], limit = 200): Promise<ActivityDoc[]> {
  const { data } = (await activities().where(where).orderBy('startsAt', 'asc').limit(limit).get()) as { data: unknown }
  return z.array(ActivityDoc).parse(data)
}

export async function attendanceWhere(where: Record<string, unknown>, limit = 1000): Promise<AttendanceDoc[]> {
  const { data } = (await attendance().where(where).orderBy('startsAt', 'desc').limit(limit).get()) as { data: unknown }
  return z.array(AttendanceDoc).parse(data)
}

const ActivityWith = z.extend(ActivityDoc, { volunteer: z.array(VolunteerDoc).check(z.maxLength(1)), attendance: z.array(AttendanceDoc).check(z.maxLength(1)) })

export type ActivityState = { activity: ActivityDoc; volunteer: VolunteerDoc | null; attendance: AttendanceDoc | null }

/** activityWithMine's reads as joins onto the runtime's user read (withJoins): the same documents, one request fewer. */
export const activityStateJoins = (activityId: string, openid: string, attendanceKey: string): Joins => ({
  activity: { from: COLLECTIONS.volunteerActivities, match: { _id: activityId }, limit: 1 },
  volunteer: { from: COLLECTIONS.volunteers, match: { _id: openid }, limit: 1 },
  attendance: { from: COLLECTIONS.volunteerAttendance, match: { _id: attendanceKey }, limit: 1 },
})

const ActivityJoined = z.object({ activity: z.array(ActivityDoc).check(z.maxLength(1)), volunteer: z.array(VolunteerDoc).check(z.maxLength(1)), attendance: z.array(AttendanceDoc).check(z.maxLength(1)) })

/** What activityStateJoins found; null when the activity does not exist. */
export function activityStateOf(joined: Joined): ActivityState | null {
  const { activity, volunteer, attendance: mine } = ActivityJoined.parse(joined)
  return activity[0] ? { activity: activity[0], volunteer: volunteer[0] ?? null, attendance: mine[0] ?? null } : null
}

/**
 * An activity with the caller's profile and attendance joined onto it: everything sign-up,
 * cancellation and check-in decide on, in one request. Null when the activity does not exist.
 */
export async function activityWithMine(activityId: string, openid: string, attendanceKey: string): Promise<ActivityState | null> {
  const { list } = (await activities()
    .aggregate()
    .match({ _id: activityId })
    .limit(1)
    .lookup({ from: COLLECTIONS.volunteers, pipeline: subPipeline().match({ _id: openid }).done(), as: 'volunteer' })
    .lookup({ from: COLLECTIONS.volunteerAttendance, pipeline: subPipeline().match({ _id: attendanceKey }).done(), as: 'attendance' })
    .end()) as { list: unknown[] }
  if (list.length === 0) return null
  const { volunteer, attendance: mine, ...activity } = ActivityWith.parse(list[0])
  return { activity: ActivityDoc.parse(activity), volunteer: volunteer[0] ?? null, attendance: mine[0] ?? null }
}

// ── Sign-up writes ───────────────────────────────────────────────────────────────────────────

/**
 * Records the hold on the volunteer's profile unless it overlaps one they hold: the atomic
 * guard that keeps a volunteer out of two overlapping activities however the calls race.
 */
export async function takeHold(openid: string, activity: Pick<ActivityDoc, '_id' | 'startsAt' | 'endsAt' | 'teamIds' | 'stationId'>): Promise<boolean> {
  // A bureau-wide activity is open to every team (src/core/volunteers/stations.ts › openToTeam).
  const team = activity.stationId === null ? {} : { teamId: _.in(activity.teamIds) }
  const result = await volunteers()
    .where(
      _.and([
        { _id: openid, status: 'active', ...team, 'holds.activityId': _.neq(activity._id) },
        _.nor([{ holds: _.elemMatch({ startsAt: _.lt(activity.endsAt), endsAt: _.gt(activity.startsAt) }) }]),
      ]),
    )
    .update({ data: { holds: _.push([{ activityId: activity._id, startsAt: activity.startsAt, endsAt: activity.endsAt }]) } })
  return updatedOne(result)
}

/** Drops the hold; a no-op when there is none, so it can be repeated. */
export async function releaseHolds(openids: readonly string[], activityId: string): Promise<void> {
  if (openids.length === 0) return
  await volunteers()
    .where({ _id: _.in([...openids]), 'holds.activityId': activityId })
    .update({ data: { holds: _.pull({ activityId }) } })
}

/** Drops every hold whose activity ended before `before`; answers how many profiles changed. */
export async function pruneEndedHolds(before: Date): Promise<number> {
  const result = (await volunteers()
    .where({ 'holds.endsAt': _.lt(before) })
    .update({ data: { holds: _.pull({ endsAt: _.lt(before) }) } })) as Updated
  return result.stats.updated
}

/**
 * Appends the entry if the activity is still open to the team, before its deadline, unchanged in
 * time and capacity, without this volunteer, and — the waitlist's exactness — still below
 * (`waited: false`) or at (`waited: true`) capacity. Answers the activity as written, or null.
 */
export async function pushEntry(activity: ActivityDoc, entry: EntryDoc, now: Date): Promise<ActivityDoc | null> {
  const result = await andReturn(
    activities().where({
      _id: activity._id,
      status: 'open',
      deadline: _.gt(now),
      startsAt: activity.startsAt,
      capacity: activity.capacity,
      ...(activity.stationId === null ? {} : { teamIds: entry.teamId }),
      'entries.openid': _.neq(entry.openid),
      count: entry.waited ? _.gte(activity.capacity) : _.lt(activity.capacity),
    }),
  ).updateAndReturn({ entries: _.push([entry]), count: _.inc(1), updatedAt: now })
  return result.updated === 1 ? ActivityDoc.parse(result.doc) : null
}

/** Removes the volunteer's entry if the start is still after `startsAfter`; the first waiting moves up by the same write. */
export async function pullEntry(activityId: string, openid: string, startsAfter: Date, now: Date): Promise<ActivityDoc | null> {
  const result = await andReturn(activities().where({ _id: activityId, 'entries.openid': openid, startsAt: _.gt(startsAfter) })).updateAndReturn({
    entries: _.pull({ openid }),
    count: _.inc(-1),
    updatedAt: now,
  })
  return result.updated === 1 ? ActivityDoc.parse(result.doc) : null
}

/**
 * pullEntry for a placed volunteer when the first waiting entry, as read, is still the first
 * waiting at the write: then it is the one this pull promotes, and the same write claims its
 * promotion mark (claimMark), one request fewer. Null when anything it assumed changed (or the
 * deadline passed): the caller falls back to pullEntry and claimMark.
 */
export async function pullEntryPromoting(activity: Pick<ActivityDoc, '_id' | 'capacity'>, openid: string, firstWaiting: EntryDoc, key: string, startsAfter: Date, now: Date): Promise<ActivityDoc | null> {
  const result = await andReturn(
    activities().where({
      _id: activity._id,
      'entries.openid': openid,
      startsAt: _.gt(startsAfter),
      capacity: activity.capacity,
      // Entries only move up, so the caller, placed at the read, is still placed; the entry at index `capacity` is the first waiting.
      [`entries.${activity.capacity}.openid`]: firstWaiting.openid,
      [`entries.${activity.capacity}.at`]: firstWaiting.at,
      promoted: _.neq(key),
    }),
  ).updateAndReturn({ entries: _.pull({ openid }), count: _.inc(-1), updatedAt: now, promoted: _.push([key]) })
  return result.updated === 1 ? ActivityDoc.parse(result.doc) : null
}

/** Claims a job's mark (`promoted`, `reminded`, `cancelNoticed`) on an activity; true for exactly one caller. */
export async function claimMark(activityId: string, field: 'promoted' | 'reminded' | 'cancelNoticed', key: string): Promise<boolean> {
  return updatedOne(await activities().where({ _id: activityId, [field]: _.neq(key) }).update({ data: { [field]: _.push([key]) } }))
}

export async function releaseMark(activityId: string, field: 'promoted' | 'reminded' | 'cancelNoticed', key: string): Promise<void> {
  await activities().where({ _id: activityId }).update({ data: { [field]: _.pull(key) } })
}

export const updateWhere = async (collection: ReturnType<typeof activities>, where: Record<string, unknown>, data: Record<string, unknown>) => updatedOne(await collection.where(where).update({ data }))
