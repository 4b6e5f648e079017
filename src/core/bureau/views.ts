// What the functions read of a bureau: the whole bureau as one jurisdiction (for the functions
// that look people and places up by id), each station's card for "which station serves me", and
// the routing decision as stored on a record. Pure.
import { polygonBBox, polygonsOf } from '../jurisdiction/geometry'
import type { Jurisdiction } from '../jurisdiction/schema'
import { officerContact, officerRecords, type OfficerRecord } from '../jurisdiction/views'
import type { RouteResult } from '../routing/result'
import type { BureauRouteResult } from './route'
import type { BureauJurisdiction, StationSection } from './schema'

/**
 * The bureau read as one jurisdiction: every station's districts, communities and roster, the
 * stations' officers and the bureau staff. Ids are unique across the bureau (validateBureau), so
 * a lookup by id finds the one person or place. `station` is the first station's: functions that
 * are not per station yet (notices, dashboard, leadership notifications) keep serving it as they
 * did when the deployment was that one station.
 */
export function wholeBureau(bureau: BureauJurisdiction): Jurisdiction {
  const [first] = bureau.stations
  return {
    version: 1,
    station: first.station,
    districts: bureau.stations.flatMap((s) => s.districts),
    communities: bureau.stations.flatMap((s) => s.communities),
    officers: [...bureau.stations.flatMap((s) => s.officers), ...bureau.officers],
    roster: { duty: bureau.stations.flatMap((s) => s.roster.duty), leave: bureau.stations.flatMap((s) => s.roster.leave) },
  }
}

/** One station as a single-station document, for the station's own rules (communityCard, describeRoute…). */
export const stationJurisdiction = (section: StationSection): Jurisdiction => ({ version: 1, ...section })

/** The station a community belongs to, or null for an id the bureau does not know. */
export function stationIdOfCommunity(bureau: BureauJurisdiction, communityId: string): string | null {
  return bureau.stations.find((s) => s.communities.some((c) => c.id === communityId))?.station.id ?? null
}

/** The station an officer serves, or null for bureau staff and unknown ids. */
export function stationIdOfOfficer(bureau: BureauJurisdiction, officerId: string): string | null {
  return bureau.stations.find((s) => s.officers.some((o) => o.id === officerId))?.station.id ?? null
}

/**
 * A station's position for "nearest first": the mean of the centres of its mapped communities'
 * outer boxes (a gacha is far larger than its settlement, so a finer centroid would not place
 * the station better). Null when none of its communities has a boundary.
 */
export function stationPosition(section: StationSection): { lng: number; lat: number } | null {
  const centres = section.communities.flatMap((c) =>
    c.boundary ? polygonsOf(c.boundary).map((p) => polygonBBox(p)).map(([x0, y0, x1, y1]) => [(x0 + x1) / 2, (y0 + y1) / 2]) : [],
  )
  if (centres.length === 0) return null
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  return { lng: round(centres.reduce((s, c) => s + c[0], 0) / centres.length), lat: round(centres.reduce((s, c) => s + c[1], 0) / centres.length) }
}

/**
 * The decision stored on a record, in the single-station shape every screen already shows: the
 * station's own routing when its people answer; when the bureau duty desk answers, the station's
 * steps (if a station was chosen, without its forced last resort) followed by the desk's assignment.
 */
export function storedDecision(result: BureauRouteResult, bureau: BureauJurisdiction): RouteResult {
  if (result.dutyDesk === null && result.route) return result.route
  const assignee = { officerId: result.assignee.officerId, as: 'bureau_duty_desk' as const }
  const base: RouteResult = result.route ?? {
    communityId: null,
    districtId: null,
    gridCellId: null,
    assignee,
    communityOfficerId: null,
    // Without a station the bureau leadership is the level above the desk; no town's panel applies.
    escalation: { level2: bureau.bureau.leadershipOfficerIds, level3: [] },
    steps: [],
  }
  // The station's forced fallback onto its first leader did not happen: the desk took it instead.
  const steps = base.steps.filter((step) => !(step.kind === 'assigned' && step.forced === true))
  return { ...base, assignee, steps: [...steps, { kind: 'assigned', officerId: assignee.officerId, as: 'bureau_duty_desk' }] }
}

/** The officer records kept beside each WeChat identity, each with the station it serves (null: bureau staff). */
export function bureauOfficerRecords(bureau: BureauJurisdiction): Array<OfficerRecord & { stationId: string | null }> {
  return [
    ...bureau.stations.flatMap((section) => officerRecords(stationJurisdiction(section)).map((r) => ({ ...r, stationId: section.station.id }))),
    ...bureau.officers.map((officer) => ({ ...officerContact(officer), kind: officer.kind, districtId: null, communityIds: [], stationId: null })),
  ]
}
