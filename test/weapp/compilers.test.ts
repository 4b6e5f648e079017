// Every template, template script and style of the weapp build compiled by WeChat's own
// compilers (wcc, wcsc), as DevTools and the upload do; a broken copy shows each check can fail.
import { appendFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compileStyles, compileTemplates, filesOf } from './tools/wechat-compilers'
import { copyOf, weappDist } from './support'

describe("WeChat's compilers on the weapp build", () => {
  it('compile every .wxml and .wxs with wcc', () => {
    expect(filesOf(weappDist, '.wxml').length).toBeGreaterThan(20)
    const result = compileTemplates(weappDist)
    expect(result.errors).toBe('')
    expect(result.output).toContain('$gwx')
  })

  it('compile every .wxss with wcsc', () => {
    expect(filesOf(weappDist, '.wxss').length).toBeGreaterThan(10)
    expect(compileStyles(weappDist).errors).toBe('')
  })
})

describe('a copy of the build with broken files', () => {
  it('fails wcc on a template with an unclosed tag, naming the file', () => {
    const copy = copyOf(weappDist, 'bad-wxml')
    writeFileSync(path.join(copy, 'pages', 'me', 'index.wxml'), '<view><text>unclosed</view>')
    expect(compileTemplates(copy).errors).toMatch(/pages\/me\/index\.wxml.*end-tag/s)
  })

  it('fails wcc on a template script with a syntax error', () => {
    const copy = copyOf(weappDist, 'bad-wxs')
    appendFileSync(path.join(copy, 'utils.wxs'), '\nmodule.exports.broken = function( {')
    expect(compileTemplates(copy).errors).not.toBe('')
  })

  it('fails wcsc on a style with a stray brace, naming the file', () => {
    const copy = copyOf(weappDist, 'bad-wxss')
    appendFileSync(path.join(copy, 'app.wxss'), '\n.broken {{ color: red; }')
    expect(compileStyles(copy).errors).toMatch(/app\.wxss/)
  })
})
