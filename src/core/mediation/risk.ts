// Risk screening (风险研判) of a new dispute. The rules are data (config): words of threat,
// weapons or self-harm in the description, a resident who says someone is in danger now, or a
// repeat dispute between the same parties. Every rule that matched is kept on the case with what
// it matched, so the leader who gets the alert sees why.
import * as z from 'zod'

export const RiskCategory = z.enum(['violence', 'weapon', 'self_harm', 'danger_now', 'repeat'])
export type RiskCategory = z.infer<typeof RiskCategory>

export const RiskRule = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1).max(40), kind: z.literal('keywords'), category: RiskCategory, keywords: z.array(z.string().min(1).max(20)).min(1).max(200) }),
  z.object({ id: z.string().min(1).max(40), kind: z.literal('danger_now'), category: z.literal('danger_now') }),
  z.object({ id: z.string().min(1).max(40), kind: z.literal('repeat_parties'), category: z.literal('repeat'), minEarlierCases: z.number().int().min(1).max(100) }),
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

export function screenRisk(rules: readonly RiskRule[], facts: RiskFacts): { highRisk: boolean; matches: RiskMatch[] } {
  const text = facts.description.toLowerCase()
  const matches: RiskMatch[] = []
  for (const rule of rules) {
    if (rule.kind === 'keywords') {
      const found = rule.keywords.find((word) => text.includes(word.toLowerCase()))
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
