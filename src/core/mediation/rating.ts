// Return visit and satisfaction (回访, 好差评): five levels from very dissatisfied (1) to very
// satisfied (5). A rating of 4–5 counts as satisfied in the statistics; 1–2 opens a
// rectification task (整改反馈) for the leadership with a deadline and a required callback.
import * as z from 'zod/mini'
import type { Dayjs } from '../time'
import type { CaseStatus } from './lifecycle'

export const Rating = z.number().check(
  z.int(),
  z.gte(1, 'must be 1 (very dissatisfied) to 5 (very satisfied)'),
  z.lte(5, 'must be 1 (very dissatisfied) to 5 (very satisfied)'),
)
export type Rating = z.infer<typeof Rating>

export const isSatisfied = (rating: number) => rating >= 4
export const isDissatisfied = (rating: number) => rating <= 2

export type RatingRefusal = { code: 'NOT_FOUND' | 'FAILED_PRECONDITION'; reason: string }

/** Only the applicant rates, only a closed case, only once. Someone else's case is NOT_FOUND, never a hint that it exists. */
export function ratingRefusal(c: { applicantOpenid: string; status: CaseStatus; rated: boolean }, openid: string): RatingRefusal | null {
  if (c.applicantOpenid !== openid) return { code: 'NOT_FOUND', reason: 'No such case of yours.' }
  if (c.status !== 'closed') return { code: 'FAILED_PRECONDITION', reason: 'A case is rated after it was closed.' }
  if (c.rated) return { code: 'FAILED_PRECONDITION', reason: 'This case was already rated.' }
  return null
}

export const rectificationDue = (now: Dayjs, days: number) => now.add(days, 'day').toDate()
