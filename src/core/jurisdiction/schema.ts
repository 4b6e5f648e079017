// The jurisdiction document: the one JSON an admin imports and exports to say who is responsible
// for which place ("一社区一民警", grid management). Station → districts → communities/gacha → grid
// cells, the officers, and the duty/leave roster. This module checks shape and ranges only;
// cross-references, overlaps and self-intersections are checked in ./validate.ts. Objects are
// strict: a misspelt key ("nearestCommunityMaxKM") is refused, not silently replaced by a default.
// Grid cells are nested in their community, so a cell can never name a community that is missing.
import * as z from 'zod/mini'
import { DocId, Language, ShortText } from '../ids'
import { JointPanelMember, Latitude, LocalizedName, Longitude, Phone } from './primitives'

export { JointPanelMember, Latitude, LocalizedName, Longitude, Phone }

/** Survey exports seldom exceed this per ring; it also bounds the O(n²) self-intersection check. */
export const MAX_RING_POSITIONS = 5000
export const MAX_DOCUMENT_POSITIONS = 200_000

/** GeoJSON position [lng, lat], an altitude tolerated (map tools sometimes export one) and ignored. */
export const Position = z.tuple([Longitude, Latitude], z.number()).check(z.refine((p) => p.length <= 3, 'a position is [longitude, latitude] or [longitude, latitude, altitude]'))
export type Position = z.infer<typeof Position>

const isPair = (p: unknown): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number'
const samePosition = (a: unknown, b: unknown) => isPair(a) && isPair(b) && a[0] === b[0] && a[1] === b[1]

/** True when every position lies on one line through the first (a bow-tie is not: its signed area is 0 but it has area). */
function allOnOneLine(ring: readonly (readonly number[])[]): boolean {
  const [x0, y0] = ring[0]
  const other = ring.find((p) => p[0] !== x0 || p[1] !== y0)
  if (!other) return true
  const dx = other[0] - x0
  const dy = other[1] - y0
  return ring.every((p) => (p[0] - x0) * dy - (p[1] - y0) * dx === 0)
}

/** A linear ring as GeoJSON (RFC 7946 §3.1.6) defines it: closed, at least 4 positions, with area. */
export const LinearRing = z.array(Position).check(
  z.minLength(4, 'a ring needs at least 4 positions: 3 corners and the first one repeated'),
  z.maxLength(MAX_RING_POSITIONS, `a ring may have at most ${MAX_RING_POSITIONS} positions`),
  z.refine((r) => r.length < 2 || samePosition(r[0], r[r.length - 1]), 'the ring is not closed: its last position must repeat the first'),
  z.refine((r) => r.length < 4 || !r.every(isPair) || !allOnOneLine(r), 'the ring has no area: its corners lie on one line'),
)

// GeoJSON objects may carry foreign members such as `bbox` (RFC 7946 §5, §6.1): dropped, never trusted.
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  // First ring is the outer boundary, the others are holes.
  coordinates: z.array(LinearRing).check(z.minLength(1, 'a polygon needs an outer ring'), z.maxLength(100)),
})
export type PolygonGeometry = z.infer<typeof PolygonGeometry>

export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing).check(z.minLength(1, 'a polygon needs an outer ring'), z.maxLength(100))).check(z.minLength(1), z.maxLength(100)),
})
export type MultiPolygonGeometry = z.infer<typeof MultiPolygonGeometry>

export const Boundary = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry])
export type Boundary = z.infer<typeof Boundary>

/** Stored in UTC whatever offset the admin typed (ARCHITECTURE.md › Time). */
export const Instant = z.pipe(z.iso.datetime({ offset: true }), z.transform((s) => new Date(s).toISOString()))

export const Station = z.strictObject({
  id: DocId,
  name: LocalizedName,
  /** A point outside every boundary goes to the nearest community within this distance. */
  nearestCommunityMaxKm: z._default(z.number().check(z.gte(0), z.lte(200)), 10),
  dutyPhone: z.optional(Phone),
  /** Level 2 of mediation, and who answers when nobody is on duty. */
  leadershipOfficerIds: z.array(DocId).check(z.minLength(1, 'the station needs at least one leader'), z.maxLength(20)),
  /** Level 3 of mediation: the community/gacha committee, the town judicial office, the town government. */
  jointPanel: z.array(JointPanelMember).check(z.maxLength(10)),
})
export type Station = z.infer<typeof Station>

export const District = z.strictObject({
  id: DocId,
  name: LocalizedName,
  officeHours: z.optional(ShortText(64)),
})
export type District = z.infer<typeof District>

export const GridWorker = z.strictObject({ name: ShortText(32), phone: z.optional(Phone) })
export type GridWorker = z.infer<typeof GridWorker>

export const GridCell = z.strictObject({
  id: DocId,
  name: ShortText(64),
  boundary: z.nullable(PolygonGeometry),
  /** Name of one of the community's grid workers. */
  gridWorker: z.optional(ShortText(32)),
})
export type GridCell = z.infer<typeof GridCell>

const NO_OFFICER = 'every community needs its responsible community officer (一社区一民警)'

export const Community = z.strictObject({
  id: DocId,
  districtId: DocId,
  kind: z.enum(['community', 'gacha']),
  name: LocalizedName,
  /** null for remote gacha nobody has surveyed: they are reached by alias or by id. */
  boundary: z.nullable(Boundary),
  /** Names people actually use: village and well names, landmarks, other transliterations. */
  aliases: z.array(ShortText(64)).check(z.maxLength(100)),
  officerId: z.pipe(z.string({ error: (issue) => (issue.input == null ? NO_OFFICER : undefined) }).check(z.minLength(1, NO_OFFICER)), DocId),
  auxiliaryOfficerIds: z.array(DocId).check(z.maxLength(20)),
  gridWorkers: z.array(GridWorker).check(z.maxLength(100)),
  gridCells: z.array(GridCell).check(z.maxLength(500)),
})
export type Community = z.infer<typeof Community>

export const OfficerKind = z.enum(['community', 'auxiliary', 'leader'])
export type OfficerKind = z.infer<typeof OfficerKind>

export const Officer = z.strictObject({
  id: DocId,
  name: ShortText(32),
  title: ShortText(32),
  kind: OfficerKind,
  /** null for station-wide staff such as the chief. */
  districtId: z.nullable(DocId),
  languages: z.array(Language).check(z.minLength(1), z.maxLength(2)),
  phone: z.optional(Phone),
  officeHours: z.optional(ShortText(64)),
  /** Open cases the officer can carry; at or above it new requests go to the next in line. */
  capacity: z.number().check(z.int(), z.gte(0), z.lte(1000)),
})
export type Officer = z.infer<typeof Officer>

/** 值班: a shift during which the officer answers for the whole station or for their own district. */
export const DutyShift = z.strictObject({
  officerId: DocId,
  start: Instant,
  end: Instant,
  scope: z.enum(['station', 'district']),
})
export type DutyShift = z.infer<typeof DutyShift>

export const LeavePeriod = z.strictObject({
  officerId: DocId,
  start: Instant,
  end: Instant,
  note: z.optional(ShortText(200)),
})
export type LeavePeriod = z.infer<typeof LeavePeriod>

/** Periods are half-open: [start, end). */
export const Roster = z.strictObject({
  duty: z.array(DutyShift).check(z.maxLength(10_000)),
  leave: z.array(LeavePeriod).check(z.maxLength(5_000)),
})
export type Roster = z.infer<typeof Roster>

export const JurisdictionDocument = z.strictObject({
  /** Format version of the import/export document. */
  version: z._default(z.literal(1), 1),
  station: Station,
  districts: z.array(District).check(z.minLength(1), z.maxLength(100)),
  communities: z.array(Community).check(z.minLength(1), z.maxLength(5_000)),
  officers: z.array(Officer).check(z.minLength(1), z.maxLength(1_000)),
  roster: Roster,
})
/** What the admin may send (defaults not yet applied). */
export type JurisdictionInput = z.input<typeof JurisdictionDocument>
/** A parsed document; only ./validate.ts produces one that is also consistent. */
export type Jurisdiction = z.output<typeof JurisdictionDocument>
