// A rule's refusal as the error the runtime turns into the envelope; `why` goes into details so
// the app can explain it in the volunteer's language.
import { AppError } from '../../src/core/envelope'
import type { Refusal } from '../../src/core/volunteers/rules'

export const refusalError = (refusal: Refusal) =>
  new AppError(refusal.code, refusal.message, refusal.code === 'INVALID_ARGUMENT' ? [{ path: [refusal.why === 'wrong_code' ? 'proof' : refusal.why], message: refusal.message }] : undefined, { why: refusal.why, ...refusal.details })
