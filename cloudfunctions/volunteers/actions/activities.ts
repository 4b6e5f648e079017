// Officers create (also as a daily or weekly series), edit and cancel activities; everyone sees
// them with their own standing; officers see the roster with the check-in code.
import { randomInt } from 'node:crypto'
import * as z from 'zod/mini'
import { AppError } from '../../../src/core/envelope'
import type { ActivityView, Roster } from '../../../src/core/volunteers/contract'
import { ActivityFields } from '../../../src/core/volunteers/contract'
import { checkInCodeFrom, occurrences, placedEntries, waitingEntries, type Frequency } from '../../../src/core/volunteers/rules'
import { activityStation, recordStation, type VolunteerReach } from '../../../src/core/volunteers/stations'
import { isStationWide } from '../../../src/core/scope'
import { dayjs, type Dayjs } from '../../../src/core/time'
import { _ } from '../../_shared/cloud'
import { isDuplicateKey } from '../../_shared/documents'
import { idForRequest, requestDigest } from '../../_shared/personal-data'
import type { Ctx } from '../../_shared/runtime'
import { sendActivityMessage } from '../notify'
import { activityView, attendanceId, rosterPerson, untouchedActivity, type ActivityDoc } from '../records'
import { volunteerSettings } from '../settings'
import { otherStation, placeOfCaller, requireManages, teamStation } from '../stations'
import { activities, activitiesWhere, allTeams, attendanceWhere, claimMark, getActivity, getVolunteer, releaseHolds, updateWhere, volunteersWhere } from '../store'

type Fields = z.output<typeof ActivityFields>
type PlaceInput = Fields['place']

const storedPlace = (place: PlaceInput) => ({
  label: place.label,
  communityId: place.communityId ?? null,
  point: place.point ?? null,
  radiusMeters: place.radiusMeters ?? volunteerSettings().defaultRadiusMeters,
})

/**
 * The ids of a request's occurrences come from the officer and the requestId, so the database's
 * _id uniqueness makes a retried request (a resend after a lost answer, or its concurrent twin)
 * create nothing more: the first occurrence keeps the plain id, which also names the series.
 */
const activityIdsFor = (openid: string, requestId: string, count: number) => {
  const base = idForRequest('act_', openid, requestId)
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}-${i + 1}`))
}

async function mustGetActivity(id: string): Promise<ActivityDoc> {
  const doc = await getActivity(id)
  if (!doc) throw new AppError('NOT_FOUND', 'No such activity.', undefined, { why: 'unknown_activity' })
  return doc
}

/** The activity, if the caller manages its station (a bureau-wide one: bureau staff); refused before anything is written or shown. */
export async function mustManageActivity(ctx: Ctx, id: string): Promise<ActivityDoc> {
  const [place, doc] = await Promise.all([placeOfCaller(ctx), mustGetActivity(id)])
  requireManages(place.reach, recordStation(doc.stationId, place.firstStationId))
  return doc
}

/** The teams' station, which the activity takes; refused for teams of two stations or of a station (or the bureau) the caller does not manage. */
async function stationForTeams(ctx: Ctx, teamIds: readonly string[]): Promise<string | null> {
  const [place, teamList] = await Promise.all([placeOfCaller(ctx), allTeams()])
  const found = activityStation(teamIds, teamList.map((t) => ({ id: t._id, stationId: teamStation(t, place.firstStationId) })), place.reach)
  if (found.ok) return found.stationId
  if (found.why === 'unknown_team') throw new AppError('INVALID_ARGUMENT', `No such team: ${found.teamIds.join(', ')}.`, [{ path: ['teamIds'], message: 'no such team' }])
  if (found.why === 'mixed_stations') throw new AppError('INVALID_ARGUMENT', 'An activity’s teams must all be of one station, or all bureau-wide: publish one activity per station.', [{ path: ['teamIds'], message: 'teams of more than one station' }], { why: 'mixed_stations' })
  throw otherStation()
}

export const createActivity = async (ctx: Ctx, input: Fields & { repeat?: { frequency: Frequency; count: number }; requestId: string }): Promise<ActivityView[]> => {
  const now = ctx.now()
  if (!dayjs(input.startsAt).isAfter(now)) throw new AppError('INVALID_ARGUMENT', 'The activity must start in the future.', [{ path: ['startsAt'], message: 'must be in the future' }])
  const stationId = await stationForTeams(ctx, input.teamIds)
  const first = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), deadline: new Date(input.deadline) }
  const { requestId, ...content } = input
  const digest = requestDigest(content)
  const ids = activityIdsFor(ctx.openid, requestId, occurrences(first, input.repeat ?? null).length)
  const docs: ActivityDoc[] = occurrences(first, input.repeat ?? null).map((o, i) => ({
    _id: ids[i],
    kind: input.kind,
    title: input.title,
    description: input.description,
    place: storedPlace(input.place),
    ...o,
    capacity: input.capacity,
    skills: input.skills,
    teamIds: input.teamIds,
    seriesId: input.repeat ? ids[0] : null,
    code: checkInCodeFrom(randomInt),
    ...untouchedActivity(),
    createdBy: ctx.openid,
    createdAt: now.toDate(),
    updatedAt: now.toDate(),
    requestDigest: digest,
    stationId,
    bureauWide: stationId === null,
  }))
  try {
    await activities().add({ data: docs })
    return docs.map((d) => activityView(d, ctx.openid, null, volunteerSettings()))
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return firstActivities(ctx, docs, digest)
  }
}

/**
 * The answer to a retried createActivity: the activities the first request stored. A batch insert
 * may stop at its first duplicate with the earlier ones stored (the cloud inserts in order), so an
 * occurrence still missing is inserted now; the series ends up whole either way.
 */
async function firstActivities(ctx: Ctx, docs: ActivityDoc[], digest: string): Promise<ActivityView[]> {
  const ids = docs.map((d) => d._id)
  const stored = new Map((await activitiesWhere({ _id: _.in(ids) }, ids.length)).map((d) => [d._id, d]))
  if ([...stored.values()].some((d) => d.createdBy !== ctx.openid || d.requestDigest !== digest)) {
    throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for another activity; use a new requestId for a new activity.', [{ path: ['requestId'], message: 'already used for another activity' }])
  }
  for (const doc of docs.filter((d) => !stored.has(d._id))) {
    try {
      await activities().add({ data: doc })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  const all = stored.size === docs.length ? [...stored.values()] : await activitiesWhere({ _id: _.in(ids) }, ids.length)
  const byId = new Map(all.map((d) => [d._id, d]))
  return ids.flatMap((id) => (byId.has(id) ? [activityView(byId.get(id)!, ctx.openid, null, volunteerSettings())] : []))
}

export const updateActivity = async (ctx: Ctx, input: { activityId: string } & Partial<Pick<Fields, 'title' | 'description' | 'place' | 'capacity' | 'skills' | 'deadline'>>): Promise<ActivityView> => {
  const doc = await mustManageActivity(ctx, input.activityId)
  if (doc.status === 'cancelled') throw new AppError('FAILED_PRECONDITION', 'The activity was cancelled.', undefined, { why: 'cancelled' })
  if (input.deadline && Date.parse(input.deadline) > doc.startsAt.getTime()) throw new AppError('INVALID_ARGUMENT', 'The deadline must not be after the start.', [{ path: ['deadline'], message: 'after the start' }])
  const placed = Math.min(doc.count, doc.capacity)
  if (input.capacity !== undefined && input.capacity < placed) {
    throw new AppError('FAILED_PRECONDITION', `${placed} volunteers hold a place; the capacity cannot go below that.`, undefined, { why: 'below_placed', placed })
  }
  const change: Record<string, unknown> = { updatedAt: ctx.now().toDate() }
  if (input.title) change.title = _.set(input.title)
  if (input.description) change.description = _.set(input.description)
  if (input.place) change.place = _.set(storedPlace(input.place))
  if (input.skills) change.skills = _.set(input.skills)
  if (input.deadline) change.deadline = new Date(input.deadline)
  if (input.capacity !== undefined) change.capacity = input.capacity
  // Lowering the capacity must not push a volunteer who holds a place back onto the waitlist;
  // raising it only needs the capacity read (a waitlist longer than the new capacity is fine).
  const guard = input.capacity === undefined ? {} : input.capacity < doc.capacity ? { count: _.lte(input.capacity), capacity: doc.capacity } : { capacity: doc.capacity }
  if (!(await updateWhere(activities(), { _id: doc._id, status: 'open', ...guard }, change))) {
    throw new AppError('CONFLICT', 'The activity changed at the same moment; look again and retry.', undefined, { why: 'changed' })
  }
  return activityView((await getActivity(doc._id))!, ctx.openid, null, volunteerSettings())
}

/** Tells everyone signed up that the activity is off, each once (the notices job finishes a cut-off run). */
export async function noticeCancellation(doc: ActivityDoc, now: Dayjs): Promise<number> {
  let sent = 0
  for (const entry of doc.entries) {
    if (doc.cancelNoticed.includes(entry.openid) || !(await claimMark(doc._id, 'cancelNoticed', entry.openid))) continue
    if ((await sendActivityMessage('cancelled', entry.openid, doc, now, { reason: doc.cancelReason ?? '' })) === 'sent') sent++
  }
  return sent
}

export const cancelActivity = async (ctx: Ctx, input: { activityId: string; reason: string }): Promise<ActivityView> => {
  const doc = await mustManageActivity(ctx, input.activityId)
  if (doc.status === 'cancelled') return activityView(doc, ctx.openid, null, volunteerSettings())
  if (!(await updateWhere(activities(), { _id: doc._id, status: 'open' }, { status: 'cancelled', cancelReason: input.reason, updatedAt: ctx.now().toDate() }))) {
    throw new AppError('CONFLICT', 'The activity changed at the same moment; look again.', undefined, { why: 'changed' })
  }
  const cancelled = (await getActivity(doc._id))!
  await releaseHolds(cancelled.entries.map((e) => e.openid), doc._id)
  await noticeCancellation(cancelled, ctx.now())
  return activityView(cancelled, ctx.openid, null, volunteerSettings())
}

/** The `stationId` condition of what a member of staff manages (src/core/volunteers/stations.ts › manages). */
function managedMatch(reach: VolunteerReach, firstStationId: string): Parameters<typeof activitiesWhere>[0] {
  if (reach.kind === 'bureau') return {}
  if (reach.kind === 'none') return { stationId: 'no-station' }
  // Records from before bureaus carry no stationId and are the first station's.
  return reach.stationId === firstStationId ? _.or([{ stationId: reach.stationId }, { stationId: _.exists(false) }]) : { stationId: reach.stationId }
}

/** Whether the caller lists and opens activities as staff (what they manage) rather than as a volunteer (what is open to them). */
const asStaff = (ctx: Ctx) => isStationWide(ctx.user.roles) || ctx.user.roles.includes('officer')

export const listActivities = async (ctx: Ctx): Promise<ActivityView[]> => {
  const config = volunteerSettings()
  const since = ctx.now().subtract(7, 'day').toDate()
  let where: Parameters<typeof activitiesWhere>[0]
  if (asStaff(ctx)) {
    const place = await placeOfCaller(ctx)
    where = _.and([{ endsAt: _.gte(since) }, managedMatch(place.reach, place.firstStationId)])
  } else {
    const me = await getVolunteer(ctx.openid)
    if (!me || me.status !== 'active') return []
    // Those open to their team (their station's) and every bureau-wide one.
    where = _.and([{ endsAt: _.gte(since) }, _.or([{ teamIds: me.teamId }, { bureauWide: true }])])
  }
  const docs = await activitiesWhere(where)
  const mine = new Map((await attendanceWhere({ openid: ctx.openid, startsAt: _.gte(since) })).map((a) => [a.activityId, a]))
  return docs.map((d) => activityView(d, ctx.openid, mine.get(d._id) ?? null, config))
}

export const activity = async (ctx: Ctx, input: { activityId: string }): Promise<ActivityView> => {
  const doc = asStaff(ctx) ? await mustManageActivity(ctx, input.activityId) : await mustGetActivity(input.activityId)
  const [mine] = await attendanceWhere({ _id: attendanceId(doc._id, ctx.openid) }, 1)
  return activityView(doc, ctx.openid, mine ?? null, volunteerSettings())
}

export async function rosterOf(doc: ActivityDoc, openid: string): Promise<Roster> {
  const openids = doc.entries.map((e) => e.openid)
  const [profiles, records] = await Promise.all([
    openids.length ? volunteersWhere({ _id: _.in(openids) }) : Promise.resolve([]),
    attendanceWhere({ activityId: doc._id }),
  ])
  const profile = new Map(profiles.map((p) => [p._id, p]))
  const record = new Map(records.map((r) => [r.openid, r]))
  return {
    activity: activityView(doc, openid, null, volunteerSettings()),
    code: doc.code,
    placed: placedEntries(doc.entries, doc.capacity).map((e) => rosterPerson(e, profile.get(e.openid), record.get(e.openid))),
    waiting: waitingEntries(doc.entries, doc.capacity).map((e, i) => ({ ...rosterPerson(e, profile.get(e.openid), record.get(e.openid)), position: i + 1 })),
  }
}

export const roster = async (ctx: Ctx, input: { activityId: string }): Promise<Roster> => rosterOf(await mustManageActivity(ctx, input.activityId), ctx.openid)
