// Chinese mobile numbers: 11 digits, 1 then 3–9 (号段 13x–19x). Landlines are refused: the
// station confirms bookings and door-to-door visits by SMS or a call to a mobile.
import * as z from 'zod/mini'

export const CHINESE_MOBILE = /^1[3-9]\d{9}$/

/** Spaces and dashes people type are dropped, as is a +86 / 0086 country prefix. */
export const normalizePhone = (raw: string) => raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '')

export const isChineseMobile = (raw: string) => CHINESE_MOBILE.test(normalizePhone(raw))

export const ChineseMobile = z.pipe(z.pipe(z.string().check(z.maxLength(32)), z.transform(normalizePhone)), z.string().check(z.regex(CHINESE_MOBILE, 'must be a Chinese mobile number: 11 digits starting 13–19')))
