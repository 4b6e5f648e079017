// The lifecycle fields of a case nobody has acted on yet, shared by filing and by the builders of
// hand-made data sets (demo, tests, bench). Kept free of database imports so scripts can use it.
import type { CaseDoc } from './store'

/** What a newly filed case has not done yet: no acceptance, session, outcome, rating or return visit. */
export const untouchedCase = (filedAt: Date) =>
  ({
    open: true,
    everAccepted: false,
    overdue: false,
    outcome: null,
    settledLevel: null,
    settledAt: null,
    daysToSettle: null,
    closedAt: null,
    agreement: null,
    sessions: [],
    internalNotes: [],
    notSettledReasons: [],
    timeline: [{ kind: 'filed', level: 1, at: filedAt, by: 'resident' }],
    rating: null,
    rectificationPending: false,
    ratingComment: null,
    ratedAt: null,
    returnVisitAt: null,
    returnVisitSentAt: null,
    version: 0,
  }) satisfies Partial<CaseDoc>
