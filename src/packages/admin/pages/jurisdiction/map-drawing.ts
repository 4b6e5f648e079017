// The jurisdiction drawn as plain SVG paths: no map tiles, so the map works offline at a station.
// Pure: communities in, projected shapes and label positions out (d3-geo's Mercator, fitted to
// the boundaries).
import { geoArea, geoMercator, geoPath } from 'd3-geo'
import type { MultiPolygon, Polygon } from 'geojson'
import type { Boundary, LocalizedName } from '../../../../core/jurisdiction/schema'

export interface MapCommunity {
  id: string
  kind: 'community' | 'gacha'
  name: LocalizedName
  officerId: string
  boundary: Boundary | null
}

export interface MapShape {
  community: MapCommunity
  /** SVG path data in map pixels. */
  d: string
  /** Where the label goes; a number marker is moved off its neighbours' markers. */
  x: number
  y: number
  /** The area's centroid, which a moved marker points back to. */
  anchorX: number
  anchorY: number
  /** Large enough on the map for its name; otherwise it gets a number and a line in the legend. */
  labelled: boolean
  /** 1-based, for shapes too small to label. */
  number: number | null
  color: string
}

export interface MapDrawing {
  width: number
  height: number
  shapes: MapShape[]
  /** Officers in colour order, for the legend. */
  officerColors: Array<{ officerId: string; color: string }>
}

/** Soft fills that stay distinct side by side and under dark text. */
const PALETTE = ['#c9dcf5', '#f6d7b0', '#cfe8cf', '#efc9d6', '#e2d6f3', '#f3ecb4', '#c7e9ea', '#e6d3c3']

type Ring = number[][]

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise, d3-geo (spherical) clockwise; a ring
 * the wrong way round means "the whole globe except this", which would fill the map and break
 * fitSize. So each ring is turned to d3's order by its spherical area: an outer ring must cover
 * less than a hemisphere, a hole (taken alone) more.
 */
function forD3(boundary: Boundary): Polygon | MultiPolygon {
  const area = (ring: Ring) => geoArea({ type: 'Polygon', coordinates: [ring] })
  const fixPolygon = (rings: readonly Ring[]): Ring[] =>
    rings.map((ring, i) => {
      const small = area(ring) <= 2 * Math.PI
      return (i === 0 ? small : !small) ? ring : [...ring].reverse()
    })
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fixPolygon(boundary.coordinates) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map(fixPolygon) }
}

export interface LabelSpace {
  /** Minimum projected bounding box (px) for a name to be written inside the area. */
  minWidth: number
  minHeight: number
}

export function drawJurisdiction(communities: readonly MapCommunity[], width: number, height: number, space: LabelSpace): MapDrawing {
  const mapped = communities.filter((c): c is MapCommunity & { boundary: Boundary } => c.boundary !== null)
  const officerColors: MapDrawing['officerColors'] = []
  const colorOf = (officerId: string) => {
    let entry = officerColors.find((o) => o.officerId === officerId)
    if (!entry) {
      entry = { officerId, color: PALETTE[officerColors.length % PALETTE.length] }
      officerColors.push(entry)
    }
    return entry.color
  }
  if (mapped.length === 0) return { width, height, shapes: [], officerColors }

  const features = mapped.map((c) => ({ type: 'Feature' as const, properties: {}, geometry: forD3(c.boundary) }))
  // A small margin so strokes and edge labels are not cut off.
  const pad = 8
  const projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    { type: 'FeatureCollection', features },
  )
  const path = geoPath(projection)
  let next = 1
  const shapes = mapped.map((community, i): MapShape => {
    const feature = features[i]
    const [[x0, y0], [x1, y1]] = path.bounds(feature)
    const [x, y] = path.centroid(feature)
    const labelled = x1 - x0 >= space.minWidth && y1 - y0 >= space.minHeight
    return {
      community,
      d: path(feature) ?? '',
      x,
      y,
      anchorX: x,
      anchorY: y,
      labelled,
      number: labelled ? null : next++,
      color: colorOf(community.officerId),
    }
  })
  spreadMarkers(shapes, width)
  return { width, height, shapes, officerColors }
}

/** Diameter of a number marker (jurisdiction.css) and the gap kept between two. */
const MARKER = 26

/**
 * Neighbouring small areas (two town communities side by side) would stack their numbers on one
 * spot: each marker that lands on an earlier one moves sideways, alternately right and left.
 */
function spreadMarkers(shapes: MapShape[], width: number) {
  const placed: Array<{ x: number; y: number }> = []
  for (const shape of shapes) {
    if (shape.number === null) continue
    let { x } = shape
    for (let k = 1; placed.some((p) => Math.hypot(p.x - x, p.y - shape.y) < MARKER); k++) {
      x = shape.anchorX + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * MARKER
    }
    shape.x = Math.min(Math.max(x, MARKER / 2), width - MARKER / 2)
    placed.push({ x: shape.x, y: shape.y })
  }
}

/** The same drawing as an SVG document, for the mini-program (its <image> shows SVG, it has no inline SVG). */
export function drawingToSvg({ width, height, shapes }: MapDrawing): string {
  const paths = shapes.map((s) => `<path d="${s.d}" fill="${s.color}" stroke="#1d3f7a" stroke-width="1.2" stroke-linejoin="round"/>`).join('')
  const leaders = shapes
    .filter((s) => s.x !== s.anchorX)
    .map((s) => `<line x1="${s.anchorX}" y1="${s.anchorY}" x2="${s.x}" y2="${s.y}" stroke="#1d3f7a" stroke-width="1"/>`)
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${paths}${leaders}</svg>`
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (an SVG of paths and numbers): the mini-program has no btoa. */
export function asciiToBase64(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i)
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : BASE64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : BASE64[n & 63])
  }
  return out
}
