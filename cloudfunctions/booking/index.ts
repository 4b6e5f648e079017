// booking: household-registration appointments (网上预约) at the Mongolian–Chinese and Chinese
// counters, the officers' counter desk, door-to-door service (上门办理), and the timer jobs
// that generate slots, mark no-shows, send reminders and reconcile after crashes.
import { bookingContract } from '../../src/core/booking/contract'
import { ok, fail } from '../../src/core/envelope'
import { dayjs } from '../../src/core/time'
import { cloud } from '../_shared/cloud'
import { createMain } from '../_shared/runtime'
import { book } from './actions/book'
import { listCounters, listServices, upsertService } from './actions/catalog'
import { checkIn, closeCounterDay, counterQueue, dayBookings } from './actions/desk'
import { findBookings, revealBookingContact, revealHomeVisitContact } from './actions/contact'
import { acceptHomeVisitTime, myHomeVisits, pendingHomeVisits, proposeHomeVisitTimes, recordHomeVisitDone, requestHomeVisit } from './actions/home-visits'
import { cancel, myBookings, myBookingStatus, reschedule } from './actions/manage'
import { listSlots } from './actions/slots'
import { jobBudget } from '../_shared/job-budget'
import { runJob } from './jobs'

const api = createMain(bookingContract, {
  listServices,
  listCounters,
  listSlots,
  book,
  cancel,
  reschedule,
  myBookings,
  myBookingStatus,
  checkIn,
  counterQueue,
  dayBookings,
  closeCounterDay,
  upsertService,
  requestHomeVisit,
  myHomeVisits,
  acceptHomeVisitTime,
  pendingHomeVisits,
  proposeHomeVisitTimes,
  recordHomeVisitDone,
  revealBookingContact,
  revealHomeVisitContact,
  findBookings,
})

/** config.json's timeout, for a platform that passes no time limit in the context. */
const TIME_LIMIT_SECONDS = 20

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown, context?: unknown) {
  // A timer invocation carries no caller; a client cannot fake one, since every client call has an OPENID.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    try {
      const summary = await runJob(event.TriggerName, dayjs(), jobBudget(context, TIME_LIMIT_SECONDS))
      return ok(summary)
    } catch (error) {
      console.error(`[booking.${event.TriggerName}]`, error)
      return fail('INTERNAL', `The ${event.TriggerName} job failed.`)
    }
  }
  return api(event)
}
