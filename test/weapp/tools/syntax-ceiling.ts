// The newest JavaScript syntax the oldest supported phone can parse (docs/weapp.md): iOS runs a
// mini-program's logic in the system's JavaScriptCore, and iOS 11 parses ES2017 but not object
// spread (ES2018), `?.` / `??` (ES2020) or a regex lookbehind (iOS 16.4). acorn checks regular
// expression literals against the same edition, so a lookbehind fails below ES2018 too.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import { filesOf } from './wechat-compilers'

export const SYNTAX_CEILING = 2017

export interface SyntaxViolation {
  file: string
  message: string
}

/** Every .js file under `dir` that does not parse at the ceiling, with acorn's message and position. */
export function filesAboveCeiling(dir: string, ecmaVersion: typeof SYNTAX_CEILING = SYNTAX_CEILING): SyntaxViolation[] {
  const violations: SyntaxViolation[] = []
  for (const file of filesOf(dir, '.js')) {
    try {
      parse(readFileSync(path.join(dir, file), 'utf8'), { ecmaVersion, sourceType: 'script', allowHashBang: false })
    } catch (err) {
      violations.push({ file, message: err instanceof Error ? err.message : String(err) })
    }
  }
  return violations
}
