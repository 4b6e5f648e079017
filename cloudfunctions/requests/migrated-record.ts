// A request of jurisdiction's old askOfficer (collection routed_requests) as the requests desk
// stores it: a consultation by the same resident, routed as it was, with the deadlines its kind
// has from the day it was asked. Free of database imports, so the migration script can use it.
import * as z from 'zod/mini'
import { KIND_RULES } from '../../src/core/requests/kinds'
import { deadlinesOf, initialChange } from '../../src/core/requests/lifecycle'
import type { WorkCalendar } from '../../src/core/requests/deadlines'
import { RouteResult } from '../../src/core/routing'
import { dayjs } from '../../src/core/time'
import type { RequestDoc } from './store'

export const RoutedRequestDoc = z.object({
  _id: z.string(),
  question: z.string(),
  requesterOpenid: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.coerce.date(),
  assigneeOfficerId: z.string(),
  decision: RouteResult,
  reason: z.object({ zh: z.string(), mn: z.string() }),
  jurisdictionVersion: z.number(),
  reassignments: z.array(z.object({ from: z.string(), to: z.string(), by: z.string(), at: z.coerce.date(), note: z.string() })),
})
export type RoutedRequestDoc = z.infer<typeof RoutedRequestDoc>

/** The new id is derived from the old one: migrating twice finds the first copy (idempotent). */
export const migratedId = (oldId: string) => `rq_m_${oldId}`.slice(0, 64)

export function migratedRequest(old: RoutedRequestDoc, calendar: WorkCalendar, migratedAt: Date): RequestDoc {
  const filed = dayjs(old.createdAt)
  const { acceptBy, answerBy } = deadlinesOf(filed, KIND_RULES.consultation.limits, calendar)
  const closed = old.status === 'closed'
  // An open one was never accepted (nobody could): it waits for acceptance, overdue if its day passed.
  const state = closed ? { status: 'closed' as const, open: false, deadlineAt: null, deadlineStep: null, watchAt: null } : initialChange({ acceptBy, answerBy })
  const community = old.decision.communityId
  return {
    _id: migratedId(old._id),
    kind: 'consultation',
    details: { kind: 'consultation', topic: 'other' },
    text: old.question,
    language: 'zh',
    anonymous: false,
    filerOpenid: old.requesterOpenid,
    followKey: null,
    filer: { name: null, phone: null },
    requestDigest: '',
    communityId: community,
    location: null,
    addressText: null,
    photos: [],
    contentReview: false,
    handledBy: 'routed_officer',
    officerId: old.assigneeOfficerId,
    officerIds: [old.assigneeOfficerId],
    decision: old.decision,
    stationId: null,
    stationReason: null,
    routeReason: old.reason,
    jurisdictionVersion: old.jurisdictionVersion,
    acceptBy,
    answerBy,
    ...state,
    overdue: false,
    escalated: [],
    everAccepted: false,
    reopenCount: 0,
    answeredAt: null,
    firstAnsweredAt: null,
    answeredOnTime: null,
    closedAt: closed ? migratedAt : null,
    closedBy: closed ? 'system' : null,
    answers: [],
    handoffs: [],
    transfers: old.reassignments.map((r) => ({ from: r.from, to: r.to, note: r.note, at: r.at, by: r.by })),
    timeline: [{ kind: 'filed', at: old.createdAt, by: 'resident' }],
    reopenComment: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    rectificationPending: false,
    version: 0,
    createdAt: old.createdAt,
    updatedAt: migratedAt,
  }
}
