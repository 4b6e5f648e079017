// Every catalog — the app's and each subpackage's or page's own — holds the same keys in both
// languages, writes Mongolian in the traditional script, and marks each Mongolian entry reviewed
// or not, so a native speaker can find what still needs them.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { translate } from '../../src/i18n'

const MONGOLIAN_SCRIPT = /[\u1800-\u18AF]/
const src = path.resolve(__dirname, '../../src')

function catalogDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return []
    const full = path.join(dir, entry.name)
    return entry.name === 'i18n' ? [full] : catalogDirs(full)
  })
}

/** The one object a catalog file exports. */
function catalogIn(file: string): Record<string, unknown> {
  const exported = Object.values(require(file) as Record<string, unknown>).filter((v) => typeof v === 'object' && v !== null)
  expect(exported).toHaveLength(1)
  return exported[0] as Record<string, unknown>
}

const catalogs = catalogDirs(src).map((dir) => ({
  name: path.relative(src, dir),
  zh: catalogIn(path.join(dir, 'zh-Hans.ts')) as Record<string, string>,
  mn: catalogIn(path.join(dir, 'mn-Mong.ts')) as Record<string, { text: string; reviewed: boolean }>,
}))

it('finds the app catalog and the subpackages’ catalogs', () => {
  expect(catalogs.map((c) => c.name)).toEqual(expect.arrayContaining(['i18n', 'packages/officer/i18n', 'packages/admin/i18n']))
})

describe.each(catalogs)('catalog $name', ({ zh, mn }) => {
  it('holds the same keys in both languages', () => {
    expect(Object.keys(mn).sort()).toEqual(Object.keys(zh).sort())
  })
  it('writes Mongolian in the traditional script, each entry marked reviewed or not', () => {
    for (const [key, entry] of Object.entries(mn)) {
      // Entries made only of placeholders and punctuation ('{date} {time}') have no words to write.
      const words = entry.text.replace(/\{\w+\}/g, '')
      const script = MONGOLIAN_SCRIPT.test(words) || !/[A-Za-z\u4e00-\u9fff]/.test(words)
      expect({ key, script }).toEqual({ key, script: true })
      expect({ key, reviewed: typeof entry.reviewed }).toEqual({ key, reviewed: 'boolean' })
    }
  })
})

it('has a message for every error code', () => {
  expect(translate('zh', 'error.CONFLICT')).toMatch(/重试/)
})
