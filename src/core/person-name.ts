// Legal names, as household registration writes them (户籍登记): Han characters, traditional
// Mongolian (with its joining and variation marks), Latin letters for names registered in
// transliteration, and the middle dot that separates the parts of a transliterated name
// (e.g. 巴特尔·那顺). Emoji, digits and symbols are refused: a counter cannot issue a card to
// "😀😀张". Free-text fields (descriptions, notes) keep accepting everything.
import * as z from 'zod/mini'

/** Middle dots in use for 间隔号: U+00B7, the katakana one IMEs produce, and the bullet some phones offer. */
const MIDDLE_DOTS = '\u00B7\u30FB\u2022'
/** Inside Mongolian names: NNBSP before suffix-like parts, FVS1–3 and the vowel separator, plain spaces. */
const MONGOLIAN_MARKS = '\u202F\u180B-\u180F '
const LEGAL_NAME = new RegExp(`^[\\p{Script=Han}\\p{Script=Mongolian}\\p{Script=Latin}${MIDDLE_DOTS}${MONGOLIAN_MARKS}]+$`, 'u')

export const NAME_CHARACTERS_MESSAGE = 'must use only the characters of a name: Han, Mongolian or Latin letters and the middle dot ·'

export const isLegalName = (value: string) => LEGAL_NAME.test(value) && /[\p{L}]/u.test(value)

export const LegalName = z.string().check(z.trim(), z.minLength(1), z.maxLength(32), z.refine(isLegalName, NAME_CHARACTERS_MESSAGE))
