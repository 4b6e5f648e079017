// Optimistic transactions, like CloudBase's today: doc(id) reads and writes, queries
// (where().get(), updateAndReturn) and batch inserts (collection.add with an array).
// A transaction buffers its writes and records the version of every document it touches.
// A second transaction writing a document already written by an active transaction fails at once;
// at commit every touched document must still have the recorded version, otherwise the commit
// fails with DATABASE_TRANSACTION_CONFLICT (which makes the SDK's runTransaction retry).
// Reads see the transaction's own writes. Commit applies all writes as one journal record.

import crypto from 'crypto'
import { CloudError, transactionConflict } from '../errors'
import { cloneValue } from '../ejson'
import { Doc, idKey, Mutation, Store } from './store'

interface TxnWrite {
  coll: string
  id: unknown
  doc: Doc | null // null = delete
}

type TxnState = 'active' | 'committed' | 'aborted'

export class Transaction {
  state: TxnState = 'active'
  reason = ''
  readonly versions = new Map<string, number>()
  readonly writes = new Map<string, TxnWrite>()
  timer: NodeJS.Timeout | null = null
  constructor(readonly id: string) {}
}

const slot = (coll: string, id: unknown): string => `${coll}\u0000${idKey(id)}`

export class TransactionManager {
  private readonly txns = new Map<string, Transaction>()
  /** document slot -> id of the active transaction holding a pending write on it */
  private readonly locks = new Map<string, string>()

  constructor(
    private readonly store: Store,
    private readonly timeoutMs = 30_000,
  ) {}

  start(): Transaction {
    const t = new Transaction(crypto.randomBytes(16).toString('hex'))
    t.timer = setTimeout(() => this.abort(t, 'expired'), this.timeoutMs)
    t.timer.unref()
    this.txns.set(t.id, t)
    return t
  }

  /** The active transaction with this id, or the cloud-style error. */
  get(id: unknown): Transaction {
    const t = typeof id === 'string' ? this.txns.get(id) : undefined
    if (!t) throw new CloudError('DATABASE_TRANSACTION_FAIL', `[FailedOperation.Transaction] transaction ${String(id)} does not exist`)
    if (t.state !== 'active') {
      throw new CloudError('DATABASE_TRANSACTION_FAIL', `[FailedOperation.Transaction] transaction ${t.id} is not active (${t.state}${t.reason ? `: ${t.reason}` : ''})`)
    }
    return t
  }

  private touch(t: Transaction, coll: string, id: unknown): string {
    const s = slot(coll, id)
    if (!t.versions.has(s)) {
      const c = this.store.collection(coll)
      t.versions.set(s, c.version(idKey(id)))
    }
    return s
  }

  /** Read a document as this transaction sees it. */
  read(t: Transaction, coll: string, id: unknown): Doc | undefined {
    const s = this.touch(t, coll, id)
    const w = t.writes.get(s)
    if (w) return w.doc ?? undefined
    return this.store.collection(coll).get(id)
  }

  /**
   * Documents matching a filter as this transaction sees them (its own writes included): the
   * committed matches in natural order, then documents only this transaction wrote. Each one read
   * is recorded, so a commit fails if another writer changed it meanwhile.
   */
  query(t: Transaction, coll: string, committed: Doc[], test: (doc: Doc) => boolean): Doc[] {
    const ids = new Map<string, unknown>()
    for (const d of committed) ids.set(idKey(d._id), d._id)
    for (const w of t.writes.values()) if (w.coll === coll && !ids.has(idKey(w.id))) ids.set(idKey(w.id), w.id)
    const out: Doc[] = []
    for (const id of ids.values()) {
      const seen = this.read(t, coll, id)
      if (seen && test(seen)) out.push(seen)
    }
    return out
  }

  /** Buffer a write (doc = null deletes). Conflicts abort the transaction. */
  write(t: Transaction, coll: string, id: unknown, doc: Doc | null): void {
    const s = this.touch(t, coll, id)
    const holder = this.locks.get(s)
    if (holder && holder !== t.id) {
      this.abort(t, 'write conflict')
      throw transactionConflict(`document ${String(id)} in ${coll} is being written by another transaction`)
    }
    const current = this.store.collection(coll).version(idKey(id))
    if (current !== t.versions.get(s)) {
      this.abort(t, 'write conflict')
      throw transactionConflict(`document ${String(id)} in ${coll} was modified after the transaction read it`)
    }
    this.locks.set(s, t.id)
    t.writes.set(s, { coll, id, doc: doc ? cloneValue(doc) : null })
  }

  /** Validate and apply atomically; resolves once durable. Returns the collections written. */
  async commit(t: Transaction): Promise<string[]> {
    for (const [s, v] of t.versions) {
      const [coll] = s.split('\u0000')
      const c = this.store.collections.get(coll)
      const id = t.writes.get(s)?.id
      const dk = s.slice(coll.length + 1)
      if (!c) {
        this.abort(t, 'collection dropped')
        throw transactionConflict(`collection ${coll} was dropped`)
      }
      if (c.version(dk) !== v) {
        this.abort(t, 'commit conflict')
        throw transactionConflict(`document ${id === undefined ? dk.slice(1) : String(id)} in ${coll} was modified by another writer`)
      }
    }
    const muts: Mutation[] = [...t.writes.values()].map((w) => (w.doc ? { coll: w.coll, kind: 'put', doc: w.doc } : { coll: w.coll, kind: 'del', id: w.id }))
    try {
      const durable = this.store.apply(muts)
      this.finish(t, 'committed')
      await durable
    } catch (e) {
      if (t.state === 'active') this.abort(t, 'commit failed')
      throw e
    }
    return [...new Set(muts.map((m) => m.coll))]
  }

  abort(t: Transaction, reason = 'aborted'): void {
    if (t.state !== 'active') return
    this.finish(t, 'aborted', reason)
  }

  abortById(id: unknown): void {
    const t = typeof id === 'string' ? this.txns.get(id) : undefined
    if (!t) throw new CloudError('DATABASE_TRANSACTION_FAIL', `[FailedOperation.Transaction] transaction ${String(id)} does not exist`)
    this.abort(t)
  }

  private finish(t: Transaction, state: TxnState, reason = ''): void {
    t.state = state
    t.reason = reason
    if (t.timer) clearTimeout(t.timer)
    for (const s of t.writes.keys()) if (this.locks.get(s) === t.id) this.locks.delete(s)
    // keep finished transactions briefly so late calls get a clear error
    const cleanup = setTimeout(() => this.txns.delete(t.id), 60_000)
    cleanup.unref()
  }

  abortAll(): void {
    for (const t of this.txns.values()) this.abort(t, 'emulator reset')
  }
}
