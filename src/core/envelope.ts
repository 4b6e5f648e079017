// The one response envelope every cloud function answers with (ARCHITECTURE.md › Contracts).
import * as z from 'zod/mini'

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const FieldIssue = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })
export type FieldIssue = z.infer<typeof FieldIssue>

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.optional(z.array(FieldIssue)),
  /** Machine-readable facts about the failure the client can act on (e.g. the next free slots). */
  details: z.optional(z.record(z.string(), z.unknown())),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export function envelopeOf<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBody }),
  ])
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[], details?: Record<string, unknown>): Envelope<never> => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}), ...(details ? { details } : {}) },
})

/** A failure raised inside a handler; the function's entry point turns it into the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
