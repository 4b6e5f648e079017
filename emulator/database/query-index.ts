// Sorted indexes that answer queries the way CloudBase's planner does: the declared indexes of a
// collection (cloudfunctions/database.json in this app) are kept as B+ trees, and a query uses
// the one whose leading fields its filter pins (equality or `$in`, then one range), so its cost
// follows the documents it selects and not the collection's size. A filter no index serves is
// answered by a scan, as the cloud would (the index advisor reports those).
//
// An index here only narrows the candidates: every candidate is still tested with mingo's full
// filter and results keep the collection's natural order, so a query answers exactly the same
// with or without indexes (test/unit/emulator-query-index.test.ts checks that over random data).
// That is what makes a superset of keys safe: an array value is indexed by each of its elements
// (a multikey index), and a path through an array of embedded documents by every value it reaches.

import BTree from 'sorted-btree'
import { ObjectIdValue } from '../ejson'
import type { Doc, IndexSpec } from './store'

type Filter = Record<string, unknown>

/** Bounds below and above every value of one type bracket (MongoDB compares within a type). */
class Bound {
  constructor(
    readonly rank: number,
    readonly side: -1 | 1,
  ) {}
}
const LOWEST = new Bound(0, -1)
const HIGHEST = new Bound(99, 1)

// Type brackets in the order MongoDB sorts them; null stands for a missing field too.
const RANK_NULL = 1
const RANK_NUMBER = 3
const RANK_STRING = 4
const RANK_OBJECT_ID = 7
const RANK_BOOLEAN = 8
const RANK_DATE = 9

/** The bracket of a value the planner may look up, or null for values it leaves to a scan. */
function rankOf(v: unknown): number | null {
  if (v === null || v === undefined) return RANK_NULL
  if (typeof v === 'number') return Number.isNaN(v) ? null : RANK_NUMBER
  if (typeof v === 'string') return RANK_STRING
  if (typeof v === 'boolean') return RANK_BOOLEAN
  if (v instanceof Date) return Number.isNaN(+v) ? null : RANK_DATE
  if (v instanceof ObjectIdValue) return RANK_OBJECT_ID
  return null
}

function compareValues(a: unknown, b: unknown): number {
  if (a instanceof Bound || b instanceof Bound) {
    const ra = a instanceof Bound ? a.rank : rankOf(a)!
    const rb = b instanceof Bound ? b.rank : rankOf(b)!
    if (ra !== rb) return ra < rb ? -1 : 1
    const sa = a instanceof Bound ? a.side : 0
    const sb = b instanceof Bound ? b.side : 0
    return sa === sb ? 0 : sa < sb ? -1 : 1
  }
  const ra = rankOf(a)!
  const rb = rankOf(b)!
  if (ra !== rb) return ra < rb ? -1 : 1
  switch (ra) {
    case RANK_NULL:
      return 0
    case RANK_DATE: {
      const x = +(a as Date)
      const y = +(b as Date)
      return x < y ? -1 : x > y ? 1 : 0
    }
    case RANK_OBJECT_ID: {
      const x = (a as ObjectIdValue).hex
      const y = (b as ObjectIdValue).hex
      return x < y ? -1 : x > y ? 1 : 0
    }
    default:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
  }
}

/** An index key: one value per index field, then the document's key to make entries unique. */
type Key = unknown[]

function compareKeys(a: Key, b: Key): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i])
    if (c !== 0) return c
  }
  return a.length - b.length
}

// A document whose indexed fields reach more value combinations than this is not indexed by
// that index any more, and the index stops serving queries (MongoDB refuses such documents).
const MAX_KEYS_PER_DOC = 256

/** Every scalar value `path` reaches in `doc`, descending into arrays like a query does. */
function valuesAt(doc: unknown, path: string[]): { values: unknown[]; indexable: boolean; multikey: boolean } {
  const values: unknown[] = []
  let indexable = true
  let multikey = false
  const walk = (cur: unknown, i: number): void => {
    if (i === path.length) {
      if (Array.isArray(cur)) {
        multikey = true
        // an array matches a condition on any element, and [] matches none but null-ish lookups
        if (cur.length === 0) values.push(null)
        for (const el of cur) {
          if (Array.isArray(el)) indexable = false
          else if (rankOf(el) !== null) values.push(el)
          else values.push(null)
        }
      } else if (rankOf(cur) !== null) values.push(cur)
      else values.push(null) // objects, regexes: found only by a scan, which the planner never skips for them
      return
    }
    if (cur === null || cur === undefined || typeof cur !== 'object') return void values.push(null)
    if (Array.isArray(cur)) {
      multikey = true
      if (/^\d+$/.test(path[i])) indexable = false
      if (cur.length === 0) values.push(null)
      for (const el of cur) walk(el, i)
      return
    }
    const next = (cur as Record<string, unknown>)[path[i]]
    if (next === undefined) return void values.push(null)
    walk(next, i + 1)
  }
  walk(doc, 0)
  return { values, indexable, multikey }
}

export class QueryIndex {
  readonly name: string
  private readonly paths: string[][]
  private readonly tree = new BTree<Key, string>(undefined, compareKeys)
  private readonly keysOf = new Map<string, Key[]>()
  /** Documents this index could not hold; while any exist, the index serves no query. */
  private readonly unindexable = new Set<string>()
  /** Per field, the documents whose value there is reached through an array. */
  private readonly arraysAt: Array<Set<string>>

  constructor(readonly spec: IndexSpec) {
    this.name = spec.name ?? spec.fields.map((f) => `${f}_1`).join('_')
    this.paths = spec.fields.map((f) => f.split('.'))
    this.arraysAt = spec.fields.map(() => new Set<string>())
  }

  get usable(): boolean {
    return this.unindexable.size === 0
  }

  /**
   * Whether a field holds arrays somewhere: then two conditions on it may be met by different
   * elements ({ $gte: 5, $lte: 3 } matches [6, 2]), so only one of them may bound a lookup.
   */
  multikey(field: number): boolean {
    return this.arraysAt[field].size > 0
  }

  add(doc: Doc, dk: string): void {
    let combos: unknown[][] = [[]]
    for (const [i, p] of this.paths.entries()) {
      const { values, indexable, multikey } = valuesAt(doc, p)
      if (multikey) this.arraysAt[i].add(dk)
      const distinct = values.length === 1 ? values : values.filter((v, j) => values.findIndex((w) => compareValues(v, w) === 0) === j)
      if (!indexable || combos.length * distinct.length > MAX_KEYS_PER_DOC) {
        this.unindexable.add(dk)
        return
      }
      combos = distinct.length === 1 ? combos.map((c) => (c.push(distinct[0]), c)) : combos.flatMap((c) => distinct.map((v) => [...c, v]))
    }
    const keys = combos.map((c) => [...c, dk])
    for (const k of keys) this.tree.set(k, dk)
    this.keysOf.set(dk, keys)
  }

  remove(dk: string): void {
    this.unindexable.delete(dk)
    for (const docs of this.arraysAt) docs.delete(dk)
    const keys = this.keysOf.get(dk)
    if (!keys) return
    for (const k of keys) this.tree.delete(k)
    this.keysOf.delete(dk)
  }

  /** Document keys whose entries lie within [low, high] on the leading fields. */
  collect(low: unknown[], high: unknown[], into: Set<string>): void {
    this.tree.forRange([...low, LOWEST], [...high, HIGHEST], true, (_k, dk) => {
      into.add(dk)
    })
  }
}

/** What a filter's conditions on one field say, each kept apart (see QueryIndex.multikey). */
interface FieldConditions {
  /** equality lists (`$eq`, a literal, `$in`), one per condition */
  eqs: unknown[][]
  lows: Array<{ value: unknown; inclusive: boolean }>
  highs: Array<{ value: unknown; inclusive: boolean }>
}

/** The values a lookup may take for a field: equality values, or a range. */
interface FieldBounds {
  eq?: unknown[]
  low?: { value: unknown; inclusive: boolean }
  high?: { value: unknown; inclusive: boolean }
}

const MAX_POINT_LOOKUPS = 500

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof ObjectIdValue) && !(v instanceof RegExp) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'))
}

/** Adds what `cond` (a field's condition) allows an index to use; ignores what it cannot. */
function addCondition(into: FieldConditions, cond: unknown): void {
  if (!isOperatorObject(cond)) {
    if (rankOf(cond) !== null) into.eqs.push([cond ?? null])
    return
  }
  for (const [op, v] of Object.entries(cond)) {
    if (op === '$eq' && rankOf(v) !== null) into.eqs.push([v ?? null])
    else if (op === '$in' && Array.isArray(v) && v.length > 0 && v.every((x) => rankOf(x) !== null)) into.eqs.push(v.map((x) => x ?? null))
    else if ((op === '$gt' || op === '$gte') && v !== null && rankOf(v) !== null) into.lows.push({ value: v, inclusive: op === '$gte' })
    else if ((op === '$lt' || op === '$lte') && v !== null && rankOf(v) !== null) into.highs.push({ value: v, inclusive: op === '$lte' })
  }
}

/**
 * The lookup bounds of one field. Several conditions narrow each other only when every document
 * holds one value there; on a multikey field each may be met by another element, so one is used.
 */
function boundsFor(c: FieldConditions, multikey: boolean): FieldBounds {
  if (multikey) {
    if (c.eqs.length) return { eq: c.eqs[0] }
    if (c.lows.length) return { low: c.lows[0] }
    return c.highs.length ? { high: c.highs[0] } : {}
  }
  const eq = c.eqs.length ? c.eqs.slice(1).reduce((acc, list) => acc.filter((x) => list.some((y) => compareValues(x, y) === 0)), c.eqs[0]) : undefined
  if (eq) return { eq }
  // the tightest bound of each side; which of two equal values is exclusive does not matter,
  // since bounds are looked up inclusively and the full filter decides
  const low = c.lows.reduce<FieldBounds['low']>((best, b) => (!best || compareValues(b.value, best.value) > 0 ? b : best), undefined)
  const high = c.highs.reduce<FieldBounds['high']>((best, b) => (!best || compareValues(b.value, best.value) < 0 ? b : best), undefined)
  return { low, high }
}

/** Conditions of a filter's top level (through `$and`) per field; `$or` is planned per branch. */
function conditionsOf(filter: Filter, into = new Map<string, FieldConditions>()): Map<string, FieldConditions> {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const part of cond) if (part && typeof part === 'object') conditionsOf(part as Filter, into)
    } else if (!key.startsWith('$')) {
      const c = into.get(key) ?? { eqs: [], lows: [], highs: [] }
      addCondition(c, cond)
      into.set(key, c)
    }
  }
  return into
}

interface Plan {
  index: QueryIndex
  /** equality values of the leading fields, one list per field */
  points: unknown[][]
  range?: FieldBounds
}

function planFor(indexes: QueryIndex[], conditions: Map<string, FieldConditions>): Plan | null {
  let best: { plan: Plan; score: number } | null = null
  for (const index of indexes) {
    if (!index.usable) continue
    const points: unknown[][] = []
    let lookups = 1
    let range: FieldBounds | undefined
    for (const [i, field] of index.spec.fields.entries()) {
      const c = conditions.get(field)
      const b = c ? boundsFor(c, index.multikey(i)) : undefined
      if (b?.eq && lookups * Math.max(1, b.eq.length) <= MAX_POINT_LOOKUPS) {
        points.push(b.eq)
        lookups *= Math.max(1, b.eq.length)
        continue
      }
      if (b && (b.low || b.high)) range = b
      break
    }
    const score = points.length * 2 + (range ? 1 : 0)
    if (score > 0 && (!best || score > best.score)) best = { plan: { index, points, range }, score }
  }
  return best?.plan ?? null
}

function runPlan(plan: Plan, into: Set<string>): void {
  let prefixes: unknown[][] = [[]]
  for (const values of plan.points) prefixes = prefixes.flatMap((p) => values.map((v) => [...p, v]))
  const r = plan.range
  for (const prefix of prefixes) {
    if (!r) {
      plan.index.collect(prefix, prefix, into)
      continue
    }
    // a range keeps to the bound's type bracket, as MongoDB's comparison operators do
    const rank = rankOf(r.low?.value ?? r.high?.value)!
    if (r.low && r.high && rankOf(r.high.value) !== rank) continue
    const low = r.low ? r.low.value : new Bound(rank, -1)
    const high = r.high ? r.high.value : new Bound(rank, 1)
    if (compareValues(low, high) > 0) continue
    // bounds are taken inclusively: the full filter drops the excluded end again
    plan.index.collect([...prefix, low], [...prefix, high], into)
  }
}

/**
 * The keys of the documents an index finds for `filter`, a superset of its matches; or null when
 * no index serves it and the caller must scan. `$or` is served when every branch is.
 */
export function candidateKeys(indexes: QueryIndex[], filter: Filter): Set<string> | null {
  const plan = planFor(indexes, conditionsOf(filter))
  if (plan) {
    const keys = new Set<string>()
    runPlan(plan, keys)
    return keys
  }
  const branches = filter.$or
  if (Array.isArray(branches) && branches.length > 0) {
    const keys = new Set<string>()
    for (const branch of branches) {
      if (!branch || typeof branch !== 'object') return null
      // a branch inherits the conditions beside the $or
      const { $or: _or, ...rest } = filter
      const found = candidateKeys(indexes, { $and: [rest, branch] })
      if (!found) return null
      for (const k of found) keys.add(k)
    }
    return keys
  }
  return null
}
