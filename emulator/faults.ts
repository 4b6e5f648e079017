// Fault injection: the failures the cloud produces now and then, on demand, so tests can prove
// what the product's invariants are after each one. Every fault is armed by a test hook, fires a
// set number of times and then disarms itself; `clear()` disarms all.
//
// - a database request fails, either before it takes effect or after (the write is stored but the
//   answer is lost, the case where the caller cannot tell whether it happened);
// - requests are delayed;
// - a transaction's commit conflicts (the transaction is aborted, as the cloud does);
// - a function invocation is cut off by its time limit after a given time;
// - an openapi call answers an error code (43101 user refused, -1 system busy, …).

import { CloudError, dbRequestFailed, transactionConflict } from './errors'
import type { QueryOrigin } from './database/index-advisor'

export interface RequestMatch {
  /** protocol action, e.g. `database.modifyDocument`; any database action when omitted */
  action?: string
  collection?: string
  /** the function the request comes from */
  function?: string
}

export interface DatabaseFault extends RequestMatch {
  /** fail the nth matching request from now (1 = the next one); default 1 */
  nth?: number
  /** how many consecutive matching requests fail from the nth on; default 1 */
  count?: number
  /** `before`: nothing happens; `after`: the request takes effect, then the answer is an error */
  when?: 'before' | 'after'
}

export interface DelayFault extends RequestMatch {
  ms: number
  /** how many matching requests are delayed; default unlimited until clear() */
  count?: number
}

export interface OpenApiFault {
  /** e.g. `subscribeMessage.send`, `security.msgSecCheck` */
  api: string
  errcode: number
  errmsg?: string
  /** how many calls fail; default 1 */
  count?: number
  /** only calls for this openid (`touser`) */
  openid?: string
}

export interface FunctionTimeoutFault {
  function: string
  /** the invocation is cut off this many ms after it starts */
  afterMs: number
  /** how many invocations; default 1 */
  count?: number
}

interface Armed<T> {
  spec: T
  seen: number
  left: number
}

const matches = (m: RequestMatch, action: string, collection: unknown, origin: QueryOrigin | undefined): boolean =>
  (m.action === undefined ? action.startsWith('database.') : m.action === action) &&
  (m.collection === undefined || m.collection === collection) &&
  (m.function === undefined || m.function === origin?.function)

export class FaultInjector {
  private database: Array<Armed<DatabaseFault>> = []
  private delays: Array<Armed<DelayFault>> = []
  private conflicts = 0
  private openapi: Array<Armed<OpenApiFault>> = []
  private timeouts: Array<Armed<FunctionTimeoutFault>> = []
  /** how many faults fired, by kind: tests check that the fault they armed really happened */
  readonly fired = { database: 0, delay: 0, conflict: 0, openapi: 0, timeout: 0 }

  failDatabaseRequest(spec: DatabaseFault): void {
    this.database.push({ spec, seen: 0, left: spec.count ?? 1 })
  }

  delayRequests(spec: DelayFault): void {
    this.delays.push({ spec, seen: 0, left: spec.count ?? Number.POSITIVE_INFINITY })
  }

  conflictTransactions(count = 1): void {
    this.conflicts += count
  }

  failOpenApi(spec: OpenApiFault): void {
    this.openapi.push({ spec, seen: 0, left: spec.count ?? 1 })
  }

  timeOutFunction(spec: FunctionTimeoutFault): void {
    this.timeouts.push({ spec, seen: 0, left: spec.count ?? 1 })
  }

  clear(): void {
    this.database = []
    this.delays = []
    this.conflicts = 0
    this.openapi = []
    this.timeouts = []
    for (const k of Object.keys(this.fired) as Array<keyof typeof this.fired>) this.fired[k] = 0
  }

  /**
   * Called before a protocol request is handled. Resolves with whether the request must fail after
   * it took effect; rejects when it must fail before. `abortTransaction` aborts the transaction a
   * conflicting commit names.
   */
  async beforeRequest(action: string, collection: unknown, origin: QueryOrigin | undefined, abortTransaction: () => void): Promise<{ failAfter: boolean }> {
    for (const d of this.delays) {
      if (d.left > 0 && matches(d.spec, action, collection, origin)) {
        d.left--
        this.fired.delay++
        await new Promise((resolve) => setTimeout(resolve, d.spec.ms))
      }
    }
    if (action === 'database.commitTransaction' && this.conflicts > 0) {
      this.conflicts--
      this.fired.conflict++
      abortTransaction()
      throw transactionConflict('injected write conflict')
    }
    let failAfter = false
    for (const f of this.database) {
      if (f.left <= 0 || !matches(f.spec, action, collection, origin)) continue
      f.seen++
      if (f.seen < (f.spec.nth ?? 1)) continue
      f.left--
      this.fired.database++
      if ((f.spec.when ?? 'before') === 'before') throw injectedFailure(action)
      failAfter = true
    }
    return { failAfter }
  }

  afterRequest(action: string): CloudError {
    return injectedFailure(action)
  }

  /** An injected openapi error for this call, if one is armed. */
  openApiError(api: string, openid: unknown): { errcode: number; errmsg: string } | undefined {
    const f = this.openapi.find((o) => o.left > 0 && o.spec.api === api && (o.spec.openid === undefined || o.spec.openid === openid))
    if (!f) return undefined
    f.left--
    this.fired.openapi++
    return { errcode: f.spec.errcode, errmsg: f.spec.errmsg ?? (f.spec.errcode === -1 ? 'system error' : 'injected error') }
  }

  /** The time limit for the next invocation of `fn`, when a cut-off is armed. */
  timeoutFor(fn: string): number | undefined {
    const t = this.timeouts.find((o) => o.left > 0 && o.spec.function === fn)
    if (!t) return undefined
    t.left--
    this.fired.timeout++
    return t.spec.afterMs
  }
}

const injectedFailure = (action: string): CloudError => dbRequestFailed(`[InternalError] injected failure of ${action}`)
