// The `database.*` actions of the CloudBase protocol, with the request fields and response
// shapes @cloudbase/database 1.4.x uses (see its collection.ts, query.ts, document.ts,
// aggregate.ts, transaction/index.ts and the legacy transaction.ts).
// Every handler runs its read-check-write section synchronously (see store.ts) and awaits
// durability before answering.

import crypto from 'crypto'
import { dbRequestFailed, duplicateKey, invalidParam } from '../errors'
import { cloneValue, decodeValue, parseEJSON, stringifyEJSON } from '../ejson'
import { Stats } from '../stats'
import { applyUpdate, assertUpdateDoc, CompiledFilter, Filter, findDocs, matchDocs, runAggregate, seedFromFilter, singleIdOf } from './engine'
import { assertCollectionName, Doc, idKey, Mutation, Store } from './store'
import { Transaction, TransactionManager } from './transactions'
import type { IndexAdvisor, QueryOrigin } from './index-advisor'

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
export const AGGREGATE_DEFAULT_LIMIT = 20

export interface DbContext {
  store: Store
  txns: TransactionManager
  stats: Stats
  indexAdvisor: IndexAdvisor
  envId: string
}

/**
 * Checks a function's query against the declared indexes (index-advisor.ts). Only product code is
 * held to them (`origin` is set for requests from a function); tests and scripts may scan what they
 * like, and requests inside a transaction address one document by id.
 */
function advise(ctx: DbContext, origin: QueryOrigin | undefined, request: string, coll: string, filter: Filter | undefined, sort: string[] = []): void {
  if (origin) ctx.indexAdvisor.inspect(request, coll, filter, sort, origin)
}

type Params = Record<string, unknown>
type Body = Record<string, unknown>

/** CloudBase-style document id: 32 hex chars, time-prefixed so ids sort roughly by creation. */
export function newDocId(): string {
  const t = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')
  return t + crypto.randomBytes(12).toString('hex')
}

function decodeMaybe(v: unknown, what: string, now: number): unknown {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v === 'string') return parseEJSON(v, what, { now })
  if (typeof v === 'object') return decodeValue(v, { now })
  throw invalidParam(`${what} must be an EJSON string`)
}

function filterOf(p: Params, now: number): Filter | undefined {
  const q = decodeMaybe(p.query, 'query', now)
  if (q === undefined) return undefined
  if (typeof q !== 'object' || Array.isArray(q) || q === null) throw invalidParam('query must be an object')
  return q as Filter
}

function intParam(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalidParam(`${what} must be a non-negative integer`)
  return n
}

function orderOf(p: Params, now: number): Record<string, 1 | -1> | undefined {
  const o = decodeMaybe(p.order, 'order', now)
  if (o === undefined) return undefined
  const out: Record<string, 1 | -1> = {}
  const add = (field: unknown, dir: unknown): void => {
    if (typeof field !== 'string' || !field) throw invalidParam('invalid order field')
    out[field] = dir === -1 || dir === 'desc' ? -1 : 1
  }
  if (Array.isArray(o)) for (const x of o) add((x as Params)?.field, (x as Params)?.direction)
  else if (typeof o === 'object' && o !== null) for (const [k, v] of Object.entries(o)) add(k, v)
  else throw invalidParam('invalid order')
  return out
}

function projectionOf(p: Params, now: number): Record<string, unknown> | undefined {
  const pr = decodeMaybe(p.projection, 'projection', now)
  if (pr === undefined) return undefined
  if (typeof pr !== 'object' || Array.isArray(pr) || pr === null) throw invalidParam('projection must be an object')
  return pr as Record<string, unknown>
}

function assertDocument(d: unknown): asserts d is Doc {
  if (!d || typeof d !== 'object' || Array.isArray(d) || d instanceof Date) throw invalidParam('document must be an object')
  for (const k of Object.keys(d)) {
    if (k.startsWith('$')) throw invalidParam(`field name "${k}" must not start with $`)
  }
  const id = (d as Doc)._id
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number' && (typeof id !== 'object' || id === null)) {
    throw invalidParam('_id must be a string or number')
  }
}

/** Update data as sent by modifyDocument: operators when merge is true, a replacement otherwise. */
function updateOf(data: unknown, merge: boolean): { kind: 'ops'; ops: Record<string, Record<string, unknown>> } | { kind: 'replace'; doc: Record<string, unknown> } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalidParam('data must be an object')
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$'))
  if (ops.length && ops.length !== keys.length) throw invalidParam('update data must not mix operators and fields')
  if (!merge) {
    if (ops.length) throw dbRequestFailed('update operator complicit')
    return { kind: 'replace', doc: data as Record<string, unknown> }
  }
  const update = ops.length ? data : { $set: data }
  assertUpdateDoc(update)
  return { kind: 'ops', ops: update }
}

const encodeList = (docs: unknown[]): string[] => docs.map((d) => stringifyEJSON(d))

function txnOf(ctx: DbContext, p: Params): Transaction | undefined {
  if (p.transactionId === undefined || p.transactionId === null || p.transactionId === '') return undefined
  return ctx.txns.get(p.transactionId)
}

/** What a filter selects inside a transaction: by id directly, otherwise as the transaction sees the collection. */
function txnMatches(ctx: DbContext, t: Transaction, coll: string, filter: Filter | undefined): Doc[] {
  const id = singleIdOf(filter)
  if (id !== undefined) {
    const d = ctx.txns.read(t, coll, id)
    return d ? [d] : []
  }
  const compiled = new CompiledFilter(filter)
  return ctx.txns.query(t, coll, matchDocs(ctx.store.collection(coll), filter), (d) => compiled.test(d))
}

async function getDocument(ctx: DbContext, p: Params, now: number, origin?: QueryOrigin): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const filter = filterOf(p, now)
  const projection = projectionOf(p, now)
  const order = orderOf(p, now)
  const skip = intParam(p.offset, 'offset') ?? 0
  const limit = Math.min(intParam(p.limit, 'limit') || DEFAULT_LIMIT, MAX_LIMIT)
  ctx.stats.read(coll)
  const t = txnOf(ctx, p)
  let matched: Doc[]
  advise(ctx, origin, 'getDocument', coll, filter, Object.keys(order ?? {}))
  if (t) {
    matched = txnMatches(ctx, t, coll, filter)
  } else {
    const c = ctx.store.collection(coll)
    matched = matchDocs(c, filter)
  }
  const list = findDocs(matched, filter, { order, skip, limit, projection })
  return { data: { list: encodeList(list) } }
}

async function calculateDocument(ctx: DbContext, p: Params, now: number, origin?: QueryOrigin): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const filter = filterOf(p, now)
  advise(ctx, origin, 'calculateDocument', coll, filter)
  ctx.stats.read(coll)
  const c = ctx.store.collection(coll)
  return { data: { total: matchDocs(c, filter).length } }
}

async function insertDocument(ctx: DbContext, p: Params, now: number): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const raw = Array.isArray(p.data) ? p.data : p.data === undefined ? undefined : [p.data]
  if (!raw || raw.length === 0) throw invalidParam('data must be a non-empty array of documents')
  const docs = raw.map((r) => {
    const d = typeof r === 'string' ? parseEJSON(r, 'data', { now }) : decodeValue(r, { now })
    assertDocument(d)
    // like the cloud, _id comes first in stored documents
    const { _id, ...fields } = d
    return { _id: _id === undefined ? newDocId() : _id, ...fields } as Doc
  })
  const t = txnOf(ctx, p)
  const c = ctx.store.collection(coll)
  if (t) {
    for (const d of docs) {
      if (ctx.txns.read(t, coll, d._id)) throw duplicateKey(ctx.envId, coll, '_id_', `{ _id: ${JSON.stringify(d._id)} }`)
      ctx.txns.write(t, coll, d._id, d)
    }
    return { data: { insertedIds: docs.map((d) => d._id) } }
  }
  const seen = new Set<string>()
  for (const d of docs) {
    const k = idKey(d._id)
    if (c.docs.has(k) || seen.has(k)) throw duplicateKey(ctx.envId, coll, '_id_', `{ _id: ${JSON.stringify(d._id)} }`)
    seen.add(k)
  }
  const durable = ctx.store.apply(docs.map((doc) => ({ coll, kind: 'put', doc })))
  ctx.stats.write([coll])
  await durable
  return { data: { insertedIds: docs.map((d) => d._id) } }
}

async function modifyDocument(ctx: DbContext, p: Params, now: number, origin?: QueryOrigin): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const filter = filterOf(p, now)
  const merge = p.merge !== false
  const upsert = p.upsert === true
  const multi = p.multi === true
  const update = updateOf(decodeMaybe(p.data, 'data', now), merge)
  const t = txnOf(ctx, p)
  const c = ctx.store.collection(coll)

  const build = (base: Doc | undefined, id: unknown): { doc: Doc; modified: boolean } => {
    if (update.kind === 'replace') {
      const { _id: _ignored, ...fields } = update.doc
      const doc = { _id: base ? base._id : id, ...fields } as Doc
      assertDocument(doc)
      return { doc, modified: !base || stringifyEJSON(base) !== stringifyEJSON(doc) }
    }
    if (base) return applyUpdate(base, update.ops, filter)
    return applyUpdate({ _id: id, ...seedFromFilter(filter) } as Doc, update.ops)
  }

  advise(ctx, origin, 'modifyDocument', coll, filter)
  if (t) {
    const found = txnMatches(ctx, t, coll, filter)
    const targets = multi ? found : found.slice(0, 1)
    if (targets.length === 0) {
      if (!upsert) return { data: { updated: 0, matched: 0 } }
      const id = singleIdOf(filter) ?? newDocId()
      ctx.txns.write(t, coll, id, build(undefined, id).doc)
      return { data: { updated: 0, matched: 0, upsert_id: id } }
    }
    let updated = 0
    for (const base of targets) {
      const { doc, modified } = build(base, base._id)
      if (modified) {
        ctx.txns.write(t, coll, base._id, doc)
        updated++
      }
    }
    return { data: { updated, matched: targets.length } }
  }

  const matched = matchDocs(c, filter)
  const targets = multi ? matched : matched.slice(0, 1)
  const muts: Mutation[] = []
  let upsertId: unknown
  if (targets.length === 0 && upsert) {
    const id = singleIdOf(filter) ?? newDocId()
    const { doc } = build(undefined, id)
    muts.push({ coll, kind: 'put', doc })
    upsertId = id
  } else {
    for (const base of targets) {
      const { doc, modified } = build(base, base._id)
      if (modified) muts.push({ coll, kind: 'put', doc })
    }
  }
  if (muts.length) {
    const durable = ctx.store.apply(muts)
    ctx.stats.write([coll])
    await durable
  }
  const body: Body = { updated: upsertId === undefined ? muts.length : 0, matched: targets.length }
  if (upsertId !== undefined) body.upsert_id = upsertId
  return { data: body }
}

async function modifyAndReturnDoc(ctx: DbContext, p: Params, now: number, origin?: QueryOrigin): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const filter = filterOf(p, now)
  const update = updateOf(decodeMaybe(p.data, 'data', now), true)
  if (update.kind !== 'ops') throw invalidParam('data must be an update')
  const t = txnOf(ctx, p)
  const c = ctx.store.collection(coll)
  advise(ctx, origin, 'modifyAndReturnDoc', coll, filter)
  if (t) {
    const [base] = txnMatches(ctx, t, coll, filter)
    if (!base) return { data: { updated: 0, doc: null } }
    const { doc, modified } = applyUpdate(base, update.ops, filter)
    if (modified) ctx.txns.write(t, coll, base._id, doc)
    return { data: { updated: modified ? 1 : 0, doc: stringifyEJSON(doc) } }
  }
  const [base] = matchDocs(c, filter)
  if (!base) return { data: { updated: 0, doc: null } }
  const { doc, modified } = applyUpdate(base, update.ops, filter)
  if (modified) {
    const durable = ctx.store.apply([{ coll, kind: 'put', doc }])
    ctx.stats.write([coll])
    await durable
  }
  return { data: { updated: modified ? 1 : 0, doc: stringifyEJSON(doc) } }
}

async function removeDocument(ctx: DbContext, p: Params, now: number, origin?: QueryOrigin): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const filter = filterOf(p, now)
  const multi = p.multi !== false
  const t = txnOf(ctx, p)
  const c = ctx.store.collection(coll)
  advise(ctx, origin, 'removeDocument', coll, filter)
  if (t) {
    const found = txnMatches(ctx, t, coll, filter)
    const targets = multi ? found : found.slice(0, 1)
    for (const base of targets) ctx.txns.write(t, coll, base._id, null)
    return { data: { deleted: targets.length } }
  }
  const matched = matchDocs(c, filter)
  const targets = multi ? matched : matched.slice(0, 1)
  if (targets.length) {
    const durable = ctx.store.apply(targets.map((d) => ({ coll, kind: 'del', id: d._id })))
    ctx.stats.write([coll])
    await durable
  }
  return { data: { deleted: targets.length } }
}

function parseStages(stages: unknown, now: number): Record<string, unknown>[] {
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array')
  return stages.map((s) => {
    const st = s as Params
    if (!st || typeof st.stageKey !== 'string' || !st.stageKey.startsWith('$')) throw invalidParam('invalid aggregation stage')
    if (typeof st.stageValue !== 'string') throw invalidParam('invalid aggregation stage value')
    return { [st.stageKey]: parseEJSON(st.stageValue, `stage ${st.stageKey}`, { now }) }
  })
}

async function aggregateDocuments(ctx: DbContext, p: Params, now: number, origin?: QueryOrigin): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const pipeline = parseStages(p.stages, now)
  if (origin) ctx.indexAdvisor.inspectAggregation(coll, pipeline, origin)
  ctx.stats.read(coll)
  const c = ctx.store.collection(coll)
  if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  // run a leading $match against stored docs first so only matches are copied
  let source: Doc[]
  const first = pipeline[0]
  if (first && '$match' in first && first.$match && typeof first.$match === 'object') {
    source = matchDocs(c, first.$match as Filter)
    pipeline.shift()
  } else {
    source = [...c.docs.values()]
  }
  const copy = source.map((d) => cloneValue(d))
  const lookups = indexedLookups(pipeline)
  const list = runAggregate(copy, lookups.pipeline, (name) => {
    const lookup = lookups.sources.get(name)
    ctx.stats.read(lookup?.from ?? name)
    if (!lookup) return ctx.store.cloneDocsOf(name)
    const c = ctx.store.collections.get(lookup.from)
    return c ? matchDocs(c, lookup.match).map((d) => cloneValue(d)) : []
  })
  return { data: { list: encodeList(list) } }
}

/**
 * A `$lookup` with a sub-pipeline and no `let` reads the same documents for every input document:
 * its leading `$match` selects them once, through the indexes, instead of a copy of the whole
 * collection. The stage reads them under a private name; its `$match` still runs, so the answer is
 * the same.
 */
function indexedLookups(pipeline: Record<string, unknown>[]): { pipeline: Record<string, unknown>[]; sources: Map<string, { from: string; match: Filter }> } {
  const sources = new Map<string, { from: string; match: Filter }>()
  const rewritten = pipeline.map((stage, i) => {
    const spec = stage.$lookup as Record<string, unknown> | undefined
    if (!spec || spec.let !== undefined || typeof spec.from !== 'string' || !Array.isArray(spec.pipeline)) return stage
    const first = spec.pipeline[0] as Record<string, unknown> | undefined
    const match = first?.$match
    if (!match || typeof match !== 'object' || Array.isArray(match)) return stage
    const name = `\u0000lookup-${i}`
    sources.set(name, { from: spec.from, match: match as Filter })
    return { $lookup: { ...spec, from: name } }
  })
  return { pipeline: rewritten, sources }
}

async function addCollection(ctx: DbContext, p: Params): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const durable = ctx.store.createCollection(coll)
  ctx.stats.write([coll])
  await durable
  return {}
}

async function deleteCollection(ctx: DbContext, p: Params): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const durable = ctx.store.dropCollection(coll)
  ctx.stats.write([coll])
  await durable
  return {}
}

async function startTransaction(ctx: DbContext): Promise<Body> {
  return { transactionId: ctx.txns.start().id }
}

async function commitTransaction(ctx: DbContext, p: Params): Promise<Body> {
  const t = ctx.txns.get(p.transactionId)
  const colls = await ctx.txns.commit(t)
  if (colls.length) ctx.stats.write(colls)
  return {}
}

async function abortTransaction(ctx: DbContext, p: Params): Promise<Body> {
  ctx.txns.abortById(p.transactionId)
  return {}
}

// legacy transaction API (@cloudbase/database src/transaction.ts): _id is a top-level field
async function getInTransaction(ctx: DbContext, p: Params): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const t = ctx.txns.get(p.transactionId)
  ctx.stats.read(coll)
  const d = ctx.txns.read(t, coll, p._id)
  return { data: stringifyEJSON(d ?? null) }
}

async function updateDocInTransaction(ctx: DbContext, p: Params, now: number): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const t = ctx.txns.get(p.transactionId)
  const data = decodeMaybe(p.data, 'data', now)
  const base = ctx.txns.read(t, coll, p._id)
  const keys = data && typeof data === 'object' ? Object.keys(data) : []
  if (keys.length && keys.every((k) => k.startsWith('$'))) {
    assertUpdateDoc(data)
    if (!base && p.upsert !== true) return { updated: '0' }
    const { doc, modified } = applyUpdate(base ?? ({ _id: p._id } as Doc), data)
    if (modified) ctx.txns.write(t, coll, p._id, doc)
    return { updated: modified && base ? '1' : '0', upserted: base ? undefined : JSON.stringify([{ _id: p._id }]) }
  }
  assertDocument(data)
  const doc = { ...data, _id: p._id } as Doc
  ctx.txns.write(t, coll, p._id, doc)
  return { updated: base ? '1' : '0', upserted: base ? undefined : JSON.stringify([{ _id: p._id }]) }
}

async function deleteDocInTransaction(ctx: DbContext, p: Params): Promise<Body> {
  const coll = assertCollectionName(p.collectionName)
  const t = ctx.txns.get(p.transactionId)
  const base = ctx.txns.read(t, coll, p._id)
  if (base) ctx.txns.write(t, coll, p._id, null)
  return { deleted: base ? '1' : '0' }
}

type Handler = (ctx: DbContext, p: Params, now: number, origin?: QueryOrigin) => Promise<Body>

export const databaseActions: Record<string, Handler> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.deleteCollection': deleteCollection,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
  'database.getInTransaction': getInTransaction,
  'database.updateDocInTransaction': updateDocInTransaction,
  'database.deleteDocInTransaction': deleteDocInTransaction,
}
