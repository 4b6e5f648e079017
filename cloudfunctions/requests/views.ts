// From stored request to answer. The resident's and the staff's views are built field by field:
// the staff view of an anonymous request has no filer at all, and internal hand-off notes and
// partner answers never reach the resident.
import type { Answer, ResidentRequestView, RectificationView, RequestSummary, StaffRequestView, StaffStep } from '../../src/core/requests/contract'
import { AUTO_CLOSE_DAYS, allowedNow, type RequestState } from '../../src/core/requests/lifecycle'
import type { RectificationDoc, RequestDoc, SummaryDoc } from './store'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function stateOf(doc: RequestDoc): RequestState {
  return { status: doc.status, acceptBy: doc.acceptBy, answerBy: doc.answerBy, everAccepted: doc.everAccepted, reopenCount: doc.reopenCount, answeredAt: doc.answeredAt, escalated: doc.escalated }
}

const answersOf = (doc: RequestDoc): Answer[] => doc.answers.map((a) => ({ zh: a.zh, mn: a.mn, at: a.at.toISOString(), by: a.by }))

const core = (doc: RequestDoc) => ({
  id: doc._id,
  kind: doc.kind,
  details: doc.details,
  text: doc.text,
  anonymous: doc.anonymous,
  status: doc.status,
  communityId: doc.communityId,
  language: doc.language,
  createdAt: doc.createdAt.toISOString(),
  acceptBy: doc.acceptBy.toISOString(),
  answerBy: doc.answerBy.toISOString(),
  deadlineAt: iso(doc.deadlineAt),
  deadlineStep: doc.deadlineStep,
  overdue: doc.overdue,
  photos: doc.photos,
  answers: answersOf(doc),
  reopenCount: doc.reopenCount,
  rating: doc.rating === null ? null : { value: doc.rating, comment: doc.ratingComment ?? '' },
  timeline: doc.timeline.map((e) => ({ kind: e.kind, at: e.at.toISOString(), by: e.by, ...(e.step ? { step: e.step } : {}), ...(e.partner ? { partner: e.partner } : {}) })),
})

export function residentView(doc: RequestDoc): ResidentRequestView {
  const allowed = allowedNow(stateOf(doc))
  const lastHandoff = doc.handoffs[doc.handoffs.length - 1]
  return {
    ...core(doc),
    withPartner: doc.status === 'with_partner' && lastHandoff ? lastHandoff.partner : null,
    withdrawable: allowed.includes('withdraw'),
    confirmable: allowed.includes('confirm'),
    reopenable: allowed.includes('not_resolved'),
    ratable: allowed.includes('rate') && doc.rating === null,
    autoCloseAt: doc.status === 'answered' && doc.answeredAt ? new Date(doc.answeredAt.getTime() + AUTO_CLOSE_DAYS * 86_400_000).toISOString() : null,
  }
}

const STAFF_STEPS: readonly StaffStep[] = ['accept', 'transfer', 'hand_off', 'partner_answer', 'reply']

export function staffView(doc: RequestDoc, mayAct: boolean): StaffRequestView {
  const allowed = mayAct ? allowedNow(stateOf(doc)).filter((t): t is StaffStep => (STAFF_STEPS as readonly string[]).includes(t)) : []
  return {
    ...core(doc),
    // Anonymous: nothing about the filer exists to show.
    filer: doc.anonymous || !doc.filer ? null : { name: doc.filer.name, phoneMasked: doc.filer.phone?.masked ?? null },
    handledBy: doc.handledBy,
    officerId: doc.officerId,
    routeReason: doc.routeReason,
    addressText: doc.addressText,
    location: doc.location,
    handoffs: doc.handoffs.map((h) => ({ no: h.no, partner: h.partner, note: h.note, contactName: h.contactName, at: h.at.toISOString(), answer: h.answer, answeredAt: iso(h.answeredAt) })),
    transfers: doc.transfers.map((t) => ({ from: t.from, to: t.to, note: t.note, at: t.at.toISOString() })),
    reopenComment: doc.reopenComment,
    contentReview: doc.contentReview,
    allowed,
    version: doc.version,
  }
}

export const summaryView = (doc: SummaryDoc): RequestSummary => ({
  id: doc._id,
  kind: doc.kind,
  status: doc.status,
  anonymous: doc.anonymous,
  communityId: doc.communityId,
  officerId: doc.officerId,
  handledBy: doc.handledBy,
  createdAt: doc.createdAt.toISOString(),
  deadlineAt: iso(doc.deadlineAt),
  deadlineStep: doc.deadlineStep,
  overdue: doc.overdue,
})

export const rectificationView = (t: RectificationDoc): RectificationView => ({
  id: t._id,
  requestId: t.requestId,
  kind: t.kind,
  rating: t.rating,
  comment: t.comment,
  status: t.status,
  dueAt: t.dueAt.toISOString(),
  officerId: t.officerId,
  callbackNote: t.callbackNote,
  fixNote: t.fixNote,
  createdAt: t.createdAt.toISOString(),
})
