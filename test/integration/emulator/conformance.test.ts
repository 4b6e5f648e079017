// Conformance: examples from the CloudBase database documentation and from @cloudbase/database's
// own API (query, update and aggregation operators, transactions), run through the real
// wx-server-sdk against the emulator, with the answers CloudBase documents. A difference here is
// a bug in the emulator: the product's tests would otherwise pass on behaviour production lacks.
import type { Emulator } from '../../../emulator'
import { sdkFor, start } from './helpers'

let emu: Emulator
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let $: any

const at = (iso: string) => new Date(iso)

beforeAll(async () => {
  emu = await start()
  db = sdkFor(emu).database()
  _ = db.command
  $ = _.aggregate
  await emu.seed({
    orders: [
      { _id: 'o1', createdAt: at('2026-05-20T17:30:00Z'), total: 12, items: [{ sku: 'milk', qty: 2 }, { sku: 'tea', qty: 1 }] },
      { _id: 'o2', createdAt: at('2026-05-21T01:05:09Z'), total: 7, items: [{ sku: 'tea', qty: 5 }] },
      { _id: 'o3', createdAt: at('2026-12-31T23:59:59Z'), total: 30, items: [] },
    ],
    places: [
      { _id: 'station', name: '派出所', location: { type: 'Point', coordinates: [106.9787, 41.5873] } },
      { _id: 'gacha', name: '嘎查', location: { type: 'Point', coordinates: [106.99, 41.6] } },
      { _id: 'far', name: '牧场', location: { type: 'Point', coordinates: [107.5, 42.0] } },
    ],
    ledger: [
      { _id: 'a', owner: 'x', balance: 10 },
      { _id: 'b', owner: 'x', balance: 20 },
      { _id: 'c', owner: 'y', balance: 30 },
    ],
  })
})
afterAll(() => emu.stop())

describe('aggregation date operators', () => {
  it('$dateToString formats in a named time zone and an offset, as the docs show', async () => {
    const { list } = await db
      .collection('orders')
      .aggregate()
      .sort({ _id: 1 })
      .project({
        _id: 0,
        day: $.dateToString({ date: '$createdAt', format: '%Y-%m-%d', timezone: 'Asia/Shanghai' }),
        utc: $.dateToString({ date: '$createdAt', format: '%Y-%m-%dT%H:%M:%S.%LZ' }),
        offset: $.dateToString({ date: '$createdAt', format: '%H:%M', timezone: '+08:00' }),
      })
      .end()
    expect(list).toEqual([
      { day: '2026-05-21', utc: '2026-05-20T17:30:00.000Z', offset: '01:30' },
      { day: '2026-05-21', utc: '2026-05-21T01:05:09.000Z', offset: '09:05' },
      { day: '2027-01-01', utc: '2026-12-31T23:59:59.000Z', offset: '07:59' },
    ])
  })

  it('the date part operators take a time zone too', async () => {
    const { list } = await db
      .collection('orders')
      .aggregate()
      .match({ _id: 'o3' })
      .project({
        _id: 0,
        year: $.year({ date: '$createdAt', timezone: 'Asia/Shanghai' }),
        month: $.month({ date: '$createdAt', timezone: 'Asia/Shanghai' }),
        dayOfMonth: $.dayOfMonth({ date: '$createdAt', timezone: 'Asia/Shanghai' }),
        hour: $.hour({ date: '$createdAt', timezone: 'Asia/Shanghai' }),
        utcHour: $.hour('$createdAt'),
        dayOfWeek: $.dayOfWeek('$createdAt'),
        isoWeek: $.isoWeek('$createdAt'),
      })
      .end()
    expect(list).toEqual([{ year: 2027, month: 1, dayOfMonth: 1, hour: 7, utcHour: 23, dayOfWeek: 5, isoWeek: 53 }])
  })

  it('$dateFromString reads a date in a time zone', async () => {
    const { list } = await db
      .collection('orders')
      .aggregate()
      .match({ _id: 'o1' })
      .project({ _id: 0, parsed: $.dateFromString({ dateString: '2026-05-21T08:00:00', timezone: 'Asia/Shanghai' }) })
      .end()
    expect(new Date(list[0].parsed).toISOString()).toBe('2026-05-21T00:00:00.000Z')
  })
})

describe('$lookup with a sub-pipeline', () => {
  it('joins what each sub-pipeline selects, two lookups on one collection apart', async () => {
    const { list } = await db
      .collection('ledger')
      .aggregate()
      .match({ _id: 'a' })
      .lookup({ from: 'orders', pipeline: $.pipeline().match({ total: _.gt(10) }).project({ _id: 1 }).done(), as: 'big' })
      .lookup({ from: 'orders', pipeline: $.pipeline().match({ 'items.sku': 'tea' }).sort({ _id: -1 }).project({ _id: 1 }).done(), as: 'tea' })
      .lookup({ from: 'nowhere', pipeline: $.pipeline().match({ x: 1 }).done(), as: 'none' })
      .end()
    expect(list).toEqual([{ _id: 'a', owner: 'x', balance: 10, big: [{ _id: 'o1' }, { _id: 'o3' }], tea: [{ _id: 'o2' }, { _id: 'o1' }], none: [] }])
  })
})

describe('$geoNear as an aggregation stage', () => {
  it('answers the nearest places first with their distance, within maxDistance', async () => {
    const { list } = await db
      .collection('places')
      .aggregate()
      .geoNear({ distanceField: 'distance', spherical: true, near: db.Geo.Point(106.9787, 41.5873), maxDistance: 5000, key: 'location', includeLocs: 'where' })
      .end()
    expect(list.map((p: { _id: string }) => p._id)).toEqual(['station', 'gacha'])
    expect(list[0].distance).toBe(0)
    expect(list[1].distance).toBeGreaterThan(1000)
    expect(list[1].distance).toBeLessThan(2500)
    expect(list[1].where).toEqual({ type: 'Point', coordinates: [106.99, 41.6] })
  })

  it('applies its query before the distance order', async () => {
    const { list } = await db
      .collection('places')
      .aggregate()
      .geoNear({ distanceField: 'd', spherical: true, near: db.Geo.Point(106.9787, 41.5873), query: { name: '牧场' } })
      .end()
    expect(list.map((p: { _id: string }) => p._id)).toEqual(['far'])
  })
})

describe('query operators on arrays of embedded documents', () => {
  it('$elemMatch needs one element to meet every condition', async () => {
    const { data } = await db.collection('orders').where({ items: _.elemMatch({ sku: 'tea', qty: _.gt(2) }) }).get()
    expect(data.map((o: { _id: string }) => o._id)).toEqual(['o2'])
  })

  it('a dotted path matches any element, $exists and $size see the array', async () => {
    const tea = await db.collection('orders').where({ 'items.sku': 'tea' }).get()
    expect(tea.data.map((o: { _id: string }) => o._id)).toEqual(['o1', 'o2'])
    const withItems = await db.collection('orders').where({ 'items.0': _.exists(true) }).get()
    expect(withItems.data.map((o: { _id: string }) => o._id)).toEqual(['o1', 'o2'])
    const empty = await db.collection('orders').where({ items: _.size(0) }).get()
    expect(empty.data.map((o: { _id: string }) => o._id)).toEqual(['o3'])
  })

  it('$mod on an element field, and $all with $elemMatch', async () => {
    const even = await db.collection('orders').where({ 'items.qty': _.mod([2, 0]) }).get()
    expect(even.data.map((o: { _id: string }) => o._id)).toEqual(['o1'])
    const both = await db.collection('orders').where({ items: _.all([_.elemMatch({ sku: 'milk' }), _.elemMatch({ sku: 'tea' })]) }).get()
    expect(both.data.map((o: { _id: string }) => o._id)).toEqual(['o1'])
  })
})

describe('transactions (as today\'s CloudBase accepts them)', () => {
  it('read by query, update by query with updateAndReturn, add a batch, and commit atomically', async () => {
    const transaction = await db.startTransaction()
    const mine = await transaction.collection('ledger').where({ owner: 'x' }).get()
    expect(mine.data.map((d: { _id: string }) => d._id).sort()).toEqual(['a', 'b'])
    // wx-server-sdk forwards updateAndReturn only on the wrapped node-SDK query (see _shared/update-and-return.ts)
    const returned = await transaction.collection('ledger').where({ owner: 'x', balance: _.gt(15) })._query.updateAndReturn({ balance: _.inc(-1) })
    expect(returned).toMatchObject({ updated: 1, doc: { _id: 'b', balance: 19 } })
    await transaction.collection('ledger').add({ data: [{ _id: 'd', owner: 'z', balance: 1 }, { _id: 'e', owner: 'z', balance: 2 }] })
    // the transaction sees its own writes; nobody else does before the commit
    const inside = await transaction.collection('ledger').where({ owner: _.in(['x', 'z']) }).get()
    expect(inside.data.map((d: { _id: string; balance: number }) => [d._id, d.balance])).toEqual([['a', 10], ['b', 19], ['d', 1], ['e', 2]])
    expect((await db.collection('ledger').where({ owner: 'z' }).count()).total).toBe(0)
    await transaction.commit()
    const after = await db.collection('ledger').where({ owner: _.in(['x', 'z']) }).orderBy('_id', 'asc').get()
    expect(after.data.map((d: { _id: string; balance: number }) => [d._id, d.balance])).toEqual([['a', 10], ['b', 19], ['d', 1], ['e', 2]])
  })

  it('a rolled-back transaction leaves nothing', async () => {
    const transaction = await db.startTransaction()
    await transaction.collection('ledger').doc('c').update({ data: { balance: 0 } })
    await transaction.collection('ledger').where({ owner: 'y' })._query.updateAndReturn({ note: 'rolled back' })
    await transaction.rollback()
    expect((await db.collection('ledger').doc('c').get()).data).toEqual({ _id: 'c', owner: 'y', balance: 30 })
  })

  it('a query\'s update() or remove() on a transaction is not part of it: the SDK sends no transactionId', async () => {
    // @cloudbase/database 1.4.x's Query.update and Query.remove leave transactionId out of the
    // request (get and updateAndReturn put it in), so the write takes effect at once, also on the
    // cloud. The app's transactions therefore write through doc(id) only.
    const transaction = await db.startTransaction()
    await transaction.collection('ledger').where({ owner: 'y' }).update({ data: { balance: 31 } })
    await transaction.rollback()
    expect((await db.collection('ledger').doc('c').get()).data.balance).toBe(31)
  })
})
