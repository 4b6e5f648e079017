// Runs cloud functions the way SCF does, closely enough for wx-server-sdk to behave as in production:
// - each instance is a worker thread (own module cache and own process.env) that loads the
//   function once and serves one invocation at a time; a per-function pool grows up to a cap and
//   reuses warm instances;
// - the instance environment carries what the SCF runtime injects (TENCENTCLOUD_RUNENV=SCF,
//   TCB_ENV/SCF_NAMESPACE, TENCENTCLOUD_SECRETID/KEY/SESSIONTOKEN, TENCENTCLOUD_REGION) plus
//   TCB_CONTEXT_CNFG={"URL": <emulator service url>}, which the node SDK's getServerInjectUrl()
//   uses as the API endpoint, so `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` talks to us;
// - per invocation it sets WX_CONTEXT_KEYS, WX_OPENID, WX_APPID, WX_UNIONID, WX_CLIENTIP,
//   WX_API_TOKEN, TCB_SOURCE (read by cloud.getWXContext() and sent back by the SDK), enforces
//   config.json's timeout by terminating the worker, and maps exceptions to the cloud's errors.

import crypto from 'crypto'
import fs from 'fs'
import path from 'path'
import { Readable } from 'stream'
import { Worker } from 'worker_threads'
import { FN_ERR, FunctionError } from './errors'
import { FunctionInfo, FunctionRegistry } from './function-registry'
import type { QueryOrigin } from './database/index-advisor'

export interface CallerContext {
  openid?: string
  appid?: string
  unionid?: string
  clientIp?: string
  source?: string
  /** set for timer-trigger invocations */
  timer?: boolean
}

export interface FunctionsHostOptions {
  registry: FunctionRegistry
  envId: string
  appId: string
  region: string
  /** URL the SDK inside functions must call (the emulator's service endpoint) */
  serviceUrl: () => string
  /** a shorter time limit for this invocation (fault injection), in ms */
  timeoutOverride?: (fn: string) => number | undefined
  maxInstancesPerFunction: number
  /** directories holding node_modules used to resolve the functions' bare requires */
  modulePaths: string[]
  /** environment variables for every function, over config.json's envVariables (per-environment settings) */
  functionEnv?: Record<string, string>
  log: (line: string) => void
}

interface Pending {
  id: string
  event: unknown
  caller: CallerContext
  resolve: (json: string | undefined) => void
  reject: (e: Error) => void
}

interface WorkerMessage {
  type: 'ready' | 'result' | 'crash'
  id?: string | null
  ok?: boolean
  json?: string
  error?: { name: string; message: string; stack?: string }
}

const WORKER_FILE = path.join(__dirname, 'function-worker.cjs')

class Instance {
  readonly worker: Worker
  readonly ready: Promise<void>
  busy = false
  dead = false
  current: { pending: Pending; timer: NodeJS.Timeout | null } | null = null

  constructor(
    readonly info: FunctionInfo,
    env: Record<string, string>,
    modulePaths: string[],
    onExit: (inst: Instance) => void,
  ) {
    this.worker = new Worker(WORKER_FILE, {
      workerData: { functionDir: info.dir, modulePaths },
      env,
      execArgv: [],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, info.config.memorySize) },
    })
    pipePrefixed(this.worker.stdout, process.stdout, `[fn:${info.name}] `)
    pipePrefixed(this.worker.stderr, process.stderr, `[fn:${info.name}] `)
    this.ready = new Promise((resolve, reject) => {
      const onMsg = (m: WorkerMessage): void => {
        if (m.type === 'ready') {
          this.worker.off('message', onMsg)
          resolve()
        }
      }
      this.worker.on('message', onMsg)
      this.worker.once('exit', () => reject(new Error('function instance exited during start-up')))
    })
    this.ready.catch(() => undefined)
    this.worker.on('message', (m: WorkerMessage) => this.onMessage(m))
    this.worker.on('error', (e) => this.fail(e.message, e.stack))
    this.worker.on('exit', () => {
      this.dead = true
      this.fail('function instance exited unexpectedly')
      onExit(this)
    })
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'ready' || !this.current || m.id !== this.current.pending.id) return
    if (m.type === 'crash') {
      this.fail(`${m.error?.name ?? 'Error'}: ${m.error?.message ?? 'uncaught exception'}`, m.error?.stack)
      return
    }
    const { pending, timer } = this.current
    if (timer) clearTimeout(timer)
    this.current = null
    this.busy = false
    if (m.ok) pending.resolve(m.json)
    else pending.reject(executeFail(m.error))
  }

  private fail(message: string, stack?: string): void {
    if (!this.current) return
    const { pending, timer } = this.current
    if (timer) clearTimeout(timer)
    this.current = null
    pending.reject(executeFail({ name: 'Error', message, stack }))
  }

  run(p: Pending, env: Record<string, string | undefined>, context: Record<string, unknown>, timeoutMs: number, onTimeout: () => void): void {
    this.busy = true
    const timer = setTimeout(() => {
      if (!this.current || this.current.pending !== p) return
      this.current = null
      p.reject(new FunctionError(FN_ERR.TIMEOUT, 'FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${timeoutMs / 1000} seconds`))
      onTimeout()
    }, timeoutMs)
    this.current = { pending: p, timer }
    try {
      this.worker.postMessage({ type: 'invoke', id: p.id, event: p.event, context, env })
    } catch (e) {
      // An event the thread transfer cannot copy (nested deeper than the host's stack): the call
      // fails at once as an execution error, instead of waiting out its time limit, and the
      // instance, which never saw it, stays in service.
      clearTimeout(timer)
      this.current = null
      this.busy = false
      p.reject(executeFail({ name: 'Error', message: `the event could not be passed to the function: ${(e as Error).message}` }))
    }
  }

  terminate(): Promise<number> {
    this.dead = true
    return this.worker.terminate()
  }
}

function executeFail(e: { name: string; message: string; stack?: string } | undefined): FunctionError {
  const err = new FunctionError(FN_ERR.EXECUTE_FAIL, 'FUNCTIONS_EXECUTE_FAIL', `${e?.name ?? 'Error'}: ${e?.message ?? 'unknown error'}`)
  if (e?.stack) err.stack = e.stack
  return err
}

function pipePrefixed(src: Readable, dst: NodeJS.WritableStream, prefix: string): void {
  let buf = ''
  src.setEncoding('utf8')
  src.on('data', (chunk: string) => {
    buf += chunk
    let i: number
    while ((i = buf.indexOf('\n')) >= 0) {
      dst.write(prefix + buf.slice(0, i + 1))
      buf = buf.slice(i + 1)
    }
  })
  src.on('end', () => {
    if (buf) dst.write(prefix + buf + '\n')
  })
}

class Pool {
  readonly instances: Instance[] = []
  readonly queue: Array<{ pending: Pending; info: FunctionInfo }> = []
}

const PASS_THROUGH_ENV = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_ENV', 'SystemRoot']

export class FunctionsHost {
  private readonly pools = new Map<string, Pool>()
  private readonly tokens = new Map<string, { caller: CallerContext; origin: QueryOrigin; expires: number }>()
  private stopped = false
  private readonly sweeper: NodeJS.Timeout

  constructor(private readonly opts: FunctionsHostOptions) {
    this.sweeper = setInterval(() => {
      const now = Date.now()
      for (const [t, v] of this.tokens) if (v.expires < now) this.tokens.delete(t)
    }, 30_000)
    this.sweeper.unref()
  }

  /** Caller context behind a WX_API_TOKEN sent by the SDK from inside a function. */
  callerOf(token: unknown): CallerContext | undefined {
    return typeof token === 'string' && token ? this.tokens.get(token)?.caller : undefined
  }

  /** Which function (and `action` field of its event) an SDK request with this token comes from. */
  originOf(token: unknown): QueryOrigin | undefined {
    return typeof token === 'string' && token ? this.tokens.get(token)?.origin : undefined
  }

  list(): FunctionInfo[] {
    return this.opts.registry.list()
  }

  get(name: string): FunctionInfo | undefined {
    return this.opts.registry.get(name)
  }

  /** Invoke; resolves with the JSON text of the return value (undefined when it returned nothing). */
  invoke(name: string, event: unknown, caller: CallerContext = {}): Promise<string | undefined> {
    if (this.stopped) return Promise.reject(new Error('emulator stopped'))
    let info: FunctionInfo | undefined
    try {
      info = this.opts.registry.get(name)
    } catch (e) {
      return Promise.reject(new FunctionError(FN_ERR.EXECUTE_FAIL, 'FUNCTIONS_EXECUTE_FAIL', (e as Error).message))
    }
    if (!info) {
      return Promise.reject(new FunctionError(FN_ERR.NOT_FOUND, 'FUNCTION_NOT_FOUND', `[ResourceNotFound.Function] function ${name} not found`))
    }
    const found = info
    return new Promise((resolve, reject) => {
      const pending: Pending = { id: crypto.randomBytes(16).toString('hex'), event, caller, resolve, reject }
      const pool = this.pool(name)
      pool.queue.push({ pending, info: found })
      this.dispatch(name)
    })
  }

  private pool(name: string): Pool {
    let p = this.pools.get(name)
    if (!p) this.pools.set(name, (p = new Pool()))
    return p
  }

  private baseEnv(info: FunctionInfo): Record<string, string> {
    const env: Record<string, string> = {}
    for (const k of PASS_THROUGH_ENV) if (process.env[k] !== undefined) env[k] = process.env[k] as string
    Object.assign(env, info.config.envVariables, this.opts.functionEnv, {
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_RUNTIME: 'Nodejs16.13',
      SCF_FUNCTIONNAME: info.name,
      SCF_FUNCTIONVERSION: '$LATEST',
      SCF_NAMESPACE: this.opts.envId,
      TCB_ENV: this.opts.envId,
      TENCENTCLOUD_REGION: this.opts.region,
      TENCENTCLOUD_SECRETID: 'local-emulator-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-emulator-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: 'local-emulator-session-token',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.opts.serviceUrl() }),
      SILENCE: 'true',
    })
    return env
  }

  private dispatch(name: string): void {
    const pool = this.pool(name)
    while (pool.queue.length > 0) {
      const { info } = pool.queue[0]
      // retire idle instances running an older build
      for (const inst of [...pool.instances]) {
        if (!inst.busy && inst.info.version !== info.version) this.retire(pool, inst)
      }
      let inst = pool.instances.find((i) => !i.busy && !i.dead)
      if (!inst) {
        if (pool.instances.length >= this.opts.maxInstancesPerFunction) return
        inst = new Instance(info, this.baseEnv(info), this.opts.modulePaths, (dead) => {
          this.remove(pool, dead)
          this.dispatch(name)
        })
        pool.instances.push(inst)
      }
      const job = pool.queue.shift()!
      this.start(name, pool, inst, job.pending, job.info)
    }
  }

  private start(name: string, pool: Pool, inst: Instance, p: Pending, info: FunctionInfo): void {
    inst.busy = true
    const token = crypto.randomBytes(24).toString('hex')
    const event = (p.event ?? {}) as { action?: unknown; TriggerName?: unknown }
    const action = typeof event.action === 'string' ? event.action : typeof event.TriggerName === 'string' ? `timer:${event.TriggerName}` : undefined
    const origin: QueryOrigin = { function: name, action }
    this.tokens.set(token, { caller: p.caller, origin, expires: Date.now() + info.config.timeout * 1000 + 60_000 })
    const env = invocationEnv(p.caller, this.opts.appId, token)
    const timeoutMs = this.opts.timeoutOverride?.(name) ?? Math.round(info.config.timeout * 1000)
    const context = scfContext(info, p.id, this.opts.envId, this.opts.region, env, timeoutMs)
    const started = Date.now()
    const done = (outcome: string): void => {
      this.opts.log(`[fn] ${name} ${outcome} ${Date.now() - started}ms${p.caller.openid ? ` as ${p.caller.openid}` : ''}`)
      this.dispatch(name)
    }
    const wrapped: Pending = {
      ...p,
      resolve: (json) => {
        p.resolve(json)
        done('ok')
      },
      reject: (e) => {
        p.reject(e)
        done(`failed: ${e.message.split('\n')[0]}`)
      },
    }
    inst.ready.then(
      () => {
        if (inst.dead) return wrapped.reject(executeFail({ name: 'Error', message: 'function instance exited during start-up' }))
        inst.run(wrapped, env, context, timeoutMs, () => this.retire(pool, inst))
      },
      (e: Error) => wrapped.reject(executeFail({ name: 'Error', message: e.message })),
    )
  }

  private retire(pool: Pool, inst: Instance): void {
    this.remove(pool, inst)
    void inst.terminate()
  }

  private remove(pool: Pool, inst: Instance): void {
    const i = pool.instances.indexOf(inst)
    if (i >= 0) pool.instances.splice(i, 1)
  }

  /**
   * Kills the instances of `name` that are running an invocation, the way a crash or an
   * out-of-memory kill would: their calls fail with -504002 and nothing after that point runs.
   * Answers how many were killed.
   */
  async crash(name: string): Promise<number> {
    const busy = this.pools.get(name)?.instances.filter((i) => i.busy && !i.dead) ?? []
    await Promise.allSettled(busy.map((i) => i.terminate()))
    return busy.length
  }

  stats(): Record<string, { instances: number; busy: number; queued: number }> {
    const out: Record<string, { instances: number; busy: number; queued: number }> = {}
    for (const [n, p] of this.pools) out[n] = { instances: p.instances.length, busy: p.instances.filter((i) => i.busy).length, queued: p.queue.length }
    return out
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.sweeper)
    const all: Promise<number>[] = []
    for (const pool of this.pools.values()) {
      for (const q of pool.queue) q.pending.reject(new Error('emulator stopped'))
      pool.queue.length = 0
      for (const inst of pool.instances) all.push(inst.terminate())
      pool.instances.length = 0
    }
    await Promise.allSettled(all)
  }
}

function invocationEnv(caller: CallerContext, appId: string, token: string): Record<string, string | undefined> {
  if (caller.timer) {
    // timer triggers carry no user; getWXContext() then returns only ENV
    return { TRIGGER_SRC: 'timer', WX_CONTEXT_KEYS: 'WX_TRIGGER_API_TOKEN_V0', WX_TRIGGER_API_TOKEN_V0: token, TCB_SOURCE: caller.source }
  }
  const keys = ['WX_CLIENTIP', 'WX_CLIENTIPV6', 'WX_APPID', 'WX_OPENID', 'WX_API_TOKEN']
  if (caller.unionid) keys.push('WX_UNIONID')
  return {
    WX_CONTEXT_KEYS: keys.join(','),
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid ?? appId,
    WX_UNIONID: caller.unionid,
    WX_CLIENTIP: caller.clientIp ?? '127.0.0.1',
    WX_CLIENTIPV6: '::ffff:127.0.0.1',
    WX_API_TOKEN: token,
    TCB_SOURCE: caller.source ?? 'wx_client',
  }
}

function scfContext(info: FunctionInfo, requestId: string, envId: string, region: string, env: Record<string, string | undefined>, timeoutMs: number): Record<string, unknown> {
  const environment: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'WX_API_TOKEN' && k !== 'WX_TRIGGER_API_TOKEN_V0') environment[k] = v
  return {
    callbackWaitsForEmptyEventLoop: false,
    memory_limit_in_mb: info.config.memorySize,
    time_limit_in_ms: timeoutMs,
    request_id: requestId,
    environ: Object.entries(environment).map(([k, v]) => `${k}=${v}`).join(';'),
    environment: JSON.stringify(environment),
    function_version: '$LATEST',
    function_name: info.name,
    namespace: envId,
    tencentcloud_region: region,
    tencentcloud_appid: '1250000000',
    tencentcloud_uin: '100000000001',
  }
}

/** node_modules directories to resolve function requires from: the emulator's project and the cwd. */
export function defaultModulePaths(): string[] {
  const out: string[] = []
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const nm = path.join(dir, 'node_modules')
    if (fs.existsSync(nm)) out.push(nm)
    if (path.dirname(dir) === dir) break
  }
  const cwdNm = path.join(process.cwd(), 'node_modules')
  if (fs.existsSync(cwdNm) && !out.includes(cwdNm)) out.unshift(cwdNm)
  return out
}
