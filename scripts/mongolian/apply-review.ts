// `npm run mongolian:apply-review -- <verdicts.json|sheet.csv>`: writes a native reviewer's
// verdicts back. "ok" marks the entry reviewed; "fix" replaces the Mongolian with the reviewer's
// text (separators and punctuation normalised by the fixer) and marks it reviewed. Catalog
// entries carry `reviewed` themselves (MongolianEntry); strings outside the catalogs (routing
// reasons, demo data) are recorded in src/i18n/mn-review-outside-catalogs.json with the text the
// reviewer accepted, so a later change of that text shows as unreviewed again. Prints what it
// did and refuses verdicts for ids it does not know.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { writeEntries } from './catalog-entries'
import { fixFile } from './fix'
import { OUTSIDE_CATALOGS_REVIEWS, outsideCatalogReviews, sheetRows, writeSheet, CSV_COLUMNS } from './review-sheet'
import { fixText } from './rules'
import { ROOT, mongolianStringsIn } from './strings'

export interface Verdict {
  id: string
  verdict: 'ok' | 'fix'
  corrected_mn?: string
  reviewer?: string
  comment?: string
}

function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const source = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '')
    else if (c !== '\r') cell += c
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  const [header, ...data] = rows
  return data.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])))
}

export function readVerdicts(file: string): Verdict[] {
  const text = readFileSync(file, 'utf8')
  const raw = file.endsWith('.csv') ? parseCsv(text) : (JSON.parse(text) as Array<Record<string, string>>)
  if (file.endsWith('.csv') && !CSV_COLUMNS.every((column) => column in (raw[0] ?? {}))) throw new Error(`${file}: expected the columns of docs/mongolian-review/sheet.csv`)
  return raw
    .filter((row) => row.verdict === 'ok' || row.verdict === 'fix')
    .map((row) => ({ id: row.id, verdict: row.verdict as Verdict['verdict'], corrected_mn: row.corrected_mn, reviewer: row.reviewer, comment: row.comment }))
}

export function applyVerdicts(verdicts: Verdict[]): { applied: number; unknown: string[]; invalid: string[] } {
  const rows = new Map(sheetRows().map((row) => [row.id, row]))
  const unknown = verdicts.filter((v) => !rows.has(v.id)).map((v) => v.id)
  const invalid = verdicts.filter((v) => v.verdict === 'fix' && !v.corrected_mn?.trim()).map((v) => v.id)
  const usable = verdicts.filter((v) => rows.has(v.id) && !invalid.includes(v.id))
  const catalogUpdates: Parameters<typeof writeEntries>[0] = []
  const outside = outsideCatalogReviews()
  for (const verdict of usable) {
    const row = rows.get(verdict.id)!
    const text = verdict.verdict === 'fix' ? fixText(verdict.corrected_mn!.trim()) : undefined
    if (row.file.endsWith('/mn-Mong.ts')) {
      catalogUpdates.push({ file: row.file, key: row.key, text, reviewed: true })
      continue
    }
    let accepted = row.mn
    if (text !== undefined) {
      // Outside the catalogs a string may be a template; only a plain literal is rewritten here.
      const found = mongolianStringsIn(row.file).find((s) => s.text === row.mn && s.pieces.length === 1)
      if (!found) {
        invalid.push(`${verdict.id} (a template: change it in the code by hand)`)
        continue
      }
      const full = path.join(ROOT, row.file)
      const source = readFileSync(full, 'utf8')
      writeFileSync(full, source.slice(0, found.pieces[0].start) + text + source.slice(found.pieces[0].end))
      fixFile(row.file)
      accepted = text
    }
    outside[verdict.id] = accepted
  }
  const missing = writeEntries(catalogUpdates)
  writeFileSync(OUTSIDE_CATALOGS_REVIEWS, JSON.stringify(outside, null, 1) + '\n')
  return { applied: usable.length - missing.length, unknown: [...unknown, ...missing], invalid }
}

if (require.main === module) {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: npm run mongolian:apply-review -- <mongolian-verdicts.json | sheet.csv>')
    process.exit(2)
  }
  const result = applyVerdicts(readVerdicts(path.resolve(file)))
  console.log(`${result.applied} verdict(s) written back`)
  for (const id of result.unknown) console.log(`  unknown id (the sheet is older than the code? regenerate it): ${id}`)
  for (const id of result.invalid) console.log(`  not applied: ${id}: a "fix" needs the corrected Mongolian`)
  writeSheet()
  console.log('docs/mongolian-review regenerated; run npm run mongolian:lint and npm test before committing')
  if (result.unknown.length || result.invalid.length) process.exitCode = 1
}
