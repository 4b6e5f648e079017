// The Mongolian lint over every Mongolian string of the repository (catalogs and code), with its
// counts printed; then each rule and the fixer on examples of what they catch and repair.
import { formatReport, lintRepository } from '../../scripts/mongolian/lint'
import { fixText, lintText, NNBSP } from '../../scripts/mongolian/rules'
import { mongolianStringsIn } from '../../scripts/mongolian/strings'

const rulesOf = (text: string) => lintText(text).map((v) => v.rule)

describe('every Mongolian string in the repository', () => {
  it('passes the lint, and the counts are printed', () => {
    const report = lintRepository()
    console.log(formatReport(report))
    expect(report.strings).toBeGreaterThan(1000)
    expect(report.suffixes).toBeGreaterThan(900)
    expect(report.violations.map((v) => `${v.where} [${v.rule}] ${v.message}`)).toEqual([])
  })

  it('has no suffix joined by a plain space anywhere', () => {
    const report = lintRepository()
    expect(report.byRule.separator).toBe(0)
  })
})

describe('the rules', () => {
  it('wants U+202F before a separated suffix, not a space or U+180E', () => {
    expect(rulesOf('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ')).toEqual(['separator'])
    expect(rulesOf('ᠣᠷᠣᠨ\u180Eᠳᠤ')).toEqual(['separator'])
    expect(rulesOf(`ᠴᠠᠭᠳᠠᠭ᠎ᠠ${NNBSP}ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ`)).toEqual([])
  })

  it.each([
    ['ᠳᠡᠰ', 'ᠤᠨ', 'ᠦᠨ'],
    ['ᠬᠡᠨ', 'ᠳᠤ', 'ᠳᠦ'],
    ['ᠭᠠᠵᠠᠷ', 'ᠡᠴᠡ', 'ᠠᠴᠠ'],
    ['ᠨᠢᠭᠡ', 'ᠢ', 'ᠶᠢ'],
    ['ᠴᠠᠭ', 'ᠳᠤ', 'ᠲᠤ'],
    ['ᠲᠠᠰᠤᠯᠠᠯ', 'ᠪᠠᠷ', 'ᠢᠶᠠᠷ'],
    ['ᠬᠦᠮᠦᠨ', 'ᠦᠨ', 'ᠦ'],
  ])('wants %s + %s to be %s (harmony and the stem’s last sound), and the fixer writes it', (stem, wrong, right) => {
    expect(rulesOf(`${stem}${NNBSP}${wrong}`)).toEqual(['suffix-form'])
    expect(fixText(`${stem} ${wrong}`)).toBe(`${stem}${NNBSP}${right}`)
  })

  it('finds impossible spellings', () => {
    expect(rulesOf('ᠬᠠᠩᠤᠷᠠ')).toEqual(['ng-before-vowel'])
    expect(rulesOf('ᠬᠡᠷᠡᠭᠲᠡᠶ᠃')).toContain('final-y')
    expect(rulesOf('ᠪᠣᠭᠡᠷᠡᠢ')).toEqual(['mixed-vowels'])
    expect(rulesOf('ᠺᠢᠯᠣᠮᠧᠲ᠋ᠷ')).toEqual([]) // loanword letters: may mix
  })

  it('finds Chinese punctuation, untranslated and Cyrillic text', () => {
    expect(rulesOf('ᠰᠣᠩᠭᠣᠯᠲᠠ（ᠲᠡᠮᠳᠡᠭ）？')).toEqual(['chinese-punctuation', 'chinese-punctuation', 'chinese-punctuation'])
    expect(rulesOf('ᠮᠣᠩᠭᠣᠯ\u3000ᠬᠡᠯᠡ')).toEqual(['chinese-punctuation'])
    expect(rulesOf('ᠮᠣᠩᠭᠣᠯ 社区')).toEqual(['untranslated'])
    expect(rulesOf('ᠮᠣᠩᠭᠣᠯ дугаар')).toEqual(['cyrillic'])
    expect(fixText('ᠰᠣᠩᠭᠣᠯᠲᠠ（ᠲᠡᠮᠳᠡᠭ）？«ᠮᠢᠨᠤ»')).toBe('ᠰᠣᠩᠭᠣᠯᠲᠠ(ᠲᠡᠮᠳᠡᠭ)?"ᠮᠢᠨᠤ"')
  })

  it('refuses a suffix on a {placeholder} or a number', () => {
    expect(rulesOf(`{time}${NNBSP}ᠡᠴᠡ`)).toEqual(['suffix-after-value'])
    expect(rulesOf('110 ᠳᠤᠷ')).toEqual(['suffix-after-value'])
    expect(rulesOf(`110 ᠳ᠋ᠤᠭᠠᠷ${NNBSP}ᠲᠤ`)).toEqual([])
  })

  it('replaces banned glossary variants and known misspellings with the vetted form', () => {
    expect(rulesOf('ᠨᠣᠮᠧᠷ')).toEqual(['banned-variant'])
    expect(fixText('ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠴᠢᠭᠳᠠᠭᠠᠴᠢ')).toBe(`ᠬᠣᠷᠣᠭᠠᠯᠠᠩ${NNBSP}ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ`)
    expect(fixText('ᠨᠡᠢᠲᠡᠯᠡᠪᠡ ᠪᠠᠢᠨ᠎ᠠ')).toBe('ᠨᠡᠶᠢᠲᠡᠯᠡᠪᠡ ᠪᠠᠶᠢᠨ᠎ᠠ')
    expect(fixText('ᠬᠡᠷᠡᠭᠯᠡᠬᠤ')).toBe('ᠬᠡᠷᠡᠭᠯᠡᠬᠦ')
  })

  it('fixes idempotently', () => {
    const once = fixText('ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠨᠣᠮᠧᠷ ᠢᠶᠠᠷ（110）')
    expect(fixText(once)).toBe(once)
    expect(lintText(once)).toEqual([])
  })
})

describe('finding the strings', () => {
  it('reads catalog keys, templates and constants a template inlines', () => {
    const source = "const TERM = 'ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ'\nexport const c = {\n  'a.b': m(`${TERM} ᠢ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ`),\n  'a.c': { text: 'ᠭᠡᠷ ᠲᠦ {x}', reviewed: false },\n}\n"
    const found = mongolianStringsIn('example.ts', source)
    expect(found.map((s) => [s.key, s.text, s.line])).toEqual([
      ['TERM', 'ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ', 1],
      ['a.b', 'ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠢ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ', 3],
      ['a.c', 'ᠭᠡᠷ ᠲᠦ {x}', 4],
    ])
    expect(rulesOf(found[1].text)).toEqual(['separator'])
  })
})
