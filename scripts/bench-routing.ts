// Routing benchmark (npm run bench calls benchRouting; alone: npx tsx scripts/bench-routing.ts).
// Two synthetic jurisdictions of 2,000 grid polygons around the station: A) 2,000 communities
// (a 50×40 lattice), B) 200 communities of 10 grid cells each, where routing also finds the cell.
// Cells share their wiggly edges exactly, like surveyed boundaries, so they touch and never
// overlap. Figures: validation and index build time, and µs per route for 100,000 seeded random
// points inside, just outside (nearest-community path) and far outside (station duty).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { validateJurisdiction } from '../src/core/jurisdiction/validate'
import type { JurisdictionInput } from '../src/core/jurisdiction/schema'
import { buildJurisdictionIndex, route, type JurisdictionIndex, type RouteRequest } from '../src/core/routing'
import type { RouteRoster } from '../src/core/routing/contract'
import { dayjs } from '../src/core/time'

const COLS = 50
const ROWS = 40
const WEST = 106.0
const SOUTH = 41.2
const CELL_LNG = 0.02 // ≈ 1.67 km at 41.5°N
const CELL_LAT = 0.015 // ≈ 1.67 km
const EDGE_POINTS = 8 // segments per lattice edge: 33 positions per cell ring
const ROUTES = 100_000
/** The nearest-community path costs ~100× more (turf distance per candidate); fewer points keep the bench short. */
const OUTSIDE_ROUTES = 20_000
const WARM_UP = 10_000
const NOW = dayjs('2026-12-01T02:00:00Z')

/** mulberry32: small, fast, seeded, good enough to scatter points. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A deterministic number in [-1, 1) per key, so both cells beside an edge draw the same wiggle. */
const jitter = (...key: number[]) => prng(key.reduce((h, k) => Math.imul(h ^ k, 0x9e3779b1) >>> 0, 0x811c9dc5))() * 2 - 1

const node = (i: number, j: number): [number, number] => {
  const inside = i > 0 && j > 0 && i < COLS && j < ROWS
  return [WEST + (i + (inside ? 0.2 * jitter(i, j, 1) : 0)) * CELL_LNG, SOUTH + (j + (inside ? 0.2 * jitter(i, j, 2) : 0)) * CELL_LAT]
}

/** Positions from node a to node b (b excluded), wiggled across the edge, vanishing at the corners. */
function edge(a: [number, number], b: [number, number], key: number[]): Array<[number, number]> {
  const points: Array<[number, number]> = [a]
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
  for (let k = 1; k < EDGE_POINTS; k++) {
    const t = k / EDGE_POINTS
    const off = 0.08 * Math.sin(Math.PI * t) * jitter(...key, k)
    points.push([a[0] + t * dx - off * dy * (CELL_LNG / CELL_LAT), a[1] + t * dy + off * dx * (CELL_LAT / CELL_LNG)])
  }
  return points
}

/** Lattice edges are walked in one canonical direction; a ring walking it backwards reverses it. */
const horizontal = (i: number, j: number) => edge(node(i, j), node(i + 1, j), [i, j, 3])
const vertical = (i: number, j: number) => edge(node(i, j), node(i, j + 1), [i, j, 4])
const backwards = (points: Array<[number, number]>, end: [number, number]) => [end, ...points.slice(1).reverse()]

/** Counter-clockwise ring around the block of lattice cells [i0, i1) × [j0, j1). */
function blockRing(i0: number, j0: number, i1: number, j1: number): Array<[number, number]> {
  const ring: Array<[number, number]> = []
  for (let i = i0; i < i1; i++) ring.push(...horizontal(i, j0))
  for (let j = j0; j < j1; j++) ring.push(...vertical(i1, j))
  for (let i = i1 - 1; i >= i0; i--) ring.push(...backwards(horizontal(i, j1), node(i + 1, j1)))
  for (let j = j1 - 1; j >= j0; j--) ring.push(...backwards(vertical(i0, j), node(i0, j + 1)))
  ring.push(ring[0])
  return ring
}

const polygon = (ring: Array<[number, number]>) => ({ type: 'Polygon' as const, coordinates: [ring] })

/** `blockCols × blockRows` lattice cells per community; cells become grid cells when the block holds more than one. */
function syntheticJurisdiction(blockCols: number, blockRows: number): JurisdictionInput {
  const officers: JurisdictionInput['officers'] = [
    { id: 'leader', name: '所长', title: '所长', kind: 'leader', districtId: null, languages: ['zh', 'mn'], capacity: 50 },
  ]
  const districts = Array.from({ length: 10 }, (_, d) => ({ id: `district-${d}`, name: { zh: `第${d + 1}警务区` } }))
  for (let o = 0; o < 100; o++) {
    officers.push({ id: `officer-${o}`, name: `民警${o}`, title: '社区民警', kind: 'community', districtId: `district-${o % 10}`, languages: o % 3 ? ['zh'] : ['mn', 'zh'], capacity: 20 })
  }
  const communities: JurisdictionInput['communities'] = []
  for (let bj = 0; bj < ROWS / blockRows; bj++) {
    for (let bi = 0; bi < COLS / blockCols; bi++) {
      const n = communities.length
      const [i0, j0] = [bi * blockCols, bj * blockRows]
      const cells = blockCols * blockRows > 1 ? Array.from({ length: blockCols * blockRows }, (_, k) => ({
        id: `cell-${n}-${k}`,
        name: `网格${k + 1}`,
        boundary: polygon(blockRing(i0 + (k % blockCols), j0 + Math.floor(k / blockCols), i0 + (k % blockCols) + 1, j0 + Math.floor(k / blockCols) + 1)),
      })) : []
      communities.push({
        id: `community-${String(n).padStart(4, '0')}`,
        districtId: `district-${n % 10}`,
        kind: 'gacha',
        name: { zh: `第${n + 1}嘎查` },
        boundary: polygon(blockRing(i0, j0, i0 + blockCols, j0 + blockRows)),
        aliases: [`${n + 1}号井`],
        officerId: `officer-${n % 100}`,
        auxiliaryOfficerIds: [],
        gridWorkers: [],
        gridCells: cells,
      })
    }
  }
  const shift = (officerId: string, scope: 'station' | 'district') => ({ officerId, start: '2026-12-01T00:30:00Z', end: '2026-12-02T00:30:00Z', scope })
  return {
    station: { id: 'station-bench', name: { zh: '基准派出所' }, nearestCommunityMaxKm: 10, leadershipOfficerIds: ['leader'], jointPanel: [] },
    districts,
    communities,
    officers,
    roster: { duty: [shift('officer-0', 'station'), ...Array.from({ length: 10 }, (_, d) => shift(`officer-${d + 10}`, 'district'))], leave: [{ officerId: 'officer-5', start: '2026-11-28T00:00:00Z', end: '2026-12-05T00:00:00Z' }] },
  }
}

const time = <T>(run: () => T): [T, number] => {
  const started = process.hrtime.bigint()
  const value = run()
  return [value, Number(process.hrtime.bigint() - started) / 1e6]
}

/** Points inside the lattice, in a 10 km band around it, or 30–60 km away. */
function points(kind: 'inside' | 'near' | 'far', seed: number, count: number): RouteRequest[] {
  const random = prng(seed)
  const [east, north] = [WEST + COLS * CELL_LNG, SOUTH + ROWS * CELL_LAT]
  const band = kind === 'near' ? [0.005, 0.08] : [0.4, 0.7]
  return Array.from({ length: count }, (_, k) => {
    if (kind === 'inside') return { kind: 'home_visit', location: { lng: WEST + random() * (east - WEST), lat: SOUTH + random() * (north - SOUTH) }, language: k % 4 ? 'zh' : 'mn' }
    // Pick a side, then a distance out from it.
    const side = Math.floor(random() * 4)
    const out = band[0] + random() * (band[1] - band[0])
    const along = random()
    const lng = side === 0 ? WEST - out : side === 1 ? east + out : WEST + along * (east - WEST)
    const lat = side === 2 ? SOUTH - out * 0.75 : side === 3 ? north + out * 0.75 : SOUTH + along * (north - SOUTH)
    return { kind: 'home_visit', location: { lng, lat } }
  })
}

function usPerRoute(index: JurisdictionIndex, roster: RouteRoster, requests: RouteRequest[]): { us: number; located: number } {
  for (let k = 0; k < Math.min(WARM_UP, requests.length); k++) route(requests[k % requests.length], index, roster, NOW)
  let located = 0
  const [, ms] = time(() => {
    for (const request of requests) if (route(request, index, roster, NOW).communityId !== null) located++
  })
  return { us: (ms * 1000) / requests.length, located: located / requests.length }
}

const percent = (share: number) => `${(100 * share).toFixed(0)}%`

export async function benchRouting(): Promise<Array<{ figure: string; value: string }>> {
  const figures: Array<{ figure: string; value: string }> = []
  // The real scale: one station, 7 communities and a few grid cells.
  const demo = JSON.parse(readFileSync(path.join(__dirname, 'demo-jurisdiction.json'), 'utf8'))
  validateJurisdiction(demo)
  const [demoResult, demoMs] = time(() => validateJurisdiction(demo))
  if (!demoResult.ok) throw new Error('the demo jurisdiction does not validate')
  figures.push({ figure: 'demo 潮格温都尔 (7 communities): validate import', value: `${demoMs.toFixed(1)} ms` })
  const scenarios = [
    { name: 'A: 2,000 communities', blockCols: 1, blockRows: 1 },
    { name: 'B: 200 communities × 10 grid cells', blockCols: 5, blockRows: 2 },
  ]
  for (const s of scenarios) {
    const document = syntheticJurisdiction(s.blockCols, s.blockRows)
    const [validated, validateMs] = time(() => validateJurisdiction(document))
    if (!validated.ok) throw new Error(`synthetic jurisdiction ${s.name} is invalid: ${JSON.stringify(validated.issues.slice(0, 5))}`)
    const jurisdiction = validated.value
    const [index, buildMs] = time(() => buildJurisdictionIndex(jurisdiction))
    const roster: RouteRoster = { ...jurisdiction.roster, openCases: { 'officer-1': 20, 'officer-2': 19 } }
    const polygons = jurisdiction.communities.reduce((n, c) => n + (c.gridCells.length || 1), 0)
    const inside = usPerRoute(index, roster, points('inside', 1, ROUTES))
    const near = usPerRoute(index, roster, points('near', 2, OUTSIDE_ROUTES))
    const far = usPerRoute(index, roster, points('far', 3, OUTSIDE_ROUTES))
    figures.push(
      { figure: `${s.name}: grid polygons`, value: String(polygons) },
      { figure: `${s.name}: validate import`, value: `${validateMs.toFixed(0)} ms` },
      { figure: `${s.name}: build index`, value: `${buildMs.toFixed(1)} ms` },
      { figure: `${s.name}: route, ${ROUTES / 1000}k points inside (${percent(inside.located)} located)`, value: `${inside.us.toFixed(2)} µs` },
      { figure: `${s.name}: route, ${OUTSIDE_ROUTES / 1000}k points ≤ 10 km outside (nearest; ${percent(near.located)} located)`, value: `${near.us.toFixed(2)} µs` },
      { figure: `${s.name}: route, ${OUTSIDE_ROUTES / 1000}k points 30–60 km outside (station duty)`, value: `${far.us.toFixed(2)} µs` },
    )
  }
  return figures
}

if (require.main === module) {
  benchRouting()
    .then((figures) => {
      console.log(`\nrouting (seeded random points, after up to ${WARM_UP.toLocaleString('en')} warm-up routes; goal < 20 µs per route, index < 1 s)`)
      console.table(figures)
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
