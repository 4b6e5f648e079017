// Routing across a bureau: position → community → its station → that station's responsible
// officer (the station's own fallbacks, ../routing/route.ts), then the bureau duty desk. A
// position inside no station's communities goes to the nearest station within the bureau's
// distance limit; beyond it, to the duty desk. Every decision keeps its reason (`station`).
// Pure: `now` is a parameter, the roster is given.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance'
import * as z from 'zod/mini'
import { DocId } from '../ids'
import type { Jurisdiction } from '../jurisdiction/schema'
import { KM_PER_DEGREE, polygonsOf } from '../jurisdiction/geometry'
import { buildJurisdictionIndex, polygonSet, type JurisdictionIndex, type PolygonSet } from '../routing/jurisdiction-index'
import { matchAlias } from '../routing/locate'
import { AssignedAs, RouteResult } from '../routing/result'
import { route } from '../routing/route'
import type { RouteRequest, RouteRoster } from '../routing/contract'
import type { Dayjs } from '../time'
import type { BureauJurisdiction } from './schema'

/** How the station was chosen: the reason stored with every bureau routing decision. */
export const StationReason = z.discriminatedUnion('kind', [
  /** The position lies in one of the station's communities. */
  z.object({ kind: z.literal('inside'), communityId: DocId }),
  /** No position (or none inside): the resident's community, or an address alias, named the station. */
  z.object({ kind: z.literal('community'), communityId: DocId, method: z.enum(['given', 'alias']) }),
  /** Outside every station: the nearest one, within the bureau's limit. */
  z.object({ kind: z.literal('nearest_station'), distanceKm: z.number(), maxKm: z.number() }),
  /** Outside every station and farther than the limit from all: the duty desk decides. */
  z.object({ kind: z.literal('beyond_limit'), distanceKm: z.nullable(z.number()), maxKm: z.number() }),
  /** Nothing in the request named a place. */
  z.object({ kind: z.literal('unlocated') }),
])
export type StationReason = z.infer<typeof StationReason>

export const BureauRouteResult = z.object({
  stationId: z.nullable(DocId),
  station: StationReason,
  /** The station's own routing; null when the duty desk took the request without a station. */
  route: z.nullable(RouteResult),
  assignee: z.object({ officerId: DocId, as: AssignedAs }),
  /** Set when the duty desk answers: why the station could not. */
  dutyDesk: z.nullable(z.object({ why: z.enum(['no_station', 'nobody_available_in_station']), skippedOnLeave: z.array(DocId) })),
})
export type BureauRouteResult = z.infer<typeof BureauRouteResult>

export interface BureauIndex {
  readonly bureau: BureauJurisdiction
  readonly stations: ReadonlyArray<{ id: string; index: JurisdictionIndex; officerIds: ReadonlySet<string> }>
  readonly stationOfCommunity: ReadonlyMap<string, number>
  /**
   * Every mapped community part of every station in one flatbush, so that locating a position
   * and finding the nearest station cost one search whatever the number of stations. The owner
   * of a part is its community's number in `communities`.
   */
  readonly parts: PolygonSet | null
  readonly communities: ReadonlyArray<{ id: string; station: number }>
}

/** Build once per imported version: one routing index per station, and the bureau-wide flatbush. */
export function buildBureauIndex(bureau: BureauJurisdiction): BureauIndex {
  const stationOfCommunity = new Map<string, number>()
  const communities: Array<{ id: string; station: number }> = []
  const parts: Array<{ owner: number; rings: number[][][] }> = []
  const stations = bureau.stations.map((section, s) => {
    const jurisdiction: Jurisdiction = { version: 1, ...section }
    for (const c of section.communities) {
      stationOfCommunity.set(c.id, s)
      // MultiPolygons part by part, as inside a station: a far-flung part must not widen the others' box.
      if (c.boundary) for (const rings of polygonsOf(c.boundary)) parts.push({ owner: communities.length, rings })
      communities.push({ id: c.id, station: s })
    }
    return { id: section.station.id, index: buildJurisdictionIndex(jurisdiction), officerIds: new Set(section.officers.map((o) => o.id)) }
  })
  return { bureau, stations, stationOfCommunity, parts: polygonSet(parts), communities }
}

/**
 * A bureau-wide roster (officer ids are unique across the bureau) split per station, so that one
 * station's duty shifts never answer for another. Split once per roster and reuse: routing
 * prepares each station's roster once per object.
 */
export function splitRoster(index: BureauIndex, roster: RouteRoster): Record<string, RouteRoster> {
  const out: Record<string, RouteRoster> = {}
  for (const st of index.stations) {
    const mine = <T extends { officerId: string }>(items: T[]) => items.filter((x) => st.officerIds.has(x.officerId))
    out[st.id] = { duty: mine(roster.duty), leave: mine(roster.leave), openCases: roster.openCases }
  }
  return out
}

type Choice = { station: number; reason: StationReason } | { station: null; reason: StationReason }

/** Which station answers for the request, and why. */
export function chooseStation(request: RouteRequest, index: BureauIndex): Choice {
  const maxKm = index.bureau.bureau.nearestStationMaxKm
  let nearest: { station: number; km: number } | null = null
  if (request.location) {
    const point = [request.location.lng, request.location.lat]
    // On an edge shared by two stations' communities the lowest community id wins, as inside one station.
    let inside: { station: number; communityId: string } | null = null
    const set = index.parts
    if (set) {
      for (const item of set.index.search(point[0], point[1], point[0], point[1])) {
        if (!booleanPointInPolygon(point, set.geometry[item])) continue
        const community = index.communities[set.owner[item]]
        if (!inside || community.id < inside.communityId) inside = { station: community.station, communityId: community.id }
      }
    }
    if (inside) return { station: inside.station, reason: { kind: 'inside', communityId: inside.communityId } }
    nearest = nearestStation(index, point)
  }
  if (request.communityId !== undefined) {
    const s = index.stationOfCommunity.get(request.communityId)
    if (s !== undefined) return { station: s, reason: { kind: 'community', communityId: request.communityId, method: 'given' } }
  }
  if (request.addressText) {
    for (let s = 0; s < index.stations.length; s++) {
      const st = index.stations[s]
      const match = matchAlias(st.index, request.addressText)
      if (match) return { station: s, reason: { kind: 'community', communityId: st.index.jurisdiction.communities[match.community].id, method: 'alias' } }
    }
  }
  if (!request.location) return { station: null, reason: { kind: 'unlocated' } }
  if (nearest && nearest.km <= maxKm) return { station: nearest.station, reason: { kind: 'nearest_station', distanceKm: round(nearest.km), maxKm } }
  return { station: null, reason: { kind: 'beyond_limit', distanceKm: nearest ? round(nearest.km) : null, maxKm } }
}

const round = (km: number) => Math.round(km * 1000) / 1000

/**
 * The station whose nearest mapped community is closest, with its geodesic distance in km (also
 * beyond the limit, for the reason). Walks the bureau-wide flatbush nearest box first, as
 * `nearestCommunity` in ../routing/locate.ts does inside a station: a box's distance in degrees
 * bounds its polygon's km from below (a degree of longitude is at least KM_PER_DEGREE·cos(φmax)),
 * so measuring stops once the next box cannot beat the best found. Candidates are ranked by
 * turf's planar distance (never shorter than the true one, at most a few percent longer at these
 * latitudes); only the winner is measured geodesically.
 */
function nearestStation(index: BureauIndex, point: number[]): { station: number; km: number } | null {
  const set = index.parts
  if (!set) return null
  const [lng, lat] = point
  const cosMax = Math.cos((Math.min(89.9, Math.max(set.maxAbsLat, Math.abs(lat))) * Math.PI) / 180)
  const kmPerDegreeAtLeast = KM_PER_DEGREE * cosMax * 0.99
  let bestItem = -1
  let bestKm = Infinity
  for (const item of set.index.neighbors(lng, lat)) {
    if (boxDistanceDeg(set.boxes, item, lng, lat) * kmPerDegreeAtLeast > bestKm) break
    const km = pointToPolygonDistance(point, set.geometry[item], { units: 'kilometers', method: 'planar' })
    // Equal distances: the lowest community id, as everywhere in routing.
    if (km < bestKm || (km === bestKm && index.communities[set.owner[item]].id < index.communities[set.owner[bestItem]].id)) {
      bestItem = item
      bestKm = km
    }
  }
  if (bestItem === -1) return null
  const km = Math.max(0, pointToPolygonDistance(point, set.geometry[bestItem], { units: 'kilometers', method: 'geodesic' }))
  return { station: index.communities[set.owner[bestItem]].station, km }
}

function boxDistanceDeg(boxes: Float64Array, item: number, x: number, y: number): number {
  const dx = Math.max(boxes[item * 4] - x, 0, x - boxes[item * 4 + 2])
  const dy = Math.max(boxes[item * 4 + 1] - y, 0, y - boxes[item * 4 + 3])
  return Math.sqrt(dx * dx + dy * dy)
}

/**
 * Route one request across the bureau. `rosters` are per station (see splitRoster); `leave` is
 * the bureau-wide leave list, used to pass over duty-desk officers who are away.
 */
export function routeInBureau(request: RouteRequest, index: BureauIndex, rosters: Record<string, RouteRoster>, leave: RouteRoster['leave'], now: Dayjs): BureauRouteResult {
  const choice = chooseStation(request, index)
  // A bureau of one station has nowhere else to send a request: the station's own routing (whose
  // last resort is its leadership, the desk of a converted station) answers, as before bureaus.
  const chosen = choice.station ?? (index.stations.length === 1 ? 0 : null)
  if (chosen === null) return { stationId: null, station: choice.reason, route: null, ...dutyDesk(index, leave, now, 'no_station') }
  const st = index.stations[chosen]
  // The nearest station routes the request as its own: a point beyond its community limit falls to its duty officer.
  const inStation = route(request, st.index, rosters[st.id] ?? { duty: [], leave: [], openCases: {} }, now)
  const forced = inStation.steps.some((step) => step.kind === 'assigned' && step.forced === true)
  if (forced) return { stationId: st.id, station: choice.reason, route: inStation, ...dutyDesk(index, leave, now, 'nobody_available_in_station') }
  return { stationId: st.id, station: choice.reason, route: inStation, assignee: inStation.assignee, dutyDesk: null }
}

function dutyDesk(index: BureauIndex, leave: RouteRoster['leave'], now: Dayjs, why: 'no_station' | 'nobody_available_in_station') {
  const t = now.valueOf()
  const away = new Set(leave.filter((l) => Date.parse(l.start) <= t && t < Date.parse(l.end)).map((l) => l.officerId))
  const desk = index.bureau.bureau.dutyDesk.officerIds
  const skippedOnLeave: string[] = []
  // The desk is staffed around the clock: when every listed officer is on leave, the first still answers.
  let officerId = desk[0]
  for (const id of desk) {
    if (!away.has(id)) {
      officerId = id
      break
    }
    skippedOnLeave.push(id)
  }
  if (skippedOnLeave.length === desk.length) officerId = desk[0]
  return { assignee: { officerId, as: 'bureau_duty_desk' as const }, dutyDesk: { why, skippedOnLeave } }
}
