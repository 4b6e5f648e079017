// A routing decision as it is stored and shown: plain JSON, with the reason as structured steps
// (rendered to a sentence by ./describe.ts when shown). Kept apart from ./contract.ts so that
// screens showing a decision do not bundle the roster and import-document schemas.
import * as z from 'zod/mini'
import { DocId, Language } from '../ids'
import { JointPanelMember } from '../jurisdiction/primitives'

/** What is routed: a visit, a dispute, or one of the requests desk's kinds (src/core/requests/kinds.ts). */
export const RequestKind = z.enum(['home_visit', 'mediation', 'consultation', 'help', 'tip_off', 'fraud_report', 'complaint'])
export type RequestKind = z.infer<typeof RequestKind>

/** `bureau_duty_desk`: the bureau's command centre (局指挥中心), when no station could answer (../bureau/route.ts). */
export const AssignedAs = z.enum(['community_officer', 'auxiliary_officer', 'district_duty', 'station_duty', 'leadership', 'bureau_duty_desk'])
export type AssignedAs = z.infer<typeof AssignedAs>

export const LocateMethod = z.enum(['polygon', 'nearest', 'alias', 'given', 'none'])
export type LocateMethod = z.infer<typeof LocateMethod>

export const RouteStep = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('located_in'),
    /** null with method 'none': this input did not settle the community (see `why`). */
    communityId: z.nullable(DocId),
    method: LocateMethod,
    /** nearest: km from the point to the community's boundary. */
    distanceKm: z.optional(z.number()),
    /** polygon: the grid cell holding the point, if cells are mapped. */
    gridCellId: z.optional(DocId),
    /** polygon: when the point lies on a shared boundary, every community it touches; the lowest id was chosen. */
    boundaryOf: z.optional(z.array(DocId)),
    /** alias: the name or alias found in the address text. */
    alias: z.optional(z.string()),
    why: z.optional(z.enum(['no_location', 'outside_max_distance', 'unknown_community', 'no_alias_match'])),
    /** outside_max_distance: the station setting that applied. */
    maxKm: z.optional(z.number()),
  }),
  z.object({
    kind: z.literal('skipped'),
    officerId: DocId,
    as: AssignedAs,
    why: z.enum(['on_leave', 'at_capacity', 'off_duty']),
    /** on_leave: end of the leave (UTC ISO instant), consecutive leaves joined. */
    until: z.optional(z.string()),
    openCases: z.optional(z.number()),
    capacity: z.optional(z.number()),
  }),
  z.object({ kind: z.literal('none_on_duty'), scope: z.enum(['district', 'station']), districtId: z.optional(DocId) }),
  z.object({
    kind: z.literal('language'),
    language: Language,
    /** false: nobody available at this level speaks it, so the first available officer was kept. */
    honoured: z.boolean(),
    officerId: DocId,
    /** Available officers ahead in line who do not speak the language. */
    passedOver: z.array(DocId),
  }),
  z.object({
    kind: z.literal('assigned'),
    officerId: DocId,
    as: AssignedAs,
    /** Nobody was available anywhere: the first station leader answers regardless. */
    forced: z.optional(z.boolean()),
  }),
])
export type RouteStep = z.infer<typeof RouteStep>

export const RouteResult = z.object({
  communityId: z.nullable(DocId),
  districtId: z.nullable(DocId),
  gridCellId: z.nullable(DocId),
  assignee: z.object({ officerId: DocId, as: AssignedAs }),
  /** 一社区一民警: the community's responsible officer, kept informed even when someone else is assigned. */
  communityOfficerId: z.nullable(DocId),
  /** The rest of the chain: level 2 = station leadership, level 3 = the joint panel. */
  escalation: z.object({ level2: z.array(DocId), level3: z.array(JointPanelMember) }),
  steps: z.array(RouteStep),
})
export type RouteResult = z.infer<typeof RouteResult>
