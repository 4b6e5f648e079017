// Distinct names for generated residents. Booking takes legal names only (src/core/person-name.ts:
// no digits), so the sequence number is written in Han numerals: 测试居民一二 for 12.
const HAN_DIGITS = '零一二三四五六七八九'

export const numberedName = (prefix: string, n: number) => prefix + [...String(n)].map((d) => HAN_DIGITS[Number(d)]).join('')
