// Citizen identity numbers (公民身份号码) as GB 11643-1999 defines them: 6 digits of region,
// 8 of birth date (YYYYMMDD), 3 of sequence (odd for men), 1 check character computed with
// ISO 7064 MOD 11-2, where the value 10 is written 'X'. 15-digit numbers from before 1999 were
// all upgraded and are refused.
import * as z from 'zod/mini'
import { dayjs, type Dayjs } from '../time'

/** Weight of position i (0-based, left to right) is 2^(17 - i) mod 11. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11)
const CHECK_CHARACTERS = '10X98765432'

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('the first 17 characters must be digits')
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0)
  return CHECK_CHARACTERS[sum % 11]
}

/** The birth date written in the number, or null when it is not a real calendar date. */
export function birthDateOf(idNumber: string): string | null {
  const digits = idNumber.slice(6, 14)
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
  const parsed = dayjs.utc(iso)
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === iso && Number(digits.slice(0, 4)) >= 1880 ? iso : null
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit'

/** Why a (normalized) number is not a valid GB 11643 number, or null when it is. */
export function idNumberProblem(idNumber: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format'
  if (birthDateOf(idNumber) === null) return 'birth_date'
  return idCheckCharacter(idNumber.slice(0, 17)) === idNumber[17] ? null : 'check_digit'
}

export const isValidIdNumber = (idNumber: string) => idNumberProblem(normalizeIdNumber(idNumber)) === null

export const normalizeIdNumber = (raw: string) => raw.replace(/\s+/g, '').toUpperCase()

const PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: 'must be an 18-character citizen identity number (17 digits and a digit or X)',
  birth_date: 'the birth date inside the identity number is not a real date',
  check_digit: 'the identity number’s check digit does not match (GB 11643-1999)',
}

/** An identity number at the edge: spaces dropped, a lower-case x accepted, the check digit verified. */
export const IdNumber = z.pipe(z.string().check(z.maxLength(32)), z.transform(normalizeIdNumber)).check(z.superRefine((value, ctx) => {
    const problem = idNumberProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: PROBLEM_MESSAGES[problem] })
  }))

/** Age in whole years at `now` (in the station's calendar) for a birth date YYYY-MM-DD. */
export function ageAt(birthDate: string, now: Dayjs, timeZone: string): number {
  const today = now.tz(timeZone)
  const [y, m, d] = birthDate.split('-').map(Number)
  const hadBirthday = today.month() + 1 > m || (today.month() + 1 === m && today.date() >= d)
  return today.year() - y - (hadBirthday ? 0 : 1)
}
