// Geo query operators mingo does not ship ($geoWithin, $geoIntersects, $nearSphere/$near),
// registered into mingo's operator context. Covers what @cloudbase/database sends for
// _.geoNear / _.geoWithin / _.geoIntersects with Point, Polygon and MultiPolygon geometries,
// using spherical distances in metres like MongoDB's 2dsphere index.

import { resolve } from 'mingo/util'
import { dbRequestFailed } from '../errors'

const EARTH_RADIUS_M = 6378100

type LngLat = [number, number]

function isLngLat(v: unknown): v is LngLat {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
}

/** Points of a stored GeoJSON value (or legacy [lng, lat] pair). */
export function pointsOf(v: unknown): LngLat[] {
  if (isLngLat(v)) return [[v[0], v[1]]]
  if (!v || typeof v !== 'object') return []
  const g = v as { type?: unknown; coordinates?: unknown }
  const flat = (c: unknown): LngLat[] => (isLngLat(c) ? [[c[0], c[1]]] : Array.isArray(c) ? c.flatMap(flat) : [])
  return typeof g.type === 'string' ? flat(g.coordinates) : []
}

export function haversine(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLng = (b[0] - a[0]) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

function inRing(p: LngLat, ring: LngLat[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function inPolygon(p: LngLat, rings: LngLat[][]): boolean {
  if (!rings.length || !inRing(p, rings[0])) return false
  return !rings.slice(1).some((hole) => inRing(p, hole))
}

function inGeometry(p: LngLat, geometry: unknown): boolean {
  const g = geometry as { type?: string; coordinates?: unknown }
  if (g?.type === 'Polygon') return inPolygon(p, g.coordinates as LngLat[][])
  if (g?.type === 'MultiPolygon') return (g.coordinates as LngLat[][][]).some((poly) => inPolygon(p, poly))
  throw dbRequestFailed(`unsupported geometry type ${String(g?.type)}`)
}

type Spec = Record<string, unknown>

export function nearSpec(value: unknown): { center: LngLat; max: number; min: number } {
  const v = value as Spec
  const geometry = (v?.$geometry ?? v) as Spec
  const pts = pointsOf(geometry)
  if (!pts.length) throw dbRequestFailed('$nearSphere requires a $geometry point')
  return {
    center: pts[0],
    max: typeof v.$maxDistance === 'number' ? v.$maxDistance : Infinity,
    min: typeof v.$minDistance === 'number' ? v.$minDistance : 0,
  }
}

const geoWithin = (selector: string, value: unknown) => {
  const v = value as Spec
  return (obj: Record<string, unknown>): boolean => {
    const pts = pointsOf(resolve(obj, selector))
    if (!pts.length) return false
    if (Array.isArray(v.$centerSphere)) {
      const [center, radius] = v.$centerSphere as [unknown, number]
      const c = pointsOf(center)[0]
      if (!c) throw dbRequestFailed('invalid $centerSphere')
      return pts.every((p) => haversine(p, c) <= radius * EARTH_RADIUS_M)
    }
    return pts.every((p) => inGeometry(p, v.$geometry))
  }
}

const geoIntersects = (selector: string, value: unknown) => {
  const geometry = (value as Spec).$geometry as Spec
  return (obj: Record<string, unknown>): boolean => {
    const stored = resolve(obj, selector) as Spec | undefined
    if (!stored) return false
    const storedType = (stored as { type?: string }).type
    if (storedType === 'Polygon' || storedType === 'MultiPolygon') {
      return pointsOf(geometry).some((p) => inGeometry(p, stored))
    }
    if (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') {
      return pointsOf(stored).some((p) => inGeometry(p, geometry))
    }
    const q = pointsOf(geometry)
    return pointsOf(stored).some((p) => q.some((x) => x[0] === p[0] && x[1] === p[1]))
  }
}

const near = (selector: string, value: unknown) => {
  const { center, max, min } = nearSpec(value)
  return (obj: Record<string, unknown>): boolean => {
    const pts = pointsOf(resolve(obj, selector))
    if (!pts.length) return false
    const d = haversine(pts[0], center)
    return d <= max && d >= min
  }
}

export const geoQueryOperators = {
  $geoWithin: geoWithin,
  $geoIntersects: geoIntersects,
  $nearSphere: near,
  $near: near,
}

/**
 * The `$geoNear` aggregation stage as CloudBase documents it (aggregate().geoNear): the documents
 * whose `key` (or only GeoJSON field) lies within [minDistance, maxDistance] metres of `near`,
 * nearest first, each with its distance in `distanceField` (times `distanceMultiplier`) and, with
 * `includeLocs`, the location used. `query` filters before the distances are taken.
 */
export function geoNearStage(docs: Array<Record<string, unknown>>, spec: unknown, matches: (doc: Record<string, unknown>, query: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
  const s = (spec ?? {}) as Spec
  if (typeof s.distanceField !== 'string' || !s.distanceField) throw dbRequestFailed('[InvalidParameter] $geoNear requires distanceField')
  const centerPoints = pointsOf(s.near)
  if (!centerPoints.length) throw dbRequestFailed('[InvalidParameter] $geoNear requires near to be a point')
  const center = centerPoints[0]
  const max = typeof s.maxDistance === 'number' ? s.maxDistance : Infinity
  const min = typeof s.minDistance === 'number' ? s.minDistance : 0
  const multiplier = typeof s.distanceMultiplier === 'number' ? s.distanceMultiplier : 1
  const query = s.query && typeof s.query === 'object' ? (s.query as Record<string, unknown>) : null
  const key = typeof s.key === 'string' ? s.key : null
  const located: Array<{ doc: Record<string, unknown>; distance: number; location: unknown }> = []
  for (const doc of docs) {
    if (query && !matches(doc, query)) continue
    const location = key ? resolve(doc, key) : Object.values(doc).find((v) => pointsOf(v).length > 0 && !isLngLat(v))
    const points = pointsOf(location)
    if (!points.length) continue
    const distance = Math.min(...points.map((p) => haversine(p, center)))
    if (distance < min || distance > max) continue
    located.push({ doc, distance, location })
  }
  located.sort((a, b) => a.distance - b.distance)
  return located.map(({ doc, distance, location }) => {
    const out = { ...doc, [s.distanceField as string]: distance * multiplier }
    if (typeof s.includeLocs === 'string' && s.includeLocs) out[s.includeLocs] = location
    return out
  })
}
