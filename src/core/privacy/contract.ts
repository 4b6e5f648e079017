// Residents' rights and the audit log, as the account function answers them: a resident exports
// all their data or deletes their account (PIPL arts. 45 and 47); station leaders search the
// audit log, whose entries are kept for a configurable number of days.
import * as z from 'zod/mini'
import { accountContract } from '../account/contract'
import { defineFunction } from '../contract'
import type { Dayjs } from '../time'
import { ANYONE, Role } from '../roles'

// ── Audit log ─────────────────────────────────────────────────────────────────────────────────

export const AUDIT_PAGE_SIZE = 20

/**
 * Network logs are kept at least six months (Cybersecurity Law art. 21); a year by default. The
 * function's AUDIT_RETENTION_DAYS environment variable sets it; a value below the floor is refused.
 */
export const AUDIT_RETENTION_FLOOR_DAYS = 180
export const AuditRetentionDays = z._default(z.coerce.number().check(z.int(), z.gte(AUDIT_RETENTION_FLOOR_DAYS), z.lte(3650)), 365)

/** Entries at or before this instant are past retention. */
export const auditCutoff = (now: Dayjs, retentionDays: number) => now.subtract(retentionDays, 'day')

const Token = z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:.-]+$/, 'must be letters, digits, _ : . or -'))
const Instant = z.iso.datetime({ offset: true })

export const AuditQuery = z.object({
    actorOpenid: z.optional(Token),
    collection: z.optional(Token),
    recordId: z.optional(Token),
    /** The audited action (`read`, `reveal:applicant.phone`…); not `action`, which names the function's own action. */
    actionName: z.optional(Token),
    from: z.optional(Instant),
    to: z.optional(Instant),
    page: z._default(z.number().check(z.int(), z.gte(0), z.lte(500)), 0),
  }).check(z.refine((q) => !q.recordId || q.collection, { message: 'a record is searched within its collection', path: ['collection'] }), z.refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after the end of the period', path: ['from'] }))
export type AuditQuery = z.output<typeof AuditQuery>

export const AuditEntryView = z.object({
  id: z.string(),
  actorOpenid: z.string(),
  /** The officer's name when the actor is a bound officer; null for residents and jobs. */
  actorName: z.nullable(z.string()),
  roles: z.array(Role),
  action: z.string(),
  collection: z.string(),
  recordId: z.string(),
  /** Set for counted operations (the retention job's removals). */
  count: z.nullable(z.number().check(z.int())),
  at: z.string(),
})
export type AuditEntryView = z.infer<typeof AuditEntryView>

export const AuditPage = z.object({ entries: z.array(AuditEntryView), page: z.number().check(z.int()), hasMore: z.boolean(), retentionDays: z.number().check(z.int()) })

// ── Residents' rights ─────────────────────────────────────────────────────────────────────────

/** The client sends it only after the resident typed the confirmation phrase shown to them. */
export const DELETE_CONFIRMATION = 'delete-my-account'

const Json = z.record(z.string(), z.unknown())

/** Everything stored about the caller, decrypted for them, grouped by what it is. */
export const MyData = z.object({
  exportedAt: z.string(),
  user: Json,
  bookings: z.array(Json),
  homeVisits: z.array(Json),
  mediationCases: z.array(Json),
  /** Requests to the desk (src/core/requests), named ones: anonymous requests are linked to nobody. */
  requests: z.array(Json),
  consultations: z.array(Json),
  volunteer: z.nullable(Json),
  volunteerSignUps: z.array(Json),
  volunteerAttendance: z.array(Json),
  noticeSubscription: z.nullable(Json),
  noticeReceipts: z.array(Json),
})
export type MyData = z.infer<typeof MyData>

/** What deletion did, per kind of record: removed, or kept without anything that identifies the resident. */
export const DeletionReport = z.object({
  removed: z.record(z.string(), z.number().check(z.int())),
  anonymised: z.record(z.string(), z.number().check(z.int())),
})
export type DeletionReport = z.infer<typeof DeletionReport>

// ── Reveals ───────────────────────────────────────────────────────────────────────────────────

/** A staff reveal's answer: the phone in full (null when the owner deleted their account). */
export const RevealedContact = z.object({ phone: z.nullable(z.string()) })
export type RevealedContact = z.infer<typeof RevealedContact>

// ── The account function's whole contract ────────────────────────────────────────────────────

/**
 * The account function with the rights and audit actions added. Kept apart from accountContract,
 * which the main package bundles for `me`: these schemas ship only in the subpackages that call them.
 */
export const accountFunctionContract = defineFunction('account', {
  ...accountContract.actions,
  exportMyData: {
    summary: 'Everything the station stores about the caller, as JSON, their own personal data in clear (PIPL art. 45).',
    input: z.object({}),
    output: MyData,
    roles: ANYONE,
    scope: 'own',
  },
  deleteMyAccount: {
    summary: 'Delete the caller’s account: records the station must keep (served bookings, done visits, filed disputes, attendance hours) are anonymised, the rest removed; open bookings and sign-ups are cancelled and their places given back. Staff accounts are unbound by an admin instead.',
    input: z.object({ confirm: z.literal(DELETE_CONFIRMATION) }),
    output: DeletionReport,
    roles: ANYONE,
    scope: 'own',
  },
  searchAudit: {
    summary: 'Search the audit log by actor, record, collection, action and period, newest first, a page at a time: a station’s leaders and admins their station’s entries, bureau leaders and the bureau admin every entry.',
    input: AuditQuery,
    output: AuditPage,
    roles: ['station_leader', 'admin', 'bureau_leader', 'bureau_admin'],
    scope: 'station',
  },
})
