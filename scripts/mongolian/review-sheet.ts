// `npm run mongolian:review-sheet`: the sheet a native reviewer works through — every Mongolian
// string (catalogs first, then code and data), safety texts and official documents first — with
// the Chinese, the Mongolian set vertically as the app shows it, its transliteration, an English
// gloss, the glossary terms it uses, and its review status. Written to docs/mongolian-review/ as
// index.html (review in the browser, then download the verdicts), sheet.csv and sheet.json.
// Verdicts go back with `npm run mongolian:apply-review -- <verdicts.json|.csv>`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { GLOSSARY } from '../../src/i18n/glossary'
import { catalogEntries } from './catalog-entries'
import { ENGLISH_GLOSSES } from './glosses'
import { ROOT, allMongolianStrings } from './strings'
import { transliterate } from './transliterate'

export const OUT = path.join(ROOT, 'docs', 'mongolian-review')
/** Reviews of strings outside the catalogs: id → the text the reviewer accepted. */
export const OUTSIDE_CATALOGS_REVIEWS = path.join(ROOT, 'src', 'i18n', 'mn-review-outside-catalogs.json')

const SAFETY = /110|96110|119|危险|紧急|急事|急救|报警|诈骗|证明|证书|派出所|警务站/

export interface SheetRow {
  id: string
  file: string
  key: string
  safety: boolean
  zh: string
  mn: string
  latin: string
  gloss: string
  terms: string
  reviewed: boolean
}

const separators = (text: string) => text.replace(/[ \u202F]/g, ' ')
const stemOfTerm = (mn: string) => separators(mn).replace(/(ᠬᠤ|ᠬᠦ)$/, '')

function termsIn(text: string): string[] {
  const plain = separators(text)
  return GLOSSARY.filter((term) => plain.includes(stemOfTerm(term.mn))).map((term) => term.id)
}

/** Word-by-word gloss from the glossary where no hand-written gloss exists yet. */
function glossOf(key: string, text: string): string {
  if (ENGLISH_GLOSSES[key]) return ENGLISH_GLOSSES[key]
  const terms = termsIn(text).map((id) => GLOSSARY.find((term) => term.id === id)!)
  return terms.length ? `(glossary words: ${terms.map((term) => `${term.mn.replace(/\u202F/g, ' ')} = ${term.en}`).join('; ')})` : ''
}

export function outsideCatalogReviews(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(OUTSIDE_CATALOGS_REVIEWS, 'utf8')) as Record<string, string>
  } catch {
    return {}
  }
}

export function sheetRows(): SheetRow[] {
  const reviews = outsideCatalogReviews()
  const fromCatalogs = catalogEntries().map((entry) => ({ ...entry, id: `${entry.file}#${entry.key}` }))
  const catalogFiles = new Set(fromCatalogs.map((entry) => entry.file))
  const fromCode = allMongolianStrings()
    .filter((found) => !catalogFiles.has(found.file))
    .map((found) => {
      const id = `${found.file}#${found.key || `line ${found.line}`}`
      return { id, file: found.file, key: found.key, zh: found.zh ?? '', text: found.text, reviewed: reviews[id] === found.text }
    })
  const rows = [...fromCatalogs, ...fromCode].map((entry) => ({
    id: entry.id,
    file: entry.file,
    key: entry.key,
    safety: SAFETY.test(entry.zh) || /^(error|emergency)\./.test(entry.key),
    zh: entry.zh,
    mn: entry.text,
    latin: transliterate(entry.text),
    gloss: glossOf(entry.key, entry.text),
    terms: termsIn(entry.text).join(' '),
    reviewed: entry.reviewed,
  }))
  // Safety texts first; within each group catalogs before code, then file order.
  return rows.sort((a, b) => Number(b.safety) - Number(a.safety))
}

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`

export const CSV_COLUMNS = ['id', 'safety', 'zh', 'mn', 'latin', 'gloss', 'terms', 'reviewed', 'verdict', 'corrected_mn', 'reviewer', 'comment'] as const

function page(rows: SheetRow[], font: string): string {
  const reviewed = rows.filter((row) => row.reviewed).length
  const body = rows
    .map(
      (row, index) => `<tr data-id="${html(row.id)}" class="${row.safety ? 'safety' : ''}">
<td class="n">${index + 1}${row.safety ? '<br><b>safety</b>' : ''}</td>
<td class="id">${html(row.key || row.id)}<br><small>${html(row.file)}</small></td>
<td class="zh">${html(row.zh)}</td>
<td class="mn"><div lang="mn-Mong">${html(row.mn)}</div></td>
<td class="latin">${html(row.latin)}</td>
<td class="gloss">${html(row.gloss)}</td>
<td class="terms">${html(row.terms)}</td>
<td class="status">${row.reviewed ? 'reviewed' : '<b>not reviewed</b>'}</td>
<td class="verdict"><label><input type="radio" name="v${index}" value="ok"> correct</label><br><label><input type="radio" name="v${index}" value="fix"> correct it:</label><br><textarea lang="mn-Mong" placeholder="corrected Mongolian"></textarea><br><input class="comment" placeholder="comment"></td>
</tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fengqiao Station — Mongolian review sheet</title>
<style>
@font-face { font-family: 'Noto Sans Mongolian'; src: url(data:font/woff2;base64,${font}) format('woff2'); }
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 6px; vertical-align: top; }
tr.safety { background: #fff4f0; }
td.mn div, textarea[lang] { font-family: 'Noto Sans Mongolian', sans-serif; font-size: 20px; writing-mode: vertical-lr; text-orientation: mixed; }
td.mn div { height: 280px; max-width: 240px; }
textarea[lang] { height: 200px; width: 60px; }
td.latin { max-width: 260px; font-style: italic; } td.gloss { max-width: 260px; } td.zh { max-width: 200px; }
small { color: #666; }
</style></head><body>
<h1>Mongolian review sheet</h1>
<p>${rows.length} strings, ${reviewed} reviewed, ${rows.filter((r) => r.safety).length} safety texts (shown first). For each row choose <i>correct</i>,
or <i>correct it</i> and write the right Mongolian. Your name: <input id="reviewer"> <button id="save">Download verdicts</button></p>
<p>Send the downloaded <code>mongolian-verdicts.json</code> to the developers; <code>npm run mongolian:apply-review -- mongolian-verdicts.json</code> writes it into the catalogs.</p>
<table><thead><tr><th>#</th><th>key</th><th>中文</th><th>ᠮᠣᠩᠭᠣᠯ</th><th>transliteration</th><th>English gloss</th><th>glossary terms</th><th>status</th><th>verdict</th></tr></thead>
<tbody>
${body}
</tbody></table>
<script>
document.getElementById('save').onclick = function () {
  var reviewer = document.getElementById('reviewer').value.trim()
  if (!reviewer) { alert('Please write your name first.'); return }
  var verdicts = []
  document.querySelectorAll('tbody tr').forEach(function (row) {
    var chosen = row.querySelector('input[type=radio]:checked')
    if (!chosen) return
    verdicts.push({ id: row.dataset.id, verdict: chosen.value, corrected_mn: row.querySelector('textarea').value.trim(), comment: row.querySelector('.comment').value.trim(), reviewer: reviewer })
  })
  var blob = new Blob([JSON.stringify(verdicts, null, 1)], { type: 'application/json' })
  var link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = 'mongolian-verdicts.json'
  link.click()
}
</script>
</body></html>
`
}

export function writeSheet(rows = sheetRows()) {
  mkdirSync(OUT, { recursive: true })
  const font = readFileSync(path.join(ROOT, 'node_modules/@fontsource/noto-sans-mongolian/files/noto-sans-mongolian-mongolian-400-normal.woff2')).toString('base64')
  writeFileSync(path.join(OUT, 'index.html'), page(rows, font))
  writeFileSync(path.join(OUT, 'sheet.json'), JSON.stringify(rows, null, 1) + '\n')
  const csv = [CSV_COLUMNS.join(','), ...rows.map((row) => [row.id, String(row.safety), row.zh, row.mn, row.latin, row.gloss, row.terms, String(row.reviewed), '', '', '', ''].map(csvCell).join(','))]
  writeFileSync(path.join(OUT, 'sheet.csv'), '\uFEFF' + csv.join('\n') + '\n')
  return rows
}

if (require.main === module) {
  const rows = writeSheet()
  console.log(`wrote docs/mongolian-review/index.html, sheet.csv, sheet.json: ${rows.length} strings, ${rows.filter((r) => r.safety).length} safety texts first, ${rows.filter((r) => r.reviewed).length} reviewed`)
}
