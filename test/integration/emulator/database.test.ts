// The database through the real wx-server-sdk: CRUD, queries, command operators, server dates,
// result caps, aggregation, cloud-shaped errors and unique indexes.
import type { Emulator } from '../../../emulator'
import { failure, sdkFor, start } from './helpers'

let emu: Emulator
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any

beforeAll(async () => {
  emu = await start()
  const cloud = sdkFor(emu)
  db = cloud.database()
  _ = db.command
  await emu.seed({
    people: [
      { _id: 'p1', name: 'Alice', age: 31, city: 'Hohhot', tags: ['a', 'b'], profile: { level: 3 } },
      { _id: 'p2', name: 'Bob', age: 25, city: 'Baotou', tags: ['b'], profile: { level: 1 } },
      { _id: 'p3', name: 'Carol', age: 42, city: 'Hohhot', tags: [], profile: { level: 2 }, nick: 'cc' },
      { _id: 'p4', name: 'dave', age: 19, city: 'Ordos', tags: ['c'], profile: { level: 5 } },
    ],
  })
})
afterAll(() => emu.stop())

describe('CRUD', () => {
  beforeAll(() => db.createCollection('todos'))

  it('adds, reads, updates, sets and removes a document', async () => {
    const added = await db.collection('todos').add({ data: { title: 'write tests', done: false, n: 1 } })
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)

    const got = await db.collection('todos').doc(added._id).get()
    expect(got.data).toEqual({ _id: added._id, title: 'write tests', done: false, n: 1 })

    const upd = await db.collection('todos').doc(added._id).update({ data: { done: true } })
    expect(upd.stats.updated).toBe(1)
    expect((await db.collection('todos').doc(added._id).get()).data.done).toBe(true)

    const set = await db.collection('todos').doc(added._id).set({ data: { title: 'replaced' } })
    expect(set.stats).toEqual({ updated: 1, created: 0 })
    expect((await db.collection('todos').doc(added._id).get()).data).toEqual({ _id: added._id, title: 'replaced' })

    const created = await db.collection('todos').doc('fixed-id').set({ data: { title: 'new' } })
    expect(created.stats.created).toBe(1)
    expect((await db.collection('todos').doc('fixed-id').get()).data.title).toBe('new')

    const removed = await db.collection('todos').doc(added._id).remove()
    expect(removed.stats.removed).toBe(1)
    const missing = await failure(db.collection('todos').doc(added._id).get())
    expect(missing.message).toContain('does not exist')
  })

  it('adds several documents at once and refuses a duplicate _id', async () => {
    const r = await db.collection('todos').add({ data: [{ k: 1 }, { k: 2 }] })
    expect(r._ids).toHaveLength(2)
    await db.collection('todos').add({ data: { _id: 'dup', k: 3 } })
    const e = await failure(db.collection('todos').add({ data: { _id: 'dup', k: 4 } }))
    expect(e.errCode).toBe(-502001)
    expect(e.message).toContain('E11000 duplicate key')
  })

  it('updates and removes every match of where() and counts', async () => {
    await db.collection('todos').add({ data: [{ group: 'g', v: 1 }, { group: 'g', v: 2 }, { group: 'h', v: 3 }] })
    const u = await db.collection('todos').where({ group: 'g' }).update({ data: { v: _.inc(10) } })
    expect(u.stats.updated).toBe(2)
    expect((await db.collection('todos').where({ group: 'g', v: _.gt(10) }).count()).total).toBe(2)
    const r = await db.collection('todos').where({ group: _.in(['g', 'h']) }).remove()
    expect(r.stats.removed).toBe(3)
  })
})

describe('queries', () => {
  it('filters, sorts, skips, limits and projects', async () => {
    const r = await db.collection('people').where({ city: 'Hohhot' }).orderBy('age', 'desc').field({ name: true }).get()
    expect(r.data).toEqual([{ _id: 'p3', name: 'Carol' }, { _id: 'p1', name: 'Alice' }])
    const page = await db.collection('people').orderBy('age', 'asc').skip(1).limit(2).get()
    expect(page.data.map((p: { _id: string }) => p._id)).toEqual(['p2', 'p1'])
    expect((await db.collection('people').where({ 'profile.level': _.gte(2) }).count()).total).toBe(3)
    expect((await db.collection('people').where({ profile: { level: 1 } }).get()).data[0]._id).toBe('p2')
  })

  it('supports command operators', async () => {
    const ids = async (q: object): Promise<string[]> => (await db.collection('people').where(q).orderBy('_id', 'asc').get()).data.map((p: { _id: string }) => p._id)
    expect(await ids({ age: _.gt(30).and(_.lt(40)) })).toEqual(['p1'])
    expect(await ids({ city: _.in(['Baotou', 'Ordos']) })).toEqual(['p2', 'p4'])
    expect(await ids({ city: _.nin(['Hohhot']) })).toEqual(['p2', 'p4'])
    expect(await ids({ age: _.neq(25) })).toEqual(['p1', 'p3', 'p4'])
    expect(await ids(_.or([{ age: _.lt(20) }, { name: 'Bob' }]))).toEqual(['p2', 'p4'])
    expect(await ids({ nick: _.exists(true) })).toEqual(['p3'])
    expect(await ids({ tags: 'b' })).toEqual(['p1', 'p2'])
    expect(await ids({ tags: _.size(0) })).toEqual(['p3'])
    expect(await ids({ tags: _.all(['a', 'b']) })).toEqual(['p1'])
    expect(await ids({ name: /^[a-c]/i })).toEqual(['p1', 'p2', 'p3'])
    expect(await ids({ name: db.RegExp({ regexp: '^D', options: 'i' }) })).toEqual(['p4'])
    expect(await ids({ age: _.mod([2, 1]) })).toEqual(['p1', 'p2', 'p4'])
  })

  it('applies update operators', async () => {
    await db.collection('people').add({ data: { _id: 'u1', n: 1, list: [1, 2, 3], nested: { a: 1, b: 2 }, gone: true } })
    await db.collection('people').doc('u1').update({
      data: { n: _.inc(4), list: _.push([4]), nested: { a: _.set({ deep: true }) }, gone: _.remove(), added: 'x' },
    })
    await db.collection('people').doc('u1').update({ data: { list: _.pull(2), n: _.mul(2), set: _.addToSet('k') } })
    await db.collection('people').doc('u1').update({ data: { set: _.addToSet('k'), list: _.unshift([0]) } })
    const d = (await db.collection('people').doc('u1').get()).data
    expect(d).toEqual({ _id: 'u1', n: 10, list: [0, 1, 3, 4], nested: { a: { deep: true }, b: 2 }, added: 'x', set: ['k'] })
    const e = await failure(db.collection('people').doc('u1').update({ data: { added: _.inc(1) } }))
    expect(e.message).toContain('non-numeric')
  })

  it('stores db.serverDate() and round-trips dates', async () => {
    const before = Date.now()
    const { _id } = await db.collection('people').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }), given: new Date('2024-05-01T00:00:00Z') } })
    const d = (await db.collection('people').doc(_id).get()).data
    expect(d.at).toBeInstanceOf(Date)
    expect(d.at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(d.later.getTime() - d.at.getTime()).toBe(60_000)
    expect(d.given.toISOString()).toBe('2024-05-01T00:00:00.000Z')
    const found = await db.collection('people').where({ given: _.lt(new Date('2024-06-01T00:00:00Z')), at: _.lte(db.serverDate()) }).get()
    expect(found.data.map((x: { _id: string }) => x._id)).toEqual([_id])
  })

  it('keeps geo points', async () => {
    await db.createCollection('places')
    await db.collection('places').add({ data: [{ _id: 'near', loc: db.Geo.Point(111.65, 40.82) }, { _id: 'far', loc: db.Geo.Point(116.4, 39.9) }] })
    const d = (await db.collection('places').doc('near').get()).data
    expect(d.loc.longitude).toBe(111.65)
    expect(d.loc.latitude).toBe(40.82)
    const near = await db.collection('places').where({ loc: _.geoNear({ geometry: db.Geo.Point(111.6, 40.8), maxDistance: 20_000 }) }).get()
    expect(near.data.map((x: { _id: string }) => x._id)).toEqual(['near'])
  })
})

describe('limits', () => {
  beforeAll(async () => {
    await emu.seed({ many: Array.from({ length: 1200 }, (_unused, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i })) })
  })

  it('returns 100 documents without limit() and at most 1000 with it', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').skip(1000).limit(1000).get()).data).toHaveLength(200)
    expect((await db.collection('many').count()).total).toBe(1200)
  })

  it('returns 20 aggregation results unless limit() is given', async () => {
    expect((await db.collection('many').aggregate().match({ i: _.gte(0) }).end()).list).toHaveLength(20)
    expect((await db.collection('many').aggregate().match({ i: _.gte(0) }).limit(500).end()).list).toHaveLength(500)
  })
})

describe('aggregation', () => {
  it('matches, groups, sorts, looks up, projects and counts', async () => {
    await emu.seed({
      orders: [
        { _id: 'o1', person: 'p1', amount: 10 },
        { _id: 'o2', person: 'p1', amount: 5 },
        { _id: 'o3', person: 'p2', amount: 7 },
      ],
    })
    const $ = db.command.aggregate
    const grouped = await db.collection('orders').aggregate().group({ _id: '$person', total: $.sum('$amount'), n: $.sum(1) }).sort({ total: -1 }).end()
    expect(grouped.list).toEqual([{ _id: 'p1', total: 15, n: 2 }, { _id: 'p2', total: 7, n: 1 }])

    const joined = await db
      .collection('people')
      .aggregate()
      .match({ _id: _.in(['p1', 'p2']) })
      .lookup({ from: 'orders', localField: '_id', foreignField: 'person', as: 'orders' })
      .project({ _id: 1, name: 1, spent: $.sum('$orders.amount') })
      .sort({ spent: -1 })
      .end()
    expect(joined.list).toEqual([{ _id: 'p1', name: 'Alice', spent: 15 }, { _id: 'p2', name: 'Bob', spent: 7 }])

    const counted = await db.collection('people').aggregate().match({ city: 'Hohhot' }).count('n').end()
    expect(counted.list).toEqual([{ n: 2 }])
  })

  it('refuses script operators', async () => {
    const e = await failure(db.collection('people').where({ $where: 'true' }).get())
    expect(e.errCode).toBe(-502001)
  })
})

describe('errors like the cloud', () => {
  it('reads and writes of a missing collection fail with -502005', async () => {
    for (const p of [
      db.collection('nope').get(),
      db.collection('nope').add({ data: { a: 1 } }),
      db.collection('nope').doc('x').update({ data: { a: 1 } }),
      db.collection('nope').where({ a: 1 }).remove(),
    ]) {
      const e = await failure(p)
      expect(e.errCode).toBe(-502005)
    }
  })

  it('createCollection of an existing collection fails', async () => {
    const e = await failure(db.createCollection('people'))
    expect(e.message).toContain('exist')
  })

  it('a unique index refuses duplicates and the failed write changes nothing', async () => {
    await db.createCollection('accounts')
    emu.ensureIndexes([{ collection: 'accounts', fields: ['openid'], unique: true }])
    await db.collection('accounts').add({ data: { openid: 'o1' } })
    emu.resetStats()
    const e = await failure(db.collection('accounts').add({ data: { openid: 'o1' } }))
    expect(e.errCode).toBe(-502001)
    expect(e.message).toContain('E11000')
    const u = await db.collection('accounts').add({ data: { openid: 'o2' } })
    const e2 = await failure(db.collection('accounts').doc(u._id).update({ data: { openid: 'o1' } }))
    expect(e2.message).toContain('openid_1')
    expect(emu.stats().writes).toBe(1)
    expect((await db.collection('accounts').count()).total).toBe(2)
  })
})

describe('counters', () => {
  it('counts requests and writes per action and collection', async () => {
    emu.resetStats()
    await db.collection('people').where({ age: _.gt(100) }).get()
    await db.collection('people').where({ age: _.gt(100) }).update({ data: { x: 1 } })
    await db.collection('people').doc('p1').update({ data: { seen: true } })
    const s = emu.stats()
    expect(s.requests).toBe(3)
    expect(s.writes).toBe(1)
    expect(s.byAction['database.getDocument']).toBe(1)
    expect(s.byAction['database.modifyDocument']).toBe(2)
    expect(s.byCollection.people).toEqual({ reads: 1, writes: 1 })
  })
})
