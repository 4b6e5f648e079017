// Finds every Mongolian string in the repository — catalogs and code alike — with where it is
// (file, line, catalog key or property path) and where its text sits in the file, so the lint can
// say what to change and the fixer can change it in place. TypeScript's own parser reads the
// sources, so quotes, escapes and `${…}` in templates are never guessed at.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export const ROOT = path.resolve(__dirname, '../..')

/** Traditional Mongolian letters (U+1820–U+18AF): a string holding one is Mongolian. */
export const MONGOLIAN_LETTER = /[\u1820-\u18AF]/

const SCANNED_DIRS = ['src', 'cloudfunctions', 'scripts', 'emulator', 'test', 'config']
const SCANNED_EXTENSIONS = /\.(ts|tsx|js|cjs|mjs|json)$/
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.temp', 'coverage', 'screenshots'])

/**
 * Files that hold wrong Mongolian on purpose, each with why. Everything else is linted.
 */
export const UNLINTED_FILES: Record<string, string> = {
  'src/i18n/glossary.ts': 'lists the banned variants of each term, so the lint and fixer know them',
  'scripts/mongolian/': 'the lint, fixer and review tools name the wrong forms they look for',
  'test/unit/mongolian-lint.test.ts': 'feeds the rules wrong Mongolian to prove each rule catches it',
  'src/core/jurisdiction/alias.ts': 'address-matching data, not text: the endings residents type, old spellings (ᠬᠣᠷᠢᠶᠠ) and all, after separators are removed',
  'test/unit/mongolian-review.test.ts': 'builds a sample catalog and a CSV with Chinese and Mongolian cells side by side',
  'test/unit/mediation-risk.test.ts': 'feeds risk screening Mongolian as residents type it (plain spaces, no U+180E, ᠤ for ᠣ)',
  'test/integration/content-security.test.ts': 'puts a Chinese risky word into a Mongolian field on purpose, to prove content security reads both languages',
}

/** One piece of a string literal's text: where it is in the file, and its value. */
export interface Piece {
  start: number
  end: number
  text: string
  /** The value of the constant right before this piece in a template, when it is one. */
  after?: string
}

export interface MongolianString {
  file: string
  line: number
  /** The catalog key or the property path the string sits under (`tie`, `title.mn`), or '' */
  key: string
  /** The text as a reader sees it; `${expr}` in a template becomes `{expr}`. */
  text: string
  /** The Chinese beside it, for `{ zh: '…', mn: '…' }` pairs in code and data. */
  zh?: string
  /** The literal parts of the source, for the fixer (placeholders are not in them). */
  pieces: Piece[]
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED_DIRS.has(entry.name)) return []
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return SCANNED_EXTENSIONS.test(entry.name) ? [full] : []
  })
}

export function scannedFiles(): string[] {
  return SCANNED_DIRS.flatMap((dir) => walk(path.join(ROOT, dir)))
    .map((file) => path.relative(ROOT, file))
    .filter((file) => !Object.keys(UNLINTED_FILES).some((unlinted) => (unlinted.endsWith('/') ? file.startsWith(unlinted) : file === unlinted)))
    .sort()
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText()
}

/** The property names from the string up to the nearest catalog-like key, innermost last. */
function keyOf(node: ts.Node): string {
  const names: string[] = []
  for (let at: ts.Node | undefined = node.parent; at && names.length < 3; at = at.parent) {
    if (ts.isPropertyAssignment(at)) {
      const name = propertyName(at.name)
      if (name !== 'text') names.unshift(name)
      if (name.includes('.')) break
    } else if (ts.isVariableDeclaration(at) || ts.isFunctionDeclaration(at)) {
      if (at.name && names.length === 0) names.unshift(at.name.getText())
      break
    }
  }
  return names.join('.')
}

function chineseBeside(node: ts.Node): string | undefined {
  const assignment = node.parent
  if (!assignment || !ts.isPropertyAssignment(assignment) || propertyName(assignment.name) !== 'mn' || !ts.isObjectLiteralExpression(assignment.parent)) return undefined
  const zh = assignment.parent.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p.name) === 'zh')?.initializer
  return zh && ts.isStringLiteralLike(zh) ? zh.text : undefined
}

function fromTypeScript(file: string, source: string): MongolianString[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: MongolianString[] = []
  // Constants a template inlines (`${DISPUTE} ᠢ`): the lint reads the sentence with their words.
  const constants = new Map<string, string>()
  for (const statement of parsed.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer
      if (ts.isIdentifier(declaration.name) && init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) constants.set(declaration.name.text, init.text)
    }
  }
  // A Mongolian catalog's strings are linted even without a letter ('{counter} （{place}）').
  const catalog = file.endsWith('mn-Mong.ts')
  const add = (node: ts.Node, text: string, pieces: Piece[]) => {
    if (!MONGOLIAN_LETTER.test(text) && !(catalog && /[^\x00-\x7F]/.test(text))) return
    const line = parsed.getLineAndCharacterOfPosition(node.getStart()).line + 1
    found.push({ file, line, key: keyOf(node), text, pieces, zh: chineseBeside(node) })
  }
  // The raw text between the delimiters: what the fixer may rewrite.
  const piece = (start: number, end: number): Piece => ({ start, end, text: source.slice(start, end) })
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      add(node, node.text, [piece(node.getStart() + 1, node.getEnd() - 1)])
      return
    }
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text
      const pieces = [piece(node.head.getStart() + 1, node.head.getEnd() - 2)]
      for (const span of node.templateSpans) {
        const constant = ts.isIdentifier(span.expression) ? constants.get(span.expression.text) : undefined
        text += (constant ?? `{${span.expression.getText()}}`) + span.literal.text
        const tail = ts.isTemplateTail(span.literal)
        pieces.push({ ...piece(span.literal.getStart() + 1, span.literal.getEnd() - (tail ? 1 : 2)), after: constant })
        visit(span.expression)
      }
      add(node, text, pieces)
      return
    }
    node.forEachChild(visit)
  }
  visit(parsed)
  return found
}

function fromJson(file: string, source: string): MongolianString[] {
  const found: MongolianString[] = []
  // JSON strings hold Mongolian letters unescaped; find each string token with its offset.
  const token = /"((?:[^"\\]|\\.)*)"(\s*:)?/g
  let lastKey = ''
  let lastZh: string | undefined
  for (let match = token.exec(source); match; match = token.exec(source)) {
    if (match[2]) {
      lastKey = match[1]
      continue
    }
    const text = JSON.parse(`"${match[1]}"`) as string
    if (lastKey === 'zh') lastZh = text
    if (!MONGOLIAN_LETTER.test(text) || text !== match[1]) continue
    const line = source.slice(0, match.index).split('\n').length
    const zh = lastKey === 'mn' ? lastZh : undefined
    found.push({ file, line, key: lastKey, text, zh, pieces: [{ start: match.index + 1, end: match.index + 1 + match[1].length, text: match[1] }] })
  }
  return found
}

export function mongolianStringsIn(file: string, source = readFileSync(path.join(ROOT, file), 'utf8')): MongolianString[] {
  if (!MONGOLIAN_LETTER.test(source)) return []
  return file.endsWith('.json') ? fromJson(file, source) : fromTypeScript(file, source)
}

export function allMongolianStrings(): MongolianString[] {
  return scannedFiles().flatMap((file) => mongolianStringsIn(file))
}
