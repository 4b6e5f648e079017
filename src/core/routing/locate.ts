// Which community a request belongs to: by the point's polygon, else the nearest community
// within the station's limit, else the community id given, else an alias found in the address.
// Each input tried leaves a 'located_in' step, so the stored reason shows what settled it.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance'
import { normalizeAddress } from '../jurisdiction/alias'
import { KM_PER_DEGREE } from '../jurisdiction/geometry'
import type { RouteRequest, RouteStep } from './contract'
import type { JurisdictionIndex, PolygonSet } from './jurisdiction-index'

export interface Located {
  /** Community index in the jurisdiction, or -1. */
  community: number
  gridCellId: string | null
}

type LocatedStep = Extract<RouteStep, { kind: 'located_in' }>

export function locate(request: RouteRequest, index: JurisdictionIndex, steps: RouteStep[]): Located {
  const { communities } = index.jurisdiction
  let tried = false
  if (request.location) {
    tried = true
    const { lng, lat } = request.location
    const step = locatePoint(index, lng, lat)
    steps.push(step)
    if (step.communityId !== null) return { community: index.communityById.get(step.communityId) ?? -1, gridCellId: step.gridCellId ?? null }
  }
  if (request.communityId !== undefined) {
    tried = true
    const community = index.communityById.get(request.communityId)
    if (community !== undefined) {
      steps.push({ kind: 'located_in', communityId: communities[community].id, method: 'given' })
      return { community, gridCellId: null }
    }
    steps.push({ kind: 'located_in', communityId: null, method: 'none', why: 'unknown_community' })
  }
  if (request.addressText) {
    tried = true
    const match = matchAlias(index, request.addressText)
    if (match) {
      steps.push({ kind: 'located_in', communityId: communities[match.community].id, method: 'alias', alias: match.alias })
      return { community: match.community, gridCellId: null }
    }
    steps.push({ kind: 'located_in', communityId: null, method: 'none', why: 'no_alias_match' })
  }
  if (!tried) steps.push({ kind: 'located_in', communityId: null, method: 'none', why: 'no_location' })
  return { community: -1, gridCellId: null }
}

export function locatePoint(index: JurisdictionIndex, lng: number, lat: number): LocatedStep {
  const { communities } = index.jurisdiction
  const point = [lng, lat]
  const set = index.communities
  if (set) {
    // A point ON a boundary is inside (turf's default). On a boundary shared by several
    // communities, the lowest id wins: stable across imports, whatever the document order.
    let best = -1
    let holders: number[] | null = null
    for (const item of set.index.search(lng, lat, lng, lat)) {
      const c = set.owner[item]
      if (c === best || !booleanPointInPolygon(point, set.geometry[item])) continue
      if (best === -1) best = c
      else {
        holders ??= [best]
        if (!holders.includes(c)) holders.push(c)
        if (communities[c].id < communities[best].id) best = c
      }
    }
    if (best !== -1) {
      const step: LocatedStep = { kind: 'located_in', communityId: communities[best].id, method: 'polygon' }
      const cell = index.cells ? cellAt(index, index.cells, point, best) : null
      if (cell !== null) step.gridCellId = cell
      if (holders) step.boundaryOf = holders.map((c) => communities[c].id).sort()
      return step
    }
    const nearest = nearestCommunity(index, set, lng, lat)
    if (nearest) return { kind: 'located_in', communityId: communities[nearest.community].id, method: 'nearest', distanceKm: nearest.km }
  }
  return { kind: 'located_in', communityId: null, method: 'none', why: 'outside_max_distance', maxKm: index.jurisdiction.station.nearestCommunityMaxKm }
}

/** The grid cell of the located community holding the point; on a shared edge the lowest id. */
function cellAt(index: JurisdictionIndex, cells: PolygonSet, point: number[], community: number): string | null {
  let best: string | null = null
  for (const item of cells.index.search(point[0], point[1], point[0], point[1])) {
    const info = index.cellInfo[cells.owner[item]]
    if (info.community !== community || (best !== null && info.id > best)) continue
    if (booleanPointInPolygon(point, cells.geometry[item])) best = info.id
  }
  return best
}

/**
 * Flatbush ranks candidates by distance in degrees to their bounding boxes. A degree of
 * longitude shrinks with latitude, so a degree distance d is at least d·KM_PER_DEGREE·cos(φmax)
 * km (0.99 absorbs the sphere-versus-plane error): boxes beyond reach are never measured, and
 * measuring stops once the next box cannot beat the best distance found. Candidates are ranked
 * with turf's planar method (≈15 µs: nearest point in lng/lat space, rhumb distance to it, so
 * never shorter than the true distance and at most ~4% longer at 41°N); only the winner is
 * measured geodesically (≈200 µs), and that distance is what the limit and the reason use.
 */
function nearestCommunity(index: JurisdictionIndex, set: PolygonSet, lng: number, lat: number): { community: number; km: number } | null {
  const maxKm = index.jurisdiction.station.nearestCommunityMaxKm
  const cosMax = Math.cos((Math.min(89.9, Math.max(set.maxAbsLat, Math.abs(lat))) * Math.PI) / 180)
  const kmPerDegreeAtLeast = KM_PER_DEGREE * cosMax * 0.99
  const reachKm = maxKm * PLANAR_SLACK
  const { communities } = index.jurisdiction
  const point = [lng, lat]
  let best = -1
  let bestItem = -1
  let bestKm = reachKm
  for (const item of set.index.neighbors(lng, lat, Infinity, reachKm / kmPerDegreeAtLeast)) {
    if (boxDistanceDeg(set.boxes, item, lng, lat) * kmPerDegreeAtLeast > bestKm) break
    const km = pointToPolygonDistance(point, set.geometry[item], { units: 'kilometers', method: 'planar' })
    const c = set.owner[item]
    if (km < bestKm || (km === bestKm && (best === -1 || communities[c].id < communities[best].id))) {
      best = c
      bestItem = item
      bestKm = km
    }
  }
  if (best === -1) return null
  const km = Math.max(0, pointToPolygonDistance(point, set.geometry[bestItem], { units: 'kilometers', method: 'geodesic' }))
  return km <= maxKm ? { community: best, km: Math.round(km * 1000) / 1000 } : null
}

/** Planar distances run long by a few percent: look that much further so no candidate is missed. */
const PLANAR_SLACK = 1.1

function boxDistanceDeg(boxes: Float64Array, item: number, x: number, y: number): number {
  const dx = Math.max(boxes[item * 4] - x, 0, x - boxes[item * 4 + 2])
  const dy = Math.max(boxes[item * 4 + 1] - y, 0, y - boxes[item * 4 + 3])
  return Math.sqrt(dx * dx + dy * dy)
}

/** Exact name or alias first, then the longest name or alias contained in the text. */
export function matchAlias(index: JurisdictionIndex, text: string): { community: number; alias: string } | null {
  const key = normalizeAddress(text)
  if (key.length === 0) return null
  const exact = index.aliasExact.get(key)
  if (exact) return exact
  for (const entry of index.aliasesByLength) {
    if (entry.key.length <= key.length && key.includes(entry.key)) return entry
  }
  return null
}
