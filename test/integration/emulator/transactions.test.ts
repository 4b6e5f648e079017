// Transactions and atomic conditional updates through the real wx-server-sdk.
import type { Emulator } from '../../../emulator'
import { failure, sdkFor, start } from './helpers'

let emu: Emulator
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any

beforeAll(async () => {
  emu = await start({ transactionTimeoutMs: 2000 })
  db = sdkFor(emu).database()
  _ = db.command
})
afterAll(() => emu.stop())

beforeEach(() => emu.seed({ accounts: [{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }], slots: [{ _id: 's', left: 10 }] }))

const balance = async (id: string): Promise<number> => (await db.collection('accounts').doc(id).get()).data.balance

describe('transactions', () => {
  it('runTransaction commits all writes and returns the callback result', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('accounts').doc('a').get()).data
      await t.collection('accounts').doc('a').update({ data: { balance: _.inc(-30) } })
      await t.collection('accounts').doc('b').update({ data: { balance: _.inc(30) } })
      // reads inside the transaction see its own writes
      const again = (await t.collection('accounts').doc('a').get()).data
      await t.collection('transfers').add({ data: { from: 'a', amount: 30 } }).catch(() => undefined)
      return { before: a.balance, inside: again.balance }
    })
    expect(result).toEqual({ before: 100, inside: 70 })
    expect(await balance('a')).toBe(70)
    expect(await balance('b')).toBe(30)
  })

  it('writes are invisible outside until commit, and rollback discards them', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 1 } })
    await t.collection('accounts').doc('c').set({ data: { balance: 5 } })
    expect(await balance('a')).toBe(100)
    await t.rollback()
    expect(await balance('a')).toBe(100)
    expect((await db.collection('accounts').where({ _id: 'c' }).count()).total).toBe(0)
    const late = await failure(t.collection('accounts').doc('a').update({ data: { balance: 2 } }))
    expect(late.message).toContain('not active')
  })

  it('an aborted runTransaction rethrows the rollback reason and writes nothing', async () => {
    emu.resetStats()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const e = await failure(db.runTransaction(async (t: any) => {
      await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
      await t.rollback('insufficient funds')
    }))
    expect(e).toBe('insufficient funds')
    expect(emu.stats().writes).toBe(0)
    expect(await balance('a')).toBe(100)
  })

  it('of two transactions updating the same document, one fails with a conflict', async () => {
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    expect((await t1.collection('accounts').doc('a').get()).data.balance).toBe(100)
    expect((await t2.collection('accounts').doc('a').get()).data.balance).toBe(100)
    await t1.collection('accounts').doc('a').update({ data: { balance: 50 } })
    const e = await failure(t2.collection('accounts').doc('a').update({ data: { balance: 10 } }))
    expect(e.message).toContain('TransactionConflict')
    await t1.commit()
    expect(await balance('a')).toBe(50)
  })

  it('a commit fails when another writer changed a document the transaction read', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').doc('a').get()
    await t.collection('accounts').doc('b').update({ data: { balance: 1 } })
    await db.collection('accounts').doc('a').update({ data: { balance: 99 } })
    const e = await failure(t.commit())
    expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(await balance('b')).toBe(0)
    expect(await balance('a')).toBe(99)
  })

  it('runTransaction retries a transaction whose commit conflicts, and it lands once', async () => {
    emu.faults.conflictTransactions(1)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.runTransaction(async (t: any) => {
      const a = (await t.collection('accounts').doc('a').get()).data
      await t.collection('accounts').doc('a').update({ data: { balance: a.balance + 5 } })
    }, 10)
    expect(emu.faults.fired.conflict).toBe(1)
    expect(await balance('a')).toBe(105)
  })

  // The SDK retries only a conflict its commit reports; a write refused inside the transaction
  // (another one holds or changed the document) reaches the caller. So concurrent read-modify-write
  // transactions never lose an update, but not all of them land: callers retry or use atomic updates.
  it('concurrent read-modify-write transactions each land whole or fail with a conflict, none lost', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const add = (n: number) => db.runTransaction(async (t: any) => {
      const a = (await t.collection('accounts').doc('a').get()).data
      await t.collection('accounts').doc('a').update({ data: { balance: a.balance + n } })
    }, 10)
    const results = await Promise.allSettled([add(1), add(2), add(3)])
    const landed = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []))
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []))
    expect(landed.length).toBeGreaterThanOrEqual(1)
    expect(failures).toEqual(failures.map(() => expect.stringContaining('TransactionConflict')))
    expect(await balance('a')).toBe(100 + landed.reduce((sum, n) => sum + n, 0))
  })

  it('a transaction expires after its timeout', async () => {
    const t = await db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 1 } })
    await new Promise((r) => setTimeout(r, 2200))
    const e = await failure(t.commit())
    expect(e.message).toContain('expired')
    expect(await balance('a')).toBe(100)
  })
})

describe('atomic conditional updates', () => {
  it('300 concurrent decrements of a stock of 10 succeed exactly 10 times', async () => {
    emu.resetStats()
    const attempts = Array.from({ length: 300 }, () => db.collection('slots').where({ _id: 's', left: _.gt(0) }).update({ data: { left: _.inc(-1) } }))
    const results = await Promise.all(attempts)
    const won = results.filter((r: { stats: { updated: number } }) => r.stats.updated === 1).length
    expect(won).toBe(10)
    expect((await db.collection('slots').doc('s').get()).data.left).toBe(0)
    expect(emu.stats().writes).toBe(10)
  })
})
