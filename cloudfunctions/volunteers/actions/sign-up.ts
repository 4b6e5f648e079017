// signUp / cancelSignUp.
//
// Database requests on the happy path:
//   1. one aggregation: the runtime's user read with the activity, the caller's profile and
//      attendance joined (withJoins: everything the rules decide on; every refusal is given from
//      it, before anything is written);
//   2. the hold on the profile: a conditional update that fails if the volunteer holds an
//      overlapping activity — race-safe across activities;
//   3. the entry on the activity: a conditional update (open, before the deadline, open to the
//      team, not entered yet, and below / at capacity for a place / the waitlist) that answers
//      the document as written, so the standing returned is exact.
// Capacity and waitlist order are one array in one document, changed only by atomic push and
// pull: 300 racing volunteers on 20 places end with the first 20 writes placed and the rest
// waiting in the order their writes landed. If step 3 fails the hold is released.
import { AppError } from '../../../src/core/envelope'
import type { ActivityView } from '../../../src/core/volunteers/contract'
import { cancelDeadline, cancelRefusal, promotedEntries, signUpRefusal, standingOf } from '../../../src/core/volunteers/rules'
import type { Dayjs } from '../../../src/core/time'
import { withJoins, type Ctx } from '../../_shared/runtime'
import { sendActivityMessage } from '../notify'
import { activityView, attendanceId, promotionKey, type ActivityDoc, type EntryDoc, type VolunteerDoc } from '../records'
import { refusalError } from '../refusal'
import { volunteerSettings } from '../settings'
import { activityStateJoins, activityStateOf, claimMark, getActivity, getVolunteer, pullEntry, pullEntryPromoting, pushEntry, releaseHolds, releaseMark, takeHold } from '../store'

const facts = (activity: ActivityDoc | null, volunteer: VolunteerDoc | null) => ({
  activity: activity && { ...activity, id: activity._id },
  volunteer,
})

/** The activity, the caller's profile and attendance, joined onto the runtime's user read. */
const activityJoins = (input: { activityId: string }, caller: { openid: string }) => activityStateJoins(input.activityId, caller.openid, attendanceId(input.activityId, caller.openid))

function loaded(ctx: Ctx) {
  const state = activityStateOf(ctx.joined)
  if (!state) throw new AppError('NOT_FOUND', 'No such activity.', undefined, { why: 'unknown_activity' })
  return state
}

export const signUp = withJoins(activityJoins, async (ctx: Ctx): Promise<ActivityView> => {
  const config = volunteerSettings()
  const now = ctx.now()
  const { activity, volunteer, attendance } = loaded(ctx)
  if (activity.entries.some((e) => e.openid === ctx.openid)) return activityView(activity, ctx.openid, attendance, config)
  const refusal = signUpRefusal(facts(activity, volunteer), now)
  if (refusal) throw refusalError(refusal)

  if (!(await takeHold(ctx.openid, activity))) {
    const fresh = await getVolunteer(ctx.openid)
    // A hold on this very activity but no entry: an earlier attempt was cut off before its entry, or
    // one is in flight. Carry on with the entry; its own guard lets only one attempt in.
    if (!fresh?.holds.some((h) => h.activityId === activity._id)) {
      // Something else changed since the read (another sign-up of this volunteer landed first): decide again on fresh state.
      throw refusalError(signUpRefusal(facts(activity, fresh), now) ?? { code: 'CONFLICT', why: 'changed', message: 'Your activities changed at the same moment; try again.' })
    }
  }
  let current = activity
  try {
    for (let attempt = 0; attempt < 4; attempt++) {
      const entry = { openid: ctx.openid, teamId: volunteer!.teamId, at: now.toDate(), waited: current.count >= current.capacity }
      const written = await pushEntry(current, entry, now.toDate())
      if (written) return activityView(written, ctx.openid, attendance, config)
      // The count crossed capacity, or the activity changed: read it again and decide anew.
      const fresh = await getActivity(activity._id)
      if (fresh?.entries.some((e) => e.openid === ctx.openid)) return activityView(fresh, ctx.openid, attendance, config)
      const again = signUpRefusal(facts(fresh, { ...volunteer!, holds: [] }), now)
      if (again) throw refusalError(again)
      current = fresh!
    }
    throw new AppError('CONFLICT', 'The activity is changing fast; try again.', undefined, { why: 'contended' })
  } catch (error) {
    // The answer may be lost after the entry was written: then the sign-up stands, with its hold.
    // When even that cannot be read, the hold stays; a retry carries on from it (above).
    const fresh = await getActivity(activity._id).catch(() => undefined)
    if (fresh?.entries.some((e) => e.openid === ctx.openid)) return activityView(fresh, ctx.openid, attendance, config)
    if (fresh !== undefined) await releaseHolds([ctx.openid], activity._id)
    throw error
  }
})

/**
 * Sends a promoted volunteer their message once (claimed before sending; a failed send is released
 * for the job). `claimed`: the write that promoted them claimed it already (pullEntryPromoting).
 */
async function noticePromotion(doc: ActivityDoc, entry: EntryDoc, now: Dayjs, claimed = false): Promise<boolean> {
  const key = promotionKey(entry)
  if (!claimed && (doc.promoted.includes(key) || !(await claimMark(doc._id, 'promoted', key)))) return false
  const outcome = await sendActivityMessage('promoted', entry.openid, doc, now)
  if (outcome === 'failed') await releaseMark(doc._id, 'promoted', key)
  return outcome === 'sent'
}

/** Every promotion of the activity not told yet: the notices job's sweep. */
export async function noticePromotions(doc: ActivityDoc, now: Dayjs): Promise<number> {
  let sent = 0
  for (const entry of promotedEntries(doc.entries, doc.capacity)) if (await noticePromotion(doc, entry, now)) sent++
  return sent
}

export const cancelSignUp = withJoins(activityJoins, async (ctx: Ctx): Promise<ActivityView> => {
  const config = volunteerSettings()
  const now = ctx.now()
  const { activity, attendance } = loaded(ctx)
  const refusal = cancelRefusal(activity, ctx.openid, now, config)
  if (refusal) {
    // A cancel whose answer was lost, or whose guard release failed, left the overlap guard without
    // an entry: its retry gives the guard back (a no-op for someone who never signed up), then refuses.
    if (refusal.why === 'not_signed_up' && activity) await releaseHolds([ctx.openid], activity._id)
    throw refusalError(refusal)
  }
  // The condition on the start restates the deadline, so a late cancel cannot slip through an edit.
  const startsAfter = now.add(config.cancelUntilMinutes, 'minute').toDate()
  const placed = standingOf(activity.entries, activity.capacity, ctx.openid).state === 'placed'
  const firstWaiting = placed ? activity.entries[activity.capacity] : undefined
  if (firstWaiting?.waited) {
    // The pull claims the promotion's mark in the same write, so it is told right after, before
    // anything else can fail; a write whose answer is lost gives the mark back for the notices job.
    const key = promotionKey(firstWaiting)
    const promoting = await pullEntryPromoting(activity, ctx.openid, firstWaiting, key, startsAfter, now.toDate()).catch(async (error: unknown) => {
      await releaseMark(activity._id, 'promoted', key).catch(() => undefined)
      throw error
    })
    if (promoting) {
      await noticePromotion(promoting, firstWaiting, now, true)
      await releaseHolds([ctx.openid], activity._id)
      return activityView(promoting, ctx.openid, attendance, config)
    }
  }
  const written = await pullEntry(activity._id, ctx.openid, startsAfter, now.toDate())
  if (!written) {
    const fresh = await getActivity(activity._id)
    if (fresh && !fresh.entries.some((e) => e.openid === ctx.openid)) {
      await releaseHolds([ctx.openid], activity._id)
      return activityView(fresh, ctx.openid, attendance, config)
    }
    throw refusalError(cancelRefusal(fresh, ctx.openid, now, config) ?? { code: 'FAILED_PRECONDITION', why: 'too_late', message: 'Cancelling has closed.', details: { until: cancelDeadline(activity.startsAt, config).toISOString() } })
  }
  await releaseHolds([ctx.openid], activity._id)
  // A place read before the pull was still a place at the pull (entries only move up), so the
  // entry now last in the places is the one this cancellation promoted: it hears at once. A
  // promotion this cannot see (the caller was promoted in between) is left to the notices job.
  const promoted = written.entries[written.capacity - 1]
  if (placed && promoted?.waited) await noticePromotion(written, promoted, now)
  return activityView(written, ctx.openid, attendance, config)
})
