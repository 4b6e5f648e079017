// Risk screening (风险研判) of a new dispute. The rules are data (config): words of threat,
// weapons or self-harm in the description, a resident who says someone is in danger now, or a
// repeat dispute between the same parties. Every rule that matched is kept on the case with what
// it matched, so the leader who gets the alert sees why.
import * as z from 'zod/mini'

export const RiskCategory = z.enum(['violence', 'weapon', 'self_harm', 'danger_now', 'repeat'])
export type RiskCategory = z.infer<typeof RiskCategory>

export const RiskRule = z.discriminatedUnion('kind', [
  z.object({ id: z.string().check(
    z.minLength(1),
    z.maxLength(40),
  ), kind: z.literal('keywords'), category: RiskCategory, keywords: z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(
    z.minLength(1),
    z.maxLength(200),
  ) }),
  z.object({ id: z.string().check(z.minLength(1), z.maxLength(40)), kind: z.literal('danger_now'), category: z.literal('danger_now') }),
  z.object({ id: z.string().check(
    z.minLength(1),
    z.maxLength(40),
  ), kind: z.literal('repeat_parties'), category: z.literal('repeat'), minEarlierCases: z.number().check(z.int(), z.gte(1), z.lte(100)) }),
])
export type RiskRule = z.infer<typeof RiskRule>

export const RiskMatch = z.object({
  ruleId: z.string(),
  category: RiskCategory,
  /** The keyword found, or a short fact ("2 earlier cases"). */
  matched: z.string(),
})
export type RiskMatch = z.infer<typeof RiskMatch>

export interface RiskFacts {
  description: string
  dangerNow: boolean
  /** Earlier disputes between the same parties within the configured window. */
  earlierCasesSameParties: number
}

// The separated case suffixes of written Mongolian (scripts/mongolian/rules.ts checks the same
// list): before matching they are joined to their word, however the resident separated them.
const MONGOLIAN_SUFFIXES = ['ᠶᠢᠨ', 'ᠤᠨ', 'ᠦᠨ', 'ᠤ', 'ᠦ', 'ᠶᠢ', 'ᠢ', 'ᠳᠤ', 'ᠲᠤ', 'ᠳᠦ', 'ᠲᠦ', 'ᠳᠤᠷ', 'ᠳᠦᠷ', 'ᠳᠠᠬᠢ', 'ᠲᠠᠬᠢ', 'ᠳᠡᠬᠢ', 'ᠲᠡᠬᠢ', 'ᠠᠴᠠ', 'ᠡᠴᠡ', 'ᠪᠠᠷ', 'ᠪᠡᠷ', 'ᠢᠶᠠᠷ', 'ᠢᠶᠡᠷ', 'ᠲᠠᠢ', 'ᠲᠡᠢ', 'ᠪᠠᠨ', 'ᠪᠡᠨ', 'ᠢᠶᠠᠨ', 'ᠢᠶᠡᠨ']
const SUFFIX_AFTER_SPACE = new RegExp(` (${[...MONGOLIAN_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})(?![\u1820-\u18AA])`, 'g')
const MONGOLIAN_LETTER = /^[\u1820-\u18AA]/

/**
 * One spelling for what residents type many ways: width and case folded; Mongolian variation
 * selectors and the vowel separator U+180E removed (common input methods leave them out); ᠣ/ᠤ
 * and ᠥ/ᠦ folded (keyboards and habits mix them in non-first syllables); every kind of space one
 * space; a separated suffix joined to its word, whether written with U+202F, a space or nothing.
 */
export function normalizeForScreening(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u180B-\u180F\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u1823/g, '\u1824')
    .replace(/\u1825/g, '\u1826')
    .replace(/[\s\u202F]+/g, ' ')
    .replace(SUFFIX_AFTER_SPACE, '$1')
}

/** A Mongolian keyword matches only from the start of a word (ᠠᠯᠠᠨ᠎ᠠ "will kill" is not inside ᠬᠠᠯᠠᠨ᠎ᠠ "heats"). */
function keywordFound(text: string, keyword: string): boolean {
  const word = normalizeForScreening(keyword)
  if (!MONGOLIAN_LETTER.test(word)) return text.includes(word)
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !/[\u1820-\u18AA]/.test(text[at - 1])) return true
  }
  return false
}

export function screenRisk(rules: readonly RiskRule[], facts: RiskFacts): { highRisk: boolean; matches: RiskMatch[] } {
  const text = normalizeForScreening(facts.description)
  const matches: RiskMatch[] = []
  for (const rule of rules) {
    if (rule.kind === 'keywords') {
      const found = rule.keywords.find((word) => keywordFound(text, word))
      if (found) matches.push({ ruleId: rule.id, category: rule.category, matched: found })
    } else if (rule.kind === 'danger_now') {
      if (facts.dangerNow) matches.push({ ruleId: rule.id, category: rule.category, matched: 'danger_now' })
    } else if (facts.earlierCasesSameParties >= rule.minEarlierCases) {
      matches.push({ ruleId: rule.id, category: rule.category, matched: `${facts.earlierCasesSameParties} earlier` })
    }
  }
  return { highRisk: matches.length > 0, matches }
}

/**
 * Who the dispute is between, as one key: both names normalized and sorted, so "A against B" and
 * "B against A" are the same pair. Without the other party's name there is no pair to repeat.
 */
export function partiesKey(applicantName: string, otherPartyName: string | undefined): string | null {
  const norm = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  if (!otherPartyName || !norm(otherPartyName)) return null
  return [norm(applicantName), norm(otherPartyName)].sort().join('|')
}
