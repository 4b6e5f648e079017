// Officers create (also as a daily or weekly series), edit and cancel activities; everyone sees
// them with their own standing; officers see the roster with the check-in code.
import { randomInt } from 'node:crypto'
import * as z from 'zod'
import { AppError } from '../../../src/core/envelope'
import type { ActivityView, Roster } from '../../../src/core/volunteers/contract'
import { ActivityFields } from '../../../src/core/volunteers/contract'
import { checkInCodeFrom, occurrences, placedEntries, waitingEntries, type Frequency } from '../../../src/core/volunteers/rules'
import { dayjs } from '../../../src/core/time'
import { _ } from '../../_shared/cloud'
import type { Ctx } from '../../_shared/runtime'
import { sendActivityMessage } from '../notify'
import { activityView, attendanceId, rosterPerson, untouchedActivity, type ActivityDoc } from '../records'
import { volunteerSettings } from '../settings'
import { activities, activitiesWhere, allTeams, attendanceWhere, claimMark, getActivity, getVolunteer, releaseHolds, updateWhere, volunteersWhere } from '../store'

type Fields = z.output<typeof ActivityFields>
type PlaceInput = Fields['place']

const storedPlace = (place: PlaceInput) => ({
  label: place.label,
  communityId: place.communityId ?? null,
  point: place.point ?? null,
  radiusMeters: place.radiusMeters ?? volunteerSettings().defaultRadiusMeters,
})

const newActivityId = () => `act-${Date.now().toString(36)}-${randomInt(36 ** 6).toString(36).padStart(6, '0')}`

async function mustGetActivity(id: string): Promise<ActivityDoc> {
  const doc = await getActivity(id)
  if (!doc) throw new AppError('NOT_FOUND', 'No such activity.', undefined, { why: 'unknown_activity' })
  return doc
}

export async function createActivity(ctx: Ctx, input: Fields & { repeat?: { frequency: Frequency; count: number } }): Promise<ActivityView[]> {
  const now = ctx.now()
  if (!dayjs(input.startsAt).isAfter(now)) throw new AppError('INVALID_ARGUMENT', 'The activity must start in the future.', [{ path: ['startsAt'], message: 'must be in the future' }])
  const known = new Set((await allTeams()).map((t) => t._id))
  const unknown = input.teamIds.filter((id) => !known.has(id))
  if (unknown.length > 0) throw new AppError('INVALID_ARGUMENT', `No such team: ${unknown.join(', ')}.`, [{ path: ['teamIds'], message: 'no such team' }])
  const first = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), deadline: new Date(input.deadline) }
  const ids = occurrences(first, input.repeat ?? null).map(() => newActivityId())
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
  }))
  await activities().add({ data: docs })
  return docs.map((d) => activityView(d, ctx.openid, null, volunteerSettings()))
}

export async function updateActivity(ctx: Ctx, input: { activityId: string } & Partial<Pick<Fields, 'title' | 'description' | 'place' | 'capacity' | 'skills' | 'deadline'>>): Promise<ActivityView> {
  const doc = await mustGetActivity(input.activityId)
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
export async function noticeCancellation(doc: ActivityDoc): Promise<number> {
  let sent = 0
  for (const entry of doc.entries) {
    if (doc.cancelNoticed.includes(entry.openid) || !(await claimMark(doc._id, 'cancelNoticed', entry.openid))) continue
    if ((await sendActivityMessage('cancelled', entry.openid, doc, { reason: doc.cancelReason ?? '' })) === 'sent') sent++
  }
  return sent
}

export async function cancelActivity(ctx: Ctx, input: { activityId: string; reason: string }): Promise<ActivityView> {
  const doc = await mustGetActivity(input.activityId)
  if (doc.status === 'cancelled') return activityView(doc, ctx.openid, null, volunteerSettings())
  if (!(await updateWhere(activities(), { _id: doc._id, status: 'open' }, { status: 'cancelled', cancelReason: input.reason, updatedAt: ctx.now().toDate() }))) {
    throw new AppError('CONFLICT', 'The activity changed at the same moment; look again.', undefined, { why: 'changed' })
  }
  const cancelled = (await getActivity(doc._id))!
  await releaseHolds(cancelled.entries.map((e) => e.openid), doc._id)
  await noticeCancellation(cancelled)
  return activityView(cancelled, ctx.openid, null, volunteerSettings())
}

export async function listActivities(ctx: Ctx): Promise<ActivityView[]> {
  const config = volunteerSettings()
  const since = ctx.now().subtract(7, 'day').toDate()
  const staff = ctx.user.roles.some((r) => r === 'officer' || r === 'station_leader')
  let where: Record<string, unknown> = { endsAt: _.gte(since) }
  if (!staff) {
    const me = await getVolunteer(ctx.openid)
    if (!me || me.status !== 'active') return []
    where = { ...where, teamIds: me.teamId }
  }
  const docs = await activitiesWhere(where)
  const mine = new Map((await attendanceWhere({ openid: ctx.openid, startsAt: _.gte(since) })).map((a) => [a.activityId, a]))
  return docs.map((d) => activityView(d, ctx.openid, mine.get(d._id) ?? null, config))
}

export async function activity(ctx: Ctx, input: { activityId: string }): Promise<ActivityView> {
  const doc = await mustGetActivity(input.activityId)
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

export async function roster(ctx: Ctx, input: { activityId: string }): Promise<Roster> {
  return rosterOf(await mustGetActivity(input.activityId), ctx.openid)
}
