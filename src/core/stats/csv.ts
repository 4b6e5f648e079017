// The dashboard's CSV export: RFC 4180 (fields with commas, quotes or line breaks quoted, quotes
// doubled, CRLF line ends), with a UTF-8 byte-order mark so Excel on a station PC opens Chinese and
// Mongolian text correctly instead of guessing a legacy code page.
import type { FigureFormat } from './figures'

export type Cell = string | number | null

const BOM = '\uFEFF'

function field(cell: Cell): string {
  const text = cell === null ? '' : String(cell)
  // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
  const safe = /^[=+\-@]/.test(text) && typeof cell === 'string' ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(header: readonly Cell[], rows: ReadonlyArray<readonly Cell[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}

/** A value as the CSV writes it: shares as percentages with one decimal, no value as empty. */
export function csvValue(value: number | null, format: FigureFormat): Cell {
  if (value === null) return null
  return format === 'rate' ? Math.round(value * 1000) / 10 : value
}

/** The file name: the period, so exports of different periods do not overwrite each other. */
export const csvFileName = (from: string, to: string) => `station-figures_${from}_${to}.csv`
