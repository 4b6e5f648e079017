// Guards on the zod the weapp ships (docs/performance.md › "The main package and zod"). Classic
// `zod` costs about 100 KB of the main package; `zod/mini` builds the same schemas for about a
// fifth. The client parses every answer and stored draft, so one schema written with classic zod
// under src/ would bring the 100 KB back: nothing under src/ may import it. And zod's English
// locale, which the functions load for their issue messages (src/core/issue-messages.ts), must
// not be reachable from the client's own code.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(__dirname, '..', '..')
const src = path.join(root, 'src')
const ISSUE_MESSAGES = path.join(src, 'core', 'issue-messages.ts')

/** The zod entries a module under src/ may import: mini, core (types and the shared engine) and the locales. */
const ALLOWED_ZOD = new Set(['zod/mini', 'zod/v4/mini', 'zod/v4-mini', 'zod/v4/core', 'zod/locales', 'zod/v4/locales'])
const isAllowedZod = (spec: string) => ALLOWED_ZOD.has(spec) || spec.startsWith('zod/v4/locales/')

/** Every module specifier a file names: static imports and exports, `import type`, import() and require(). */
function specifiersOf(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text)
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const [first] = node.arguments
      if (first && ts.isStringLiteralLike(first)) found.push(first.text)
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** The zod specifiers of a file that are not zod/mini (or core). */
export function classicZodImports(fileName: string, text: string): string[] {
  return specifiersOf(fileName, text).filter((s) => (s === 'zod' || s.startsWith('zod/')) && !isAllowedZod(s))
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })

const resolveRelative = (from: string, spec: string): string | null => {
  const base = path.resolve(path.dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate
  }
  return null
}

/** Files reachable from `entries` through relative imports (what the client bundles of src/). */
function reachableFrom(entries: string[]): Map<string, string> {
  const via = new Map<string, string>(entries.map((e) => [e, e]))
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.pop()!
    for (const spec of specifiersOf(file, readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue
      const target = resolveRelative(file, spec)
      if (target && !via.has(target)) {
        via.set(target, file)
        queue.push(target)
      }
    }
  }
  return via
}

describe('the detector of classic zod imports', () => {
  it.each([
    ["import * as z from 'zod'", ['zod']],
    ["import { z } from 'zod'", ['zod']],
    ["import type { ZodType } from 'zod'", ['zod']],
    ["export { object } from 'zod/v4'", ['zod/v4']],
    ["const z = require('zod/v4/classic')", ['zod/v4/classic']],
    ["const load = () => import('zod')", ['zod']],
    ["type T = import('zod').ZodType", ['zod']],
    ["import * as z from 'zod/mini'", []],
    ["import type * as core from 'zod/v4/core'", []],
    ["import { en } from 'zod/locales'", []],
    ["import { z } from 'zod/v3'", ['zod/v3']],
    ["import zodish from 'zodish'", []],
  ])('finds the classic entries in %s', (source, expected) => {
    expect(classicZodImports('sample.ts', source)).toEqual(expected)
  })
})

describe('src/ (what the weapp and h5 builds bundle)', () => {
  const files = sourceFiles(src)

  it('imports zod only as zod/mini', () => {
    expect(files.length).toBeGreaterThan(100)
    const offenders = files.flatMap((file) => classicZodImports(file, readFileSync(file, 'utf8')).map((spec) => `${path.relative(root, file)}: '${spec}'`))
    expect(offenders).toEqual([])
  })

  it("never reaches zod's English locale from the client's pages, packages, services and components", () => {
    const clientEntries = files.filter((file) => !file.startsWith(path.join(src, 'core') + path.sep))
    const reached = reachableFrom(clientEntries)
    expect(reached.size).toBeGreaterThan(clientEntries.length)
    const chain: string[] = []
    for (let at: string | undefined = ISSUE_MESSAGES; at && reached.has(at); at = reached.get(at) === at ? undefined : reached.get(at)) chain.push(path.relative(root, at))
    expect(chain).toEqual([])
  })

  it('keeps the English locale where the functions and the jurisdiction import load it', () => {
    const importers = files.filter((file) => specifiersOf(file, readFileSync(file, 'utf8')).some((spec) => resolveRelative(file, spec) === ISSUE_MESSAGES))
    expect(importers.map((file) => path.relative(root, file))).toContain('src/core/jurisdiction/validate.ts')
    const runtime = readFileSync(path.join(root, 'cloudfunctions', '_shared', 'runtime.ts'), 'utf8')
    expect(specifiersOf('runtime.ts', runtime)).toContain('../../src/core/issue-messages')
  })
})
