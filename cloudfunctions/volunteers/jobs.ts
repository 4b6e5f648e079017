// Timer jobs (config.json › triggers). Each works in bounded batches and marks every message on
// the activity before sending it (`reminded`, `promoted`, `cancelNoticed`), so a run cut off by
// the timeout resumes where it stopped, and a second run — or two at once — sends nothing twice.
//
//   sendReminders   hourly: the day-before reminder to everyone holding a place.
//   sendNotices     every 5 min: waitlist promotions and cancellation notices the actions could not send.
//   pruneHolds      daily: drops profile holds of activities that have ended (they can no longer
//                   overlap anything: activities are created in the future), keeping profiles small.
import { isReminderDue, placedEntries } from '../../src/core/volunteers/rules'
import type { Dayjs } from '../../src/core/time'
import { _ } from '../_shared/cloud'
import { noticeCancellation } from './actions/activities'
import { noticePromotions } from './actions/sign-up'
import { sendActivityMessage } from './notify'
import { volunteerSettings } from './settings'
import { activitiesWhere, claimMark, pruneEndedHolds, releaseMark } from './store'

/**
 * Messages one run sends before it stops (the marks let the next run carry on): at ~0.1 s per
 * subscription message in production, well inside the function's 20 s timeout.
 */
const BATCH = 100

export async function sendReminders(now: Dayjs) {
  const config = volunteerSettings()
  const soon = await activitiesWhere({ status: 'open', startsAt: _.gt(now.toDate()).and(_.lte(now.add(2, 'day').toDate())) })
  const outcomes = { due: 0, sent: 0, refused: 0, failed: 0, capped: 0 }
  for (const activity of soon) {
    if (!isReminderDue(activity.startsAt, now, config)) continue
    for (const entry of placedEntries(activity.entries, activity.capacity)) {
      if (activity.reminded.includes(entry.openid)) continue
      if (outcomes.due >= BATCH) return { ...outcomes, more: true }
      outcomes.due++
      if (!(await claimMark(activity._id, 'reminded', entry.openid))) continue
      const outcome = await sendActivityMessage('reminder', entry.openid, activity, now)
      outcomes[outcome]++
      if (outcome === 'failed') await releaseMark(activity._id, 'reminded', entry.openid)
    }
  }
  return { ...outcomes, more: false }
}

export async function sendNotices(now: Dayjs) {
  let promoted = 0
  let cancelled = 0
  // Checked between activities: a run sends at most BATCH plus one activity's messages.
  const spent = () => promoted + cancelled >= BATCH
  for (const activity of await activitiesWhere({ status: 'open', startsAt: _.gt(now.toDate()), 'entries.waited': true }, BATCH)) {
    if (spent()) return { promoted, cancelled, more: true }
    promoted += await noticePromotions(activity, now)
  }
  const recent = now.subtract(2, 'day').toDate()
  for (const activity of await activitiesWhere({ status: 'cancelled', updatedAt: _.gte(recent) }, BATCH)) {
    if (spent()) return { promoted, cancelled, more: true }
    cancelled += await noticeCancellation(activity, now)
  }
  return { promoted, cancelled, more: false }
}

/** One multi-document update; running it again finds nothing to drop. */
export async function pruneHolds(now: Dayjs) {
  const pruned = await pruneEndedHolds(now.toDate())
  return { profiles: pruned }
}

export async function runJob(name: string, now: Dayjs) {
  switch (name) {
    case 'sendReminders':
      return sendReminders(now)
    case 'sendNotices':
      return sendNotices(now)
    case 'pruneHolds':
      return pruneHolds(now)
    default:
      throw new Error(`unknown volunteers job ${name}`)
  }
}
