// Routing benchmark (npm run bench calls benchRouting, and benchBureauRouting in its `bureau`
// section; alone: npx tsx scripts/bench-routing.ts).
// Two synthetic jurisdictions of 2,000 grid polygons around the station: A) 2,000 communities
// (a 50×40 lattice), B) 200 communities of 10 grid cells each, where routing also finds the cell.
// Cells share their wiggly edges exactly, like surveyed boundaries, so they touch and never
// overlap. Figures: validation and index build time, and µs per route for 100,000 seeded random
// points inside, just outside (nearest-community path) and far outside (station duty).
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Emulator } from '../emulator'
import { versionRecord } from '../cloudfunctions/_shared/jurisdiction-record'
import { buildBureauIndex, routeInBureau, splitRoster, type BureauIndex } from '../src/core/bureau/route'
import type { BureauInput, BureauJurisdiction } from '../src/core/bureau/schema'
import { validateBureau } from '../src/core/bureau/validate'
import { polygonBBox } from '../src/core/jurisdiction/geometry'
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

// ---------------------------------------------------------------------------------------------
// Routing per position across a bureau (issue 21): one generated station of 20 communities (a
// bureau of one) beside a generated bureau of 25 such stations, 500 communities and gacha (302 officers),
// side by side: µs per routeInBureau (pure), and through the emulator the database requests and
// the p50 latency of requests.submit with a position (a warm instance: the bureau index is built
// once per imported version, so a call reads the pointer and nothing more of the jurisdiction).

const BUREAU_STATIONS = 25 // a 5 × 5 block of stations
const STATION_COLS = 5 // communities per station: 5 × 4
const STATION_ROWS = 4
const COMMUNITY_LNG = 0.04 // ≈ 3.3 km at 41.5°N
const COMMUNITY_LAT = 0.03 // ≈ 3.3 km
/** Stations lie a few km apart, so a point between them goes to the nearest station. */
const STATION_GAP = 0.06

const rect = (x0: number, y0: number, x1: number, y1: number) => polygon([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]])

function stationOrigin(s: number): [number, number] {
  const [col, row] = [s % 5, Math.floor(s / 5)]
  return [WEST + col * (STATION_COLS * COMMUNITY_LNG + STATION_GAP), SOUTH + row * (STATION_ROWS * COMMUNITY_LAT + STATION_GAP)]
}

/** 25 stations × 20 communities, 12 officers each (a leader, 10 community officers, an auxiliary); bureau staff 2. */
export function syntheticBureau(): BureauInput {
  const stations = Array.from({ length: BUREAU_STATIONS }, (_, s) => {
    const [x0, y0] = stationOrigin(s)
    const id = (name: string) => `s${String(s).padStart(2, '0')}-${name}`
    const officers: JurisdictionInput['officers'] = [{ id: id('leader'), name: `所长${s}`, title: '所长', kind: 'leader', districtId: null, languages: ['zh', 'mn'], capacity: 50 }]
    for (let o = 0; o < 10; o++) officers.push({ id: id(`officer-${o}`), name: `民警${s}-${o}`, title: '社区民警', kind: 'community', districtId: id(`district-${o % 2}`), languages: o % 3 ? ['zh'] : ['mn', 'zh'], capacity: 20 })
    officers.push({ id: id('aux'), name: `辅警${s}`, title: '辅警', kind: 'auxiliary', districtId: id('district-0'), languages: ['mn', 'zh'], capacity: 20 })
    const communities: JurisdictionInput['communities'] = Array.from({ length: STATION_COLS * STATION_ROWS }, (_, c) => {
      const [i, j] = [c % STATION_COLS, Math.floor(c / STATION_COLS)]
      return {
        id: id(`community-${String(c).padStart(2, '0')}`),
        districtId: id(`district-${c % 2}`),
        kind: c % 4 ? 'gacha' : 'community',
        name: { zh: `第${s + 1}镇第${c + 1}嘎查` },
        boundary: rect(x0 + i * COMMUNITY_LNG, y0 + j * COMMUNITY_LAT, x0 + (i + 1) * COMMUNITY_LNG, y0 + (j + 1) * COMMUNITY_LAT),
        aliases: [],
        officerId: id(`officer-${c % 10}`),
        auxiliaryOfficerIds: c % 5 === 0 ? [id('aux')] : [],
        gridWorkers: [],
        gridCells: [],
      }
    })
    const shift = (officerId: string, scope: 'station' | 'district', districtId?: string) => ({ officerId, start: '2026-12-01T00:30:00Z', end: '2026-12-02T00:30:00Z', scope, ...(districtId ? { districtId } : {}) })
    return {
      station: { id: id('station'), name: { zh: `第${s + 1}镇派出所` }, nearestCommunityMaxKm: 10, dutyPhone: '0478-6200110', leadershipOfficerIds: [id('leader')], jointPanel: [] },
      districts: [0, 1].map((d) => ({ id: id(`district-${d}`), name: { zh: `第${d + 1}警务区` } })),
      communities,
      officers,
      roster: { duty: [shift(id('officer-0'), 'station')], leave: [] },
    }
  })
  return {
    version: 2,
    bureau: { id: 'bureau-bench', name: { zh: '基准旗公安局' }, nearestStationMaxKm: 30, dutyDesk: { name: { zh: '基准旗公安局指挥中心' }, phone: '0478-6220110', officerIds: ['bureau-duty'] }, leadershipOfficerIds: ['bureau-chief'] },
    officers: [
      { id: 'bureau-chief', name: '局长', title: '局长', kind: 'leader', districtId: null, languages: ['zh', 'mn'], capacity: 100 },
      { id: 'bureau-duty', name: '指挥中心', title: '值班民警', kind: 'leader', districtId: null, languages: ['zh', 'mn'], capacity: 100 },
    ],
    stations,
  } as BureauInput
}

/** Positions: inside a community, in the gaps between stations (nearest station), 60–100 km away (duty desk). */
export function bureauPositions(bureau: BureauJurisdiction, kind: 'inside' | 'between' | 'far', seed: number, count: number): RouteRequest[] {
  const random = prng(seed)
  const boxes = bureau.stations.flatMap((s) => s.communities.flatMap((c) => (c.boundary?.type === 'Polygon' ? [polygonBBox(c.boundary.coordinates)] : [])))
  const [minX, minY] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))]
  const [maxX, maxY] = [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
  return Array.from({ length: count }, () => {
    if (kind === 'inside') {
      const [x0, y0, x1, y1] = boxes[Math.floor(random() * boxes.length)]
      return { kind: 'help', location: { lng: x0 + random() * (x1 - x0), lat: y0 + random() * (y1 - y0) } }
    }
    if (kind === 'between') {
      // Just beyond the east edge of a random community block: in a gap, or outside the bureau.
      const [, y0, x1, y1] = boxes[Math.floor(random() * boxes.length)]
      return { kind: 'help', location: { lng: x1 + 0.001 + random() * 0.02, lat: y0 + random() * (y1 - y0) } }
    }
    const out = 0.8 + random() * 0.5
    return { kind: 'help', location: { lng: random() < 0.5 ? minX - out : maxX + out, lat: minY + random() * (maxY - minY) } }
  })
}

function usPerBureauRoute(index: BureauIndex, requests: RouteRequest[]): number {
  const rosters = splitRoster(index, { duty: index.bureau.stations.flatMap((s) => s.roster.duty), leave: [], openCases: {} })
  const run = () => {
    for (const request of requests) routeInBureau(request, index, rosters, [], NOW)
  }
  run()
  const [, ms] = time(run)
  return (ms * 1000) / requests.length
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Database requests and latency of requests.submit with a position, over `calls` calls by distinct residents. */
export async function submitFigures(emulator: Emulator, positions: RouteRequest[], calls: number): Promise<{ database: number; detail: string; p50ms: number }> {
  const ms: number[] = []
  const database: number[] = []
  let detail = ''
  const submit = (k: number) =>
    emulator.call(
      'requests',
      { action: 'submit', requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '孩子上户口需要带哪些材料？', location: positions[k % positions.length].location },
      { openid: `bench-bureau-resident-${randomUUID()}` },
    ) as Promise<{ ok: boolean; data?: { id: string }; error?: { code: string; message: string } }>
  // Warm the instance (its first call reads the version and builds the index).
  await submit(0)
  for (let k = 0; k < calls; k++) {
    emulator.resetStats()
    const started = process.hrtime.bigint()
    const answer = await submit(k)
    ms.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (!answer.ok) throw new Error(`submit failed in the bureau bench: ${answer.error?.code} ${answer.error?.message}`)
    const byAction = Object.entries(emulator.stats().byAction).filter(([action]) => action.startsWith('database.'))
    database.push(byAction.reduce((sum, [, n]) => sum + n, 0))
    detail = byAction.map(([action, n]) => `${action.replace('database.', '')}×${n}`).join(' ')
  }
  return { database: p50(database), detail, p50ms: p50(ms) }
}

/** Makes `bureau` the current jurisdiction of the emulator, as an import would (pointer switched to a new version). */
async function makeCurrent(emulator: Emulator, bureau: BureauJurisdiction, version: number) {
  await emulator.seed({
    jurisdiction_versions: [versionRecord(version, bureau, 'bench', new Date())],
    jurisdiction_current: [{ _id: 'current', version, updatedAt: new Date() }],
  })
}

export async function benchBureauRouting(emulator: Emulator): Promise<Array<Record<string, string | number>>> {
  // One station: the generated bureau's first station alone, so both sides have the same shapes.
  const synthetic = syntheticBureau()
  const [station, stationValidateMs] = time(() => validateBureau({ ...synthetic, stations: synthetic.stations.slice(0, 1) }))
  if (!station.ok) throw new Error(`the generated station is invalid: ${JSON.stringify(station.issues.slice(0, 5))}`)
  const [generated, validateMs] = time(() => validateBureau(synthetic))
  if (!generated.ok) throw new Error(`the generated bureau is invalid: ${JSON.stringify(generated.issues.slice(0, 5))}`)
  const sides = { station: station.value, bureau: generated.value }
  const [bureauIndex, buildMs] = time(() => buildBureauIndex(sides.bureau))
  const [stationIndex, stationBuildMs] = time(() => buildBureauIndex(sides.station))
  const count = (b: BureauJurisdiction) => `${b.stations.length} station(s), ${b.stations.reduce((n, s) => n + s.communities.length, 0)} communities`

  const rows: Array<Record<string, string | number>> = []
  const row = (measure: string, one: string | number, many: string | number) => rows.push({ measure, 'one station': one, 'bureau 25 × 500': many })
  row('jurisdiction', count(sides.station), count(sides.bureau))
  row('validate import / build index', `${stationValidateMs.toFixed(0)} ms / ${stationBuildMs.toFixed(1)} ms`, `${validateMs.toFixed(0)} ms / ${buildMs.toFixed(1)} ms`)
  for (const [kind, label] of [['inside', 'inside a community'], ['between', 'just outside (nearest station)'], ['far', '60–100 km away (duty desk)']] as const) {
    const one = usPerBureauRoute(stationIndex, bureauPositions(sides.station, kind, 11, 5_000))
    const many = usPerBureauRoute(bureauIndex, bureauPositions(sides.bureau, kind, 11, 5_000))
    row(`routeInBureau, 5k positions ${label}: µs per route`, one.toFixed(1), many.toFixed(1))
  }
  const figures: Record<'station' | 'bureau', Awaited<ReturnType<typeof submitFigures>>> = {} as never
  let version = 100
  for (const side of ['station', 'bureau'] as const) {
    await makeCurrent(emulator, sides[side], ++version)
    figures[side] = await submitFigures(emulator, bureauPositions(sides[side], 'inside', 12, 50), 30)
  }
  row('requests.submit with a position: database requests (p50 of 30)', `${figures.station.database} (${figures.station.detail})`, `${figures.bureau.database} (${figures.bureau.detail})`)
  row('requests.submit with a position: p50 latency', `${figures.station.p50ms.toFixed(0)} ms`, `${figures.bureau.p50ms.toFixed(0)} ms`)
  return rows
}
