// The function host: production-style functions (cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }))
// run unchanged, with getWXContext(), timeouts, errors, nested calls, openapi, storage, timers
// and the HTTP gateway.
import type { Emulator } from '../../../emulator'
import { failure, start, writeFunctions } from './helpers'

const INIT = `const cloud = require('wx-server-sdk')\ncloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })\n`

const functionsDir = writeFunctions({
  whoami: {
    index: `${INIT}exports.main = async (event, context) => {
      const db = cloud.database()
      const total = (await db.collection('items').count()).total
      return { wx: cloud.getWXContext(), event, total, fn: context.function_name }
    }`,
  },
  sleepy: {
    index: `exports.main = async (event) => { await new Promise((r) => setTimeout(r, event.ms)); return 'woke' }`,
    config: { timeout: 1 },
  },
  boom: { index: `exports.main = async () => { throw new TypeError('boom!') }` },
  crash: { index: `exports.main = () => new Promise(() => { setTimeout(() => { throw new Error('async crash') }, 5) })` },
  nothing: { index: `exports.main = async () => undefined` },
  counter: { index: `let n = 0\nexports.main = async () => ++n` },
  // Each instance counts the invocations it runs at once: more than one would be an overlap.
  overlap: {
    index: `const instance = Math.random().toString(36).slice(2)\nlet running = 0\nlet most = 0
exports.main = async (event) => {
  running++
  most = Math.max(most, running)
  await new Promise((r) => setTimeout(r, event.ms))
  running--
  return { instance, most }
}`,
  },
  caller: {
    index: `${INIT}exports.main = async () => {
      const inner = await cloud.callFunction({ name: 'whoami', data: { from: 'caller' } })
      let failed = null
      try { await cloud.callFunction({ name: 'boom', data: {} }) } catch (e) { failed = { code: e.code, message: e.message } }
      return { inner: inner.result, failed, me: cloud.getWXContext().OPENID }
    }`,
  },
  notify: {
    index: `${INIT}exports.main = async (event) => {
      const { OPENID } = cloud.getWXContext()
      const check = await cloud.openapi.security.msgSecCheck({ version: 2, scene: 2, openid: OPENID, content: event.text })
      let sent = null
      try {
        sent = await cloud.openapi.subscribeMessage.send({ touser: OPENID, templateId: 'TPL-1', page: 'pages/index', data: { thing1: { value: event.text } } })
      } catch (e) { sent = { errCode: e.errCode } }
      return { suggest: check.result.suggest, label: check.result.label, sent: sent.errCode }
    }`,
  },
  files: {
    index: `${INIT}exports.main = async () => {
      const up = await cloud.uploadFile({ cloudPath: 'docs/hello.txt', fileContent: Buffer.from('hello file') })
      const urls = await cloud.getTempFileURL({ fileList: [up.fileID] })
      const text = await (await fetch(urls.fileList[0].tempFileURL)).text()
      const down = await cloud.downloadFile({ fileID: up.fileID })
      const del = await cloud.deleteFile({ fileList: [up.fileID] })
      const after = await cloud.getTempFileURL({ fileList: [up.fileID] })
      return { fileID: up.fileID, text, downloaded: down.fileContent.toString(), deleted: del.fileList[0].status, after: after.fileList[0].status }
    }`,
  },
  tick: {
    index: `${INIT}exports.main = async (event) => ({ event, wx: cloud.getWXContext() })`,
    config: { timeout: 5, triggers: [{ name: 'every5min', type: 'timer', config: '0 */5 * * * * *' }] },
  },
})

let emu: Emulator
beforeAll(async () => {
  emu = await start({ functionsDir, maxInstancesPerFunction: 4 })
  await emu.seed({ items: [{ _id: 'i1' }, { _id: 'i2' }] })
})
afterAll(() => emu.stop())

describe('function host', () => {
  it('runs a production-style function as the calling user', async () => {
    const r = (await emu.call('whoami', { q: 1 }, { openid: 'o-alice' })) as Record<string, any>
    expect(r.wx).toMatchObject({ OPENID: 'o-alice', APPID: 'wx0000000000000000', ENV: 'local', SOURCE: 'wx_client' })
    expect(r.event).toEqual({ q: 1, userInfo: { appId: 'wx0000000000000000', openId: 'o-alice' } })
    expect(r.total).toBe(2)
    expect(r.fn).toBe('whoami')
  })

  it('reuses warm instances, one invocation at a time each', async () => {
    const first = (await emu.call('counter', {})) as number
    expect(await emu.call('counter', {})).toBe(first + 1)
    // 12 calls at once on at most 4 instances: several instances run, each one call at a time.
    const parallel = (await Promise.all(Array.from({ length: 12 }, () => emu.call('overlap', { ms: 50 })))) as Array<{ instance: string; most: number }>
    const instances = new Set(parallel.map((r) => r.instance))
    expect(instances.size).toBeGreaterThan(1)
    expect(instances.size).toBeLessThanOrEqual(4)
    expect(parallel.map((r) => r.most)).toEqual(Array(12).fill(1))
  })

  it('times out like the cloud and keeps serving', async () => {
    const e = await failure(emu.call('sleepy', { ms: 5000 }))
    expect(e.errCode).toBe(-504003)
    expect(e.message).toContain('timed out after 1 seconds')
    expect(await emu.call('sleepy', { ms: 1 })).toBe('woke')
  })

  it('turns exceptions into the function-error shape', async () => {
    const e = await failure(emu.call('boom', {}))
    expect(e.errCode).toBe(-504002)
    expect(e.message).toContain('TypeError: boom!')
    const crash = await failure(emu.call('crash', {}))
    expect(crash.errCode).toBe(-504002)
    expect(crash.message).toContain('async crash')
    expect(await emu.call('nothing', {})).toBeNull()
    const missing = await failure(emu.call('nope', {}))
    expect(missing.errCode).toBe(-501000)
  })

  it('cloud.callFunction from a function keeps the caller and surfaces errors', async () => {
    const r = (await emu.call('caller', {}, { openid: 'o-bob' })) as Record<string, any>
    expect(r.me).toBe('o-bob')
    expect(r.inner.wx.OPENID).toBe('o-bob')
    expect(r.inner.event).toEqual({ from: 'caller' })
    expect(r.failed.code).toBe('FUNCTIONS_EXECUTE_FAIL')
    expect(r.failed.message).toContain('boom!')
  })

  it('answers openapi locally, records every call in the outbox and counts the messages sent', async () => {
    emu.resetStats()
    emu.setContentRules({ risky: ['forbidden'], review: ['maybe'] })
    emu.setSubscribeRefused('o-refuser')
    expect(await emu.call('notify', { text: 'a forbidden word' }, { openid: 'o-carol' })).toEqual({ suggest: 'risky', label: 20006, sent: 0 })
    expect(await emu.call('notify', { text: 'maybe so' }, { openid: 'o-carol' })).toMatchObject({ suggest: 'review' })
    expect(await emu.call('notify', { text: 'hello' }, { openid: 'o-refuser' })).toEqual({ suggest: 'pass', label: 100, sent: 43101 })
    const outbox = emu.outbox()
    expect(outbox.filter((m) => m.api === 'security.msgSecCheck')).toHaveLength(3)
    const sends = outbox.filter((m) => m.api === 'subscribeMessage.send')
    expect(sends[0]).toMatchObject({ openid: 'o-carol', data: { touser: 'o-carol', template_id: 'TPL-1', page: 'pages/index' }, result: { errcode: 0 } })
    expect(sends[2]).toMatchObject({ data: { touser: 'o-refuser' }, result: { errcode: 43101 } })
    // three sends, the refused one included (a call that must send nothing must not even try); the content checks are no messages
    expect(emu.stats()).toMatchObject({ messages: 3, files: 0 })
  })

  it('stores, serves and deletes files, counting the file stored', async () => {
    emu.resetStats()
    const r = (await emu.call('files', {})) as Record<string, unknown>
    expect(emu.stats()).toMatchObject({ files: 1, messages: 0 })
    expect(r).toEqual({ fileID: 'cloud://local.local-local-1250000000/docs/hello.txt', text: 'hello file', downloaded: 'hello file', deleted: 0, after: -503003 })
  })

  it('runs timer triggers on demand with the cloud timer event and no user', async () => {
    const r = (await emu.runTimer('tick')) as Record<string, any>
    expect(r.event).toMatchObject({ Type: 'Timer', TriggerName: 'every5min' })
    expect(r.event.Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(r.wx.OPENID).toBeUndefined()
    expect(r.wx.ENV).toBe('local')
    await expect(emu.runTimer('tick', 'nope')).rejects.toThrow('no timer trigger')
  })
})

describe('HTTP gateway', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${emu.url}/gateway/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  it('calls a function as the x-wx-openid user', async () => {
    const r = await post({ name: 'whoami', data: { a: 1 } }, { 'x-wx-openid': 'o-web' })
    expect(r.status).toBe(200)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await r.json()) as { result: Record<string, any> }
    expect(body.result.wx.OPENID).toBe('o-web')
    expect(body.result.event.a).toBe(1)
  })

  it('answers function errors like wx.cloud.callFunction', async () => {
    const body = (await (await post({ name: 'boom' })).json()) as { errCode: number; errMsg: string }
    expect(body.errCode).toBe(-504002)
    expect(body.errMsg).toContain('cloud.callFunction:fail')
    expect((await post({ data: {} })).status).toBe(400)
    const pre = await fetch(`${emu.url}/gateway/call`, { method: 'OPTIONS' })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-headers')).toContain('x-wx-openid')
  })
})
