// The emulator's indexes change how fast a query is answered, never what it answers: over random
// documents (numbers, strings, dates, nulls, missing fields, arrays and arrays of embedded
// documents) and random queries, the answer with the planner's candidates equals a full scan's,
// in the same order, after inserts, replacements, deletions and a reopen from the journal.
import { findDocs, matchDocs, type Filter } from '../../../emulator/database/engine'
import { Store, type Doc } from '../../../emulator/database/store'
import { tmpDir } from './helpers'

/** A small deterministic generator (mulberry32), so a failure replays from its seed. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]
  return { next, int, pick }
}
type Random = ReturnType<typeof random>

const WORDS = ['counter', 'desk', 'gacha', 'herder', 'notice'] as const
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n))

function scalar(r: Random): unknown {
  switch (r.int(5)) {
    case 0:
      return r.int(6)
    case 1:
      return r.pick(WORDS)
    case 2:
      return day(r.int(6))
    case 3:
      return null
    default:
      return r.int(2) === 0
  }
}

function randomDoc(r: Random, id: number): Doc {
  const doc: Doc = { _id: `d${id}` }
  if (r.int(6) > 0) doc.a = r.int(5) === 0 ? [r.int(6), r.int(6)] : r.int(4) === 0 ? scalar(r) : r.int(6)
  if (r.int(8) > 0) doc.b = r.int(6) === 0 ? null : r.pick(WORDS)
  if (r.int(8) > 0) doc.c = r.int(7) === 0 ? r.int(3) : day(r.int(8))
  if (r.int(3) > 0) doc.e = Array.from({ length: r.int(3) }, () => (r.int(5) === 0 ? {} : { k: r.pick(WORDS), v: r.int(4) }))
  if (r.int(4) === 0) doc.n = { k: r.pick(WORDS) }
  return doc
}

const FIELDS = ['a', 'b', 'c', 'e.k', 'e.v', 'n.k', '_id'] as const

function valueFor(r: Random, field: string): unknown {
  if (field === 'a' || field === 'e.v') return r.int(6)
  if (field === 'c') return r.int(5) === 0 ? r.int(3) : day(r.int(8))
  if (field === '_id') return `d${r.int(60)}`
  return r.int(6) === 0 ? null : r.pick(WORDS)
}

function condition(r: Random, field: string): unknown {
  const v = () => valueFor(r, field)
  switch (r.int(9)) {
    case 0:
      return v()
    case 1:
      return { $eq: v() }
    case 2:
      return { $in: [v(), v(), v()] }
    case 3:
      return { $gt: v() }
    case 4:
      return { $gte: v(), $lt: v() }
    case 5:
      return { $lte: v() }
    case 6:
      return { $ne: v() }
    case 7:
      return { $exists: r.int(2) === 0 }
    default:
      return { $gte: v(), $lte: v() }
  }
}

function conjunction(r: Random): Filter {
  const filter: Filter = {}
  const n = 1 + r.int(3)
  for (let i = 0; i < n; i++) {
    const field = r.pick(FIELDS)
    filter[field] = condition(r, field)
  }
  return filter
}

function randomFilter(r: Random): Filter {
  switch (r.int(5)) {
    case 4: {
      // the SDK sends `_.gte(x).and(_.lt(y))` on one field as a top-level $and of two conditions
      const field = r.pick(FIELDS)
      return { $and: [{ [field]: condition(r, field) }, { [field]: condition(r, field) }] }
    }
    case 0:
      return { $or: [conjunction(r), conjunction(r)] }
    case 1:
      return { $and: [conjunction(r), conjunction(r)] }
    case 2:
      return { ...conjunction(r), $or: [conjunction(r), conjunction(r)] }
    default:
      return conjunction(r)
  }
}

function randomOptions(r: Random) {
  const order: Record<string, 1 | -1> = {}
  if (r.int(2) === 0) order[r.pick(['a', 'b', 'c'])] = r.int(2) === 0 ? 1 : -1
  if (r.int(3) === 0) order._id = -1
  return { order, skip: r.int(3) === 0 ? r.int(5) : 0, limit: r.int(2) === 0 ? 1 + r.int(10) : undefined }
}

const INDEXES = [
  { collection: 'items', fields: ['a'] },
  { collection: 'items', fields: ['b', 'c'] },
  { collection: 'items', fields: ['e.k', 'e.v'] },
  { collection: 'items', fields: ['b', 'a', 'c'] },
  { collection: 'items', fields: ['n.k'], unique: false },
]

describe('emulator indexes', () => {
  it('answer random queries exactly like a scan, in the same order, as the data changes', async () => {
    const r = random(20260521)
    const dir = tmpDir('query-index')
    let store = Store.open(dir, 'local')
    store.ensureIndexes(INDEXES.map((i) => ({ ...i, unique: false })))
    await store.createCollection('items')
    let nextId = 0
    let served = 0
    let queries = 0
    const check = () => {
      const c = store.collection('items')
      for (let q = 0; q < 100; q++) {
        const filter = randomFilter(r)
        const opts = randomOptions(r)
        if (c.indexedCandidates(filter)) served++
        const viaIndexes = findDocs(matchDocs(c, filter), filter, opts)
        const viaScan = findDocs(matchDocs(c, filter, { scan: true }), filter, opts)
        expect({ filter, opts, ids: viaIndexes.map((d) => d._id) }).toEqual({ filter, opts, ids: viaScan.map((d) => d._id) })
        queries++
      }
    }
    for (let round = 0; round < 8; round++) {
      const puts = Array.from({ length: 40 }, () => randomDoc(r, nextId++))
      // replace some earlier documents and delete others, in the same records as the inserts
      const replaced = Array.from({ length: 10 }, () => randomDoc(r, r.int(nextId)))
      const deleted = Array.from({ length: 5 }, () => `d${r.int(nextId)}`).filter((id) => !replaced.some((d) => d._id === id))
      await store.apply([...puts, ...replaced].map((doc) => ({ coll: 'items', kind: 'put' as const, doc })))
      await store.apply([...new Set(deleted)].map((id) => ({ coll: 'items', kind: 'del' as const, id })))
      check()
      if (round === 4) {
        await store.close()
        store = Store.open(dir, 'local')
        check()
      }
    }
    await store.close()
    // the property is only worth something if most queries went through an index
    expect(served).toBeGreaterThan(queries / 2)
  })

  it('read only the candidates an index selects, not the collection', async () => {
    const store = Store.open(tmpDir('query-index-cost'), 'local')
    store.ensureIndexes([{ collection: 'bookings', fields: ['counterId', 'localDate', 'startsAt'], unique: false }])
    await store.createCollection('bookings')
    await store.apply(
      Array.from({ length: 2000 }, (_, i) => ({
        coll: 'bookings',
        kind: 'put' as const,
        doc: { _id: `b${i}`, counterId: `counter-${i % 4}`, localDate: `2026-05-${String(10 + (i % 20)).padStart(2, '0')}`, startsAt: new Date(Date.UTC(2026, 4, 10 + (i % 20), 9, i % 60)) },
      })),
    )
    const c = store.collection('bookings')
    const filter = { counterId: 'counter-1', localDate: '2026-05-15', startsAt: { $gte: new Date(Date.UTC(2026, 4, 15, 9, 30)) } }
    const candidates = c.indexedCandidates(filter)
    expect(candidates).not.toBeNull()
    const matches = matchDocs(c, filter, { scan: true })
    // the index covers every condition: it selects the matches and nothing else
    expect(candidates!.map((d) => d._id)).toEqual(matches.map((d) => d._id))
    expect(matches.length).toBeLessThan(100)
    // nothing pins a leading field: a scan, as on the cloud
    expect(c.indexedCandidates({ localDate: '2026-05-15' })).toBeNull()
    await store.close()
  })
})
