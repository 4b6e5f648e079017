// The one typed client for cloud functions. weapp calls Taro.cloud.callFunction; h5 posts to the
// local emulator's gateway as the chosen demo identity. Every answer is parsed with the action's
// output schema, so a screen only ever sees typed data or a CloudCallError with a known code.
// A call names the function by its contract object (`call(accountContract, 'me', {})`) rather than
// by a string: each page then bundles only the contracts it uses, which keeps officer and
// volunteer contracts out of the residents' main package.
//
// Herders' signal comes and goes (docs/offline.md). A call that fails because of the connection
// (no network, no answer in time) is UNAVAILABLE, never INTERNAL: the screen then says it was the
// connection, not the service. Such a call is tried again only when repeating it cannot write
// twice: its input carries a requestId (the backend answers a repeat with the first result) or
// the caller says it only reads.
import Taro from '@tarojs/taro'
import * as z from 'zod/mini'
import { envelopeOf, type ErrorCode, type FieldIssue } from '../core/envelope'
import type { ActionName, FunctionContract, InputOf, OutputOf } from '../core/contract'
import { getDemoOpenid } from './demo-identity'
import { isOnline } from './network'

/** The backend's codes, and UNAVAILABLE: the connection failed, the backend may never have seen the call. */
export type ClientErrorCode = ErrorCode | 'UNAVAILABLE'

export class CloudCallError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** What the action adds to explain the error, e.g. booking's next free slots on CONFLICT. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'CloudCallError'
  }
}

/**
 * Sized for 2G at the edge of a county (250 kbit/s, 800 ms round trips): a connection, a cold
 * function start and a few KB each way fit well inside; past this the signal is gone.
 */
export const CALL_TIMEOUT_MS = 30_000
/** Waits before the repeats of a call that may be repeated; a dropped signal often returns within seconds. */
export const RETRY_DELAYS_MS = [2_000, 6_000] as const

const unavailable = (why: string) => new CloudCallError('UNAVAILABLE', why)

/** WeChat reports a lost connection in errMsg ("request:fail", "timeout", errCode -1 …), not with a code of its own. */
const CONNECTION_FAILURE = /request:fail|timeout|timed out|network|ERR_|errCode: -1\b|-501000|-502005/i

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(unavailable(`no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (err: unknown) => {
        clearTimeout(timer)
        reject(err)
      },
    )
  })
}

function invoke(name: string, data: Record<string, unknown>): Promise<unknown> {
  if (!isOnline()) return Promise.reject(unavailable('the device reports no network'))
  if (process.env.TARO_ENV === 'h5') {
    const gateway = process.env.TARO_APP_GATEWAY ?? ''
    const request = fetch(`${gateway}/gateway/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': getDemoOpenid() ?? '' },
      body: JSON.stringify({ name, data }),
    }).then(
      (response) =>
        response.json().then((body: { result?: unknown; errMsg?: string }) => {
          if (!('result' in body)) throw new CloudCallError('INTERNAL', body.errMsg ?? `gateway answered ${response.status}`)
          return body.result
        }),
      // fetch rejects only when no answer came at all: the connection, not the service.
      (err: unknown) => {
        throw unavailable(err instanceof Error ? err.message : String(err))
      },
    )
    return withTimeout(request)
  }
  return withTimeout(
    Taro.cloud.callFunction({ name, data }).then(
      ({ result }) => result,
      (err: { errMsg?: string }) => {
        const message = err?.errMsg ?? String(err)
        throw CONNECTION_FAILURE.test(message) ? unavailable(message) : new CloudCallError('INTERNAL', message)
      },
    ),
  )
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Invoke, repeating after a connection failure when `repeatable`; any other failure is final. */
function invokeWithRetries(name: string, data: Record<string, unknown>, repeatable: boolean, attempt = 0): Promise<unknown> {
  return invoke(name, data).catch((err: unknown) => {
    const delay = RETRY_DELAYS_MS[attempt]
    // Known offline: repeating would only delay the offline copy or the outbox; they take over now.
    if (!repeatable || !(err instanceof CloudCallError) || err.code !== 'UNAVAILABLE' || delay === undefined || !isOnline()) throw err
    return pause(delay).then(() => invokeWithRetries(name, data, repeatable, attempt + 1))
  })
}

/** A raw answer parsed as the envelope; any other shape or a thrown non-CloudCallError becomes INTERNAL. */
function settle<T>(output: z.ZodMiniType, raw: Promise<unknown>): Promise<T> {
  return raw.then(
    (value) => {
      const parsed = envelopeOf(output).safeParse(value)
      if (!parsed.success) throw new CloudCallError('INTERNAL', 'The server answered in an unexpected shape.')
      if (!parsed.data.ok) throw new CloudCallError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues, parsed.data.error.details)
      return parsed.data.data as T
    },
    (err: unknown) => {
      throw err instanceof CloudCallError ? err : new CloudCallError('INTERNAL', err instanceof Error ? err.message : String(err))
    },
  )
}

export interface CallOptions {
  /** The action only reads, so a connection failure may be retried (writes are retried only with a requestId). */
  readOnly?: boolean
}

export function call<F extends FunctionContract, A extends ActionName<F>>(contract: F, action: A, input: InputOf<F, A>, options: CallOptions = {}): Promise<OutputOf<F, A>> {
  const spec: { output: z.ZodMiniType } = contract.actions[action]
  const data = { ...(input as object), action }
  return settle<OutputOf<F, A>>(spec.output, invokeWithRetries(contract.name, data, options.readOnly === true || 'requestId' in data))
}

/**
 * A call by function and action name, for the outbox: it resends what a page queued after the
 * page (and its contract) may be gone, so it checks only the envelope, not the action's output.
 * Its data always carries a requestId, so repeating it is safe.
 */
export function callQueued(name: string, data: Record<string, unknown>): Promise<unknown> {
  return settle<unknown>(z.unknown(), invoke(name, data))
}
