// Checks for what an e2e test's title claims about traditional Mongolian and about order, so the
// claim is asserted and does not live only in a screenshot (issue 22): the words come from the
// mn-Mong catalogs (not merely "some Mongolian letters"), the browser really sets them in vertical
// columns, and one thing really comes before another.
import type { Locator } from 'playwright-core'
import type { MongolianEntry } from '../../src/i18n'

/** Whitespace as one space: the catalogs join case suffixes with U+202F, the DOM may wrap lines. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The fixed words of a catalog entry: its longest run of text between {placeholders}, which the
 * screen fills with a time, a name or a number.
 */
export const fixedWords = (entry: MongolianEntry) =>
  entry.text
    .split(/\{\w+\}/)
    .map(plain)
    .reduce((longest, run) => (run.length > longest.length ? run : longest), '')

/** The element shows the entry's words in traditional Mongolian script, set vertically in Noto Sans Mongolian. */
export async function expectMongolian(locator: Locator, entry: MongolianEntry) {
  const shown = await locator.first().evaluate((el) => {
    const style = getComputedStyle(el)
    return { text: el.textContent ?? '', writingMode: style.writingMode, fontFamily: style.fontFamily }
  })
  const words = fixedWords(entry)
  expect(words.length).toBeGreaterThan(1)
  expect(plain(shown.text)).toContain(words)
  expect(shown).toMatchObject({ writingMode: 'vertical-lr', fontFamily: expect.stringContaining('Noto Sans Mongolian') })
}

/**
 * `first` comes before `second` for the reader of a vertical-lr page: earlier in the document and
 * in a column to the left of it (columns follow each other left to right).
 */
export async function expectBefore(first: Locator, second: Locator) {
  const earlierInDocument = await first.first().evaluate((a, b) => Boolean(a.compareDocumentPosition(b as Node) & Node.DOCUMENT_POSITION_FOLLOWING), await second.first().elementHandle())
  expect(earlierInDocument).toBe(true)
  const [a, b] = await Promise.all([first.first().boundingBox(), second.first().boundingBox()])
  expect(a && b && a.x < b.x).toBe(true)
}
