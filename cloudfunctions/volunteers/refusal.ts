// A rule's refusal as the error the runtime turns into the envelope; `why` goes into details so
// the app can explain it in the volunteer's language.
import { AppError } from '../../src/core/envelope'
import type { Refusal } from '../../src/core/volunteers/rules'
import type * as z from 'zod'

export const refusalError = (refusal: Refusal) =>
  new AppError(refusal.code, refusal.message, refusal.code === 'INVALID_ARGUMENT' ? [{ path: [refusal.why === 'wrong_code' ? 'proof' : refusal.why], message: refusal.message }] : undefined, { why: refusal.why, ...refusal.details })

/**
 * Cross-field rules of an input (zod refinements) — the runtime's strict event schema is built
 * from the object's fields and does not carry them, so handlers that have any check them here.
 */
export function checkRefinements(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    throw new AppError(
      'INVALID_ARGUMENT',
      'The request has invalid fields.',
      parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message })),
    )
  }
}
