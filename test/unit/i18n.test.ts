import { zhHans } from '../../src/i18n/zh-Hans'
import { mnMong } from '../../src/i18n/mn-Mong'
import { translate } from '../../src/i18n'

const MONGOLIAN_SCRIPT = /[\u1800-\u18AF]/

describe('catalogs', () => {
  it('hold the same keys in both languages', () => {
    expect(Object.keys(mnMong).sort()).toEqual(Object.keys(zhHans).sort())
  })
  it('write Mongolian in the traditional script, each entry marked reviewed or not', () => {
    for (const [key, entry] of Object.entries(mnMong)) {
      expect({ key, script: MONGOLIAN_SCRIPT.test(entry.text) || !/[A-Za-z\u4e00-\u9fff]/.test(entry.text) }).toEqual({ key, script: true })
      expect(typeof entry.reviewed).toBe('boolean')
    }
  })
  it('have a message for every error code', () => {
    expect(translate('zh', 'error.CONFLICT')).toMatch(/重试/)
  })
})
