// A pure rule's "no": the error code, a machine-readable reason (`why`) the app explains in the
// person's language, a message for logs, and the facts behind it. Functions raise it as the
// envelope's error.
import type { ErrorCode } from './envelope'

export interface Refusal {
  code: ErrorCode
  why: string
  message: string
  details?: Record<string, unknown>
}

export const refuse = (code: ErrorCode, why: string, message: string, details?: Record<string, unknown>): Refusal => ({ code, why, message, ...(details ? { details } : {}) })
