// Programmatic entry point: start a local WeChat CloudBase stand-in (database, functions,
// openapi outbox, storage, timers, HTTP gateway) that the real wx-server-sdk talks to unchanged.
// Used by tests, scripts and the CLI (emulator/cli.ts).

import fs from 'fs'
import http from 'http'
import path from 'path'
import { App, callFunction, clientEvent, runTimer as runTimerNow } from './app'
import { newDocId } from './database/actions'
import { IndexAdvisor, UnindexedQuery } from './database/index-advisor'
import { Doc, IndexSpec, Mutation, Store } from './database/store'
import { TransactionManager } from './database/transactions'
import { decodeValue } from './ejson'
import { FaultInjector } from './faults'
import { FunctionRegistry } from './function-registry'
import { defaultModulePaths, FunctionsHost } from './functions-host'
import { MediaCheckService, type MediaRules, type PendingMediaCheck } from './media-checks'
import { ContentRules, OpenApiService, OutboxEntry } from './openapi'
import { createServer } from './server'
import { Stats, StatsSnapshot } from './stats'
import { StorageService } from './storage'
import { Cron, ScheduledTrigger, TimerScheduler } from './timers'

export { FunctionError, CloudError } from './errors'
export type { IndexSpec } from './database/store'
export type { OutboxEntry } from './openapi'
export type { MediaRules, PendingMediaCheck } from './media-checks'
export type { UnindexedQuery } from './database/index-advisor'
export type { DatabaseFault, DelayFault, FunctionTimeoutFault, OpenApiFault } from './faults'
export type { StatsSnapshot } from './stats'

export interface EmulatorOptions {
  dataDir: string
  /** 0 = random free port */
  port?: number
  host?: string
  envId?: string
  functionsDir?: string
  staticDir?: string
  /** run timer triggers on their schedules (off by default) */
  timers?: boolean
  maxInstancesPerFunction?: number
  /** appid reported by getWXContext() (default wx0000000000000000) */
  appId?: string
  region?: string
  /** transaction lifetime before it is aborted, ms (default 30000) */
  transactionTimeoutMs?: number
  /** journal size that triggers compaction, bytes */
  compactBytes?: number
  /** log sink for invocations and internal errors (silent by default) */
  log?: (line: string) => void
  /**
   * Environment variables given to every function instance, over each config.json's
   * `envVariables`: what the cloud console sets per environment (limits, keys, templates).
   */
  functionEnv?: Record<string, string>
  /**
   * The function WeChat's message push (消息推送) delivers events to, as set in the console:
   * security.mediaCheckAsync verdicts (`wxa_media_check`) arrive there.
   */
  messagePushFunction?: string
}

export interface Emulator {
  url: string
  serviceUrl: string
  envId: string
  dataDir: string
  call(name: string, data: unknown, opts?: { openid?: string; appid?: string; unionid?: string }): Promise<unknown>
  stats(): StatsSnapshot
  resetStats(): void
  outbox(): OutboxEntry[]
  setContentRules(r: ContentRules): void
  /** make subscribeMessage.send to this openid fail with errcode 43101 (user refused) */
  setSubscribeRefused(openid: string, refused?: boolean): void
  /** run a function's timer trigger now; `time` sets the event's Time (jobs that read it can be tested at any instant) */
  runTimer(name: string, trigger?: string, time?: Date): Promise<unknown>
  /** media URLs containing a `risky` / `review` string get that verdict from security.mediaCheckAsync */
  setMediaCheckRules(r: MediaRules): void
  /** keep mediaCheckAsync verdicts pending (true) until resolveMediaChecks(), or push them at once (false, the default) */
  holdMediaChecks(hold?: boolean): void
  pendingMediaChecks(): PendingMediaCheck[]
  /** push every pending verdict to the message-push function and wait for all pushes in flight; answers how many were pending */
  resolveMediaChecks(): Promise<number>
  /** wait for the verdicts already being pushed (not the held ones) */
  settleMediaChecks(): Promise<void>
  /** kill the function's running instances mid-invocation (a crash); answers how many */
  crashFunction(name: string): Promise<number>
  seed(collections: Record<string, object[]>): Promise<void>
  ensureIndexes(specs: IndexSpec[]): void
  /** Queries from functions that no declared index serves (see database/index-advisor.ts). */
  unindexedQueries(): UnindexedQuery[]
  clearUnindexedQueries(): void
  /** Test hooks that make the cloud fail on demand (see faults.ts). */
  faults: Pick<FaultInjector, 'failDatabaseRequest' | 'delayRequests' | 'conflictTransactions' | 'failOpenApi' | 'timeOutFunction' | 'clear' | 'fired'>
  reset(): Promise<void>
  memoryUsage(): NodeJS.MemoryUsage
  stop(): Promise<void>
}

/** File in the data dir holding the URL of the emulator serving it (removed when it stops). */
export const SERVING_FILE = 'SERVING'

const locksHeld = new Set<string>()

function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'LOCK')
  if (locksHeld.has(dataDir)) throw new Error(`data dir ${dataDir} is already used by an emulator in this process`)
  if (fs.existsSync(file)) {
    const pid = Number(fs.readFileSync(file, 'utf8').trim())
    let alive = false
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0)
        alive = true
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM'
      }
    }
    if (alive) throw new Error(`data dir ${dataDir} is in use by another emulator (pid ${pid})`)
  }
  fs.writeFileSync(file, String(process.pid))
  locksHeld.add(dataDir)
  return () => {
    locksHeld.delete(dataDir)
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file)
    } catch {
      // already gone
    }
  }
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const addr = server.address()
      resolve(typeof addr === 'object' && addr ? addr.port : port)
    })
  })
}

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const dataDir = path.resolve(opts.dataDir)
  fs.mkdirSync(dataDir, { recursive: true })
  const envId = opts.envId ?? 'local'
  const appId = opts.appId ?? 'wx0000000000000000'
  const hostName = opts.host ?? '127.0.0.1'
  const log = opts.log ?? (() => undefined)
  const releaseLock = acquireLock(dataDir)

  let store: Store
  try {
    store = Store.open(path.join(dataDir, 'db'), envId, opts.compactBytes)
  } catch (e) {
    releaseLock()
    throw e
  }
  let url = ''
  const servicePath = '/admin'
  const stats = new Stats()
  const txns = new TransactionManager(store, opts.transactionTimeoutMs)
  const indexAdvisor = new IndexAdvisor((collection) => store.indexesOf(collection))
  const faults = new FaultInjector()
  const openapi = new OpenApiService(dataDir)
  const storage = new StorageService(dataDir, envId, () => url)
  // `app` exists by the time a verdict is pushed (never during construction).
  const mediaChecks = new MediaCheckService(appId, opts.messagePushFunction, (fn, event) => callFunction(app, fn, event, { source: 'wx_message_push' }), log)
  const registry = new FunctionRegistry(opts.functionsDir ? path.resolve(opts.functionsDir) : undefined)
  const host = new FunctionsHost({
    registry,
    envId,
    appId,
    region: opts.region ?? 'ap-shanghai',
    serviceUrl: () => url + servicePath,
    timeoutOverride: (fn) => faults.timeoutFor(fn),
    maxInstancesPerFunction: opts.maxInstancesPerFunction ?? 8,
    modulePaths: defaultModulePaths(),
    functionEnv: opts.functionEnv,
    log,
  })

  const seed = async (collections: Record<string, object[]>): Promise<void> => {
    const muts: Mutation[] = []
    const creations: Array<Promise<void> | null> = []
    for (const [name, docs] of Object.entries(collections)) {
      creations.push(store.createCollection(name, true))
      for (const raw of docs) {
        const doc = decodeValue(raw) as Record<string, unknown>
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`seed: documents of ${name} must be objects`)
        muts.push({ coll: name, kind: 'put', doc: { _id: doc._id ?? newDocId(), ...doc } as Doc })
      }
    }
    await Promise.all(creations)
    await store.apply(muts)
  }

  const reset = async (): Promise<void> => {
    txns.abortAll()
    await store.wipe()
    openapi.clear()
    mediaChecks.clear()
    storage.wipe()
    stats.reset()
    indexAdvisor.clear()
    faults.clear()
  }

  const app: App = {
    store,
    txns,
    stats,
    indexAdvisor,
    envId,
    host,
    openapi,
    storage,
    faults,
    mediaChecks,
    staticDir: opts.staticDir ? path.resolve(opts.staticDir) : undefined,
    appId,
    url: () => url,
    servicePath,
    log,
    reset,
    seed,
  }

  const server = createServer(app)
  let port: number
  try {
    port = await listen(server, opts.port ?? 0, hostName)
  } catch (e) {
    await host.stop()
    await store.close()
    releaseLock()
    throw e
  }
  const shownHost = hostName === '0.0.0.0' || hostName === '::' ? '127.0.0.1' : hostName
  url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`
  // The CLI in another terminal finds this emulator by its data dir, whatever port it was given.
  const servingFile = path.join(dataDir, SERVING_FILE)
  fs.writeFileSync(servingFile, url)

  const scheduled = (): ScheduledTrigger[] => {
    const out: ScheduledTrigger[] = []
    for (const f of host.list()) {
      for (const t of f.config.triggers) {
        try {
          out.push({ fn: f.name, trigger: t.name, cron: new Cron(t.config) })
        } catch (e) {
          log(`[timer] ${f.name}/${t.name}: ${(e as Error).message}`)
        }
      }
    }
    return out
  }
  let cached: { at: number; list: ScheduledTrigger[] } = { at: 0, list: [] }
  const scheduler = new TimerScheduler(
    () => {
      if (Date.now() - cached.at > 5000) cached = { at: Date.now(), list: scheduled() }
      return cached.list
    },
    (fn, trigger, time) => {
      runTimerNow(app, fn, trigger, time).then(
        () => log(`[timer] ${fn}/${trigger} done`),
        (e: Error) => log(`[timer] ${fn}/${trigger} failed: ${e.message}`),
      )
    },
  )
  if (opts.timers) scheduler.start()

  let stopped = false
  return {
    url,
    serviceUrl: url + servicePath,
    envId,
    dataDir,
    call: (name, data, o = {}) => {
      const caller = { openid: o.openid, appid: o.appid, unionid: o.unionid, source: 'wx_client' }
      return callFunction(app, name, clientEvent(data, caller, appId), caller)
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    outbox: () => openapi.outbox(),
    setContentRules: (r) => openapi.setContentRules(r),
    setSubscribeRefused: (openid, refused = true) => openapi.setSubscribeRefused(openid, refused),
    setMediaCheckRules: (r) => mediaChecks.setRules(r),
    holdMediaChecks: (hold = true) => mediaChecks.hold(hold),
    pendingMediaChecks: () => mediaChecks.list(),
    resolveMediaChecks: () => mediaChecks.resolve(),
    settleMediaChecks: () => mediaChecks.settled(),
    runTimer: (name, trigger, time) => runTimerNow(app, name, trigger, time),
    crashFunction: (name) => host.crash(name),
    seed,
    ensureIndexes: (specs) => store.ensureIndexes(specs),
    unindexedQueries: () => indexAdvisor.list(),
    clearUnindexedQueries: () => indexAdvisor.clear(),
    faults,
    reset,
    memoryUsage: () => process.memoryUsage(),
    stop: async () => {
      if (stopped) return
      stopped = true
      scheduler.stop()
      await mediaChecks.settled()
      await host.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      txns.abortAll()
      await store.close()
      fs.rmSync(servingFile, { force: true })
      releaseLock()
    },
  }
}
