// The Mongolian catalog entries as the review tools see them: every `'key': m('…')` or
// `'key': { text: '…', reviewed }` of every mn-Mong.ts, its Chinese, and where its text and its
// review flag sit in the file, so a reviewer's verdict can be written back in place.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ROOT, scannedFiles } from './strings'

export interface CatalogEntry {
  file: string
  key: string
  zh: string
  text: string
  reviewed: boolean
}

interface Located extends CatalogEntry {
  /** The whole value (`m('…')` or `{ text: '…', reviewed: false }`) in the source. */
  start: number
  end: number
}

export const catalogFiles = () => scannedFiles().filter((file) => file.endsWith('/mn-Mong.ts'))

function zhCatalog(file: string): Record<string, string> {
  const zhFile = path.resolve(ROOT, file.replace(/mn-Mong\.ts$/, 'zh-Hans.ts'))
  const exported = Object.values(require(zhFile) as Record<string, unknown>).find((v) => typeof v === 'object' && v !== null)
  return (exported ?? {}) as Record<string, string>
}

function locate(file: string, source: string): Located[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true)
  const zh = zhCatalog(file)
  const found: Located[] = []
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && node.name.text.includes('.')) {
      const value = node.initializer
      const key = node.name.text
      const base = { file, key, zh: zh[key] ?? '', start: value.getStart(), end: value.getEnd() }
      if (ts.isCallExpression(value) && value.arguments.length === 1 && ts.isStringLiteralLike(value.arguments[0])) {
        found.push({ ...base, text: value.arguments[0].text, reviewed: false })
        return
      }
      if (ts.isObjectLiteralExpression(value)) {
        const prop = (name: string) => value.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer
        const text = prop('text')
        const reviewed = prop('reviewed')
        if (text && ts.isStringLiteralLike(text)) {
          found.push({ ...base, text: text.text, reviewed: reviewed?.kind === ts.SyntaxKind.TrueKeyword })
          return
        }
      }
    }
    node.forEachChild(visit)
  }
  visit(parsed)
  return found
}

export function catalogEntries(): CatalogEntry[] {
  return catalogFiles().flatMap((file) => locate(file, readFileSync(path.resolve(ROOT, file), 'utf8')).map(({ start: _s, end: _e, ...entry }) => entry))
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

/**
 * Writes entries back: new text, and reviewed true or false. A reviewed entry is written as
 * `{ text, reviewed: true }`; an unreviewed one keeps the file's short form when it has one.
 * Returns the keys not found.
 */
export function writeEntries(updates: Array<{ file: string; key: string; text?: string; reviewed?: boolean }>): string[] {
  const missing: string[] = []
  const byFile = new Map<string, typeof updates>()
  for (const update of updates) byFile.set(update.file, [...(byFile.get(update.file) ?? []), update])
  for (const [file, fileUpdates] of byFile) {
    const full = path.resolve(ROOT, file)
    let source = readFileSync(full, 'utf8')
    const located = new Map(locate(file, source).map((entry) => [entry.key, entry]))
    const shortForm = /\nconst m = \(text: string\)/.test(source)
    const edits = fileUpdates.flatMap((update) => {
      const entry = located.get(update.key)
      if (!entry) {
        missing.push(`${file} ${update.key}`)
        return []
      }
      const text = update.text ?? entry.text
      const reviewed = update.reviewed ?? entry.reviewed
      const value = !reviewed && shortForm ? `m(${quote(text)})` : `{ text: ${quote(text)}, reviewed: ${reviewed} }`
      return [{ start: entry.start, end: entry.end, value }]
    })
    for (const edit of edits.sort((a, b) => b.start - a.start)) source = source.slice(0, edit.start) + edit.value + source.slice(edit.end)
    writeFileSync(full, source)
  }
  return missing
}
