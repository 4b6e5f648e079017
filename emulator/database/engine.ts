// Query, update and aggregation semantics, delegated to mingo (MongoDB semantics in JS).
// This module only adapts the CloudBase request shapes to mingo and turns mingo's errors into
// cloud-shaped errors. Script operators ($where, $function, $accumulator) are disabled because
// query text comes from the network.

import { Aggregator } from 'mingo/aggregator'
import { Query } from 'mingo/query'
import type { Options } from 'mingo/types'
import { update as mingoUpdate } from 'mingo/updater'
import { CloudError, dbRequestFailed, invalidParam } from '../errors'
import { cloneValue } from '../ejson'
import { geoNearStage, haversine, nearSpec, pointsOf } from './geo'
import { operatorContext, sortDocs } from './operators'
import type { Collection, Doc } from './store'

const BASE_OPTIONS: Partial<Options> = {
  scriptEnabled: false,
  context: operatorContext,
}

export type Filter = Record<string, unknown>

function wrap<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof CloudError) throw e
    throw dbRequestFailed(`[InvalidParameter] ${e instanceof Error ? e.message : String(e)}`)
  }
}

function isPrimitiveId(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number'
}

/** `{ _id: <string|number> }` exactly: the shape doc(id) operations send. */
export function singleIdOf(filter: Filter | undefined): string | number | undefined {
  if (!filter) return undefined
  const keys = Object.keys(filter)
  if (keys.length === 1 && keys[0] === '_id' && isPrimitiveId(filter._id)) return filter._id
  const eq = filter._id as { $eq?: unknown } | undefined
  if (keys.length === 1 && keys[0] === '_id' && eq && typeof eq === 'object' && Object.keys(eq).length === 1 && isPrimitiveId(eq.$eq)) {
    return eq.$eq
  }
  return undefined
}

export class CompiledFilter {
  private readonly query: Query | null
  constructor(readonly filter: Filter | undefined) {
    this.query = filter && Object.keys(filter).length ? wrap(() => new Query(filter, BASE_OPTIONS)) : null
  }
  test(doc: Doc): boolean {
    return this.query ? wrap(() => this.query!.test(doc)) : true
  }
}

export interface MatchOptions {
  /** Read every document instead of the candidates an index selects (the property test's reference). */
  scan?: boolean
}

/**
 * Documents (stored instances, do not mutate) matching `filter`, in natural order. An index that
 * serves the filter selects the candidates; the full filter then decides, so the answer is the
 * same as a scan's.
 */
export function matchDocs(c: Collection, filter: Filter | undefined, opts: MatchOptions = {}): Doc[] {
  const id = singleIdOf(filter)
  if (id !== undefined && !opts.scan) {
    const d = c.get(id)
    return d ? [d] : []
  }
  const q = new CompiledFilter(filter)
  const pool = (!opts.scan && filter && Object.keys(filter).length > 0 && c.indexedCandidates(filter)) || c.docs.values()
  const out: Doc[] = []
  for (const d of pool) if (q.test(d)) out.push(d)
  return out
}

/** A top-level $nearSphere/$near condition, used to sort results by distance like MongoDB. */
function nearOrder(filter: Filter | undefined): ((d: Doc) => number) | null {
  if (!filter) return null
  for (const [field, cond] of Object.entries(filter)) {
    if (cond && typeof cond === 'object' && !Array.isArray(cond)) {
      const c = cond as Record<string, unknown>
      const spec = c.$nearSphere ?? c.$near
      if (spec !== undefined) {
        const { center } = nearSpec(spec)
        return (d) => {
          const p = pointsOf(field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), d))
          return p.length ? haversine(p[0], center) : Infinity
        }
      }
    }
  }
  return null
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

/** Matching documents after sort/skip/limit/projection. Results may share structure with stored docs. */
export function findDocs(matched: Doc[], filter: Filter | undefined, opts: FindOptions): Record<string, unknown>[] {
  let docs = matched
  const byDistance = !opts.order || Object.keys(opts.order).length === 0 ? nearOrder(filter) : null
  if (byDistance) docs = [...docs].sort((a, b) => byDistance(a) - byDistance(b))
  return wrap(() => {
    const hasProjection = opts.projection && Object.keys(opts.projection).length > 0
    // sorted before the projection, which may drop the fields it sorts by
    if (opts.order && Object.keys(opts.order).length) docs = sortDocs(docs, opts.order)
    let cursor = new Query({}, BASE_OPTIONS).find(docs, hasProjection ? (opts.projection as never) : undefined)
    if (opts.skip) cursor = cursor.skip(opts.skip)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all() as Record<string, unknown>[]
  })
}

const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max', '$push', '$pull', '$pullAll', '$pop', '$addToSet', '$rename', '$bit', '$currentDate'])

/** Validate an operator update document ({ $set: {...}, $inc: {...} }). */
export function assertUpdateDoc(update: unknown): asserts update is Record<string, Record<string, unknown>> {
  if (!update || typeof update !== 'object' || Array.isArray(update)) throw invalidParam('update data must be an object')
  const entries = Object.entries(update)
  if (entries.length === 0) throw invalidParam('update data must not be empty')
  for (const [op, fields] of entries) {
    if (!UPDATE_OPERATORS.has(op)) throw new CloudError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] unknown update operator ${op}`)
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw invalidParam(`${op} expects an object`)
    for (const path of Object.keys(fields)) {
      if (path === '_id' || path.startsWith('_id.')) {
        throw dbRequestFailed(`[InvalidParameter] Performing an update on the path '_id' would modify the immutable field '_id'`)
      }
      if (path === '' || path.split('.').some((p) => p === '')) throw invalidParam(`invalid field path "${path}"`)
    }
  }
}

function getPath(doc: unknown, path: string): unknown {
  let cur = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

/**
 * Apply an operator update to a copy of `doc`. Returns the new document and whether anything changed.
 * `filter` is the query that selected `doc`: the positional `$` ('marks.$.n') updates the array
 * element it matched, as on the cloud; an update with `$` and no array condition in it fails.
 */
export function applyUpdate(doc: Doc, update: Record<string, Record<string, unknown>>, filter?: Filter): { doc: Doc; modified: boolean } {
  for (const op of ['$inc', '$mul'] as const) {
    const fields = update[op]
    if (!fields) continue
    for (const [path, v] of Object.entries(fields)) {
      if (typeof v !== 'number') throw dbRequestFailed(`[InvalidParameter] Cannot ${op.slice(1)} with non-numeric argument: {${path}: ${JSON.stringify(v)}}`)
      const cur = getPath(doc, path)
      if (cur !== undefined && cur !== null && typeof cur !== 'number') {
        throw dbRequestFailed(`[InvalidParameter] Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeof cur}`)
      }
    }
  }
  assertWritablePaths(doc, update)
  const copy = cloneValue(doc)
  const changed = wrap(() => mingoUpdate(copy, update as never, undefined, filter && Object.keys(filter).length ? (filter as never) : undefined, { cloneMode: 'deep', queryOptions: BASE_OPTIONS }))
  return { doc: copy, modified: changed.length > 0 }
}

const ARRAY_UPDATES = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll'])
const REMOVING_UPDATES = new Set(['$unset', '$pull', '$pullAll', '$pop', '$rename'])

/**
 * Where MongoDB (and so CloudBase) refuses an update that mingo would silently skip: an array
 * operator on a field that holds something else, and a path through a scalar or null
 * ('a.b' when a is 5). Paths with a positional part are left to mingo.
 */
function assertWritablePaths(doc: Doc, update: Record<string, Record<string, unknown>>): void {
  const where = `{_id: ${JSON.stringify(doc._id)}}`
  for (const [op, fields] of Object.entries(update)) {
    for (const path of Object.keys(fields)) {
      if (path.includes('$')) continue
      const parts = path.split('.')
      let cur: unknown = doc
      for (const [i, part] of parts.entries()) {
        if (cur === undefined) break
        if (i > 0 && (cur === null || typeof cur !== 'object')) {
          // nothing there to remove or move: MongoDB leaves the document as it is
          if (REMOVING_UPDATES.has(op)) {
            cur = undefined
            break
          }
          throw dbRequestFailed(`[InvalidParameter] Cannot create field '${part}' in element {${parts[i - 1]}: ${JSON.stringify(cur)}} of ${where}`)
        }
        cur = (cur as Record<string, unknown>)[part]
      }
      if (ARRAY_UPDATES.has(op) && cur !== undefined && !Array.isArray(cur)) {
        throw dbRequestFailed(`[InvalidParameter] The field '${path}' must be an array but is of type ${cur === null ? 'null' : typeof cur} in document ${where}`)
      }
    }
  }
}

/** Fields an upsert copies from its filter (top-level equality conditions). */
export function seedFromFilter(filter: Filter | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!filter) return out
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$') || k.includes('.')) continue
    if (v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
      const eq = (v as Record<string, unknown>).$eq
      if (eq !== undefined) out[k] = eq
      continue
    }
    out[k] = v
  }
  return out
}

const FORBIDDEN_STAGES = new Set(['$out', '$merge', '$collStats', '$indexStats', '$currentOp', '$listSessions', '$planCacheStats'])

/**
 * Run an aggregation pipeline. `source` is a private copy the pipeline may mutate;
 * `resolveCollection` returns private copies for $lookup / $unionWith / $graphLookup.
 */
export function runAggregate(source: Doc[], pipeline: Record<string, unknown>[], resolveCollection: (name: string) => Record<string, unknown>[]): unknown[] {
  for (const [i, stage] of pipeline.entries()) {
    const key = Object.keys(stage)[0]
    if (FORBIDDEN_STAGES.has(key)) throw dbRequestFailed(`[InvalidParameter] aggregation stage ${key} is not supported`)
    // like MongoDB, $geoNear reads the collection itself, so it can only come first
    if (key === '$geoNear' && i > 0) throw dbRequestFailed('[InvalidParameter] $geoNear is only valid as the first stage in a pipeline')
  }
  let rest = pipeline
  let docs: Record<string, unknown>[] = source
  if (pipeline[0] && '$geoNear' in pipeline[0]) {
    docs = geoNearStage(source, pipeline[0].$geoNear, (doc, query) => new CompiledFilter(query).test(doc as Doc))
    rest = pipeline.slice(1)
  }
  return wrap(() => new Aggregator(rest, { ...BASE_OPTIONS, collectionResolver: resolveCollection }).run(docs))
}
