// The fault hooks: each makes the cloud fail the way the real one sometimes does, fires as many
// times as armed and then disarms itself.
import type { Emulator } from '../../../emulator'
import { failure, sdkFor, start, writeFunctions } from './helpers'

const INIT = `const cloud = require('wx-server-sdk')\ncloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })\n`

let emu: Emulator
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any

beforeAll(async () => {
  const functionsDir = writeFunctions({
    slow: { index: `exports.main = async (event) => { await new Promise((r) => setTimeout(r, event.ms)); return 'done' }`, config: { timeout: 10 } },
    send: {
      index: `${INIT}exports.main = async (event) => {
        try {
          await cloud.openapi.subscribeMessage.send({ touser: event.to, templateId: 'TPL', data: {} })
          return 0
        } catch (e) { return e.errCode }
      }`,
    },
    transfer: {
      index: `${INIT}exports.main = async () => {
        const db = cloud.database()
        try {
          await db.runTransaction(async (tx) => {
            const a = (await tx.collection('accounts').doc('a').get()).data
            await tx.collection('accounts').doc('a').update({ data: { n: a.n + 1 } })
          }, 1)
          return 'committed'
        } catch (e) { return String(e.errCode || e.code || e.message) }
      }`,
    },
  })
  emu = await start({ functionsDir })
  db = sdkFor(emu).database()
  await emu.seed({ accounts: [{ _id: 'a', n: 0 }], items: [] })
})
afterAll(() => emu.stop())
afterEach(() => emu.faults.clear())

describe('failDatabaseRequest', () => {
  it('fails the nth matching request before it takes effect, once', async () => {
    emu.faults.failDatabaseRequest({ action: 'database.insertDocument', collection: 'items', nth: 2 })
    await db.collection('items').add({ data: { k: 1 } })
    const e = await failure(db.collection('items').add({ data: { k: 2 } }))
    expect(e.message).toContain('injected failure')
    await db.collection('items').add({ data: { k: 3 } })
    const { data } = await db.collection('items').where({}).get()
    expect(data.map((d: { k: number }) => d.k).sort()).toEqual([1, 3])
    expect(emu.faults.fired.database).toBe(1)
  })

  it('fails after the request took effect when asked: the write is stored, the answer is an error', async () => {
    emu.faults.failDatabaseRequest({ action: 'database.modifyDocument', collection: 'accounts', when: 'after' })
    await failure(db.collection('accounts').doc('a').update({ data: { n: 10 } }))
    expect((await db.collection('accounts').doc('a').get()).data.n).toBe(10)
  })
})

describe('conflictTransactions', () => {
  it('aborts the armed commits with a write conflict, leaving nothing written', async () => {
    // runTransaction(fn, 1) tries twice: a conflict on both ends it.
    emu.faults.conflictTransactions(2)
    expect(await emu.call('transfer', {})).not.toBe('committed')
    expect((await db.collection('accounts').doc('a').get()).data.n).toBe(10)
    expect(emu.faults.fired.conflict).toBe(2)
  })

  it('lets the SDK’s retry commit after a single conflict', async () => {
    emu.faults.conflictTransactions(1)
    expect(await emu.call('transfer', {})).toBe('committed')
    expect((await db.collection('accounts').doc('a').get()).data.n).toBe(11)
  })
})

describe('failOpenApi', () => {
  it('answers the armed error code for the armed calls only', async () => {
    emu.faults.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, openid: 'busy-user' })
    expect(await emu.call('send', { to: 'other-user' })).toBe(0)
    expect(await emu.call('send', { to: 'busy-user' })).toBe(-1)
    expect(await emu.call('send', { to: 'busy-user' })).toBe(0)
  })
})

describe('timeOutFunction', () => {
  it('cuts the next invocation off after the given time, as the cloud’s time limit does', async () => {
    emu.faults.timeOutFunction({ function: 'slow', afterMs: 50 })
    const e = await failure(emu.call('slow', { ms: 2000 }))
    expect(e.errCode).toBe(-504003)
    expect(await emu.call('slow', { ms: 10 })).toBe('done')
  })
})

describe('delayRequests', () => {
  it('holds matching requests before answering them', async () => {
    emu.faults.delayRequests({ action: 'database.getDocument', collection: 'accounts', ms: 30, count: 2 })
    await db.collection('accounts').doc('a').get()
    await db.collection('accounts').doc('a').get()
    await db.collection('accounts').doc('a').get()
    expect(emu.faults.fired.delay).toBe(2)
  })
})
