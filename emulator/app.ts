// The emulator's services wired together; shared by the HTTP routes and the programmatic API.

import type { DbContext } from './database/actions'
import type { CallerContext, FunctionsHost } from './functions-host'
import type { OpenApiService } from './openapi'
import type { StorageService } from './storage'
import type { FaultInjector } from './faults'
import type { MediaCheckService } from './media-checks'
import { FN_ERR, FunctionError } from './errors'
import { timerEvent } from './timers'

export interface App extends DbContext {
  host: FunctionsHost
  openapi: OpenApiService
  storage: StorageService
  faults: FaultInjector
  mediaChecks: MediaCheckService
  staticDir?: string
  appId: string
  url: () => string
  /** path of the protocol endpoint (serviceUrl) */
  servicePath: string
  log: (line: string) => void
  /** wipe data (admin `reset`) */
  reset: () => Promise<void>
  seed: (collections: Record<string, object[]>) => Promise<void>
}

/**
 * The event a function receives for a call from a mini program: its data plus the
 * `userInfo: { appId, openId }` the cloud injects into every client call.
 */
export function clientEvent(data: unknown, caller: CallerContext, appId: string): unknown {
  if (!caller.openid || !data || typeof data !== 'object' || Array.isArray(data)) return data ?? {}
  return { ...(data as Record<string, unknown>), userInfo: { appId: caller.appid ?? appId, openId: caller.openid } }
}

/** Invoke a function and parse its JSON result (null when it returned nothing). */
export async function callFunction(app: App, name: string, data: unknown, caller: CallerContext): Promise<unknown> {
  const json = await app.host.invoke(name, data ?? {}, caller)
  return json === undefined ? null : JSON.parse(json)
}

/** Run a function's timer trigger now (first trigger when none is named). */
export async function runTimer(app: App, name: string, trigger?: string, time = new Date()): Promise<unknown> {
  const info = app.host.get(name)
  if (!info) throw new FunctionError(FN_ERR.NOT_FOUND, 'FUNCTION_NOT_FOUND', `[ResourceNotFound.Function] function ${name} not found`)
  const t = trigger ? info.config.triggers.find((x) => x.name === trigger) : info.config.triggers[0]
  if (!t) throw new FunctionError(FN_ERR.NOT_FOUND, 'TRIGGER_NOT_FOUND', `function ${name} has no timer trigger${trigger ? ` named ${trigger}` : ''}`)
  return callFunction(app, name, timerEvent(t.name, time), { timer: true })
}

const FN_DESC: Record<number, string> = {
  [FN_ERR.NOT_FOUND]: 'function not found',
  [FN_ERR.EXECUTE_FAIL]: 'functions execute fail',
  [FN_ERR.TIMEOUT]: 'functions invoke timeout',
}

/** The error object wx.cloud.callFunction rejects with on the client. */
export function clientCallError(e: unknown): { errCode: number; errMsg: string } {
  if (e instanceof FunctionError) {
    return { errCode: e.errCode, errMsg: `cloud.callFunction:fail Error: errCode: ${e.errCode} ${FN_DESC[e.errCode] ?? ''} | errMsg: ${e.message}` }
  }
  const msg = e instanceof Error ? e.message : String(e)
  return { errCode: -1, errMsg: `cloud.callFunction:fail ${msg}` }
}
