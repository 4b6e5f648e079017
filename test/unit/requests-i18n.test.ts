// The requests screens' Mongolian follows the station's writing rules, checked rather than hoped
// for: a case suffix is joined to its word with U+202F (a plain space lets the line break inside
// the word and shapes the suffix as a word of its own), never follows a {placeholder} or a
// number (its vowel harmony depends on the word it joins), and no Chinese punctuation appears.
import { requestsMnMong } from '../../src/packages/requests/i18n/mn-Mong'
import { officerRequestsMnMong } from '../../src/packages/officer/requests/i18n/mn-Mong'

const SUFFIXES = ['ᠤᠨ', 'ᠦᠨ', 'ᠶᠢᠨ', 'ᠢᠨ', 'ᠶᠢ', 'ᠢ', 'ᠳᠤ', 'ᠲᠤ', 'ᠳᠦ', 'ᠲᠦ', 'ᠳᠤᠷ', 'ᠡᠴᠡ', 'ᠠᠴᠠ', 'ᠪᠠᠷ', 'ᠪᠡᠷ', 'ᠢᠶᠠᠷ', 'ᠢᠶᠡᠷ', 'ᠲᠠᠢ', 'ᠲᠡᠢ', 'ᠪᠠᠨ', 'ᠪᠡᠨ', 'ᠤ']
const suffix = `(?:${SUFFIXES.join('|')})(?=[\\s᠂᠃᠄?!:,.)]|$)`
const CHINESE_PUNCTUATION = /[，。：；！？（）“”‘’、《》【】]/

describe.each([
  ['residents', requestsMnMong],
  ['officers', officerRequestsMnMong],
] as const)('the %s requests catalog in Mongolian', (_name, catalog) => {
  const entries = Object.entries(catalog).map(([key, entry]) => ({ key, text: entry.text }))
  it('joins every case suffix to its word with U+202F, never a plain space', () => {
    const loose = new RegExp(`[\\u1820-\\u18AF\\u180E] ${suffix}`)
    expect(entries.filter((e) => loose.test(e.text)).map((e) => e.key)).toEqual([])
  })
  it('puts no suffix right after a placeholder or a number', () => {
    const afterPlaceholder = new RegExp(`(?:\\}|\\d)[ \\u202F]${suffix}`)
    expect(entries.filter((e) => afterPlaceholder.test(e.text)).map((e) => e.key)).toEqual([])
  })
  it('uses no Chinese punctuation', () => {
    expect(entries.filter((e) => CHINESE_PUNCTUATION.test(e.text)).map((e) => e.key)).toEqual([])
  })
})
