// Whole-document check of a bureau import, run before anything is written. Each station is
// checked by the single-station rules (../jurisdiction/validate.ts) with its issues placed under
// stations.<i>; then the bureau-wide rules: ids unique across the bureau (stations, districts,
// communities, grid cells, officers), the duty desk and bureau leadership name officers that
// exist, and no community of one station overlaps a community of another (so station areas,
// the unions of their communities, do not overlap). Every community belongs to exactly one
// station by construction: it is nested in one station's section and its id is bureau-unique.
// All issues are collected, so the admin fixes the file in one pass.
import type { FieldIssue } from '../envelope'
import { polygonBBox, polygonsOf, unionBBox } from '../jurisdiction/geometry'
import { checkOverlaps, validateJurisdiction, type Area } from '../jurisdiction/validate'
import { asBureauInput } from './convert'
import { BureauDocument, type BureauJurisdiction } from './schema'

export type BureauValidationResult = { ok: true; value: BureauJurisdiction; converted: boolean } | { ok: false; issues: FieldIssue[] }
type Path = FieldIssue['path']

const zodIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] =>
  issues.map((i) => ({ path: i.path.map((k) => (typeof k === 'number' ? k : String(k))), message: i.message }))

/** Accepts a bureau document (format 2) or a single-station one (format 1, converted first). */
export function validateBureau(input: unknown): BureauValidationResult {
  const bureauInput = asBureauInput(input)
  const converted = bureauInput !== input
  const parsed = BureauDocument.safeParse(bureauInput)
  if (!parsed.success) {
    // Paths of a converted document are reported as the admin wrote them (without stations.0).
    const issues = zodIssues(parsed.error.issues)
    return { ok: false, issues: converted ? issues.map(toSingleStationPath) : issues }
  }
  const b = parsed.data
  const issues: FieldIssue[] = []
  const report = (path: Path, message: string) => issues.push({ path, message })

  b.stations.forEach((section, s) => {
    const result = validateJurisdiction({ version: 1, ...section })
    if (!result.ok) for (const i of result.issues) report(['stations', s, ...i.path], i.message)
  })
  checkBureauIds(b, report)
  checkBureauReferences(b, report)
  checkStationOverlaps(b, report)
  if (issues.length > 0) return { ok: false, issues: converted ? issues.map(toSingleStationPath) : issues }
  return { ok: true, value: b, converted }
}

function toSingleStationPath(issue: FieldIssue): FieldIssue {
  const [first, second, ...rest] = issue.path
  if (first === 'stations' && second === 0) return { ...issue, path: rest }
  // A duty desk derived from the station: point at what the admin can change.
  if (first === 'bureau' && second === 'dutyDesk') return { ...issue, path: ['station', rest[0] === 'phone' ? 'dutyPhone' : 'leadershipOfficerIds'] }
  return issue
}

function checkBureauIds(b: BureauJurisdiction, report: (path: Path, message: string) => void) {
  /** `group`: the station (or 'bureau') an id belongs to; duplicates inside one station are the station check's. */
  const unique = (kind: string, items: Array<{ id: string; group: number | 'bureau'; path: Path }>) => {
    const seen = new Map<string, { group: number | 'bureau'; path: Path }>()
    for (const { id, group, path } of items) {
      const first = seen.get(id)
      if (!first) seen.set(id, { group, path: path.slice(0, -1) })
      else if (first.group !== group || group === 'bureau') report(path, `duplicate ${kind} id "${id}": already used at ${first.path.join('.')}`)
    }
  }
  unique('station', b.stations.map((st, s) => ({ id: st.station.id, group: 'bureau' as const, path: ['stations', s, 'station', 'id'] })))
  unique('district', b.stations.flatMap((st, s) => st.districts.map((d, i) => ({ id: d.id, group: s, path: ['stations', s, 'districts', i, 'id'] as Path }))))
  unique('community', b.stations.flatMap((st, s) => st.communities.map((c, i) => ({ id: c.id, group: s, path: ['stations', s, 'communities', i, 'id'] as Path }))))
  unique(
    'grid cell',
    b.stations.flatMap((st, s) => st.communities.flatMap((c, i) => c.gridCells.map((g, k) => ({ id: g.id, group: s, path: ['stations', s, 'communities', i, 'gridCells', k, 'id'] as Path })))),
  )
  unique('officer', [
    ...b.officers.map((o, i) => ({ id: o.id, group: 'bureau' as const, path: ['officers', i, 'id'] as Path })),
    ...b.stations.flatMap((st, s) => st.officers.map((o, i) => ({ id: o.id, group: s, path: ['stations', s, 'officers', i, 'id'] as Path }))),
  ])
}

function checkBureauReferences(b: BureauJurisdiction, report: (path: Path, message: string) => void) {
  const officers = new Set([...b.officers.map((o) => o.id), ...b.stations.flatMap((s) => s.officers.map((o) => o.id))])
  b.bureau.dutyDesk.officerIds.forEach((id, k) => {
    if (!officers.has(id)) report(['bureau', 'dutyDesk', 'officerIds', k], `no officer has id "${id}"`)
  })
  b.bureau.leadershipOfficerIds.forEach((id, k) => {
    if (!officers.has(id)) report(['bureau', 'leadershipOfficerIds', k], `no officer has id "${id}"`)
  })
  b.officers.forEach((o, i) => {
    // Bureau staff belong to no station, so to none of its districts.
    if (o.districtId !== null) report(['officers', i, 'districtId'], `${o.name} is bureau staff and belongs to no district; set districtId to null`)
  })
}

/** Communities of different stations may touch along an edge but not overlap. */
function checkStationOverlaps(b: BureauJurisdiction, report: (path: Path, message: string) => void) {
  if (b.stations.length < 2) return
  const areas: Area[] = []
  b.stations.forEach((st, s) => {
    st.communities.forEach((c, i) => {
      if (!c.boundary) return
      const polygons = polygonsOf(c.boundary)
      areas.push({
        path: ['stations', s, 'communities', i, 'boundary'],
        label: `${c.name.zh} of ${st.station.name.zh} (stations.${s}.communities.${i})`,
        owner: s,
        multi: c.boundary.type === 'MultiPolygon',
        polygons,
        bbox: unionBBox(polygons.map(polygonBBox)),
      })
    })
  })
  checkOverlaps(areas, report)
}
