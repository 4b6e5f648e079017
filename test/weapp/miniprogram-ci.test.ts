// The weapp build compiled and analysed by miniprogram-ci as an upload would be, and the files it
// would ship held to the syntax ceiling (docs/weapp.md). Copies of the build, broken on purpose,
// show that each check fails: a compile error, an unreachable file, an oversized package, and
// syntax above the ceiling.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PACKAGE_SIZE_CEILING, packageSizes, runMiniprogramCi, unreachableFiles, type CiResult } from './tools/miniprogram-ci'
import { SYNTAX_CEILING, filesAboveCeiling } from './tools/syntax-ceiling'
import { copyOf, removeWhenDone, weappDist } from './support'

// miniprogram-ci transpiles the whole build (es6 + enhance): minutes on two busy cores.
jest.setTimeout(12 * 60_000)

const oversized = (sizes: Record<string, number>) => Object.entries(sizes).filter(([, bytes]) => bytes > PACKAGE_SIZE_CEILING)

/** miniprogram-ci on a folder; its output is removed when the suite ends. */
async function ciOf(dir: string): Promise<CiResult> {
  const result = await runMiniprogramCi(dir)
  removeWhenDone(path.dirname(result.compiledDir))
  return result
}

/** A copy of the build uploaded with es6/enhance off: WeChat would ship its JavaScript as it is. */
function untranspiledCopy(label: string) {
  const copy = copyOf(weappDist, label)
  const configFile = path.join(copy, 'project.config.json')
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as { setting: Record<string, unknown> }
  writeFileSync(configFile, JSON.stringify({ ...config, setting: { ...config.setting, es6: false, enhance: false } }))
  return copy
}

describe('miniprogram-ci on the weapp build', () => {
  let result: CiResult
  beforeAll(async () => {
    result = await ciOf(weappDist)
  })

  it('compiles without error', () => {
    expect(result.compileError).toBeUndefined()
    expect(result.files).toContain('app.js')
  })

  it('finds no file that nothing reaches', () => {
    expect(unreachableFiles(result)).toEqual([])
  })

  it('keeps every package under 1.5 MB', () => {
    const sizes = packageSizes(result)
    expect(Object.keys(sizes)).toContain('__APP__')
    expect(oversized(sizes)).toEqual([])
  })

  it(`ships only JavaScript that parses at ES${SYNTAX_CEILING}`, () => {
    expect(result.files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(20)
    expect(filesAboveCeiling(result.compiledDir)).toEqual([])
  })

  describe('the syntax ceiling on a copy of the shipped files', () => {
    it('fails on a regex lookbehind, which iOS before 16.4 cannot parse', () => {
      const copy = copyOf(result.compiledDir, 'lookbehind')
      appendFileSync(path.join(copy, 'packages', 'volunteer', 'pages', 'center', 'index.js'), '\n;"a b".split(/(?<= )/);\n')
      expect(filesAboveCeiling(copy)).toEqual([{ file: 'packages/volunteer/pages/center/index.js', message: expect.stringMatching(/Invalid regular expression/) }])
    })

    it('fails on optional chaining and object spread', () => {
      const copy = copyOf(result.compiledDir, 'es2020')
      appendFileSync(path.join(copy, 'vendors.js'), '\n;var shipped = { ...{ a: 1 } }, b = shipped?.a;\n')
      expect(filesAboveCeiling(copy).map((violation) => violation.file)).toEqual(['vendors.js'])
    })
  })
})

describe('a copy of the build uploaded untranspiled, with a 1.6 MB file and an orphan script', () => {
  let result: CiResult
  beforeAll(async () => {
    const copy = untranspiledCopy('broken')
    // A page that carries 1.6 MB (say, an embedded data set) and a script nothing requires.
    appendFileSync(path.join(copy, 'packages', 'notices', 'pages', 'feed', 'index.js'), `\n// ${'x'.repeat(1.6 * 1024 * 1024)}\n`)
    writeFileSync(path.join(copy, 'packages', 'notices', 'orphan.js'), 'module.exports = "nobody requires me"\n')
    result = await ciOf(copy)
  })

  it('reports the oversized package', () => {
    expect(oversized(packageSizes(result)).map(([root]) => root)).toEqual(['packages/notices/'])
  })

  it('reports the unreachable file', () => {
    expect(unreachableFiles(result)).toEqual([expect.stringContaining('packages/notices/orphan.js')])
  })

  it('ships vendors.js above the syntax ceiling (the defect of es6/enhance off)', () => {
    expect(filesAboveCeiling(result.compiledDir).map((violation) => violation.file)).toContain('vendors.js')
  })
})

describe('a copy of the build whose app.json names a page that does not exist', () => {
  it('fails to compile, naming the page', async () => {
    const copy = untranspiledCopy('missing-page')
    const appJsonFile = path.join(copy, 'app.json')
    const appJson = JSON.parse(readFileSync(appJsonFile, 'utf8')) as { pages: string[] }
    writeFileSync(appJsonFile, JSON.stringify({ ...appJson, pages: [...appJson.pages, 'pages/missing/index'] }))
    const result = await ciOf(copy)
    expect(result.compileError).toMatch(/pages\/missing\/index/)
  })
})
