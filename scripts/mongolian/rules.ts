// The rules of written (Inner Mongolian) Mongolian that a machine can check, and the repairs a
// machine can make safely. Sources: the Unicode convention for separated suffixes (U+202F
// NARROW NO-BREAK SPACE, Unicode L2/07-209 and r12a's Mongolian orthography notes) and the
// school grammar of written Mongolian (vowel harmony; suffix form chosen by the stem's last
// sound). What a machine cannot decide — a sentence with a suffix on a {placeholder}, a word
// spelled wrong in a way no rule names — is reported for a person to rewrite.
import { GLOSSARY, type BannedVariant } from '../../src/i18n/glossary'

export const NNBSP = '\u202F'
export const MVS = '\u180E'

const LETTER = '\u1820-\u1842\u1843-\u1878\u1880-\u18AA'
const FVS = '\u180B-\u180D\u180F'
/** A word: letters and variation selectors, with a final ᠠ/ᠡ split off by U+180E. */
const WORD = `[${LETTER}${FVS}]+(?:\u180E[\u1820\u1821])?`
const NOT_LETTER_AFTER = `(?![${LETTER}${FVS}\u180E])`
const NOT_LETTER_BEFORE = `(?<![${LETTER}${FVS}\u180E])`

const BACK = /[\u1820\u1823\u1824]/ // ᠠ ᠣ ᠤ
const FRONT = /[\u1821\u1825\u1826\u1827]/ // ᠡ ᠥ ᠦ ᠧ
const VOWEL = /[\u1820-\u1827]/
/** Letters only found in loanwords (ᠧ ᠫ ᠹ ᠺ ᠻ ᠼ ᠽ ᠾ ᠿ ᡀ ᡁ ᡂ): such words may mix vowels. */
const LOAN_LETTER = /[\u1827\u182B\u1839-\u1842]/
/** Stems after which the dative and the attributive locative start with ᠲ, not ᠳ. */
const T_AFTER = /[\u182A\u182B\u182C\u182D\u1830\u1831\u1832\u1833\u1837\u1839\u183A]$/ // ᠪ ᠫ ᠬ ᠭ ᠰ ᠱ ᠲ ᠳ ᠷ ᠹ ᠺ

type Harmony = 'back' | 'front'
interface Stem {
  harmony: Harmony | 'neutral'
  ending: 'vowel' | 'n' | 'consonant'
  tAfter: boolean
}

/** Each separated case suffix, the forms it takes, and which form a stem needs. */
interface SuffixFamily {
  name: string
  forms: string[]
  want(stem: Stem, harmony: Harmony): string
}

const pick = (harmony: Harmony, back: string, front: string) => (harmony === 'back' ? back : front)

export const SUFFIX_FAMILIES: SuffixFamily[] = [
  {
    name: 'genitive',
    forms: ['ᠶᠢᠨ', 'ᠤᠨ', 'ᠦᠨ', 'ᠤ', 'ᠦ'],
    want: (stem, h) => (stem.ending === 'vowel' ? 'ᠶᠢᠨ' : stem.ending === 'n' ? pick(h, 'ᠤ', 'ᠦ') : pick(h, 'ᠤᠨ', 'ᠦᠨ')),
  },
  { name: 'accusative', forms: ['ᠶᠢ', 'ᠢ'], want: (stem) => (stem.ending === 'vowel' ? 'ᠶᠢ' : 'ᠢ') },
  {
    name: 'dative',
    forms: ['ᠳᠤ', 'ᠲᠤ', 'ᠳᠦ', 'ᠲᠦ'],
    want: (stem, h) => (stem.tAfter ? pick(h, 'ᠲᠤ', 'ᠲᠦ') : pick(h, 'ᠳᠤ', 'ᠳᠦ')),
  },
  // ᠳᠤᠷ is the literary dative; ᠲᠦᠷ is the word "for a while", never this suffix.
  { name: 'dative (ᠳᠤᠷ)', forms: ['ᠳᠤᠷ', 'ᠳᠦᠷ'], want: (_stem, h) => pick(h, 'ᠳᠤᠷ', 'ᠳᠦᠷ') },
  {
    name: 'attributive locative',
    forms: ['ᠳᠠᠬᠢ', 'ᠲᠠᠬᠢ', 'ᠳᠡᠬᠢ', 'ᠲᠡᠬᠢ'],
    want: (stem, h) => (stem.tAfter ? pick(h, 'ᠲᠠᠬᠢ', 'ᠲᠡᠬᠢ') : pick(h, 'ᠳᠠᠬᠢ', 'ᠳᠡᠬᠢ')),
  },
  { name: 'ablative', forms: ['ᠠᠴᠠ', 'ᠡᠴᠡ'], want: (_stem, h) => pick(h, 'ᠠᠴᠠ', 'ᠡᠴᠡ') },
  {
    name: 'instrumental',
    forms: ['ᠪᠠᠷ', 'ᠪᠡᠷ', 'ᠢᠶᠠᠷ', 'ᠢᠶᠡᠷ'],
    want: (stem, h) => (stem.ending === 'vowel' ? pick(h, 'ᠪᠠᠷ', 'ᠪᠡᠷ') : pick(h, 'ᠢᠶᠠᠷ', 'ᠢᠶᠡᠷ')),
  },
  { name: 'comitative', forms: ['ᠲᠠᠢ', 'ᠲᠡᠢ'], want: (_stem, h) => pick(h, 'ᠲᠠᠢ', 'ᠲᠡᠢ') },
  {
    name: 'reflexive possessive',
    forms: ['ᠪᠠᠨ', 'ᠪᠡᠨ', 'ᠢᠶᠠᠨ', 'ᠢᠶᠡᠨ'],
    want: (stem, h) => (stem.ending === 'vowel' ? pick(h, 'ᠪᠠᠨ', 'ᠪᠡᠨ') : pick(h, 'ᠢᠶᠠᠨ', 'ᠢᠶᠡᠨ')),
  },
]

const FAMILY_OF = new Map(SUFFIX_FAMILIES.flatMap((family) => family.forms.map((form) => [form, family] as const)))
const SUFFIX = [...FAMILY_OF.keys()].sort((a, b) => b.length - a.length).join('|')

/**
 * Words the harmony rule must not judge, each with why. Loanwords (any letter of LOAN_LETTER)
 * are exempt without being listed.
 */
export const MIXED_VOWEL_EXCEPTIONS: Record<string, string> = {}

/**
 * Misspellings found in this repository that no general rule can repair, and their right form.
 * The lint reports them and the fixer replaces them (whole words only).
 */
export const MISSPELLINGS: Record<string, { use: string; why: string }> = {
  ᠬᠡᠷᠡᠭᠯᠡᠬᠤ: { use: 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ', why: 'front word: the ending is ᠬᠦ' },
  ᠠᠶᠤᠯᠭᠦᠢ: { use: 'ᠠᠶᠤᠯᠭᠤᠢ', why: 'back word: the ending is ᠭᠤᠢ' },
  ᠥᠭᠤᠭᠡᠷᠡᠢ: { use: 'ᠥᠭᠭᠦᠭᠡᠷᠡᠢ', why: 'front word "please give": ᠥᠭᠭᠦ-' },
  ᠪᠣᠷᠣᠥᠨᠳᠦᠷ: { use: 'ᠪᠣᠷᠣ ᠥᠨᠳᠦᠷ', why: 'place name 宝日温都尔: two words, each with its own harmony' },
  ᠴᠣᠭᠥᠨᠳᠦᠷ: { use: 'ᠴᠣᠭ ᠥᠨᠳᠦᠷ', why: 'place name 潮格温都尔: two words, each with its own harmony' },
  ᠤᠷᠢᠳᠠᠪᠡᠷ: { use: `ᠤᠷᠢᠳᠠ${NNBSP}ᠪᠠᠷ`, why: '"first": ᠤᠷᠢᠳᠠ with the back instrumental ᠪᠠᠷ, separated' },
  ᠪᠠᠲᠤᠯᠠᠭᠠᠳᠦᠢ: { use: 'ᠪᠠᠲᠤᠯᠠᠭᠠᠳᠤᠢ', why: 'back word: the ending is ᠳᠤᠢ' },
  ᠪᠡᠶᠡ: { use: 'ᠪᠡᠶ᠎ᠡ', why: '"body, self": the final ᠡ is separated by U+180E' },
  ᠬᠦᠷᠲᠡᠯᠡ: { use: 'ᠬᠦᠷᠲᠡᠯ᠎ᠡ', why: '"until": the final ᠡ is separated by U+180E, as everywhere else in the catalogs' },
  ᠰᠢᠨᠡ: { use: 'ᠰᠢᠨ᠎ᠡ', why: '"new": the final ᠡ is separated by U+180E' },
  ᠳᠣᠣᠷᠠ: { use: 'ᠳᠣᠣᠷ᠎ᠠ', why: '"below": the final ᠠ is separated by U+180E' },
  ᠶᠠᠮᠪᠠᠷ: { use: 'ᠶᠠᠮᠠᠷ', why: '"what kind": ᠶᠠᠮᠠᠷ' },
  'ᠣᠢᠷ᠎ᠠ': { use: 'ᠣᠶᠢᠷ᠎ᠠ', why: '"near": ᠣᠶᠢᠷ᠎ᠠ' },
  ᠬᠡᠷᠡᠭᠲᠡᠶ: { use: 'ᠬᠡᠷᠡᠭᠲᠡᠢ', why: 'no word ends in ᠶ: ᠬᠡᠷᠡᠭᠲᠡᠢ "needed"' },
}

/**
 * Chinese (full-width) punctuation and what Mongolian text uses instead. Mongolian has its own
 * comma ᠂, full stop ᠃ and colon ᠄; brackets, quotes, ? and ! are the ASCII ones, which rotate
 * correctly in vertical text.
 */
export const CHINESE_PUNCTUATION: Record<string, string> = {
  '（': '(',
  '）': ')',
  '〈': '"',
  '〉': '"',
  '《': '"',
  '》': '"',
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '「': '"',
  '」': '"',
  '【': '(',
  '】': ')',
  '？': '?',
  '！': '!',
  '，': '᠂',
  '、': '᠂',
  '。': '᠃',
  '：': '᠄',
  '；': ';',
  '\u3000': ' ',
}
const CHINESE_PUNCTUATION_RE = new RegExp(`[${Object.keys(CHINESE_PUNCTUATION).join('')}]`, 'g')

const strip = (word: string) => word.replace(new RegExp(`[${FVS}\u180E]`, 'g'), '')

export function stemOf(word: string): Stem {
  const letters = strip(word)
  const vowels = [...letters].filter((c) => VOWEL.test(c) && c !== 'ᠢ')
  const last = vowels.at(-1)
  const hasBack = vowels.some((c) => BACK.test(c))
  const hasFront = vowels.some((c) => FRONT.test(c))
  // A mixed (loan)word follows its last vowel; a word with only ᠢ can go either way.
  const harmony = hasBack && hasFront ? (BACK.test(last!) ? 'back' : 'front') : hasBack ? 'back' : hasFront ? 'front' : 'neutral'
  const final = letters.at(-1) ?? ''
  return { harmony, ending: VOWEL.test(final) ? 'vowel' : final === 'ᠨ' ? 'n' : 'consonant', tAfter: T_AFTER.test(letters) }
}

/** What a separated suffix after `word` should be, or null when the stem cannot tell. */
export function expectedSuffix(word: string, suffix: string): string | null {
  const family = FAMILY_OF.get(suffix)
  if (!family) return null
  const stem = stemOf(word)
  if (stem.harmony === 'neutral') {
    // Only ᠢ: harmony is the word's own (ᠪᠢᠴᠢᠭ is front, ᠴᠢᠭ back); keep the harmony written and check the form.
    const harmony: Harmony = BACK.test(suffix) ? 'back' : FRONT.test(suffix) ? 'front' : 'back'
    const wanted = family.want(stem, harmony)
    return wanted
  }
  return family.want(stem, stem.harmony)
}

export type RuleId =
  | 'separator'
  | 'glued-suffix'
  | 'suffix-form'
  | 'ng-before-vowel'
  | 'final-y'
  | 'mixed-vowels'
  | 'chinese-punctuation'
  | 'suffix-after-value'
  | 'banned-variant'
  | 'misspelling'
  | 'untranslated'
  | 'cyrillic'

export const RULES: Record<RuleId, string> = {
  separator: 'a separated case suffix is joined to its word with U+202F NARROW NO-BREAK SPACE',
  'glued-suffix': 'a case suffix is never written inside its word',
  'suffix-form': 'the suffix agrees with its stem: vowel harmony, and the form for the stem’s last sound',
  'ng-before-vowel': 'ᠩ never stands directly before a vowel',
  'final-y': 'no word ends in ᠶ',
  'mixed-vowels': 'a native word has back (ᠠ ᠣ ᠤ) or front (ᠡ ᠥ ᠦ) vowels, never both',
  'chinese-punctuation': 'no Chinese (full-width) punctuation inside Mongolian',
  'suffix-after-value': 'no suffix right after a {placeholder} or a number: its form depends on the value',
  'banned-variant': 'the glossary’s vetted spelling, not a banned variant',
  misspelling: 'a word this repository once misspelled, in its right form',
  untranslated: 'no Chinese characters in Mongolian text',
  cyrillic: 'no Cyrillic: this is the traditional script',
}

export interface Violation {
  rule: RuleId
  /** What is wrong and what to write instead. */
  message: string
}

interface BannedRule {
  variant: BannedVariant
  use: string
  term: string
  pattern: RegExp
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const BANNED: BannedRule[] = GLOSSARY.flatMap((term) =>
  term.banned.map((variant) => {
    const body = variant.form.split(' ').map(escape).join('[ \u202F\u180E]')
    const end = variant.match === 'prefix' ? '' : NOT_LETTER_AFTER
    return { variant, use: variant.use ?? term.mn, term: term.id, pattern: new RegExp(`${NOT_LETTER_BEFORE}${body}${end}`, 'g') }
  }),
).sort((a, b) => b.variant.form.length - a.variant.form.length)

/** Words that end in a case suffix written inside them, each found by the lint's own check. */
export const GLUED_EXCEPTIONS: Record<string, string> = {
  ᠰᠠᠶᠢᠨ: '"good": the ᠶᠢᠨ is part of the word',
  ᠨᠠᠮᠠᠶᠢ: '"me": the accusative of ᠪᠢ is one word',
}

const SEPARATED = new RegExp(`(${WORD})([\\]\\)"'»]*)([ \u202F\u180E])(${SUFFIX})${NOT_LETTER_AFTER}`, 'g')
const AFTER_VALUE = new RegExp(`(\\{[^}]*\\}|[0-9]+)(["')\\]]*[ \u202F\u180E]?)(${SUFFIX})${NOT_LETTER_AFTER}`, 'g')
const WORDS = new RegExp(WORD, 'g')
// A vowel-final word with ᠶᠢᠨ/ᠶᠢ grown onto it: the genitive or accusative written inside it.
const GLUED = /^[\u1820-\u1842]*[\u1820\u1821\u1823-\u1826][\u1836]\u1822(\u1828)?$/

export function lintText(text: string): Violation[] {
  const found: Violation[] = []
  const add = (rule: RuleId, message: string) => found.push({ rule, message })

  for (const match of text.matchAll(CHINESE_PUNCTUATION_RE)) {
    const name = match[0] === '\u3000' ? 'U+3000 IDEOGRAPHIC SPACE' : match[0]
    add('chinese-punctuation', `“${name}” → “${CHINESE_PUNCTUATION[match[0]]}”`)
  }
  if (/[\u3400-\u4DBF\u4E00-\u9FFF]/.test(text)) add('untranslated', `Chinese text “${text.match(/[\u3400-\u4DBF\u4E00-\u9FFF]+/)![0]}”: translate it`)
  if (/[\u0400-\u04FF]/.test(text)) add('cyrillic', `Cyrillic “${text.match(/[\u0400-\u04FF]+/)![0]}”: write it in the traditional script`)

  for (const rule of BANNED) {
    for (const match of text.matchAll(rule.pattern)) {
      add('banned-variant', `“${match[0]}” → “${rule.variant.match === 'prefix' ? rule.use + '…' : rule.use}” (glossary “${rule.term}”: ${rule.variant.why})`)
    }
  }

  for (const [word] of text.matchAll(WORDS)) {
    const known = MISSPELLINGS[word]
    if (known) add('misspelling', `“${word}” → “${known.use}” (${known.why})`)
  }

  for (const match of text.matchAll(SEPARATED)) {
    const [whole, word, closing, separator, suffix] = match
    if (separator !== NNBSP) {
      const what = separator === ' ' ? 'a plain space' : 'U+180E'
      add('separator', `“${whole}”: ${what} before the suffix ${suffix} → U+202F`)
    }
    const wanted = expectedSuffix(word, suffix)
    if (wanted && wanted !== suffix) add('suffix-form', `“${word}${closing} ${suffix}” → “${word}${closing} ${wanted}” (${FAMILY_OF.get(suffix)!.name})`)
  }
  for (const match of text.matchAll(AFTER_VALUE)) {
    add('suffix-after-value', `“${match[0]}”: rephrase so that no suffix follows the value (e.g. put a noun after it: “110 ᠳ᠋ᠤᠭᠠᠷ${NNBSP}ᠲᠤ”)`)
  }

  for (const [word] of text.matchAll(WORDS)) {
    const letters = strip(word)
    if (/\u1829[\u180B-\u180D]?[\u1820-\u1827]/.test(word)) add('ng-before-vowel', `“${word}”: ᠩ before a vowel (write ᠩᠭ or ᠨ, e.g. ᠬᠠᠩᠭᠠᠯᠲᠠᠢ)`)
    if (/\u1836[\u180B-\u180D]?$/.test(word)) add('final-y', `“${word}” ends in ᠶ (a final ᠠ/ᠡ needs U+180E before it: ᠶ᠎ᠠ)`)
    const vowels = [...letters].filter((c) => VOWEL.test(c))
    if (vowels.some((c) => BACK.test(c)) && vowels.some((c) => FRONT.test(c)) && !LOAN_LETTER.test(letters) && !(letters in MIXED_VOWEL_EXCEPTIONS)) {
      add('mixed-vowels', `“${word}” mixes back and front vowels: spell it with one kind (e.g. ᠬᠡᠷᠡᠭᠯᠡᠬᠦ, not ᠬᠡᠷᠡᠭᠯᠡᠬᠤ)`)
    }
    if (GLUED.test(letters) && !(letters in GLUED_EXCEPTIONS) && letters.length > 4) {
      add('glued-suffix', `“${word}”: the suffix ${letters.endsWith('ᠨ') ? 'ᠶᠢᠨ' : 'ᠶᠢ'} is written inside the word → “${letters.replace(/ᠶᠢᠨ?$/, '')}${NNBSP}${letters.endsWith('ᠨ') ? 'ᠶᠢᠨ' : 'ᠶᠢ'}”`)
    }
  }
  return found
}

/**
 * Repairs what needs no judgement: Chinese punctuation, banned variants, the suffix separator,
 * and a suffix's form where the stem decides it. Running it twice changes nothing more.
 */
export function fixText(text: string, after = ''): string {
  // A piece of a template that starts with a suffix: the word before it is a constant's last word.
  const stem = after.match(new RegExp(`${WORD}$`))?.[0]
  if (stem && new RegExp(`^[ \u202F\u180E](${SUFFIX})${NOT_LETTER_AFTER}`).test(text)) return fixText(stem + text).slice(stem.length)
  let fixed = text.replace(CHINESE_PUNCTUATION_RE, (c) => CHINESE_PUNCTUATION[c])
  for (const rule of BANNED) fixed = fixed.replace(rule.pattern, rule.use)
  fixed = fixed.replace(WORDS, (word) => MISSPELLINGS[word]?.use ?? word)
  fixed = fixed.replace(SEPARATED, (_whole, word: string, closing: string, _separator: string, suffix: string) => {
    const wanted = expectedSuffix(word, suffix) ?? suffix
    return `${word}${closing}${NNBSP}${wanted}`
  })
  return fixed
}
