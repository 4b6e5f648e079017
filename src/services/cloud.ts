// The one typed client for cloud functions. weapp calls Taro.cloud.callFunction; h5 posts to the
// local emulator's gateway as the chosen demo identity. Every answer is parsed with the action's
// output schema, so a screen only ever sees typed data or a CloudCallError with a known code.
// A call names the function by its contract object (`call(accountContract, 'me', {})`) rather than
// by a string: each page then bundles only the contracts it uses, which keeps officer and
// volunteer contracts out of the residents' main package.
import Taro from '@tarojs/taro'
import * as z from 'zod'
import { envelopeOf, type ErrorCode, type FieldIssue } from '../core/envelope'
import type { ActionName, FunctionContract, InputOf, OutputOf } from '../core/contract'
import { getDemoOpenid } from './demo-identity'

export class CloudCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** What the action adds to explain the error, e.g. booking's next free slots on CONFLICT. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'CloudCallError'
  }
}

async function invoke(name: string, data: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') {
    const gateway = process.env.TARO_APP_GATEWAY ?? ''
    const response = await fetch(`${gateway}/gateway/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': getDemoOpenid() ?? '' },
      body: JSON.stringify({ name, data }),
    })
    const body = (await response.json()) as { result?: unknown; errMsg?: string }
    if (!('result' in body)) throw new CloudCallError('INTERNAL', body.errMsg ?? `gateway answered ${response.status}`)
    return body.result
  }
  const { result } = await Taro.cloud.callFunction({ name, data })
  return result
}

export async function call<F extends FunctionContract, A extends ActionName<F>>(contract: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>> {
  const spec: { output: z.ZodType } = contract.actions[action]
  let raw: unknown
  try {
    raw = await invoke(contract.name, { ...(input as object), action })
  } catch (err) {
    if (err instanceof CloudCallError) throw err
    throw new CloudCallError('INTERNAL', err instanceof Error ? err.message : String(err))
  }
  const parsed = envelopeOf(spec.output).safeParse(raw)
  if (!parsed.success) throw new CloudCallError('INTERNAL', 'The server answered in an unexpected shape.')
  if (!parsed.data.ok) throw new CloudCallError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues, parsed.data.error.details)
  return parsed.data.data as OutputOf<F, A>
}
