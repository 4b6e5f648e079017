// Discovers deployable cloud-function folders: <functionsDir>/<name>/index.js plus an optional
// config.json ({ timeout, memorySize, envVariables, triggers: [{ name, type: "timer", config }] })
// the same file WeChat DevTools uploads. Re-read on every lookup so a rebuild is picked up
// without restarting the emulator.

import fs from 'fs'
import path from 'path'

export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

export interface FunctionConfig {
  /** seconds; the cloud's default is 3 */
  timeout: number
  memorySize: number
  envVariables: Record<string, string>
  triggers: TimerTrigger[]
}

export interface FunctionInfo {
  name: string
  dir: string
  entry: string
  /** changes when index.js changes; warm instances of an older version are retired */
  version: string
  config: FunctionConfig
}

export const DEFAULT_TIMEOUT_S = 3
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/

function readConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json')
  let raw: Record<string, unknown> = {}
  if (fs.existsSync(file)) {
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    } catch (e) {
      throw new Error(`${file}: invalid JSON (${(e as Error).message})`)
    }
  }
  const timeout = typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout : DEFAULT_TIMEOUT_S
  const memorySize = typeof raw.memorySize === 'number' && raw.memorySize > 0 ? raw.memorySize : 256
  const envVariables: Record<string, string> = {}
  if (raw.envVariables && typeof raw.envVariables === 'object') {
    for (const [k, v] of Object.entries(raw.envVariables as Record<string, unknown>)) envVariables[k] = String(v)
  }
  const triggers: TimerTrigger[] = []
  if (Array.isArray(raw.triggers)) {
    for (const t of raw.triggers as Array<Record<string, unknown>>) {
      if (t && t.type === 'timer' && typeof t.name === 'string' && typeof t.config === 'string') {
        triggers.push({ name: t.name, type: 'timer', config: t.config })
      }
    }
  }
  return { timeout, memorySize, envVariables, triggers }
}

export class FunctionRegistry {
  constructor(readonly dir: string | undefined) {}

  get(name: string): FunctionInfo | undefined {
    if (!this.dir || !NAME.test(name)) return undefined
    const dir = path.join(this.dir, name)
    const entry = path.join(dir, 'index.js')
    let st: fs.Stats
    try {
      st = fs.statSync(entry)
    } catch {
      return undefined
    }
    return { name, dir, entry, version: `${st.mtimeMs}:${st.size}`, config: readConfig(dir) }
  }

  list(): FunctionInfo[] {
    if (!this.dir || !fs.existsSync(this.dir)) return []
    return fs
      .readdirSync(this.dir)
      .sort()
      .map((n) => this.get(n))
      .filter((f): f is FunctionInfo => f !== undefined)
  }
}
