// The index advisor: which filters and sorts a declared index serves, and the report of a
// function's unserved query with the function and action it came from (tests' own reads are
// not held to the indexes).
import type { Emulator } from '../../../emulator'
import { judgeQuery } from '../../../emulator/database/index-advisor'
import type { IndexSpec } from '../../../emulator/database/store'
import { sdkFor, start, writeFunctions } from './helpers'

const index = (name: string, ...fields: string[]): IndexSpec => ({ collection: 'cases', name, fields, unique: false })
const INDEXES = [index('by_status_deadline', 'status', 'deadline'), index('by_owner', 'openid', 'createdAt')]
const served = (filter: Record<string, unknown> | undefined, sort: string[] = []) => judgeQuery(INDEXES, filter, sort).served

describe('judgeQuery', () => {
  it('serves a filter on an index’s leading field, alone or with more fields', () => {
    expect(served({ status: 'open' })).toBe(true)
    expect(served({ status: { $in: ['open', 'late'] }, level: 2 })).toBe(true)
    expect(served({ $and: [{ openid: 'o1' }, { createdAt: { $gt: 3 } }] })).toBe(true)
  })

  it('serves any filter that pins _id, and a bare read in _id order', () => {
    expect(served({ _id: 'c1', level: 2 })).toBe(true)
    expect(served(undefined)).toBe(true)
    expect(served({})).toBe(true)
  })

  it('does not serve a filter on a field that only follows an index’s leading field', () => {
    expect(served({ deadline: { $lt: 5 } })).toBe(false)
    expect(served({ level: 2 })).toBe(false)
  })

  it('serves a sort that continues the constrained prefix of the filter’s index', () => {
    expect(served({ status: 'open' }, ['deadline'])).toBe(true)
    expect(served({ status: 'open', deadline: { $lt: 5 } }, ['deadline'])).toBe(true)
    expect(served({ status: 'open' }, ['createdAt'])).toBe(false)
    expect(served(undefined, ['status', 'deadline'])).toBe(true)
    expect(served(undefined, ['deadline'])).toBe(false)
  })

  it('serves an $or only when every branch is served, and $nor or $expr only through the rest of the filter', () => {
    expect(served({ $or: [{ status: 'open' }, { openid: 'o1' }] })).toBe(true)
    expect(served({ $or: [{ status: 'open' }, { level: 2 }] })).toBe(false)
    expect(served({ $nor: [{ status: 'open' }] })).toBe(false)
    expect(served({ $expr: { $gt: ['$a', '$b'] } })).toBe(false)
    expect(served({ status: 'open', $expr: { $gt: ['$a', '$b'] } })).toBe(true)
    expect(served({ $and: [{ _id: 'c1' }, { $nor: [{ level: 2 }] }] })).toBe(true)
  })
})

describe('the report of unserved queries', () => {
  let emu: Emulator

  beforeAll(async () => {
    const functionsDir = writeFunctions({
      cases: {
        index: `
          const cloud = require('wx-server-sdk')
          cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
          const db = cloud.database()
          exports.main = async (event) => {
            const cases = db.collection('cases')
            if (event.action === 'inbox') return (await cases.where({ status: 'open' }).orderBy('deadline', 'asc').get()).data.length
            if (event.action === 'byLevel') return (await cases.where({ level: 2 }).get()).data.length
            if (event.action === 'stats') return (await cases.aggregate().group({ _id: '$status', n: { $sum: 1 } }).end()).list.length
            return null
          }`,
      },
    })
    emu = await start({ functionsDir })
    emu.ensureIndexes(INDEXES)
    await emu.seed({ cases: [{ _id: 'c1', status: 'open', level: 2, deadline: 1 }] })
  })
  afterAll(() => emu.stop())

  it('lists nothing for queries the indexes serve, nor for reads from outside the functions', async () => {
    await emu.call('cases', { action: 'inbox' })
    await sdkFor(emu).database().collection('cases').where({ level: 2 }).get()
    expect(emu.unindexedQueries()).toEqual([])
  })

  it('names the function, the action, the query’s shape and why, once per shape with a count', async () => {
    await emu.call('cases', { action: 'byLevel' })
    await emu.call('cases', { action: 'byLevel' })
    await emu.call('cases', { action: 'stats' })
    expect(emu.unindexedQueries()).toEqual([
      expect.objectContaining({ collection: 'cases', request: 'getDocument', filterFields: ['level'], sort: [], origin: { function: 'cases', action: 'byLevel' }, count: 2 }),
      expect.objectContaining({ collection: 'cases', request: 'aggregate', origin: { function: 'cases', action: 'stats' }, count: 1, reason: expect.stringContaining('$group') }),
    ])
    emu.clearUnindexedQueries()
    expect(emu.unindexedQueries()).toEqual([])
  })
})
