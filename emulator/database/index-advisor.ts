// Reports queries that no declared index serves. On CloudBase a query without an index scans its
// collection and slows down as the data grows, which a small local data set never shows; so the
// emulator checks each query's filter and sort against the declared indexes, the way MongoDB's
// planner picks an index, and keeps the ones it cannot serve with where they came from.
//
// The rules (a simplification of MongoDB's, strict where it matters):
// - a filter is served when it pins `_id`, or when an index's leading field is constrained;
// - `$or` is served when every branch is; `$nor`, `$expr`, `$where` and `$text` use no index, and
//   are applied to what the rest of the filter selects;
// - a sort is served by the index serving the filter when the sort fields follow that index's
//   constrained prefix in order (or, with no filter, are the index's leading fields);
// - no filter and no sort reads in `_id` order: served;
// - an aggregation is judged by its leading `$match` (and the `$sort` right after it), or by a
//   leading `$sort` or `$geoNear`; any other first stage reads the whole collection.

import type { IndexSpec } from './store'

export interface QueryOrigin {
  function?: string
  action?: string
}

export interface UnindexedQuery {
  collection: string
  /** The constrained field paths and the sort, without values: the query's shape. */
  filterFields: string[]
  sort: string[]
  request: string
  reason: string
  origin: QueryOrigin
  count: number
}

type Filter = Record<string, unknown>

const LOGICAL_NEVER_SERVED = ['$nor', '$expr', '$where', '$text']

/**
 * Field paths a filter constrains at the top level (through `$and`). `$nor`, `$expr`, `$where` and
 * `$text` constrain nothing an index can use: they are applied to what the other fields select.
 */
function constrainedFields(filter: Filter): Set<string> {
  const fields = new Set<string>()
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) for (const f of constrainedFields(part as Filter)) fields.add(f)
    } else if (!key.startsWith('$')) {
      fields.add(key)
    }
  }
  return fields
}

const usesOnlyUnindexable = (filter: Filter) => Object.keys(filter).some((key) => LOGICAL_NEVER_SERVED.includes(key))

const pinsId = (fields: Set<string>) => fields.has('_id')

interface Verdict {
  served: boolean
  reason: string
}

export function judgeQuery(indexes: IndexSpec[], filter: Filter | undefined, sort: string[]): Verdict {
  const hasFilter = filter !== undefined && Object.keys(filter).length > 0
  if (!hasFilter) {
    if (sort.length === 0) return { served: true, reason: 'reads in _id order' }
    const ok = sort[0] === '_id' || indexes.some((index) => sort.every((field, i) => index.fields[i] === field))
    return ok ? { served: true, reason: 'sort follows an index' } : { served: false, reason: `no index leads with the sort ${sort.join(', ')}` }
  }
  const fields = constrainedFields(filter)
  if (pinsId(fields)) return { served: true, reason: 'pins _id' }
  const orBranches = Array.isArray(filter.$or) ? (filter.$or as Filter[]) : []
  if (fields.size === 0 && orBranches.length === 0 && usesOnlyUnindexable(filter)) return { served: false, reason: 'only $nor, $expr, $where or $text constrain the filter' }
  if (fields.size === 0 && orBranches.length > 0) {
    const branches = orBranches.map((branch) => judgeQuery(indexes, branch, []))
    const failed = branches.find((b) => !b.served)
    if (failed) return { served: false, reason: `an $or branch is not served: ${failed.reason}` }
    return sort.length === 0 ? { served: true, reason: 'every $or branch is served' } : { served: false, reason: 'a sort over an $or needs an in-memory sort' }
  }
  const candidates = indexes.filter((index) => fields.has(index.fields[0]))
  if (candidates.length === 0) return { served: false, reason: `no index leads with one of ${[...fields].join(', ')}` }
  if (sort.length === 0) return { served: true, reason: `index ${candidates[0].name ?? candidates[0].fields.join(',')}` }
  for (const index of candidates) {
    let prefix = 0
    while (prefix < index.fields.length && fields.has(index.fields[prefix])) prefix++
    for (let start = 0; start <= prefix; start++) {
      if (sort.every((field, i) => index.fields[start + i] === field)) return { served: true, reason: `index ${index.name ?? index.fields.join(',')} with its sort` }
    }
  }
  return { served: false, reason: `no index on ${[...fields].join(', ')} continues with the sort ${sort.join(', ')}` }
}

/** The filter and sort an aggregation reads its collection with. */
export function aggregationAccess(pipeline: Array<Record<string, unknown>>): { filter?: Filter; sort: string[]; geoField?: string; scans: boolean } {
  const [first, second] = pipeline
  if (!first) return { sort: [], scans: false }
  if ('$geoNear' in first) {
    const spec = first.$geoNear as Record<string, unknown>
    return { filter: (spec.query as Filter) ?? undefined, sort: [], geoField: typeof spec.key === 'string' ? spec.key : undefined, scans: false }
  }
  if ('$match' in first) {
    const sort = second && '$sort' in second ? Object.keys(second.$sort as object) : []
    return { filter: first.$match as Filter, sort, scans: false }
  }
  if ('$sort' in first) return { sort: Object.keys(first.$sort as object), scans: false }
  return { sort: [], scans: true }
}

export class IndexAdvisor {
  private readonly found = new Map<string, UnindexedQuery>()

  constructor(private readonly indexesOf: (collection: string) => IndexSpec[]) {}

  inspect(request: string, collection: string, filter: Filter | undefined, sort: string[], origin: QueryOrigin): void {
    const verdict = judgeQuery(this.indexesOf(collection), filter, sort)
    if (!verdict.served) this.record(request, collection, filter, sort, origin, verdict.reason)
  }

  inspectAggregation(collection: string, pipeline: Array<Record<string, unknown>>, origin: QueryOrigin): void {
    const access = aggregationAccess(pipeline)
    if (access.scans) return this.record('aggregate', collection, undefined, [], origin, `the pipeline starts with ${Object.keys(pipeline[0])[0]}, which reads every document`)
    if (access.geoField !== undefined || (pipeline[0] && '$geoNear' in pipeline[0])) {
      const indexes = this.indexesOf(collection)
      const geoServed = indexes.some((index) => access.geoField === undefined || index.fields[0] === access.geoField)
      if (!geoServed) this.record('aggregate', collection, access.filter, [], origin, `no index leads with the $geoNear key ${access.geoField}`)
      return
    }
    this.inspect('aggregate', collection, access.filter, access.sort, origin)
  }

  private record(request: string, collection: string, filter: Filter | undefined, sort: string[], origin: QueryOrigin, reason: string): void {
    const filterFields = filter ? [...constrainedFields(filter)].sort() : []
    const key = JSON.stringify([collection, request, filterFields, sort, origin.function, origin.action])
    const existing = this.found.get(key)
    if (existing) existing.count++
    else this.found.set(key, { collection, filterFields, sort, request, reason, origin, count: 1 })
  }

  list(): UnindexedQuery[] {
    return [...this.found.values()].map((q) => ({ ...q, filterFields: [...q.filterFields], sort: [...q.sort], origin: { ...q.origin } }))
  }

  clear(): void {
    this.found.clear()
  }
}
