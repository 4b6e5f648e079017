// Risk screening: each rule category, the matched reason kept, and repeat disputes between the same pair.
import { DEFAULT_MEDIATION_CONFIG, partiesKey, screenRisk, type RiskRule } from '../../src/core/mediation'
import { normalizeForScreening } from '../../src/core/mediation/risk'
import { figuresOf, isDissatisfied, isSatisfied, median, ratingRefusal } from '../../src/core/mediation'

const rules = DEFAULT_MEDIATION_CONFIG.riskRules
const facts = (description: string, more: { dangerNow?: boolean; earlier?: number } = {}) => ({ description, dangerNow: more.dangerNow ?? false, earlierCasesSameParties: more.earlier ?? 0 })

describe('screenRisk', () => {
  it('passes an ordinary dispute as not high-risk', () => {
    expect(screenRisk(rules, facts('邻居家的羊吃了我家草场的草，协商赔偿不成。'))).toEqual({ highRisk: false, matches: [] })
  })

  it.each([
    ['他说要打死我', 'threat-of-violence', 'violence', '打死'],
    ['他拿着刀在门口', 'weapon', 'weapon', '刀'],
    ['我真的不想活了', 'self-harm', 'self_harm', '不想活'],
  ])('marks %s high-risk, keeping the rule and the word', (text, ruleId, category, matched) => {
    expect(screenRisk(rules, facts(text))).toEqual({ highRisk: true, matches: [{ ruleId, category, matched }] })
  })

  it('marks danger now and repeat disputes, and keeps every match', () => {
    const result = screenRisk(rules, facts('又吵起来了，他拿刀', { dangerNow: true, earlier: 2 }))
    expect(result.matches.map((m) => m.ruleId)).toEqual(['weapon', 'danger-now', 'repeat-dispute'])
    expect(result.matches[2].matched).toBe('2 earlier')
  })

  it('applies rules given as data', () => {
    const custom: RiskRule[] = [{ id: 'fire', kind: 'keywords', category: 'violence', keywords: ['放火'] }]
    expect(screenRisk(custom, facts('他说要放火烧草垛')).matches).toEqual([{ ruleId: 'fire', category: 'violence', matched: '放火' }])
    expect(screenRisk(custom, facts('他拿刀')).highRisk).toBe(false)
  })
})

// Mongolian as residents type it: the sentences below are deliberately NOT normalised by the
// Mongolian fixer (this file is exempt from the lint): plain spaces before suffixes, no U+180E,
// ᠤ where the dictionary has ᠣ.
const NNBSP = '\u202F'
describe('screenRisk in Mongolian', () => {
  const rulesMatching = (text: string) => screenRisk(rules, facts(text)).matches.map((m) => `${m.ruleId}:${m.matched}`)

  it.each([
    // [keyword, rule, sentences that must match, a sentence that must not]
    ['ᠠᠯᠠᠨ᠎ᠠ', 'threat-of-violence', [`ᠲᠡᠷᠡ ᠴᠢᠮᠠᠶᠢ ᠠᠯᠠᠨ᠎ᠠ ᠭᠡᠵᠦ ᠬᠡᠯᠡᠪᠡ`, 'ᠲᠡᠷᠡ ᠴᠢᠮᠠᠶᠢ ᠠᠯᠠᠨᠠ ᠭᠡᠵᠦ ᠬᠡᠯᠡᠪᠡ'], 'ᠨᠠᠷᠠ ᠬᠠᠯᠠᠨ᠎ᠠ᠂ ᠤᠰᠤ ᠦᠭᠡᠢ'],
    ['ᠵᠣᠳᠣᠯᠭ᠎ᠠ', 'threat-of-violence', [`ᠬᠥᠷᠰᠢ ᠮᠢᠨᠤ ᠵᠣᠳᠣᠯᠭ᠎ᠠ ᠬᠢᠪᠡ`, 'ᠬᠥᠷᠰᠢ ᠮᠢᠨᠤ ᠵᠤᠳᠤᠯᠭᠠ ᠬᠢᠪᠡ'], 'ᠵᠣᠭᠰᠣᠯ ᠦᠭᠡᠢ ᠮᠠᠷᠭᠠᠯᠳᠤᠪᠠ'],
    ['ᠬᠤᠲᠤᠭ᠎ᠠ', 'weapon', [`ᠲᠡᠷᠡ ᠬᠤᠲᠤᠭ᠎ᠠ${NNBSP}ᠪᠠᠷ ᠰᠦᠷᠳᠡᠭᠦᠯᠪᠡ`, 'ᠲᠡᠷᠡ ᠬᠤᠲᠤᠭᠠ ᠪᠠᠷ ᠰᠦᠷᠳᠡᠭᠦᠯᠪᠡ', 'ᠲᠡᠷᠡ ᠬᠣᠲᠣᠭᠠᠪᠠᠷ ᠰᠦᠷᠳᠡᠭᠦᠯᠪᠡ'], `ᠬᠤᠲᠤᠭ${NNBSP}ᠲᠠᠢ ᠰᠠᠶᠢᠨ ᠡᠳᠦᠷ`],
    ['ᠵᠡᠪᠰᠡᠭ', 'weapon', ['ᠲᠡᠷᠡ ᠵᠡᠪᠰᠡᠭ ᠪᠠᠷᠢᠵᠤ ᠢᠷᠡᠪᠡ', `ᠲᠡᠷᠡ ᠵᠡᠪᠰᠡᠭ${NNBSP}ᠢᠶᠡᠷ ᠰᠦᠷᠳᠡᠭᠦᠯᠪᠡ`], 'ᠬᠥᠷᠰᠢ ᠶᠢᠨ ᠦᠭᠡ ᠵᠡᠪᠡᠷ ᠪᠠᠶᠢᠨ᠎ᠠ'],
    ['ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠬᠥᠨᠥᠭᠡ', 'self-harm', [`ᠪᠢ ᠥᠪᠡᠷ${NNBSP}ᠢᠶᠡᠨ ᠬᠥᠨᠥᠭᠡᠨ᠎ᠡ`, 'ᠪᠢ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠬᠥᠨᠥᠭᠡᠨᠡ', 'ᠪᠢ ᠦᠪᠡᠷᠢᠶᠡᠨ ᠬᠦᠨᠦᠭᠡᠨᠡ'], `ᠥᠪᠡᠷ${NNBSP}ᠢᠶᠡᠨ ᠮᠠᠯ${NNBSP}ᠢᠶᠠᠨ ᠬᠠᠷᠢᠭᠤᠯ`],
  ])('%s (%s) matches however it is typed, and not in an ordinary sentence', (keyword, ruleId, matching, ordinary) => {
    const configured = rules.find((rule) => rule.id === ruleId)
    expect(configured?.kind === 'keywords' && configured.keywords.map((w) => w.replace(/\u202F/g, ' '))).toContain(keyword)
    for (const sentence of matching as string[]) expect(rulesMatching(sentence)).toEqual([`${ruleId}:${configured?.kind === 'keywords' ? configured.keywords.find((w) => w.replace(/\u202F/g, ' ') === keyword) : ''}`])
    expect(rulesMatching(ordinary as string)).toEqual([])
  })

  it('no longer takes the everyday “don’t” (ᠪᠤᠤ) for a gun', () => {
    expect(rulesMatching('ᠮᠠᠯ ᠢᠶᠠᠨ ᠮᠢᠨᠤ ᠨᠤᠲᠤᠭ ᠲᠤ ᠪᠤᠤ ᠣᠷᠣᠭᠤᠯ')).toEqual([])
    expect(rules.flatMap((rule) => (rule.kind === 'keywords' ? rule.keywords : []))).not.toContain('ᠪᠤᠤ')
  })

  it('normalises both the rule and the text: separators, vowel separator, ᠣ/ᠤ and ᠥ/ᠦ', () => {
    expect(normalizeForScreening(`ᠬᠤᠲᠤᠭ᠎ᠠ${NNBSP}ᠪᠠᠷ`)).toBe(normalizeForScreening('ᠬᠣᠲᠣᠭᠠ ᠪᠠᠷ'))
    expect(normalizeForScreening('ᠥᠪᠡᠷ\u3000ᠢᠶᠡᠨ')).toBe('ᠦᠪᠡᠷᠢᠶᠡᠨ')
    const custom: RiskRule[] = [{ id: 'fire', kind: 'keywords', category: 'violence', keywords: ['ᠭᠠᠯ ᠲᠠᠯᠢᠨ᠎ᠠ'] }]
    expect(screenRisk(custom, facts('ᠲᠡᠷᠡ ᠭᠠᠯ ᠲᠠᠯᠢᠨᠠ ᠭᠡᠪᠡ')).matches).toEqual([{ ruleId: 'fire', category: 'violence', matched: 'ᠭᠠᠯ ᠲᠠᠯᠢᠨ᠎ᠠ' }])
  })
})

describe('partiesKey', () => {
  it('is the same pair whichever side files, ignoring spaces and width', () => {
    expect(partiesKey('张 三', '李四')).toBe(partiesKey('李四', '张三'))
    expect(partiesKey('ＡＢ', 'c')).toBe(partiesKey('ab', 'C'))
  })
  it('is null without the other party', () => {
    expect(partiesKey('张三', undefined)).toBeNull()
    expect(partiesKey('张三', '  ')).toBeNull()
  })
})

describe('ratings', () => {
  const closed = { applicantOpenid: 'me', status: 'closed' as const, rated: false }
  it('lets only the applicant rate a closed case, once', () => {
    expect(ratingRefusal(closed, 'me')).toBeNull()
    expect(ratingRefusal(closed, 'someone-else')?.code).toBe('NOT_FOUND')
    expect(ratingRefusal({ ...closed, status: 'settled' }, 'me')?.code).toBe('FAILED_PRECONDITION')
    expect(ratingRefusal({ ...closed, rated: true }, 'me')?.code).toBe('FAILED_PRECONDITION')
  })
  it('counts 4–5 as satisfied and 1–2 as dissatisfied', () => {
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true])
    expect([1, 2, 3, 4, 5].map(isDissatisfied)).toEqual([true, true, false, false, false])
  })
})

describe('statistics figures', () => {
  it('computes rates and the median from an aggregation row', () => {
    const row = { _id: 'c1', cases: 4, settled: 3, settledL1: 2, settledL2: 1, settledL3: 0, overdue: 1, highRisk: 1, rated: 2, satisfied: 1, settleDays: [3, null, 1, 10] }
    expect(figuresOf(row)).toEqual({ key: 'c1', cases: 4, settled: 3, settledRate: 0.75, settledAtLevel: [2, 1, 0], medianDaysToSettle: 3, overdue: 1, rated: 2, satisfactionRate: 0.5, highRisk: 1 })
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})
