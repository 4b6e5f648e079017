// Command line for the emulator: `npm run cloud -- <command>` (tsx emulator/cli.ts).
// Defaults come from emulator.config.json in the cwd. Commands that act on data talk to a
// running emulator (on the configured port, or found through its data dir) over HTTP when there is one, otherwise they open the
// data dir in-process and exit.

import fs from 'fs'
import path from 'path'
import { pathToFileURL } from 'url'
import { encodeValue } from './ejson'
import { Emulator, EmulatorOptions, SERVING_FILE, startEmulator } from './index'

interface Config {
  functionsDir?: string
  dataDir: string
  seed?: string
  port: number
  host?: string
  envId?: string
  staticDir?: string
  appId?: string
}

const USAGE = `usage: npm run cloud -- <command> [options]

commands:
  serve [--port N] [--host H] [--static DIR] [--timers]   run the emulator until Ctrl-C
  call <function> ['<json>'] [--as <openid>]              invoke a function, print its result
  actions [--json]                                        list functions and their actions
  seed [--module FILE]                                    reset the data and load the seed module
  reset                                                   wipe all data
  outbox                                                  print openapi calls (messages sent)
  timers run <function> [trigger]                         fire a timer trigger now
  stats                                                   request/write counters of the running emulator

global options: --config FILE  --data DIR  --functions DIR  --port N  --env ID`

class CliError extends Error {}

function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = []
  const flags: Record<string, string | true> = {}
  const boolean = new Set(['timers', 'json', 'help'])
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2)
      if (v !== undefined) flags[k] = v
      else if (boolean.has(k) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags[k] = true
      else flags[k] = argv[++i]
    } else if (a === '-h') flags.help = true
    else positional.push(a)
  }
  return { positional, flags }
}

function str(v: string | true | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function loadConfig(flags: Record<string, string | true>): Config {
  const file = path.resolve(str(flags.config) ?? 'emulator.config.json')
  let raw: Partial<Config> = {}
  if (fs.existsSync(file)) {
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Config>
    } catch (e) {
      throw new CliError(`${file}: ${(e as Error).message}`)
    }
  } else if (flags.config) {
    throw new CliError(`config file ${file} not found`)
  }
  const port = str(flags.port) ?? raw.port ?? 10087
  const n = Number(port)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`invalid port ${port}`)
  return {
    functionsDir: str(flags.functions) ?? raw.functionsDir,
    dataDir: str(flags.data) ?? raw.dataDir ?? '.localcloud',
    seed: str(flags.module) ?? raw.seed,
    port: n,
    host: str(flags.host) ?? raw.host,
    envId: str(flags.env) ?? raw.envId,
    staticDir: str(flags.static) ?? raw.staticDir,
    appId: raw.appId,
  }
}

function baseUrl(cfg: Config): string {
  return `http://127.0.0.1:${cfg.port}`
}

/** The health answer of an emulator at `url`, if one answers there. */
async function health(url: string): Promise<{ ok?: boolean; pid?: number } | undefined> {
  try {
    const r = await fetch(`${url}/__emulator/health`, { signal: AbortSignal.timeout(1000) })
    if (!r.ok) return undefined
    const body = (await r.json()) as { ok?: boolean; pid?: number }
    return body.ok === true ? body : undefined
  } catch {
    return undefined
  }
}

/**
 * The running emulator, if any: the one on the configured port, else the one serving the data dir
 * on whatever port it was given (`PORT=8080 npm start`), which wrote its address into the data
 * dir. Its pid must be the data dir's lock holder: after a kill -9 the address may be stale and
 * another emulator, on other data, may answer there now.
 */
async function running(cfg: Config): Promise<string | undefined> {
  if (cfg.port !== 0 && (await health(baseUrl(cfg)))) return baseUrl(cfg)
  const servingFile = path.resolve(cfg.dataDir, SERVING_FILE)
  const lockFile = path.resolve(cfg.dataDir, 'LOCK')
  if (!fs.existsSync(servingFile) || !fs.existsSync(lockFile)) return undefined
  const url = fs.readFileSync(servingFile, 'utf8').trim()
  if (!/^http:\/\/[^/]+$/.test(url)) return undefined
  const answer = await health(url)
  return answer && answer.pid === Number(fs.readFileSync(lockFile, 'utf8').trim()) ? url : undefined
}

async function http(url: string, method: 'GET' | 'POST', body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const r = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await r.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new CliError(`${method} ${url}: HTTP ${r.status} ${text.slice(0, 200)}`)
  }
  if (!r.ok) {
    const j = json as { message?: string; errMsg?: string }
    throw new CliError(j.message ?? j.errMsg ?? `HTTP ${r.status}`)
  }
  return json
}

function emulatorOptions(cfg: Config, extra: Partial<EmulatorOptions> = {}): EmulatorOptions {
  return {
    dataDir: cfg.dataDir,
    functionsDir: cfg.functionsDir,
    envId: cfg.envId,
    appId: cfg.appId,
    port: 0,
    ...extra,
  }
}

async function withLocal<T>(cfg: Config, fn: (emu: Emulator) => Promise<T>): Promise<T> {
  let emu: Emulator
  try {
    emu = await startEmulator(emulatorOptions(cfg))
  } catch (e) {
    throw new CliError((e as Error).message)
  }
  try {
    return await fn(emu)
  } finally {
    await emu.stop()
  }
}

function print(v: unknown): void {
  process.stdout.write(JSON.stringify(v, null, 2) + '\n')
}

function functionErrorText(e: unknown): string {
  const err = e as { errCode?: number; message?: string }
  return err.errCode !== undefined ? `errCode ${err.errCode}: ${err.message}` : String(err.message ?? e)
}

async function cmdServe(cfg: Config, flags: Record<string, string | true>): Promise<void> {
  const serving = await running(cfg)
  if (serving) throw new CliError(`an emulator is already serving at ${serving}; stop it (Ctrl-C in its terminal) or use another --data dir`)
  let emu: Emulator
  try {
    emu = await startEmulator({
      ...emulatorOptions(cfg),
      port: cfg.port,
      host: cfg.host,
      staticDir: cfg.staticDir,
      timers: flags.timers === true,
      log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 23)} ${line}\n`),
    })
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    throw new CliError(err.code === 'EADDRINUSE' ? `port ${cfg.port} is already in use` : err.message)
  }
  const fnCount = cfg.functionsDir && fs.existsSync(cfg.functionsDir) ? fs.readdirSync(cfg.functionsDir).filter((n) => fs.existsSync(path.join(cfg.functionsDir!, n, 'index.js'))).length : 0
  process.stdout.write(
    [
      'CloudBase emulator',
      `  env:        ${emu.envId}`,
      `  serviceUrl: ${emu.serviceUrl}`,
      `  gateway:    POST ${emu.url}/gateway/call  (header x-wx-openid)`,
      `  admin:      ${emu.url}/__emulator/stats`,
      `  functions:  ${cfg.functionsDir ?? '(none)'} (${fnCount})`,
      `  data:       ${path.resolve(cfg.dataDir)}`,
      cfg.staticDir ? `  static:     ${path.resolve(cfg.staticDir)} at ${emu.url}/` : '',
      `  timers:     ${flags.timers === true ? 'on' : 'off (use --timers)'}`,
      `ready: ${emu.url}`,
      '',
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n',
  )
  const shutdown = (): void => {
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  await new Promise(() => undefined)
}

async function cmdCall(cfg: Config, positional: string[], flags: Record<string, string | true>): Promise<void> {
  const [name, json] = positional
  if (!name) throw new CliError('usage: call <function> [\'<json>\'] [--as <openid>]')
  let data: unknown = {}
  if (json !== undefined) {
    try {
      data = JSON.parse(json)
    } catch {
      throw new CliError(`data is not valid JSON: ${json}`)
    }
  }
  const openid = str(flags.as)
  const remote = await running(cfg)
  if (remote) {
    const r = (await http(`${remote}/gateway/call`, 'POST', { name, data }, openid ? { 'x-wx-openid': openid } : {})) as { result?: unknown; errCode?: number; errMsg?: string }
    if (r.errCode !== undefined && r.errCode !== 0) throw new CliError(`errCode ${r.errCode}: ${r.errMsg}`)
    return print(r.result)
  }
  if (!cfg.functionsDir) throw new CliError('no functionsDir configured (emulator.config.json or --functions)')
  await withLocal(cfg, async (emu) => {
    try {
      print(await emu.call(name, data, { openid }))
    } catch (e) {
      throw new CliError(functionErrorText(e))
    }
  })
}

interface ActionsFile {
  function?: string
  actions?: Array<{ name: string; roles?: string[]; scope?: string; input?: unknown }>
}

function inputSummary(schema: unknown): string {
  const s = schema as { properties?: Record<string, unknown>; required?: string[] } | undefined
  if (!s || typeof s !== 'object' || !s.properties) return ''
  const req = new Set(s.required ?? [])
  return Object.keys(s.properties)
    .map((k) => (req.has(k) ? k : `${k}?`))
    .join(', ')
}

function cmdActions(cfg: Config, flags: Record<string, string | true>): void {
  const dir = cfg.functionsDir
  if (!dir || !fs.existsSync(dir)) throw new CliError(`functions dir ${dir ?? '(not configured)'} not found; build the functions first`)
  const all: ActionsFile[] = []
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'actions.json')
    if (!fs.existsSync(file)) continue
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ActionsFile
      all.push({ ...parsed, function: parsed.function ?? name })
    } catch (e) {
      throw new CliError(`${file}: ${(e as Error).message}`)
    }
  }
  if (flags.json === true) return print(all)
  const rows: string[][] = [['FUNCTION', 'ACTION', 'ROLES', 'SCOPE', 'INPUT']]
  for (const f of all) for (const a of f.actions ?? []) rows.push([f.function ?? '', a.name, (a.roles ?? []).join(','), a.scope ?? '', inputSummary(a.input)])
  if (rows.length === 1) {
    process.stdout.write(`no actions.json found under ${dir}\n`)
    return
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  for (const r of rows) process.stdout.write(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n')
}

async function loadSeed(file: string): Promise<Record<string, object[]>> {
  const abs = path.resolve(file)
  if (!fs.existsSync(abs)) throw new CliError(`seed module ${abs} not found`)
  let mod: Record<string, unknown>
  try {
    mod = require(abs) as Record<string, unknown>
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw e
    mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>
  }
  let value: unknown = mod.default ?? mod
  if (typeof value === 'function') value = await (value as () => unknown)()
  if (!value || typeof value !== 'object' || Object.values(value).some((v) => !Array.isArray(v))) {
    throw new CliError(`seed module ${file} must export (default) Record<string, object[]> or a function returning it`)
  }
  return value as Record<string, object[]>
}

async function cmdSeed(cfg: Config): Promise<void> {
  if (!cfg.seed) throw new CliError('no seed module configured (emulator.config.json "seed" or --module)')
  const collections = await loadSeed(cfg.seed)
  const counts = Object.fromEntries(Object.entries(collections).map(([k, v]) => [k, v.length]))
  const remote = await running(cfg)
  if (remote) {
    await http(`${remote}/__emulator/seed`, 'POST', { reset: true, collections: encodeValue(collections) })
  } else {
    await withLocal(cfg, async (emu) => {
      await emu.reset()
      await emu.seed(collections)
    })
  }
  process.stdout.write(`seeded ${remote ? `running emulator ${remote}` : path.resolve(cfg.dataDir)}: ${JSON.stringify(counts)}\n`)
}

async function main(argv: string[]): Promise<void> {
  const { positional, flags } = parseArgs(argv)
  const [cmd, ...rest] = positional
  if (!cmd || flags.help) {
    process.stdout.write(USAGE + '\n')
    if (!cmd && !flags.help) process.exitCode = 1
    return
  }
  const cfg = loadConfig(flags)
  switch (cmd) {
    case 'serve':
      return cmdServe(cfg, flags)
    case 'call':
      return cmdCall(cfg, rest, flags)
    case 'actions':
      return cmdActions(cfg, flags)
    case 'seed':
      return cmdSeed(cfg)
    case 'reset': {
      const remote = await running(cfg)
      if (remote) await http(`${remote}/__emulator/reset`, 'POST', {})
      else await withLocal(cfg, (emu) => emu.reset())
      process.stdout.write(`reset ${remote ?? path.resolve(cfg.dataDir)}\n`)
      return
    }
    case 'outbox': {
      const remote = await running(cfg)
      const entries: unknown = remote ? await http(`${remote}/__emulator/outbox`, 'GET') : await withLocal(cfg, async (emu) => emu.outbox())
      return print(entries)
    }
    case 'timers': {
      const [sub, fn, trigger] = rest
      if (sub !== 'run' || !fn) throw new CliError('usage: timers run <function> [trigger]')
      const remote = await running(cfg)
      if (remote) {
        const r = (await http(`${remote}/__emulator/timers/run`, 'POST', { name: fn, trigger })) as { result?: unknown; errCode?: number; errMsg?: string }
        if (r.errCode !== undefined) throw new CliError(`errCode ${r.errCode}: ${r.errMsg}`)
        return print(r.result)
      }
      return withLocal(cfg, async (emu) => {
        try {
          print(await emu.runTimer(fn, trigger))
        } catch (e) {
          throw new CliError(functionErrorText(e))
        }
      })
    }
    case 'stats': {
      const remote = await running(cfg)
      if (!remote) throw new CliError(`no emulator is serving on port ${cfg.port} or for ${path.resolve(cfg.dataDir)} (stats are counted by a running emulator)`)
      return print(await http(`${remote}/__emulator/stats`, 'GET'))
    }
    default:
      throw new CliError(`unknown command "${cmd}"\n${USAGE}`)
  }
}

main(process.argv.slice(2)).then(
  // `serve` never resolves; other commands may leave idle sockets/timers, so exit explicitly, once
  // stdout is flushed (a pipe takes a long answer, like `actions --json`, in several writes)
  () => process.stdout.write('', () => process.exit(process.exitCode ?? 0)),
  (e: unknown) => {
    const msg = e instanceof CliError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)
    process.stderr.write(`cloud: ${msg}\n`)
    process.exit(1)
  },
)
