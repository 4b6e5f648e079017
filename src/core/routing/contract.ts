// What routing takes: the request and the roster. What it gives (the stored decision) is in
// ./result.ts, re-exported here.
import * as z from 'zod'
import { DocId, Language } from '../ids'
import { DutyShift, Latitude, LeavePeriod, Longitude } from '../jurisdiction/schema'
import { RequestKind } from './result'

export { AssignedAs, LocateMethod, RequestKind, RouteResult, RouteStep } from './result'

/** A request to route. Residents never pick an officer: they give a place, and the cloud decides. */
export const RouteRequest = z.object({
  kind: RequestKind,
  /** Where the service is needed; tried first, since jurisdiction follows the place (属地管辖). */
  location: z.object({ lng: Longitude, lat: Latitude }).optional(),
  /** The community the resident registered with; tried when the location does not settle it. */
  communityId: DocId.optional(),
  /** Free address text ("巴音井东边"), matched against community names and aliases last. */
  addressText: z.string().trim().max(200).optional(),
  language: Language.default('zh'),
  /** Urgent requests go only to an officer on duty now (值班), never wait for a day shift. */
  urgency: z.enum(['normal', 'urgent']).default('normal'),
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
  openCases: z.record(DocId, z.number().int().min(0)).default({}),
})
export type RouteRoster = z.input<typeof RouteRoster>
