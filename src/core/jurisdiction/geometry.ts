// Small geometry helpers shared by import validation and the routing index. Anything beyond
// bookkeeping (containment, distance, intersection, self-intersection) is done by turf.

/** Mean length of one degree of latitude (and of longitude at the equator), in km. */
export const KM_PER_DEGREE = 111.195

/** Twice the signed planar area of a ring in degrees² (shoelace). */
export function ringArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return sum
}

/** Rings of each polygon of a boundary, so Polygon and MultiPolygon are handled alike. */
export function polygonsOf(boundary: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }): number[][][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
}

/** [minLng, minLat, maxLng, maxLat] of one polygon's outer ring (holes lie inside it). */
export function polygonBBox(rings: readonly (readonly number[])[][]): [number, number, number, number] {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of rings[0]) {
    if (p[0] < minX) minX = p[0]
    if (p[1] < minY) minY = p[1]
    if (p[0] > maxX) maxX = p[0]
    if (p[1] > maxY) maxY = p[1]
  }
  return [minX, minY, maxX, maxY]
}

export function unionBBox(boxes: readonly [number, number, number, number][]): [number, number, number, number] {
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])])
}

/**
 * Area in km², planar on an equirectangular projection at each ring's latitude. Good to a few
 * percent at a town's scale, which is all an "overlaps by about …" message and a tolerance need.
 */
export function approxAreaKm2(polygons: readonly (readonly (readonly number[])[][])[]): number {
  let km2 = 0
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const lat = ring[0][1]
      const area = (Math.abs(ringArea2(ring)) / 2) * KM_PER_DEGREE * KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180)
      km2 += r === 0 ? area : -area
    })
  }
  return Math.max(0, km2)
}
