// The review workflow: the sheet lists every Mongolian string with safety texts first, and a
// reviewer's verdicts go back into a catalog (text and `reviewed: true`) by script.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { catalogEntries, writeEntries } from '../../scripts/mongolian/catalog-entries'
import { readVerdicts } from '../../scripts/mongolian/apply-review'
import { sheetRows } from '../../scripts/mongolian/review-sheet'
import { transliterate } from '../../scripts/mongolian/transliterate'

describe('the review sheet', () => {
  const rows = sheetRows()
  it('lists every catalog entry, safety texts first, each with its review status', () => {
    expect(rows.length).toBeGreaterThanOrEqual(catalogEntries().length)
    const firstOrdinary = rows.findIndex((row) => !row.safety)
    expect(rows.slice(firstOrdinary).some((row) => row.safety)).toBe(false)
    expect(rows.slice(0, firstOrdinary).map((row) => row.key)).toEqual(expect.arrayContaining(['error.INTERNAL', 'emergency.call110', 'volunteer.certificate.station']))
    expect(rows.every((row) => typeof row.reviewed === 'boolean')).toBe(true)
  })
  it('gives the Chinese, a transliteration, an English gloss and the glossary terms', () => {
    const row = rows.find((r) => r.key === 'emergency.call110')!
    expect(row).toMatchObject({ zh: '拨打 110', latin: '110 duγar-tu utasu ǰalγaqu', terms: expect.stringContaining('number') })
    expect(row.gloss).toMatch(/110/)
  })
  it('transliterates q/γ in back words and k/g in front words', () => {
    expect(transliterate('ᠬᠡᠷᠡᠭ ᠬᠠᠷᠢᠭᠤ')).toBe('kereg qariγu')
  })
})

describe('writing verdicts back', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mn-review-'))
  const mnFile = path.join(dir, 'mn-Mong.ts')
  writeFileSync(path.join(dir, 'zh-Hans.ts'), "export const zh = { 'a.one': '一', 'a.two': '二' }\n")
  writeFileSync(mnFile, "const m = (text: string) => ({ text, reviewed: false })\nexport const mn = {\n  'a.one': m('ᠨᠢᠭᠡ'),\n  'a.two': m('ᠬᠣᠶᠠᠷ'),\n}\n")

  it('marks an accepted entry reviewed and writes a corrected one, leaving the rest', () => {
    const missing = writeEntries([
      { file: mnFile, key: 'a.one', reviewed: true },
      { file: mnFile, key: 'a.two', text: 'ᠬᠣᠶᠠᠷ ᠤᠨ', reviewed: true },
      { file: mnFile, key: 'a.three', reviewed: true },
    ])
    expect(missing).toEqual([`${mnFile} a.three`])
    const source = readFileSync(mnFile, 'utf8')
    expect(source).toContain("'a.one': { text: 'ᠨᠢᠭᠡ', reviewed: true }")
    expect(source).toContain("'a.two': { text: 'ᠬᠣᠶᠠᠷ ᠤᠨ', reviewed: true }")
  })

  it('reads verdicts from the sheet’s CSV, skipping rows without a verdict', () => {
    const csv = path.join(dir, 'sheet.csv')
    writeFileSync(
      csv,
      '\uFEFFid,safety,zh,mn,latin,gloss,terms,reviewed,verdict,corrected_mn,reviewer,comment\n' +
        '"x#a.one","true","一","ᠨᠢᠭᠡ","nige","","","false","ok","","Bayar",""\n' +
        '"x#a.two","false","二","ᠬᠣᠶᠠᠷ","qoyar","","","false","fix","ᠬᠣᠶᠠᠷ, ᠭᠤᠷᠪᠠ","Bayar","a comma, ""quoted"""\n' +
        '"x#a.three","false","三","ᠭᠤᠷᠪᠠ","γurba","","","false","","","",""\n',
    )
    expect(readVerdicts(csv)).toEqual([
      { id: 'x#a.one', verdict: 'ok', corrected_mn: '', reviewer: 'Bayar', comment: '' },
      { id: 'x#a.two', verdict: 'fix', corrected_mn: 'ᠬᠣᠶᠠᠷ, ᠭᠤᠷᠪᠠ', reviewer: 'Bayar', comment: 'a comma, "quoted"' },
    ])
  })
})
