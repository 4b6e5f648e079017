// Everything routing looks up, built once per jurisdiction so that routing one request costs
// microseconds: flatbush indexes over community polygons and grid cells, the alias table, and
// each community's and district's line of officers. A cloud function instance builds it when it
// loads the jurisdiction and keeps it while the jurisdiction's version is unchanged.
import Flatbush from 'flatbush'
import { MIN_ALIAS_LENGTH, normalizeAddress } from '../jurisdiction/alias'
import { polygonBBox, polygonsOf } from '../jurisdiction/geometry'
import type { Community, JointPanelMember, Jurisdiction, Officer } from '../jurisdiction/schema'

export interface PolygonSet {
  readonly index: Flatbush
  /** Index item → owner (community index for communities, cell number for grid cells). */
  readonly owner: Int32Array
  readonly geometry: ReadonlyArray<{ type: 'Polygon'; coordinates: number[][][] }>
  /** Index item → [minX, minY, maxX, maxY], 4 numbers per item. */
  readonly boxes: Float64Array
  /** Largest |latitude| of any item: bounds how short a degree of longitude gets. */
  readonly maxAbsLat: number
}

export interface AliasEntry {
  readonly key: string
  readonly alias: string
  readonly community: number
}

export interface JurisdictionIndex {
  readonly jurisdiction: Jurisdiction
  readonly communityById: ReadonlyMap<string, number>
  readonly officerById: ReadonlyMap<string, Officer>
  readonly communities: PolygonSet | null
  readonly cells: PolygonSet | null
  readonly cellInfo: ReadonlyArray<{ id: string; community: number }>
  readonly aliasExact: ReadonlyMap<string, AliasEntry>
  /** Longest key first, so the first alias found inside a text is the longest one. */
  readonly aliasesByLength: readonly AliasEntry[]
  /** Per community: its community officer, then its auxiliary officers. */
  readonly communityLine: ReadonlyArray<readonly string[]>
  /** Per district: its officers in document order. */
  readonly districtOfficers: ReadonlyMap<string, readonly string[]>
  /** Officer id → position in the document: the stable order among officers on duty. */
  readonly officerOrder: ReadonlyMap<string, number>
  readonly level2: readonly string[]
  readonly level3: readonly JointPanelMember[]
}

/** A flatbush over polygon parts; `owner` is the caller's number for each part (also used bureau-wide, ../bureau/route.ts). */
export function polygonSet(items: Array<{ owner: number; rings: number[][][] }>): PolygonSet | null {
  if (items.length === 0) return null
  const index = new Flatbush(items.length)
  const boxes = new Float64Array(items.length * 4)
  const owner = new Int32Array(items.length)
  let maxAbsLat = 0
  items.forEach((item, i) => {
    const [minX, minY, maxX, maxY] = polygonBBox(item.rings)
    index.add(minX, minY, maxX, maxY)
    boxes.set([minX, minY, maxX, maxY], i * 4)
    owner[i] = item.owner
    maxAbsLat = Math.max(maxAbsLat, Math.abs(minY), Math.abs(maxY))
  })
  index.finish()
  const geometry = items.map((item) => ({ type: 'Polygon' as const, coordinates: item.rings }))
  return { index, owner, geometry, boxes, maxAbsLat }
}

/** Expects a jurisdiction that passed validateJurisdiction; ties in bad data fall to the lowest id. */
export function buildJurisdictionIndex(jurisdiction: Jurisdiction): JurisdictionIndex {
  const { communities, officers, station } = jurisdiction
  const communityById = new Map(communities.map((c, i) => [c.id, i]))

  // MultiPolygons are indexed part by part: a far-flung part must not widen the others' box.
  const parts = communities.flatMap((c, i) => (c.boundary ? polygonsOf(c.boundary).map((rings) => ({ owner: i, rings })) : []))
  const cellInfo = communities.flatMap((c, i) => c.gridCells.filter((g) => g.boundary).map((g) => ({ id: g.id, community: i })))
  const cellParts = communities.flatMap((c) => c.gridCells.flatMap((g) => (g.boundary ? [g.boundary.coordinates] : [])))

  const byId = (a: Community, b: Community) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const aliasExact = new Map<string, AliasEntry>()
  const aliasesByLength: AliasEntry[] = []
  for (const c of [...communities].sort(byId)) {
    const community = communityById.get(c.id) ?? -1
    for (const alias of [c.name.zh, ...(c.name.mn ? [c.name.mn] : []), ...c.aliases]) {
      const key = normalizeAddress(alias)
      if (key.length < MIN_ALIAS_LENGTH || aliasExact.has(key)) continue
      const entry = { key, alias, community }
      aliasExact.set(key, entry)
      aliasesByLength.push(entry)
    }
  }
  aliasesByLength.sort((a, b) => b.key.length - a.key.length)

  const districtOfficers = new Map<string, string[]>()
  for (const o of officers) {
    if (o.districtId !== null) districtOfficers.set(o.districtId, [...(districtOfficers.get(o.districtId) ?? []), o.id])
  }

  return {
    jurisdiction,
    communityById,
    officerById: new Map(officers.map((o) => [o.id, o])),
    communities: polygonSet(parts),
    cells: polygonSet(cellParts.map((rings, i) => ({ owner: i, rings }))),
    cellInfo,
    aliasExact,
    aliasesByLength,
    communityLine: communities.map((c) => [c.officerId, ...c.auxiliaryOfficerIds]),
    districtOfficers,
    officerOrder: new Map(officers.map((o, i) => [o.id, i])),
    level2: station.leadershipOfficerIds,
    level3: station.jointPanel,
  }
}
