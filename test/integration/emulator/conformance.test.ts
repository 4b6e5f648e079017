// Conformance: examples from the CloudBase database documentation and from @cloudbase/database's
// own API (query, update and aggregation operators, transactions), run through the real
// wx-server-sdk against the emulator, with the answers CloudBase documents. A difference here is
// a bug in the emulator: the product's tests would otherwise pass on behaviour production lacks.
import type { Emulator } from '../../../emulator'
import { failure, sdkFor, start } from './helpers'

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

  it('$dateFromString reads ISO 8601 loosely, as MongoDB does without a format', async () => {
    const parse = (dateString: string, timezone?: string) => $.dateFromString(timezone ? { dateString, timezone } : { dateString })
    const { list } = await db
      .collection('orders')
      .aggregate()
      .match({ _id: 'o1' })
      .project({
        _id: 0,
        documented: parse('2019-05-14T09:38:51.686Z'),
        spaced: parse('2026-05-21 08:00:00', 'Asia/Shanghai'),
        dayOnly: parse('2026-05-21'),
        offset: parse('2026-05-21T08:00+08:00'),
        compact: parse('2026-05-21T08:00:00+0800'),
        bad: $.dateFromString({ dateString: '21/05/2026', onError: '无法读取' }),
        none: $.dateFromString({ dateString: '$missing', onNull: '无' }),
      })
      .end()
    const iso = (d: unknown) => new Date(d as string).toISOString()
    expect({ ...list[0], documented: iso(list[0].documented), spaced: iso(list[0].spaced), dayOnly: iso(list[0].dayOnly), offset: iso(list[0].offset), compact: iso(list[0].compact) }).toEqual({
      documented: '2019-05-14T09:38:51.686Z', spaced: '2026-05-21T00:00:00.000Z', dayOnly: '2026-05-21T00:00:00.000Z', offset: '2026-05-21T00:00:00.000Z',
      compact: '2026-05-21T00:00:00.000Z', bad: '无法读取', none: '无',
    })
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

// ---------------------------------------------------------------------------------------------
// The operator walk: every query command, update command, aggregation stage and expression
// operator that @cloudbase/database 1.4.x's `db.command` (src/command.ts) and `aggregate()`
// (src/aggregate.ts) offer and the CloudBase database documentation lists, each with one
// documented example and the answer MongoDB semantics (which CloudBase documents) give.
// docs/emulator-conformance.md is the table of what is covered, fixed and known to differ.
// ---------------------------------------------------------------------------------------------

type Row = { _id: string }
const idsOf = (rows: Row[]) => rows.map((r) => r._id)
const where = async (filter: unknown): Promise<string[]> => idsOf((await db.collection('people').where(filter).orderBy('_id', 'asc').get()).data)
const only = async (coll: string, id: string, stage: Record<string, unknown>) =>
  (await db.collection(coll).aggregate().match({ _id: id }).project({ _id: 0, ...stage }).end()).list[0]

describe('the operator walk', () => {
  beforeAll(async () => {
    await emu.seed({
      people: [
        { _id: 'p1', name: '其木格', age: 34, tags: ['herder', 'mn'], scores: [3, 8], town: '潮格', profile: { lang: 'mn' }, location: { type: 'Point', coordinates: [106.9787, 41.5873] } },
        { _id: 'p2', name: '张桂兰', age: 58, tags: ['resident'], scores: [10], town: '潮格', profile: { lang: 'zh' }, phone: null, location: { type: 'Point', coordinates: [106.99, 41.6] } },
        { _id: 'p3', name: 'Batu', age: 19, tags: [], scores: [], town: '乌兰', profile: {}, location: { type: 'Point', coordinates: [107.5, 42.0] } },
        { _id: 'p4', name: '额尔敦', age: 41, tags: ['volunteer', 'mn'], scores: [5, 6, 7], town: '乌兰' },
      ],
      values: [
        {
          _id: 'v1', a: -3.7, b: 2, c: 10, arr: [1, 2, 3], arr2: [4, 5], pairs: [['a', 1], ['b', 2]], obj: { x: 1, y: 2 },
          s: '潮格温都尔', en: 'Hello World', d: at('2026-05-21T01:05:09.123Z'), d0: at('2026-05-21T00:00:00.000Z'),
        },
      ],
      sales: [
        { _id: 's1', town: '潮格', item: '奶茶', price: 10, qty: 2, tags: ['hot', 'drink'] },
        { _id: 's2', town: '潮格', item: '奶豆腐', price: 25, qty: 1, tags: ['food'] },
        { _id: 's3', town: '乌兰', item: '奶茶', price: 12, qty: 3, tags: [] },
        { _id: 's4', town: '乌兰', item: '炒米', price: 8, qty: 5 },
      ],
      towns: [
        { _id: '潮格', county: '乌拉特后旗', officer: '巴特尔' },
        { _id: '乌兰', county: '乌拉特后旗', officer: '王磊' },
      ],
    })
  })

  describe('query commands', () => {
    it('eq (also of a whole embedded document) and neq, which also matches a missing field', async () => {
      expect(await where({ age: _.eq(34) })).toEqual(['p1'])
      expect(await where({ profile: _.eq({ lang: 'zh' }) })).toEqual(['p2'])
      expect(await where({ town: _.neq('潮格') })).toEqual(['p3', 'p4'])
      expect(await where({ phone: _.neq(null) })).toEqual([])
      expect(await where({ 'profile.lang': _.neq('mn') })).toEqual(['p2', 'p3', 'p4'])
      // a plain object in a query is flattened by the SDK into dotted paths, not an exact match
      expect(await where({ location: { type: 'Point' } })).toEqual(['p1', 'p2', 'p3'])
    })

    it('lt lte gt gte, and a range chained with and / or on one field', async () => {
      expect(await where({ age: _.lt(34) })).toEqual(['p3'])
      expect(await where({ age: _.lte(34) })).toEqual(['p1', 'p3'])
      expect(await where({ age: _.gt(41) })).toEqual(['p2'])
      expect(await where({ age: _.gte(41) })).toEqual(['p2', 'p4'])
      expect(await where({ age: _.gt(30).and(_.lt(50)) })).toEqual(['p1', 'p4'])
      expect(await where({ age: _.lt(20).or(_.gt(50)) })).toEqual(['p2', 'p3'])
    })

    it('in and nin, on a scalar and on an array field', async () => {
      expect(await where({ town: _.in(['乌兰']) })).toEqual(['p3', 'p4'])
      expect(await where({ tags: _.in(['mn', 'resident']) })).toEqual(['p1', 'p2', 'p4'])
      expect(await where({ tags: _.nin(['mn']) })).toEqual(['p2', 'p3'])
    })

    it('and, or, nor across fields; not of a field condition', async () => {
      expect(await where(_.and([{ town: '潮格' }, { age: _.gt(40) }]))).toEqual(['p2'])
      expect(await where(_.or([{ age: _.lt(20) }, { 'profile.lang': 'zh' }]))).toEqual(['p2', 'p3'])
      expect(await where(_.nor([{ town: '潮格' }, { age: _.gt(40) }]))).toEqual(['p3'])
      expect(await where({ age: _.not(_.gt(30)) })).toEqual(['p3'])
    })

    it('null matches a null and a missing field, also with gte and lte', async () => {
      expect(await where({ phone: null })).toEqual(['p1', 'p2', 'p3', 'p4'])
      expect(await where({ phone: _.gte(null) })).toEqual(['p1', 'p2', 'p3', 'p4'])
      expect(await where({ phone: _.lte(null), town: '潮格' })).toEqual(['p1', 'p2'])
    })

    it('in [null] matches a missing field; a comparison never crosses types', async () => {
      expect(await where({ phone: _.in([null]), town: '乌兰' })).toEqual(['p3', 'p4'])
      await emu.seed({ typed: [{ _id: 't1', v: 10 }, { _id: 't2', v: '10' }, { _id: 't3', v: at('2026-01-01T00:00:00Z') }] })
      const { data } = await db.collection('typed').where({ v: _.gt(5) }).get()
      expect(idsOf(data)).toEqual(['t1'])
      const strings = await db.collection('typed').where({ v: _.gte('0') }).get()
      expect(idsOf(strings.data)).toEqual(['t2'])
    })

    it('exists: a null field exists, a missing one does not', async () => {
      expect(await where({ phone: _.exists(true) })).toEqual(['p2'])
      expect(await where({ phone: _.exists(false) })).toEqual(['p1', 'p3', 'p4'])
    })

    it('mod, all, size, and elemMatch on an array of numbers', async () => {
      expect(await where({ age: _.mod(10, 4) })).toEqual(['p1'])
      expect(await where({ tags: _.all(['mn', 'herder']) })).toEqual(['p1'])
      expect(await where({ scores: _.size(3) })).toEqual(['p4'])
      // one command per elemMatch: the SDK sends a chained _.gt(6).and(_.lt(9)) inside it as the
      // command object itself, not as operators (docs/emulator-conformance.md)
      expect(await where({ scores: _.elemMatch(_.gt(7)) })).toEqual(['p1', 'p2'])
      expect(await where({ scores: _.elemMatch({ $gt: 6, $lt: 9 }) })).toEqual(['p1', 'p4'])
    })

    it('regular expressions, as db.RegExp and as a JavaScript RegExp', async () => {
      expect(await where({ name: db.RegExp({ regexp: '^ba', options: 'i' }) })).toEqual(['p3'])
      expect(await where({ name: /^额/ })).toEqual(['p4'])
    })

    it('expr compares fields of the same document', async () => {
      expect(await where(_.expr($.gt([$.size('$scores'), $.size('$tags')])))).toEqual(['p4'])
      expect(await where(_.and([{ town: '潮格' }, _.expr($.lt(['$age', 40]))]))).toEqual(['p1'])
    })

    it('geoNear (nearest first, within the distances), geoWithin a polygon or a circle, geoIntersects', async () => {
      const near = await db.collection('people').where({ location: _.geoNear({ geometry: db.Geo.Point(106.9787, 41.5873), maxDistance: 5000, minDistance: 0 }) }).get()
      expect(idsOf(near.data)).toEqual(['p1', 'p2'])
      const square = db.Geo.Polygon([db.Geo.LineString([db.Geo.Point(106.9, 41.5), db.Geo.Point(107.1, 41.5), db.Geo.Point(107.1, 41.7), db.Geo.Point(106.9, 41.7), db.Geo.Point(106.9, 41.5)])])
      expect(await where({ location: _.geoWithin({ geometry: square }) })).toEqual(['p1', 'p2'])
      // centerSphere's radius is in radians: 5 km on the Earth's 6378.1 km radius
      expect(await where({ location: _.geoWithin({ centerSphere: [[107.5, 42.0], 5 / 6378.1] }) })).toEqual(['p3'])
      expect(await where({ location: _.geoIntersects({ geometry: square }) })).toEqual(['p1', 'p2'])
    })
  })

  describe('sort order', () => {
    it('an array field sorts by its least element ascending and its greatest descending; an empty array first', async () => {
      const asc = await db.collection('people').orderBy('scores', 'asc').orderBy('_id', 'asc').get()
      expect(idsOf(asc.data)).toEqual(['p3', 'p1', 'p4', 'p2'])
      const desc = await db.collection('people').orderBy('scores', 'desc').get()
      expect(idsOf(desc.data)).toEqual(['p2', 'p1', 'p4', 'p3'])
      const { list } = await db.collection('people').aggregate().sort({ scores: -1 }).project({ _id: 1 }).end()
      expect(idsOf(list)).toEqual(['p2', 'p1', 'p4', 'p3'])
    })

    it('values of different types sort in MongoDB\'s type order: null and missing, numbers, strings, objects', async () => {
      await emu.seed({ mixed: [{ _id: 'm1', v: 'b' }, { _id: 'm2', v: 1 }, { _id: 'm3', v: null }, { _id: 'm4', v: { a: 1 } }, { _id: 'm5' }, { _id: 'm6', v: '10' }, { _id: 'm7', v: 0.5 }] })
      const { data } = await db.collection('mixed').orderBy('v', 'asc').get()
      expect(idsOf(data)).toEqual(['m3', 'm5', 'm7', 'm2', 'm6', 'm1', 'm4'])
    })
  })

  describe('projections', () => {
    it('field() keeps or drops fields; project.slice and project.elemMatch pick array elements', async () => {
      const kept = await db.collection('people').doc('p4').field({ name: true, town: true }).get()
      expect(kept.data).toEqual({ _id: 'p4', name: '额尔敦', town: '乌兰' })
      const dropped = await db.collection('people').doc('p4').field({ location: false, profile: false, scores: false, tags: false }).get()
      expect(dropped.data).toEqual({ _id: 'p4', name: '额尔敦', age: 41, town: '乌兰' })
      const sliced = await db.collection('people').doc('p4').field({ scores: _.project.slice([1, 1]) }).get()
      expect(sliced.data.scores).toEqual([6])
      const last = await db.collection('people').doc('p4').field({ scores: _.project.slice(-1) }).get()
      expect(last.data.scores).toEqual([7])
      const matched = await db.collection('orders').doc('o1').field({ items: _.project.elemMatch({ sku: 'tea' }) }).get()
      expect(matched.data).toEqual({ _id: 'o1', items: [{ sku: 'tea', qty: 1 }] })
    })

    it('jsonSchema is refused with a message that says so (a known difference: the app does not use it)', async () => {
      const error = await failure(db.collection('people').where(_.jsonSchema({ required: ['phone'] })).get())
      expect(error.message).toMatch(/\$jsonSchema is not supported by the local cloud/)
    })
  })

  describe('update commands', () => {
    const row = (id: string) => db.collection('updates').doc(id)
    const after = async (id: string, data: unknown) => {
      await row(id).update({ data })
      const { _id, ...rest } = (await row(id).get()).data
      return rest
    }
    beforeAll(() =>
      emu.seed({
        updates: [
          { _id: 'u1', n: 5, low: 5, high: 5, when: at('2026-05-21T00:00:00Z'), profile: { lang: 'zh', script: 'han' }, phone: '13800000000', old: 'v', flags: 6 },
          { _id: 'u2', list: [1, 2, 3], items: [{ sku: 'milk', qty: 2 }, { sku: 'tea', qty: 1 }], tags: ['a'] },
          { _id: 'u3', marks: [{ who: 'a', n: 1 }, { who: 'b', n: 2 }], grid: [1, 2, 3] },
        ],
      }),
    )

    it('an object merges into the field; set replaces the field; remove drops it', async () => {
      expect(await after('u1', { profile: { script: 'mong' } })).toMatchObject({ profile: { lang: 'zh', script: 'mong' } })
      expect(await after('u1', { profile: _.set({ lang: 'mn' }) })).toMatchObject({ profile: { lang: 'mn' } })
      expect((await after('u1', { phone: _.remove() })).phone).toBeUndefined()
    })

    it('inc, mul, min, max (also on dates), rename, bit', async () => {
      expect(await after('u1', { n: _.inc(2), fresh: _.inc(3), zero: _.mul(4) })).toMatchObject({ n: 7, fresh: 3, zero: 0 })
      expect(await after('u1', { n: _.mul(3) })).toMatchObject({ n: 21 })
      expect(await after('u1', { low: _.min(3), high: _.max(3) })).toMatchObject({ low: 3, high: 5 })
      const later = await after('u1', { when: _.max(at('2026-06-01T00:00:00Z')) })
      expect(new Date(later.when).toISOString()).toBe('2026-06-01T00:00:00.000Z')
      const renamed = await after('u1', { old: _.rename('renamed') })
      expect(renamed.old).toBeUndefined()
      expect(renamed.renamed).toBe('v')
      expect(await after('u1', { flags: _.bit({ and: 5 }) })).toMatchObject({ flags: 4 })
      expect(await after('u1', { flags: _.bit({ or: 3 }) })).toMatchObject({ flags: 7 })
    })

    it('push (values, and each with position, sort and slice), pop, shift, unshift', async () => {
      expect((await after('u2', { list: _.push(4) })).list).toEqual([1, 2, 3, 4])
      expect((await after('u2', { list: _.push([5, 6]) })).list).toEqual([1, 2, 3, 4, 5, 6])
      expect((await after('u2', { list: _.push({ each: [0], position: 1 }) })).list).toEqual([1, 0, 2, 3, 4, 5, 6])
      expect((await after('u2', { list: _.push({ each: [9], sort: -1, slice: 3 }) })).list).toEqual([9, 6, 5])
      expect((await after('u2', { list: _.pop() })).list).toEqual([9, 6])
      expect((await after('u2', { list: _.shift() })).list).toEqual([6])
      expect((await after('u2', { list: _.unshift(7, 8) })).list).toEqual([7, 8, 6])
    })

    it('pull (a value, a condition, matching embedded documents), pullAll, addToSet (one, or each)', async () => {
      await row('u2').update({ data: { list: _.set([1, 2, 3, 4, 2]) } })
      expect((await after('u2', { list: _.pull(2) })).list).toEqual([1, 3, 4])
      expect((await after('u2', { list: _.pull(_.gt(3)) })).list).toEqual([1, 3])
      expect((await after('u2', { items: _.pull({ sku: 'tea' }) })).items).toEqual([{ sku: 'milk', qty: 2 }])
      expect((await after('u2', { list: _.pullAll([1, 7]) })).list).toEqual([3])
      expect((await after('u2', { tags: _.addToSet('a') })).tags).toEqual(['a'])
      expect((await after('u2', { tags: _.addToSet({ $each: ['b', 'a', 'c'] }) })).tags).toEqual(['a', 'b', 'c'])
    })

    it('an array element by index, the matched element by $, every element by $[]', async () => {
      expect((await after('u3', { 'grid.1': 20 })).grid).toEqual([1, 20, 3])
      await db.collection('updates').where({ _id: 'u3', 'marks.who': 'b' }).update({ data: { 'marks.$.n': _.inc(10) } })
      expect((await row('u3').get()).data.marks).toEqual([{ who: 'a', n: 1 }, { who: 'b', n: 12 }])
      expect((await after('u3', { 'marks.$[].n': 0 })).marks).toEqual([{ who: 'a', n: 0 }, { who: 'b', n: 0 }])
    })

    it('refuses an array command on a field that is not an array, and a path through a scalar, writing nothing', async () => {
      await emu.seed({ updates: [{ _id: 'u4', n: 1, name: '巴特尔' }] })
      const writes = emu.stats().writes
      expect((await failure(row('u4').update({ data: { n: _.push(2) } }))).message).toMatch(/must be an array/)
      expect((await failure(row('u4').update({ data: { 'name.first': '巴' } }))).message).toMatch(/Cannot create field 'first'/)
      expect(emu.stats().writes).toBe(writes)
      expect((await row('u4').get()).data).toEqual({ _id: 'u4', n: 1, name: '巴特尔' })
    })

    it('db.serverDate() is the server\'s time, with an offset in milliseconds', async () => {
      const before = Date.now()
      const { stamp, later } = await after('u1', { stamp: db.serverDate(), later: db.serverDate({ offset: 60_000 }) })
      expect(new Date(stamp).getTime()).toBeGreaterThanOrEqual(before - 1000)
      expect(new Date(later).getTime() - new Date(stamp).getTime()).toBe(60_000)
    })
  })

  describe('aggregation stages', () => {
    const sales = () => db.collection('sales').aggregate()

    it('match, project, addFields, sort, skip, limit', async () => {
      const { list } = await sales()
        .match({ price: _.gte(10) })
        .addFields({ total: $.multiply(['$price', '$qty']) })
        .project({ _id: 1, total: 1 })
        .sort({ total: -1 })
        .skip(1)
        .limit(1)
        .end()
      expect(list).toEqual([{ _id: 's2', total: 25 }])
    })

    it('group by a field, count, sortByCount', async () => {
      const grouped = await sales().group({ _id: '$town', revenue: $.sum($.multiply(['$price', '$qty'])) }).sort({ _id: 1 }).end()
      expect(grouped.list).toEqual([{ _id: '乌兰', revenue: 76 }, { _id: '潮格', revenue: 45 }])
      expect((await sales().match({ town: '潮格' }).count('n').end()).list).toEqual([{ n: 2 }])
      // no input, no output document (not { n: 0 })
      expect((await sales().match({ town: '那达慕' }).count('n').end()).list).toEqual([])
      const byItem = await sales().sortByCount('$item').end()
      expect(byItem.list[0]).toEqual({ _id: '奶茶', count: 2 })
      expect(byItem.list.slice(1).map((r: Row) => r._id).sort()).toEqual(['炒米', '奶豆腐'].sort())
    })

    it('bucket with boundaries and a default, bucketAuto into even buckets', async () => {
      const buckets = await sales()
        .bucket({ groupBy: '$price', boundaries: [0, 10, 20], default: 'other', output: { count: $.sum(1), items: $.push('$item') } })
        .end()
      expect(buckets.list).toEqual([
        { _id: 0, count: 1, items: ['炒米'] },
        { _id: 10, count: 2, items: ['奶茶', '奶茶'] },
        { _id: 'other', count: 1, items: ['奶豆腐'] },
      ])
      const auto = await sales().bucketAuto({ groupBy: '$price', buckets: 2 }).end()
      expect(auto.list).toEqual([
        { _id: { min: 8, max: 12 }, count: 2 },
        { _id: { min: 12, max: 25 }, count: 2 },
      ])
    })

    it('lookup by localField/foreignField and by let with a pipeline', async () => {
      const byField = await sales().match({ _id: 's1' }).lookup({ from: 'towns', localField: 'town', foreignField: '_id', as: 'place' }).project({ _id: 0, place: 1 }).end()
      expect(byField.list).toEqual([{ place: [{ _id: '潮格', county: '乌拉特后旗', officer: '巴特尔' }] }])
      const byLet = await sales()
        .match({ _id: 's3' })
        .lookup({
          from: 'towns',
          let: { t: '$town' },
          pipeline: $.pipeline().match(_.expr($.eq(['$_id', '$$t']))).project({ _id: 0, officer: 1 }).done(),
          as: 'place',
        })
        .project({ _id: 0, place: 1 })
        .end()
      expect(byLet.list).toEqual([{ place: [{ officer: '王磊' }] }])
    })

    it('replaceRoot, unwind (plain, and with includeArrayIndex and preserveNullAndEmptyArrays)', async () => {
      const roots = await sales().match({ _id: 's1' }).replaceRoot({ newRoot: { what: '$item', where: '$town' } }).end()
      expect(roots.list).toEqual([{ what: '奶茶', where: '潮格' }])
      const plain = await sales().unwind('$tags').project({ tags: 1 }).end()
      expect(plain.list).toEqual([{ _id: 's1', tags: 'hot' }, { _id: 's1', tags: 'drink' }, { _id: 's2', tags: 'food' }])
      const kept = await sales().unwind({ path: '$tags', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true }).project({ tags: 1, i: 1 }).end()
      expect(kept.list).toEqual([
        { _id: 's1', tags: 'hot', i: 0 },
        { _id: 's1', tags: 'drink', i: 1 },
        { _id: 's2', tags: 'food', i: 0 },
        { _id: 's3', i: null },
        { _id: 's4', i: null },
      ])
    })

    it('sample picks the given number of distinct documents', async () => {
      const { list } = await sales().sample({ size: 2 }).end()
      expect(list).toHaveLength(2)
      expect(new Set(list.map((r: Row) => r._id)).size).toBe(2)
      for (const r of list) expect(['s1', 's2', 's3', 's4']).toContain(r._id)
      const all = await sales().sample({ size: 10 }).end()
      expect(all.list.map((r: Row) => r._id).sort()).toEqual(['s1', 's2', 's3', 's4'])
    })
  })

  describe('aggregation expression operators', () => {
    it('arithmetic', async () => {
      expect(
        await only('values', 'v1', {
          abs: $.abs('$a'), add: $.add(['$b', '$c']), ceil: $.ceil('$a'), divide: $.divide(['$c', 4]), exp: $.exp(0),
          floor: $.floor('$a'), ln: $.ln(1), log: $.log([100, 10]), log10: $.log10(1000), mod: $.mod(['$c', 3]),
          multiply: $.multiply(['$b', '$c']), pow: $.pow(['$b', 10]), sqrt: $.sqrt(16), subtract: $.subtract(['$c', '$b']), trunc: $.trunc('$a'),
          elapsed: $.subtract(['$d', '$d0']), plusMinute: $.add(['$d0', 60_000]),
        }),
      ).toEqual({
        abs: 3.7, add: 12, ceil: -3, divide: 2.5, exp: 1, floor: -4, ln: 0, log: 2, log10: 3, mod: 1,
        multiply: 20, pow: 1024, sqrt: 4, subtract: 8, trunc: -3, elapsed: 3_909_123, plusMinute: at('2026-05-21T00:01:00.000Z'),
      })
    })

    it('array', async () => {
      expect(
        await only('values', 'v1', {
          elemAt: $.arrayElemAt(['$arr', -1]), toObject: $.arrayToObject('$pairs'), concat: $.concatArrays(['$arr', '$arr2']),
          filter: $.filter({ input: '$arr', as: 'n', cond: $.gt(['$$n', 1]) }), in: $.in([2, '$arr']), indexOf: $.indexOfArray(['$arr', 3]),
          isArray: $.isArray('$arr'), map: $.map({ input: '$arr', as: 'n', in: $.multiply(['$$n', 10]) }), range: $.range([0, 10, 3]),
          reduce: $.reduce({ input: '$arr', initialValue: 0, in: $.add(['$$value', '$$this']) }), reverse: $.reverseArray('$arr'),
          size: $.size('$arr'), slice: $.slice(['$arr', 1, 2]), zip: $.zip({ inputs: ['$arr', '$arr2'] }),
          zipLongest: $.zip({ inputs: ['$arr', '$arr2'], useLongestLength: true, defaults: [0, 0] }),
        }),
      ).toEqual({
        elemAt: 3, toObject: { a: 1, b: 2 }, concat: [1, 2, 3, 4, 5], filter: [2, 3], in: true, indexOf: 2, isArray: true,
        map: [10, 20, 30], range: [0, 3, 6, 9], reduce: 6, reverse: [3, 2, 1], size: 3, slice: [2, 3], zip: [[1, 4], [2, 5]],
        zipLongest: [[1, 4], [2, 5], [3, 0]],
      })
    })

    it('boolean and comparison', async () => {
      expect(
        await only('values', 'v1', {
          and: $.and([true, $.gt(['$b', 1])]), or: $.or([false, 0]), not: $.not([$.gt(['$b', 5])]),
          cmp: $.cmp(['$b', '$c']), eq: $.eq(['$b', 2]), gt: $.gt(['$c', '$b']), gte: $.gte(['$b', 2]), lt: $.lt(['$c', '$b']), lte: $.lte(['$b', 2]), neq: $.neq(['$b', 2]),
        }),
      ).toEqual({ and: true, or: false, not: true, cmp: -1, eq: true, gt: true, gte: true, lt: false, lte: true, neq: false })
    })

    it('conditional', async () => {
      expect(
        await only('values', 'v1', {
          cond: $.cond({ if: $.gte(['$c', 10]), then: 'big', else: 'small' }),
          condArray: $.cond([$.lt(['$c', 10]), 'small', 'big']),
          ifNull: $.ifNull(['$missing', '默认']),
          switch: $.switch({ branches: [{ case: $.lt(['$c', 5]), then: 'low' }, { case: $.lt(['$c', 20]), then: 'mid' }], default: 'high' }),
        }),
      ).toEqual({ cond: 'big', condArray: 'big', ifNull: '默认', switch: 'mid' })
    })

    it('date', async () => {
      const r = await only('values', 'v1', {
        fromParts: $.dateFromParts({ year: 2026, month: 5, day: 21, hour: 8, timezone: 'Asia/Shanghai' }),
        // the documentation's example: 2017-02-08 12:00 in New York is 17:00 UTC
        documented: $.dateFromParts({ year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' }),
        fromIsoParts: $.dateFromParts({ isoWeekYear: 2026, isoWeek: 1, isoDayOfWeek: 1 }),
        dayOfMonth: $.dayOfMonth('$d'), dayOfWeek: $.dayOfWeek('$d'), dayOfYear: $.dayOfYear('$d'), isoDayOfWeek: $.isoDayOfWeek('$d'),
        isoWeek: $.isoWeek('$d'), isoWeekYear: $.isoWeekYear('$d'), millisecond: $.millisecond('$d'), minute: $.minute('$d'),
        month: $.month('$d'), second: $.second('$d'), hour: $.hour('$d'), localHour: $.hour({ date: '$d', timezone: 'Asia/Shanghai' }),
        week: $.week('$d'), year: $.year('$d'), onNull: $.dateToString({ date: '$missing', format: '%Y', onNull: '无' }),
      })
      expect({ ...r, fromParts: new Date(r.fromParts).toISOString(), fromIsoParts: new Date(r.fromIsoParts).toISOString(), documented: new Date(r.documented).toISOString() }).toEqual({
        fromParts: '2026-05-21T00:00:00.000Z', fromIsoParts: '2025-12-29T00:00:00.000Z', documented: '2017-02-08T17:00:00.000Z',
        dayOfMonth: 21, dayOfWeek: 5, dayOfYear: 141, isoDayOfWeek: 4, isoWeek: 21, isoWeekYear: 2026, millisecond: 123, minute: 5,
        month: 5, second: 9, hour: 1, localHour: 9, week: 20, year: 2026, onNull: '无',
      })
    })

    it('week and ISO week at the turn of the year, ISO parts in a time zone', async () => {
      const turn = async (iso: string) =>
        (await db.collection('values').aggregate().match({ _id: 'v1' }).project({
          _id: 0, week: $.week(at(iso)), isoWeek: $.isoWeek(at(iso)), isoWeekYear: $.isoWeekYear(at(iso)), dayOfWeek: $.dayOfWeek(at(iso)),
        }).end()).list[0]
      // 1 January 2027 is a Friday: week 0 (before the first Sunday), ISO week 53 of 2026
      expect(await turn('2027-01-01T12:00:00Z')).toEqual({ week: 0, isoWeek: 53, isoWeekYear: 2026, dayOfWeek: 6 })
      // Sunday 3 January 2027 starts week 1; its ISO week is still 2026's 53rd
      expect(await turn('2027-01-03T12:00:00Z')).toEqual({ week: 1, isoWeek: 53, isoWeekYear: 2026, dayOfWeek: 1 })
      // Monday 29 December 2025 is in ISO week 1 of 2026
      expect(await turn('2025-12-29T12:00:00Z')).toEqual({ week: 52, isoWeek: 1, isoWeekYear: 2026, dayOfWeek: 2 })
      const r = await only('values', 'v1', { local: $.dateFromParts({ isoWeekYear: 2026, isoWeek: 21, isoDayOfWeek: 4, hour: 9, timezone: 'Asia/Shanghai' }) })
      expect(new Date(r.local).toISOString()).toBe('2026-05-21T01:00:00.000Z')
    })

    it('literal, object and variable (let)', async () => {
      expect(
        await only('values', 'v1', {
          literal: $.literal('$c'), merged: $.mergeObjects(['$obj', { z: 3 }]), entries: $.objectToArray('$obj'),
          let: $.let({ vars: { total: $.multiply(['$b', '$c']) }, in: $.add(['$$total', 1]) }),
        }),
      ).toEqual({ literal: '$c', merged: { x: 1, y: 2, z: 3 }, entries: [{ k: 'x', v: 1 }, { k: 'y', v: 2 }], let: 21 })
    })

    it('set', async () => {
      const r = await only('values', 'v1', {
        all: $.allElementsTrue([[true, 1, 'a']]), any: $.anyElementTrue([[0, false, null]]), difference: $.setDifference([[1, 2, 3], [2]]),
        equals: $.setEquals([[1, 2], [2, 1, 1]]), intersection: $.setIntersection([[1, 2, 3], [2, 3, 4]]), subset: $.setIsSubset([[1], [1, 2]]),
        union: $.setUnion([[1, 2], [2, 3]]),
      })
      // a set's order is unspecified (MongoDB documents it so)
      expect({ ...r, difference: [...r.difference].sort(), intersection: [...r.intersection].sort(), union: [...r.union].sort() }).toEqual({
        all: true, any: false, difference: [1, 3], equals: true, intersection: [2, 3], subset: true, union: [1, 2, 3],
      })
    })

    it('string, with bytes and code points apart for Chinese text', async () => {
      expect(
        await only('values', 'v1', {
          concat: $.concat(['$en', '!']), indexOfBytes: $.indexOfBytes(['$s', '格']), indexOfCP: $.indexOfCP(['$s', '格']),
          split: $.split(['$en', ' ']), strLenBytes: $.strLenBytes('$s'), strLenCP: $.strLenCP('$s'), strcasecmp: $.strcasecmp(['$en', 'hello world']),
          substr: $.substr(['$en', 0, 5]), substrBytes: $.substrBytes(['$s', 3, 6]), substrCP: $.substrCP(['$s', 1, 2]),
          toLower: $.toLower('$en'), toUpper: $.toUpper('$en'),
        }),
      ).toEqual({
        concat: 'Hello World!', indexOfBytes: 3, indexOfCP: 1, split: ['Hello', 'World'], strLenBytes: 15, strLenCP: 5, strcasecmp: 0,
        substr: 'Hello', substrBytes: '格温', substrCP: '格温', toLower: 'hello world', toUpper: 'HELLO WORLD',
      })
    })

    it('substr to the end with a negative length; toLower and toUpper of nothing are empty strings', async () => {
      expect(
        await only('values', 'v1', {
          rest: $.substr(['$en', 6, -1]), bytes: $.substr(['$s', 3, 3]), past: $.substr(['$en', 50, 2]), lower: $.toLower('$missing'), upper: $.toUpper(null),
        }),
      ).toEqual({ rest: 'World', bytes: '格', past: '', lower: '', upper: '' })
    })

    it('indexOfBytes and indexOfCP with a start and an end, trunc to a place', async () => {
      expect(
        await only('values', 'v1', {
          bytesFrom: $.indexOfBytes(['$s', '温', 4]), bytesBefore: $.indexOfBytes(['$s', '温', 0, 6]), cpFrom: $.indexOfCP(['$s', '尔', 2]),
          cpMissing: $.indexOfCP(['$s', '旗']), nullInput: $.indexOfCP(['$missing', 'a']), truncPlace: $.trunc([3.14159, 2]),
        }),
      ).toEqual({ bytesFrom: 6, bytesBefore: -1, cpFrom: 4, cpMissing: -1, nullInput: null, truncPlace: 3.14 })
    })

    it('group accumulators', async () => {
      const { list } = await db
        .collection('sales')
        .aggregate()
        .sort({ _id: 1 })
        .group({
          _id: '$town', addToSet: $.addToSet('$item'), avg: $.avg('$price'), first: $.first('$item'), last: $.last('$item'), max: $.max('$price'),
          min: $.min('$price'), push: $.push('$qty'), stdDevPop: $.stdDevPop('$price'), stdDevSamp: $.stdDevSamp('$price'), sum: $.sum('$qty'),
        })
        .sort({ _id: 1 })
        .end()
      const rounded = list.map((g: { addToSet: string[]; stdDevSamp: number }) => ({ ...g, addToSet: [...g.addToSet].sort(), stdDevSamp: Math.round(g.stdDevSamp * 1000) / 1000 }))
      expect(rounded).toEqual([
        { _id: '乌兰', addToSet: ['奶茶', '炒米'].sort(), avg: 10, first: '奶茶', last: '炒米', max: 12, min: 8, push: [3, 5], stdDevPop: 2, stdDevSamp: 2.828, sum: 8 },
        { _id: '潮格', addToSet: ['奶茶', '奶豆腐'].sort(), avg: 17.5, first: '奶茶', last: '奶豆腐', max: 25, min: 10, push: [2, 1], stdDevPop: 7.5, stdDevSamp: 10.607, sum: 3 },
      ])
    })
  })
})
