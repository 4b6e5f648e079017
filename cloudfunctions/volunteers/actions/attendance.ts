// Check-in (the officer's 6-digit code, or the phone's position within the activity's radius),
// check-out (hours capped at the activity's length, points by the kind's rate) and officers'
// corrections, each logged with who, when, from, to and why. The attendance document's _id is
// <activityId>__<openid>, so a check-in is one insert that cannot happen twice.
import { AppError } from '../../../src/core/envelope'
import type { ActivityView, Roster } from '../../../src/core/volunteers/contract'
import { checkInRefusal, checkOutRefusal, localMonth, localYear, minutesServed, pointsFor, standingOf, type CheckInProof } from '../../../src/core/volunteers/rules'
import { _ } from '../../_shared/cloud'
import { isDuplicateKey } from '../../_shared/documents'
import type { Ctx } from '../../_shared/runtime'
import { activityView, attendanceId, type ActivityDoc, type AttendanceDoc } from '../records'
import { refusalError } from '../refusal'
import { volunteerSettings } from '../settings'
import { activityWithMine, attendance, getActivity, updateWhere } from '../store'
import { mustManageActivity, rosterOf } from './activities'

async function loaded(openid: string, activityId: string) {
  const state = await activityWithMine(activityId, openid, attendanceId(activityId, openid))
  if (!state) throw new AppError('NOT_FOUND', 'No such activity.', undefined, { why: 'unknown_activity' })
  return state
}

function attendanceRecord(activity: ActivityDoc, openid: string, teamId: string, method: AttendanceDoc['method'], checkedInAt: Date | null, now: Date): AttendanceDoc {
  return {
    _id: attendanceId(activity._id, openid),
    activityId: activity._id,
    openid,
    teamId,
    kind: activity.kind,
    title: activity.title,
    startsAt: activity.startsAt,
    year: localYear(activity.startsAt),
    month: localMonth(activity.startsAt),
    method,
    checkedInAt,
    checkedOutAt: null,
    minutes: null,
    points: null,
    corrections: [],
    updatedAt: now,
    // The activity's station (null: bureau-wide); one from before bureaus has none, nor does its record.
    ...(activity.stationId === undefined ? {} : { stationId: activity.stationId }),
  }
}

export async function checkIn(ctx: Ctx, input: { activityId: string; proof: CheckInProof }): Promise<ActivityView> {
  const config = volunteerSettings()
  const now = ctx.now()
  const { activity, attendance: existing } = await loaded(ctx.openid, input.activityId)
  if (existing?.checkedInAt) return activityView(activity, ctx.openid, existing, config)
  const refusal = checkInRefusal(activity, standingOf(activity.entries, activity.capacity, ctx.openid), input.proof, now, config)
  if (refusal) throw refusalError(refusal)
  const entry = activity.entries.find((e) => e.openid === ctx.openid)!
  const doc = attendanceRecord(activity, ctx.openid, entry.teamId, input.proof.method, now.toDate(), now.toDate())
  try {
    const { _id, ...data } = doc
    await attendance().add({ data: { _id, ...data } })
    return activityView(activity, ctx.openid, doc, config)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // Checked in at the same moment from another call, or the officer recorded hours first.
    return activityView(activity, ctx.openid, (await loaded(ctx.openid, input.activityId)).attendance, config)
  }
}

export async function checkOut(ctx: Ctx, input: { activityId: string }): Promise<ActivityView> {
  const config = volunteerSettings()
  const now = ctx.now()
  const { activity, attendance: mine } = await loaded(ctx.openid, input.activityId)
  const refusal = checkOutRefusal(activity, mine?.checkedInAt ? mine : null, now, config)
  if (refusal) throw refusalError(refusal)
  const minutes = minutesServed(activity, mine!.checkedInAt!, now.toDate())
  const change = { checkedOutAt: now.toDate(), minutes, points: pointsFor(minutes, activity.kind, config), updatedAt: now.toDate() }
  // Conditional: a second check-out (or an officer's correction in between) is not overwritten.
  if (!(await updateWhere(attendance(), { _id: mine!._id, checkedOutAt: null, minutes: null }, change))) {
    throw new AppError('FAILED_PRECONDITION', 'You have already checked out, or the officer recorded your hours.', undefined, { why: 'checked_out' })
  }
  return activityView(activity, ctx.openid, { ...mine!, ...change }, config)
}

export const correctHours = async (ctx: Ctx, input: { activityId: string; openid: string; minutes: number; reason: string }): Promise<Roster> => {
  const config = volunteerSettings()
  const now = ctx.now().toDate()
  await mustManageActivity(ctx, input.activityId)
  const { activity, attendance: existing } = await loaded(input.openid, input.activityId)
  const entry = activity.entries.find((e) => e.openid === input.openid)
  if (!entry && !existing) throw new AppError('NOT_FOUND', 'This volunteer is not signed up for the activity.', undefined, { why: 'not_signed_up' })
  const minutes = Math.min(input.minutes, minutesServed(activity, activity.startsAt, activity.endsAt))
  const correction = { by: ctx.openid, at: now, fromMinutes: existing?.minutes ?? null, toMinutes: minutes, reason: input.reason }
  const change = { minutes, points: pointsFor(minutes, activity.kind, config), updatedAt: now }
  if (existing) {
    await attendance().doc(existing._id).update({ data: { ...change, corrections: _.push([correction]) } })
  } else {
    const doc = { ...attendanceRecord(activity, input.openid, entry!.teamId, 'officer', null, now), ...change, corrections: [correction] }
    const { _id, ...data } = doc
    try {
      await attendance().add({ data: { _id, ...data } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      await attendance().doc(_id).update({ data: { ...change, corrections: _.push([correction]) } })
    }
  }
  return rosterOf((await getActivity(activity._id))!, ctx.openid)
}
