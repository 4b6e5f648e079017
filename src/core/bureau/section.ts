// One station's section of the bureau document, as a station admin maintains it (docs/bureau.md ›
// The jurisdiction per station). A station's admin imports their station's document (format 1:
// the station, its districts, communities, officers and roster, exactly what a single station
// imported before bureaus); it replaces that station's section in the current bureau, and the
// result is validated whole (ids unique across the bureau, no overlap with other stations), so
// a station can never break another. The bureau's own fields and the list of stations are the
// bureau admin's (a whole bureau document). Pure.
import type { FieldIssue } from '../envelope'
import { isSingleStationDocument } from './convert'
import type { BureauJurisdiction } from './schema'
import { validateBureau } from './validate'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A document that is the whole bureau's (format 2) or touches its own fields: the bureau admin's to import. */
export const touchesBureau = (document: unknown): boolean => isRecord(document) && ('stations' in document || 'bureau' in document)

/** The station a station document names (`station.id`), read before validation; null when it names none. */
export function stationIdNamed(document: unknown): string | null {
  if (!isSingleStationDocument(document)) return null
  const station = document.station
  return isRecord(station) && typeof station.id === 'string' ? station.id : null
}

/** The bureau's name and its list of stations: what every station's staff may see of the bureau. */
export const bureauOutline = (bureau: BureauJurisdiction) => ({
  id: bureau.bureau.id,
  name: bureau.bureau.name,
  stations: bureau.stations.map((s) => ({ id: s.station.id, name: s.station.name })),
})

/** A station's section as the station document (format 1) its admin edits and imports back; null for a station the bureau has not. */
export function stationDocument(bureau: BureauJurisdiction, stationId: string) {
  const section = bureau.stations.find((s) => s.station.id === stationId)
  return section ? { version: 1 as const, ...section } : null
}

export type SectionReplacement =
  | { ok: true; value: BureauJurisdiction; stationId: string }
  | { ok: false; why: 'not_a_station_document' | 'unknown_station'; stationId: string | null }
  | { ok: false; why: 'invalid'; issues: FieldIssue[] }

/**
 * The bureau with `document` (a station document) in place of that station's section, validated
 * whole. Issues inside the station's own section are reported at the paths of the station
 * document (`communities.0.officerId`); issues elsewhere keep their bureau path, and every
 * mention of another station's place (`stations.2.communities.0`) names that station, so the
 * admin learns which station already holds an id or overlaps.
 */
export function replaceStationSection(bureau: BureauJurisdiction, document: unknown): SectionReplacement {
  const stationId = stationIdNamed(document)
  if (stationId === null || touchesBureau(document)) return { ok: false, why: 'not_a_station_document', stationId }
  const index = bureau.stations.findIndex((s) => s.station.id === stationId)
  if (index < 0) return { ok: false, why: 'unknown_station', stationId }
  const section = { ...(document as Record<string, unknown>) }
  // A station document carries its format (1); the section inside a bureau has none.
  if (section.version === 1) delete section.version
  // Checked with the station last: a clash (an id another station holds, an overlap) is reported
  // at the later place, so at the station document the admin sent, naming the other station.
  const others = bureau.stations.filter((_, i) => i !== index)
  const last = others.length
  const result = validateBureau({ ...bureau, stations: [...others, section] })
  if (result.ok) {
    const checked = result.value.stations
    return { ok: true, value: { ...result.value, stations: bureau.stations.map((s, i) => (i === index ? checked[last] : s)) }, stationId }
  }
  // Positions in the checked order → the bureau's.
  const stationIds = [...others, section].map((s, i) => (i === last ? stationId : (s as { station: { id: string } }).station.id))
  const bureauIndexOf = (i: number) => (i === last ? index : bureau.stations.findIndex((s) => s.station.id === stationIds[i]))
  const named = (text: string) =>
    text.replace(/stations\.(\d+)(\.?)/g, (whole, i: string, dot: string) => {
      const s = Number(i)
      if (s === last) return ''
      return stationIds[s] === undefined ? whole : `station "${stationIds[s]}"${dot ? ' › ' : ''}`
    })
  return {
    ok: false,
    why: 'invalid',
    issues: result.issues.map((issue) => {
      const [first, second, ...rest] = issue.path
      const path = first !== 'stations' || typeof second !== 'number' ? issue.path : second === last ? rest : ['stations', bureauIndexOf(second), ...rest]
      return { path, message: named(issue.message) }
    }),
  }
}
