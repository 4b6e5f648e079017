// The action list as a developer or an auditor sees it: the output of `npm run cloud -- actions
// --json` (built from each contract by scripts/build-functions.ts). The generated suites walk it,
// so an action added to a contract is tested without anyone remembering to list it.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Scope } from '../../src/core/contract'
import type { Role } from '../../src/core/roles'

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  pattern?: string
  format?: string
  maxLength?: number
  [key: string]: unknown
}

export interface ListedAction {
  /** `function.action`, the key of the input table. */
  key: string
  function: string
  action: string
  summary: string
  roles: Role[]
  scope: Scope
  input: JsonSchema
}

const root = path.resolve(__dirname, '..', '..')

export function listActions(): ListedAction[] {
  const stdout = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'cloud.ts'), 'actions', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  const functions = JSON.parse(stdout) as Array<{ function: string; actions: Array<{ name: string; summary: string; roles: Role[]; scope: Scope; input: JsonSchema }> }>
  return functions.flatMap((f) => f.actions.map((a) => ({ key: `${f.function}.${a.name}`, function: f.function, action: a.name, summary: a.summary, roles: a.roles, scope: a.scope, input: a.input })))
}
