// In-memory collections backed by the journal.
//
// Reads are served from memory. A write is applied to memory and queued in the journal inside one
// synchronous block, so two requests can never interleave between "read the document" and
// "write it back": that is what makes conditional updates atomic under concurrency. The caller
// then awaits `durable` before answering, so an acknowledged write is on disk.
// Each document carries a version (the journal sequence number of its last write); optimistic
// transactions compare versions at commit.

import fs from 'fs'
import path from 'path'
import { Journal, JournalOp } from '../journal'
import { cloneValue, decodeValue, encodeValue, ObjectIdValue } from '../ejson'
import { collectionExists, collectionNotExist, duplicateKey, invalidParam } from '../errors'
import { candidateKeys, QueryIndex } from './query-index'

export type Doc = Record<string, unknown> & { _id: unknown }

export interface IndexSpec {
  collection: string
  fields: string[]
  unique?: boolean
  /** skip documents that have none of the fields (MongoDB counts a missing field as null) */
  sparse?: boolean
  name?: string
}

/** Stable map key for an _id value (1 and "1" are different ids, like in MongoDB). */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return 's' + id
  if (typeof id === 'number') return 'n' + id
  if (id instanceof ObjectIdValue) return 'o' + id.hex
  return 'j' + JSON.stringify(encodeValue(id))
}

const COLLECTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_\-.]{0,127}$/

export function assertCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || name.includes('..')) {
    throw invalidParam(`invalid collectionName${typeof name === 'string' ? `: ${name.slice(0, 64)}` : ''}`)
  }
  return name
}

function getPath(doc: unknown, p: string): unknown {
  let cur: unknown = doc
  for (const part of p.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

class UniqueIndex {
  readonly name: string
  private readonly map = new Map<string, string>() // index key -> doc key
  constructor(readonly spec: IndexSpec) {
    this.name = spec.name ?? spec.fields.map((f) => `${f}_1`).join('_')
  }
  keyOf(doc: Doc): string | null {
    const values = this.spec.fields.map((f) => getPath(doc, f))
    if (this.spec.sparse && values.every((v) => v === undefined)) return null
    return JSON.stringify(values.map((v) => encodeValue(v === undefined ? null : v)))
  }
  describe(key: string): string {
    const values = JSON.parse(key) as unknown[]
    return '{ ' + this.spec.fields.map((f, i) => `${f}: ${JSON.stringify(values[i])}`).join(', ') + ' }'
  }
  owner(key: string): string | undefined {
    return this.map.get(key)
  }
  add(doc: Doc, dk: string): void {
    const k = this.keyOf(doc)
    if (k !== null) this.map.set(k, dk)
  }
  remove(doc: Doc, dk: string): void {
    const k = this.keyOf(doc)
    if (k !== null && this.map.get(k) === dk) this.map.delete(k)
  }
  clear(): void {
    this.map.clear()
  }
}

export class Collection {
  readonly docs = new Map<string, Doc>()
  readonly versions = new Map<string, number>()
  /** Insertion rank of each document: the natural order a scan reads them in (Map order). */
  private readonly positions = new Map<string, number>()
  private nextPosition = 0
  indexes: UniqueIndex[] = []
  /** Every declared index plus `_id`'s, as sorted trees the planner reads (query-index.ts). */
  queryIndexes: QueryIndex[] = []
  constructor(readonly name: string) {}

  get(id: unknown): Doc | undefined {
    return this.docs.get(idKey(id))
  }
  version(dk: string): number {
    return this.versions.get(dk) ?? 0
  }

  /** Store or replace a document, keeping its natural position when it already exists. */
  put(dk: string, doc: Doc): void {
    const old = this.docs.get(dk)
    if (old) for (const idx of this.queryIndexes) idx.remove(dk)
    else this.positions.set(dk, this.nextPosition++)
    this.docs.set(dk, doc)
    for (const idx of this.queryIndexes) idx.add(doc, dk)
  }

  delete(dk: string): void {
    if (!this.docs.delete(dk)) return
    this.positions.delete(dk)
    for (const idx of this.queryIndexes) idx.remove(dk)
  }

  rebuildQueryIndexes(specs: IndexSpec[]): void {
    this.queryIndexes = [new QueryIndex({ collection: this.name, fields: ['_id'], name: '_id_' }), ...specs.map((s) => new QueryIndex(s))]
    for (const [dk, d] of this.docs) for (const idx of this.queryIndexes) idx.add(d, dk)
  }

  /**
   * The documents an index selects for `filter` (a superset of its matches), in natural order;
   * null when no index serves the filter and it needs a scan.
   */
  indexedCandidates(filter: Record<string, unknown>): Doc[] | null {
    const keys = candidateKeys(this.queryIndexes, filter)
    if (!keys) return null
    const ranked = [...keys].map((dk) => [this.positions.get(dk)!, dk] as const)
    ranked.sort((a, b) => a[0] - b[0])
    return ranked.map(([, dk]) => this.docs.get(dk)!)
  }
}

export type Mutation = { coll: string; kind: 'put'; doc: Doc } | { coll: string; kind: 'del'; id: unknown }

export class Store {
  readonly collections = new Map<string, Collection>()
  private indexSpecs: IndexSpec[] = []
  private journal!: Journal
  private readonly indexFile: string

  private constructor(
    readonly dir: string,
    readonly envId: string,
    private readonly compactBytes?: number,
  ) {
    this.indexFile = path.join(dir, 'indexes.json')
  }

  static open(dir: string, envId: string, compactBytes?: number): Store {
    const s = new Store(dir, envId, compactBytes)
    s.load()
    return s
  }

  private load(): void {
    const { journal, state } = Journal.open(
      this.dir,
      (d) => idKey(decodeValue((d as { _id: unknown })._id)),
      (i) => idKey(decodeValue(i)),
      this.compactBytes,
    )
    this.journal = journal
    this.collections.clear()
    for (const [name, docs] of state.collections) {
      const c = new Collection(name)
      for (const [k, d] of docs) c.put(k, decodeValue(d) as Doc)
      this.collections.set(name, c)
    }
    if (fs.existsSync(this.indexFile)) {
      this.indexSpecs = JSON.parse(fs.readFileSync(this.indexFile, 'utf8')) as IndexSpec[]
    }
    for (const c of this.collections.values()) this.buildIndexes(c)
    journal.setSnapshotSource({
      collections: () => this.snapshot(),
    })
  }

  private *snapshot(): Iterable<[string, Iterable<unknown>]> {
    for (const c of this.collections.values()) {
      yield [c.name, (function* () {
        for (const d of c.docs.values()) yield encodeValue(d)
      })()]
    }
  }

  private buildIndexes(c: Collection): void {
    c.rebuildQueryIndexes(this.indexSpecs.filter((s) => s.collection === c.name))
    c.indexes = this.indexSpecs.filter((s) => s.collection === c.name && s.unique !== false).map((s) => new UniqueIndex(s))
    for (const idx of c.indexes) {
      for (const [dk, d] of c.docs) {
        const k = idx.keyOf(d)
        if (k === null) continue
        const other = idx.owner(k)
        if (other !== undefined && other !== dk) {
          throw invalidParam(`cannot build unique index ${idx.name} on ${c.name}: duplicate key ${idx.describe(k)}`)
        }
        idx.add(d, dk)
      }
    }
  }

  /**
   * Declare indexes (persisted). Unique ones are enforced, and the declaration fails if existing
   * data violates one; every declared index serves queries for the index advisor.
   */
  ensureIndexes(specs: IndexSpec[]): void {
    const next = [...this.indexSpecs]
    for (const s of specs) {
      assertCollectionName(s.collection)
      if (!Array.isArray(s.fields) || s.fields.length === 0 || !s.fields.every((f) => typeof f === 'string' && f)) {
        throw invalidParam('index fields must be a non-empty array of field paths')
      }
      const same = (o: IndexSpec): boolean => o.collection === s.collection && o.fields.join(',') === s.fields.join(',')
      const i = next.findIndex(same)
      if (i >= 0) next[i] = { ...s }
      else next.push({ ...s })
    }
    const previous = this.indexSpecs
    this.indexSpecs = next
    try {
      for (const c of this.collections.values()) this.buildIndexes(c)
    } catch (e) {
      this.indexSpecs = previous
      for (const c of this.collections.values()) this.buildIndexes(c)
      throw e
    }
    const tmp = this.indexFile + '.tmp'
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2))
    const fd = fs.openSync(tmp, 'r+')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.renameSync(tmp, this.indexFile)
  }

  /** The declared indexes of one collection, unique or not (the index advisor reads them). */
  indexesOf(collection: string): IndexSpec[] {
    return this.indexSpecs.filter((s) => s.collection === collection)
  }

  listIndexes(): IndexSpec[] {
    return this.indexSpecs.map((s) => ({ ...s }))
  }

  has(name: string): boolean {
    return this.collections.has(name)
  }

  /** The collection, or the cloud's "collection does not exist" error. */
  collection(name: string): Collection {
    const c = this.collections.get(name)
    if (!c) throw collectionNotExist(name)
    return c
  }

  createCollection(name: string, ifMissing = false): Promise<void> | null {
    assertCollectionName(name)
    if (this.collections.has(name)) {
      if (ifMissing) return null
      throw collectionExists(name)
    }
    const c = new Collection(name)
    this.collections.set(name, c)
    this.buildIndexes(c)
    return this.journal.append([{ c: name, k: 'c' }]).durable
  }

  dropCollection(name: string): Promise<void> {
    this.collection(name)
    this.collections.delete(name)
    return this.journal.append([{ c: name, k: 'x' }]).durable
  }

  /**
   * Check unique indexes for a batch of mutations against the state after the batch.
   * Throws the cloud's duplicate key error; nothing is applied in that case.
   */
  checkUnique(muts: Mutation[]): void {
    const byColl = new Map<string, Mutation[]>()
    for (const m of muts) {
      const list = byColl.get(m.coll) ?? []
      list.push(m)
      byColl.set(m.coll, list)
    }
    for (const [name, list] of byColl) {
      const c = this.collection(name)
      // _id uniqueness for inserts is checked by callers (they know insert vs replace)
      if (c.indexes.length === 0) continue
      const removed = new Set<string>()
      const written = new Map<string, Doc>()
      for (const m of list) {
        const dk = idKey(m.kind === 'put' ? m.doc._id : m.id)
        removed.add(dk)
        if (m.kind === 'put') written.set(dk, m.doc)
        else written.delete(dk)
      }
      for (const idx of c.indexes) {
        const seen = new Map<string, string>()
        for (const [dk, d] of written) {
          const k = idx.keyOf(d)
          if (k === null) continue
          const owner = idx.owner(k)
          const clash = (owner !== undefined && owner !== dk && !removed.has(owner)) || (seen.has(k) && seen.get(k) !== dk)
          if (clash) throw duplicateKey(this.envId, name, idx.name, idx.describe(k))
          seen.set(k, dk)
        }
      }
    }
  }

  /**
   * Apply mutations to memory and queue them as one journal record, synchronously.
   * Returns the promise of durability (await it before acknowledging).
   */
  apply(muts: Mutation[]): Promise<void> {
    if (muts.length === 0) return Promise.resolve()
    this.checkUnique(muts)
    const ops: JournalOp[] = muts.map((m) =>
      m.kind === 'put' ? { c: m.coll, k: 'p', d: encodeValue(m.doc) } : { c: m.coll, k: 'd', i: encodeValue(m.id) },
    )
    const { seq, durable } = this.journal.append(ops)
    for (const m of muts) {
      const c = this.collection(m.coll)
      const dk = idKey(m.kind === 'put' ? m.doc._id : m.id)
      const old = c.docs.get(dk)
      if (old) for (const idx of c.indexes) idx.remove(old, dk)
      if (m.kind === 'put') {
        c.put(dk, m.doc)
        for (const idx of c.indexes) idx.add(m.doc, dk)
      } else {
        c.delete(dk)
      }
      c.versions.set(dk, seq)
    }
    return durable
  }

  /** Documents as stored (callers must not mutate them). */
  docsOf(name: string): Doc[] {
    return [...this.collection(name).docs.values()]
  }

  cloneDocsOf(name: string): Doc[] {
    const c = this.collections.get(name)
    return c ? [...c.docs.values()].map((d) => cloneValue(d)) : []
  }

  async flush(): Promise<void> {
    await this.journal.flush()
  }

  /**
   * Drop every collection, durably. Index declarations are kept (they are schema, not data) and
   * apply again when a collection of that name is created.
   */
  async wipe(): Promise<void> {
    const ops: JournalOp[] = [...this.collections.keys()].map((c) => ({ c, k: 'x' as const }))
    this.collections.clear()
    if (ops.length) await this.journal.append(ops).durable
    await this.journal.flush()
    this.journal.compactSync()
  }

  async close(): Promise<void> {
    await this.journal.close()
  }
}
