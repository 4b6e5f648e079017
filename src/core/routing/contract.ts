// What routing takes: the request and the roster. What it gives (the stored decision) is in
// ./result.ts, re-exported here.
import * as z from 'zod/mini'
import { DocId, Language } from '../ids'
import { DutyShift, Latitude, LeavePeriod, Longitude } from '../jurisdiction/schema'
import { RequestKind } from './result'

export { AssignedAs, LocateMethod, RequestKind, RouteResult, RouteStep } from './result'

/** A request to route. Residents never pick an officer: they give a place, and the cloud decides. */
export const RouteRequest = z.object({
  kind: RequestKind,
  /** Where the service is needed; tried first, since jurisdiction follows the place (属地管辖). */
  location: z.optional(z.object({ lng: Longitude, lat: Latitude })),
  /** The community the resident registered with; tried when the location does not settle it. */
  communityId: z.optional(DocId),
  /** Free address text ("巴音井东边"), matched against community names and aliases last. */
  addressText: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  language: z._default(Language, 'zh'),
  /** Urgent requests go only to an officer on duty now (值班), never wait for a day shift. */
  urgency: z._default(z.enum(['normal', 'urgent']), 'normal'),
})
export type RouteRequest = z.input<typeof RouteRequest>

/**
 * Duty and leave as in the jurisdiction document, plus each officer's open cases right now.
 * Unlike the import, stored records may carry extra keys (a database _id), which are dropped.
 * Treat a roster as immutable: routing prepares it once per object (see ./roster.ts).
 */
export const RouteRoster = z.object({
  duty: z.array(z.object(DutyShift.shape)),
  leave: z.array(z.object(LeavePeriod.shape)),
  openCases: z._default(z.record(DocId, z.number().check(z.int(), z.gte(0))), {}),
})
export type RouteRoster = z.input<typeof RouteRoster>
