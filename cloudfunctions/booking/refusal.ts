// A pure rule's refusal, raised as the envelope's error: the code, a message for logs and
// developers, and `details.why` (plus the rule's facts) for the app to explain it in the
// resident's language.
import { AppError } from '../../src/core/envelope'
import type { Refusal } from '../../src/core/booking/rules'

export function refusalError(refusal: Refusal): AppError {
  const { path, ...facts } = (refusal.details ?? {}) as { path?: Array<string | number> } & Record<string, unknown>
  const issues = refusal.code === 'INVALID_ARGUMENT' && path ? [{ path, message: refusal.message }] : undefined
  return new AppError(refusal.code, refusal.message, issues, { why: refusal.why, ...facts })
}

export function raise(refusal: Refusal | null): void {
  if (refusal) throw refusalError(refusal)
}
