// Timer jobs (config.json › triggers). Each is idempotent: running it twice, or two instances
// at once, does the work once, because every change it makes is a conditional update that the
// second run no longer matches.
//
//   generateSlots   daily: materialize every active counter's slots for the window (+1 day).
//   markNoShows     every 15 min: bookings still 'booked' after their slot ended (+ grace)
//                   become no-shows; suspensions follow from them (src/core/booking/rules.ts).
//   sendReminders   hourly: the day-before reminder, claimed with `remindedAt` before sending
//                   (a send that fails for another reason than a refusal is released for retry).
//   reconcile       every 10 min: mends what a crash between two writes can leave behind —
//                   a slot holder whose booking does not exist, no longer holds a place or
//                   points at another slot is released; closure notices not yet sent are sent.
import { isReminderDue, noShowCutoff, voidSeat } from '../../src/core/booking/rules'
import type { Dayjs } from '../../src/core/time'
import type { JobBudget } from '../_shared/job-budget'
import { notifyClosure } from './actions/desk'
import { sendBookingMessage } from './notify'
import { bookingSettings } from './settings'
import { activeCounters } from './store/catalog'
import { bookingsByIds, closuresNotNotified, holdsPlace, overdueBookings, reminderCandidates, updateBookingWhere, when } from './store/bookings'
import { materializeSlots, releasePlace, slotsHeldBefore } from './store/slots'

export const JOBS = ['generateSlots', 'markNoShows', 'sendReminders', 'reconcile'] as const
export type JobName = (typeof JOBS)[number]

export async function generateAllSlots(now: Dayjs) {
  const config = bookingSettings()
  let created = 0
  const counters = await activeCounters()
  for (const counter of counters) created += await materializeSlots(counter, now, config)
  return { counters: counters.length, created }
}

export async function markNoShows(now: Dayjs, budget: JobBudget) {
  const cutoff = noShowCutoff(now, bookingSettings()).toDate()
  let marked = 0
  // Marked bookings leave the query, so the query itself is the cursor of a cut-off run.
  while (budget.hasTimeLeft()) {
    const overdue = await overdueBookings(cutoff, 200)
    let markedNow = 0
    for (const booking of overdue) {
      if (!budget.hasTimeLeft()) return { marked: marked + markedNow, done: false }
      const change = { status: 'no_show', noShowAt: now.toDate(), seat: voidSeat(booking._id), updatedAt: now.toDate() }
      if (await updateBookingWhere(booking._id, when.booked, change)) markedNow++
    }
    marked += markedNow
    // A short page is the last one; a page where another run marked everything first ends too.
    if (overdue.length < 200 || markedNow === 0) return { marked, done: true }
  }
  return { marked, done: false }
}

export async function sendReminders(now: Dayjs, budget: JobBudget) {
  const config = bookingSettings()
  const candidates = await reminderCandidates(now.toDate(), now.add(2, 'day').toDate())
  const outcomes = { due: 0, sent: 0, refused: 0, failed: 0, capped: 0, done: true }
  for (const booking of candidates) {
    // The rest stay unclaimed for the next hourly run.
    if (!budget.hasTimeLeft()) {
      outcomes.done = false
      break
    }
    if (!isReminderDue(booking.startsAt, now, config)) continue
    outcomes.due++
    // Claimed first: a second run (or instance) finds it reminded and sends nothing.
    if (!(await updateBookingWhere(booking._id, when.notReminded, { remindedAt: now.toDate() }))) continue
    const outcome = await sendBookingMessage('reminder', booking, now)
    outcomes[outcome]++
    if (outcome === 'failed') await updateBookingWhere(booking._id, when.remindedAt(now.toDate()), { remindedAt: null })
  }
  return outcomes
}

export async function reconcile(now: Dayjs) {
  const config = bookingSettings()
  // Anything younger than the grace may belong to an invocation still running.
  const before = now.subtract(config.reconcileGraceMinutes, 'minute').toDate()
  const held = await slotsHeldBefore(now.subtract(2, 'day').toDate(), before)
  const ids = [...new Set(held.flatMap((slot) => slot.holders.map((h) => h.bookingId)))]
  const bookings = new Map((await bookingsByIds(ids)).map((b) => [b._id, b]))
  let released = 0
  for (const slot of held) {
    for (const holder of slot.holders) {
      if (holder.at >= before) continue
      const booking = bookings.get(holder.bookingId)
      if (booking && booking.slotId === slot._id && holdsPlace(booking)) continue
      if (await releasePlace(slot._id, holder.bookingId)) released++
    }
  }
  let notified = 0
  for (const booking of await closuresNotNotified()) if (await notifyClosure(booking, now)) notified++
  return { checkedSlots: held.length, released, notified }
}

export async function runJob(name: string, now: Dayjs, budget: JobBudget) {
  switch (name) {
    case 'generateSlots':
      return generateAllSlots(now)
    case 'markNoShows':
      return markNoShows(now, budget)
    case 'sendReminders':
      return sendReminders(now, budget)
    case 'reconcile':
      return reconcile(now)
    default:
      throw new Error(`unknown booking job ${name}`)
  }
}
