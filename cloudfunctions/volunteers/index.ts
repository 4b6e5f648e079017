// volunteers: teams and applications, activities with capacity and a waitlist, check-in by code
// or position, hours and points, leaderboards, officers' monthly figures, and the timer jobs that
// send reminders, promotion and cancellation messages.
import { ok, fail } from '../../src/core/envelope'
import { dayjs } from '../../src/core/time'
import { volunteersContract } from '../../src/core/volunteers/contract'
import { cloud } from '../_shared/cloud'
import { createMain } from '../_shared/runtime'
import { activity, cancelActivity, createActivity, listActivities, roster, updateActivity } from './actions/activities'
import { checkIn, checkOut, correctHours } from './actions/attendance'
import { leaderboard, myRecord, teamMonth } from './actions/figures'
import { applications, apply, decide, myVolunteer, revealContact, setLeaderboardOptOut, suspend, teams } from './actions/profiles'
import { cancelSignUp, signUp } from './actions/sign-up'
import { runJob } from './jobs'

const api = createMain(volunteersContract, {
  teams,
  myVolunteer,
  apply,
  applications,
  decide,
  suspend,
  revealContact,
  createActivity,
  updateActivity,
  cancelActivity,
  listActivities,
  activity,
  roster,
  signUp,
  cancelSignUp,
  checkIn,
  checkOut,
  myRecord,
  leaderboard,
  setLeaderboardOptOut,
  correctHours,
  teamMonth,
})

const isTimerEvent = (event: unknown): event is { Type: 'Timer'; TriggerName: string } =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && typeof (event as { TriggerName?: unknown }).TriggerName === 'string'

export async function main(event: unknown) {
  // A timer invocation carries no caller; a client cannot fake one, since every client call has an OPENID.
  if (isTimerEvent(event) && !cloud.getWXContext().OPENID) {
    try {
      return ok(await runJob(event.TriggerName, dayjs()))
    } catch (error) {
      console.error(`[volunteers.${event.TriggerName}]`, error)
      return fail('INTERNAL', `The ${event.TriggerName} job failed.`)
    }
  }
  return api(event)
}
