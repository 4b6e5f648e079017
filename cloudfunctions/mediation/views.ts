// From stored case to answer. Residents and staff get different shapes (contract.ts): the
// resident's view is built field by field from what a resident may see, so internal notes,
// session notes, risk reasons and the routing detail cannot leak into it by a spread.
import { StaffStep, type CaseSummary, type RectificationView, type ResidentCaseView, type StaffCaseView } from '../../src/core/mediation/contract'
import { decide, type CaseState } from '../../src/core/mediation/lifecycle'
import type { Dayjs } from '../../src/core/time'
import type { UserDoc } from '../_shared/users'
import { mediationSettings } from './settings'
import type { CaseDoc, RectificationDoc, SessionDoc, SummaryDoc } from './store'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function stateOf(doc: CaseDoc): CaseState {
  const atLevel = doc.sessions.filter((s) => s.level === doc.level)
  return {
    status: doc.status,
    level: doc.level,
    levelSince: doc.levelSince,
    sessionsPending: atLevel.filter((s) => !s.held).length,
    sessionsHeld: atLevel.filter((s) => s.held).length,
    everAccepted: doc.everAccepted,
  }
}

const sessionBase = (s: SessionDoc) => ({ id: s.id, level: s.level, at: s.at.toISOString(), place: s.place, placeText: s.placeText, participants: s.participants, held: s.held })

/** What every view of a case starts with: the fields an inbox row shows too. */
const headline = (doc: SummaryDoc) => ({
  id: doc._id,
  type: doc.type,
  status: doc.status,
  level: doc.level,
  highRisk: doc.highRisk,
  communityId: doc.communityId,
  createdAt: doc.createdAt.toISOString(),
  deadlineAt: iso(doc.deadlineAt),
  deadlineKind: doc.deadlineKind,
  overdue: doc.overdue,
})

const core = (doc: CaseDoc) => ({
  ...headline(doc),
  agreement: doc.agreement,
  rating: doc.rating === null ? null : { value: doc.rating, comment: doc.ratingComment ?? '' },
})

const timelineOf = (doc: CaseDoc) => doc.timeline.map((e) => ({ kind: e.kind, level: e.level, at: e.at.toISOString(), by: e.by }))

export function residentView(doc: CaseDoc): ResidentCaseView {
  return {
    ...core(doc),
    description: doc.description,
    otherPartyName: doc.otherParty?.name ?? null,
    timeline: timelineOf(doc),
    sessions: doc.sessions.map(sessionBase),
    withdrawable: doc.status === 'submitted' && !doc.everAccepted,
    ratable: doc.status === 'closed' && doc.rating === null,
  }
}

/** Whether the caller leads the case's station (a station leader of it, or a bureau leader): ScopeChecks.leads. */
export type Leads = (stationId: string | null | undefined) => boolean

/** Leaders of the case's station see it; an officer those routed to them or to the communities they cover. */
export const maySee = (user: UserDoc, leads: Leads, doc: Pick<CaseDoc, 'officerIds' | 'stationId'>) => leads(doc.stationId) || (user.officerId !== null && doc.officerIds.includes(user.officerId))

/** Level 1 is the officers'; levels 2 and 3 are the leadership's of the case's station (who also records for the joint panel). */
export const mayAct = (user: UserDoc, leads: Leads, doc: Pick<CaseDoc, 'officerIds' | 'level' | 'stationId'>) => leads(doc.stationId) || (doc.level === 1 && maySee(user, leads, doc))


export function staffView(doc: CaseDoc, user: UserDoc, leads: Leads, now: Dayjs): StaffCaseView {
  const canAct = mayAct(user, leads, doc)
  const state = stateOf(doc)
  return {
    ...core(doc),
    description: doc.description,
    language: doc.language,
    // Masked: the full number only through revealContact, which is audited.
    applicant: { name: doc.applicant.name, phone: doc.applicant.phone?.masked ?? '' },
    otherParty: doc.otherParty && { name: doc.otherParty.name, phone: doc.otherParty.phone?.masked ?? null },
    dangerNow: doc.dangerNow,
    photos: doc.photos,
    risk: doc.risk,
    alertOpen: doc.alertOpen,
    officerId: doc.officerId,
    routeReason: doc.routeReason,
    timeline: timelineOf(doc),
    sessions: doc.sessions.map((s) => ({ ...sessionBase(s), notes: s.notes })),
    internalNotes: doc.internalNotes.map((n) => ({ text: n.text, at: n.at.toISOString(), by: n.by })),
    notSettledReasons: doc.notSettledReasons.map((r) => ({ level: r.level, reason: r.reason })),
    allowed: canAct ? StaffStep.options.filter((t) => decide(state, t, now, mediationSettings()).ok) : [],
    canAct,
  }
}

export function summaryView(doc: SummaryDoc): CaseSummary {
  return {
    ...headline(doc),
    officerId: doc.officerId,
    alertOpen: doc.alertOpen,
  }
}

export function rectificationView(doc: RectificationDoc): RectificationView {
  return {
    id: doc._id,
    caseId: doc.caseId,
    type: doc.type,
    rating: doc.rating,
    comment: doc.comment,
    status: doc.status,
    dueAt: doc.dueAt.toISOString(),
    callbackNote: doc.callbackNote,
    fixNote: doc.fixNote,
    createdAt: doc.createdAt.toISOString(),
  }
}
