// security.mediaCheckAsync answered with a trace id, and its verdict pushed later as WeChat's
// message push would (`wxa_media_check`) to the configured function; plus functionEnv, the
// per-environment variables every function instance gets.
import type { Emulator } from '../../../emulator'
import { start, writeFunctions } from './helpers'

const INIT = `const cloud = require('wx-server-sdk')\ncloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })\n`

const functionsDir = writeFunctions({
  asker: {
    index: `${INIT}exports.main = async (event) => {
      const answer = await cloud.openapi.security.mediaCheckAsync({ mediaUrl: event.url, mediaType: 2, version: 2, scene: 3, openid: cloud.getWXContext().OPENID })
      return { traceId: answer.traceId, limits: process.env.RATE_LIMITS ?? null, own: process.env.OWN ?? null }
    }`,
    config: { envVariables: { OWN: 'from config.json', RATE_LIMITS: 'from config.json' } },
  },
  receiver: {
    index: `let pushes = []\nexports.main = async (event) => { if (event.Event) { pushes.push({ event, openid: process.env.WX_OPENID || null }); return 'success' } return pushes }`,
  },
})

let emu: Emulator
beforeAll(async () => {
  emu = await start({ functionsDir, messagePushFunction: 'receiver', functionEnv: { RATE_LIMITS: '{"booking":{"max":1,"per":"day"}}' }, maxInstancesPerFunction: 1 })
})
afterAll(() => emu.stop())

const ask = async (url: string) => (await emu.call('asker', { url }, { openid: 'o-uploader' })) as { traceId: string; limits: string | null; own: string | null }
const pushes = async () => (await emu.call('receiver', {}, {})) as Array<{ event: Record<string, unknown>; openid: string | null }>

describe('functionEnv', () => {
  it('reaches every instance, over config.json’s envVariables, which it leaves otherwise', async () => {
    const answer = await ask('https://example.invalid/a.png')
    expect(answer.limits).toBe('{"booking":{"max":1,"per":"day"}}')
    expect(answer.own).toBe('from config.json')
    await emu.resolveMediaChecks()
  })
})

describe('security.mediaCheckAsync', () => {
  it('answers a trace id (traceId through the SDK) and pushes the verdict right after, in WeChat’s shape', async () => {
    const before = (await pushes()).length
    const { traceId } = await ask('https://example.invalid/fine.png')
    expect(traceId).toMatch(/^[0-9a-f]{16}$/)
    await emu.resolveMediaChecks()
    const pushed = (await pushes()).slice(before)
    expect(pushed).toEqual([
      {
        openid: null,
        event: expect.objectContaining({ MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest: 'pass', label: 100 }, FromUserName: 'o-uploader' }),
      },
    ])
  })

  it('holds verdicts until resolved, and gives URLs matching a rule their verdict', async () => {
    emu.holdMediaChecks()
    emu.setMediaCheckRules({ risky: ['/bad/'], review: ['/unsure/'] })
    const before = (await pushes()).length
    const traces = [await ask('https://x.invalid/bad/1.png'), await ask('https://x.invalid/unsure/2.png'), await ask('https://x.invalid/ok/3.png')].map((a) => a.traceId)
    expect(emu.pendingMediaChecks().map((c) => c.traceId)).toEqual(traces)
    expect((await pushes()).length).toBe(before)
    expect(await emu.resolveMediaChecks()).toBe(3)
    expect(emu.pendingMediaChecks()).toEqual([])
    const verdicts = (await pushes()).slice(before).map((p) => [p.event.trace_id, (p.event.result as { suggest: string }).suggest])
    expect(verdicts).toEqual(expect.arrayContaining([[traces[0], 'risky'], [traces[1], 'review'], [traces[2], 'pass']]))
    emu.holdMediaChecks(false)
    emu.setMediaCheckRules({})
  })
})
