// Whole-document check of a jurisdiction import, run before anything is written: a bad import is
// answered field by field (path + message) and changes nothing. Shape and ranges come from zod;
// then every cross-reference, roster period, alias and boundary is checked and ALL issues are
// collected, so the admin fixes the file in one pass rather than one error per upload.
import { intersect } from '@turf/intersect'
import { kinks } from '@turf/kinks'
import Flatbush from 'flatbush'
import type { FieldIssue } from '../envelope'
// Its issue messages go to the admin who imports the file: zod's English texts, not "Invalid input".
import '../issue-messages'
import { MIN_ALIAS_LENGTH, normalizeAddress } from './alias'
import { approxAreaKm2, polygonBBox, polygonsOf, unionBBox } from './geometry'
import { JurisdictionDocument, MAX_DOCUMENT_POSITIONS, type Boundary, type Jurisdiction } from './schema'

export type ValidationResult = { ok: true; value: Jurisdiction } | { ok: false; issues: FieldIssue[] }
type Path = FieldIssue['path']

/** Overlaps smaller than this (1 m²) are floating-point noise along a shared edge, not an overlap. */
export const OVERLAP_TOLERANCE_KM2 = 1e-6

export function validateJurisdiction(input: unknown): ValidationResult {
  const parsed = JurisdictionDocument.safeParse(input)
  if (!parsed.success) {
    // Cross-reference checks need a well-formed document; until then the shape issues are all of them.
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map((k) => (typeof k === 'number' ? k : String(k))), message: i.message }))
    return { ok: false, issues }
  }
  const j = parsed.data
  const issues: FieldIssue[] = []
  const report = (path: Path, message: string) => issues.push({ path, message })
  checkUniqueIds(j, report)
  checkReferences(j, report)
  checkRoster(j, report)
  checkAliases(j, report)
  checkBoundaries(j, report)
  return issues.length === 0 ? { ok: true, value: j } : { ok: false, issues }
}

export type Report = (path: Path, message: string) => void

function checkUniqueIds(j: Jurisdiction, report: Report) {
  const unique = (items: Array<{ id: string; path: Path }>) => {
    const seen = new Map<string, Path>()
    for (const { id, path } of items) {
      const first = seen.get(id)
      if (first) report(path, `duplicate id "${id}": already used at ${first.join('.')}`)
      else seen.set(id, path.slice(0, -1))
    }
  }
  unique(j.districts.map((d, i) => ({ id: d.id, path: ['districts', i, 'id'] })))
  unique(j.communities.map((c, i) => ({ id: c.id, path: ['communities', i, 'id'] })))
  unique(j.officers.map((o, i) => ({ id: o.id, path: ['officers', i, 'id'] })))
  // Grid cells are stored as documents of their own, so their ids are unique across communities.
  unique(j.communities.flatMap((c, i) => c.gridCells.map((g, k) => ({ id: g.id, path: ['communities', i, 'gridCells', k, 'id'] as Path }))))
}

function checkReferences(j: Jurisdiction, report: Report) {
  const officers = new Map(j.officers.map((o) => [o.id, o]))
  const districts = new Set(j.districts.map((d) => d.id))
  const knownOfficer = (id: string, path: Path) => {
    if (officers.has(id)) return true
    report(path, `no officer has id "${id}"`)
    return false
  }
  j.station.leadershipOfficerIds.forEach((id, k) => knownOfficer(id, ['station', 'leadershipOfficerIds', k]))
  j.officers.forEach((o, i) => {
    if (o.districtId !== null && !districts.has(o.districtId)) report(['officers', i, 'districtId'], `no district has id "${o.districtId}"`)
  })
  j.communities.forEach((c, i) => {
    if (!districts.has(c.districtId)) report(['communities', i, 'districtId'], `no district has id "${c.districtId}"`)
    if (knownOfficer(c.officerId, ['communities', i, 'officerId']) && officers.get(c.officerId)?.kind === 'auxiliary') {
      // 一社区一民警: an auxiliary officer assists but cannot be the one responsible.
      report(['communities', i, 'officerId'], `${officers.get(c.officerId)?.name} is an auxiliary officer; the responsible officer must be a police officer`)
    }
    c.auxiliaryOfficerIds.forEach((id, k) => knownOfficer(id, ['communities', i, 'auxiliaryOfficerIds', k]))
    const workers = new Set(c.gridWorkers.map((w) => w.name))
    c.gridCells.forEach((g, k) => {
      if (g.gridWorker !== undefined && !workers.has(g.gridWorker)) {
        report(['communities', i, 'gridCells', k, 'gridWorker'], `no grid worker named "${g.gridWorker}" in ${c.name.zh}`)
      }
    })
  })
}

function checkRoster(j: Jurisdiction, report: Report) {
  const officers = new Map(j.officers.map((o) => [o.id, o]))
  j.roster.duty.forEach((d, i) => {
    const officer = officers.get(d.officerId)
    if (!officer) report(['roster', 'duty', i, 'officerId'], `no officer has id "${d.officerId}"`)
    else if (d.scope === 'district' && officer.districtId === null) {
      report(['roster', 'duty', i, 'scope'], `${officer.name} belongs to no district, so cannot hold district duty`)
    }
    if (d.end <= d.start) report(['roster', 'duty', i, 'end'], 'the shift must end after it starts')
  })
  j.roster.leave.forEach((l, i) => {
    if (!officers.has(l.officerId)) report(['roster', 'leave', i, 'officerId'], `no officer has id "${l.officerId}"`)
    if (l.end <= l.start) report(['roster', 'leave', i, 'end'], 'the leave must end after it starts')
  })
}

/** Two communities answering to the same alias (or name) would make an address ambiguous. */
function checkAliases(j: Jurisdiction, report: Report) {
  const owners = new Map<string, { community: number; path: Path }>()
  const claim = (text: string, community: number, path: Path, isAlias: boolean) => {
    const key = normalizeAddress(text)
    if (isAlias && key.length < MIN_ALIAS_LENGTH) {
      report(path, `alias "${text}" is too short to match addresses reliably`)
      return
    }
    const owner = owners.get(key)
    if (!owner) owners.set(key, { community, path })
    else if (owner.community !== community) {
      report(path, `"${text}" also names ${j.communities[owner.community].name.zh} (${owner.path.join('.')}); addresses could not be told apart`)
    }
  }
  j.communities.forEach((c, i) => {
    claim(c.name.zh, i, ['communities', i, 'name', 'zh'], false)
    if (c.name.mn) claim(c.name.mn, i, ['communities', i, 'name', 'mn'], false)
    c.aliases.forEach((a, k) => claim(a, i, ['communities', i, 'aliases', k], true))
  })
}

export interface Area {
  path: Path
  label: string
  owner: number
  multi: boolean
  polygons: number[][][][]
  bbox: [number, number, number, number]
}

function checkBoundaries(j: Jurisdiction, report: Report) {
  const communities: Area[] = []
  const cells: Area[] = []
  const area = (path: Path, label: string, owner: number, boundary: Boundary): Area => {
    const polygons = polygonsOf(boundary)
    return { path, label, owner, multi: boundary.type === 'MultiPolygon', polygons, bbox: unionBBox(polygons.map(polygonBBox)) }
  }
  j.communities.forEach((c, i) => {
    if (c.boundary) communities.push(area(['communities', i, 'boundary'], `${c.name.zh} (communities.${i})`, i, c.boundary))
    c.gridCells.forEach((g, k) => {
      if (g.boundary) cells.push(area(['communities', i, 'gridCells', k, 'boundary'], `${c.name.zh} ${g.name} (communities.${i}.gridCells.${k})`, cells.length, g.boundary))
    })
  })
  const positions = [...communities, ...cells].reduce((n, a) => n + a.polygons.flat().reduce((m, ring) => m + ring.length, 0), 0)
  if (positions > MAX_DOCUMENT_POSITIONS) {
    report(['communities'], `boundaries hold ${positions} positions in all; simplify them to at most ${MAX_DOCUMENT_POSITIONS}`)
    return
  }
  const simpleCommunities = communities.filter((a) => isSimple(a, report))
  const simpleCells = cells.filter((a) => isSimple(a, report))
  checkOverlaps(simpleCommunities, report)
  checkOverlaps(simpleCells, report)
}

/** Each ring on its own must not cross or touch itself (a bow-tie has no well-defined inside). */
function isSimple(a: Area, report: Report): boolean {
  let simple = true
  a.polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      // Repeated consecutive positions are harmless but would show up as kinks at the repeat.
      const deduped = ring.filter((pos, k) => k === 0 || pos[0] !== ring[k - 1][0] || pos[1] !== ring[k - 1][1])
      const crossing = kinks({ type: 'Polygon', coordinates: [deduped] }).features[0]
      if (crossing) {
        const [lng, lat] = crossing.geometry.coordinates
        const ringPath: Path = a.multi ? [...a.path, 'coordinates', p, r] : [...a.path, 'coordinates', r]
        report(ringPath, `the ring crosses itself near [${lng.toFixed(6)}, ${lat.toFixed(6)}]`)
        simple = false
      }
    })
  })
  return simple
}

/** Positive-area overlaps between areas of different owners; touching edges are allowed. */
export function checkOverlaps(areas: Area[], report: Report) {
  if (areas.length < 2) return
  const index = new Flatbush(areas.length)
  for (const a of areas) index.add(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3])
  index.finish()
  areas.forEach((a, i) => {
    for (const k of index.search(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3])) {
      const b = areas[k]
      if (k <= i || b.owner === a.owner) continue
      let km2: number
      try {
        const overlap = intersect({ type: 'FeatureCollection', features: [geometryFeature(a), geometryFeature(b)] })
        km2 = overlap ? approxAreaKm2(polygonsOf(overlap.geometry)) : 0
      } catch (error) {
        // The clipper gives up on some degenerate shapes (slivers, rings doubling back on an edge).
        report(b.path, `could not be compared with ${a.label} (${error instanceof Error ? error.message : String(error)}); check both boundaries`)
        continue
      }
      if (km2 > OVERLAP_TOLERANCE_KM2) report(b.path, `overlaps ${a.label} by about ${formatArea(km2)}`)
    }
  })
}

const geometryFeature = (a: Area) => ({
  type: 'Feature' as const,
  properties: {},
  geometry: { type: 'MultiPolygon' as const, coordinates: a.polygons },
})

const formatArea = (km2: number) => (km2 >= 0.01 ? `${km2.toFixed(2)} km²` : `${Math.round(km2 * 1e6)} m²`)
