// Durable storage for the emulated database.
//
// Every acknowledged write must survive `kill -9`. Writes are appended to a write-ahead log
// (one JSON line per logical write, so a transaction touching several collections is a single
// atomic line) and fsync'd before the caller is answered; concurrent writes share one fsync
// (group commit). When the log grows past a threshold it is compacted into one snapshot file per
// collection, switched in atomically through a MANIFEST rename. Recovery = snapshot + log replay;
// a torn last line (crash mid-append, never acknowledged) is cut off.
//
// Layout of <dir>:  MANIFEST  {"gen":N,"seq":S}
//                   snap-N/<encoded collection>.jsonl   one EJSON document per line
//                   wal-N.jsonl                          {"s":seq,"ops":[...]} per line

import fs from 'fs'
import path from 'path'

export type JournalOp =
  | { c: string; k: 'p'; d: unknown } // put document (encoded EJSON, carries _id)
  | { c: string; k: 'd'; i: unknown } // delete document by encoded _id
  | { c: string; k: 'c' } // create collection
  | { c: string; k: 'x' } // drop collection

export interface RecoveredState {
  /** collection name -> encoded documents (last image wins) */
  collections: Map<string, Map<string, unknown>>
  seq: number
}

export interface SnapshotSource {
  /** collection name -> encoded documents */
  collections(): Iterable<[string, Iterable<unknown>]>
}

interface Waiter {
  resolve: () => void
  reject: (e: Error) => void
}

const DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024

function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // some filesystems refuse fsync on directories; the data files are still synced
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function writeFileDurable(file: string, content: string): void {
  const fd = fs.openSync(file, 'w')
  try {
    fs.writeSync(fd, content)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

const collFile = (name: string): string => `${encodeURIComponent(name)}.jsonl`

/** Key used for a document inside a recovered collection map (same rule as the store). */
export type DocKeyFn = (encodedDoc: unknown) => string
export type IdKeyFn = (encodedId: unknown) => string

export class Journal {
  private gen = 0
  private seq = 0
  private fd = -1
  private walBytes = 0
  private pending: string[] = []
  private waiters: Waiter[] = []
  private flushing: Promise<void> | null = null
  private closed = false
  private snapshotSource: SnapshotSource | null = null

  private constructor(
    readonly dir: string,
    private readonly compactBytes: number,
  ) {}

  /** Open (creating if needed) the journal in `dir` and return the recovered data. */
  static open(dir: string, docKey: DocKeyFn, idKey: IdKeyFn, compactBytes = DEFAULT_COMPACT_BYTES): { journal: Journal; state: RecoveredState } {
    fs.mkdirSync(dir, { recursive: true })
    const j = new Journal(dir, compactBytes)
    const state = j.recover(docKey, idKey)
    return { journal: j, state }
  }

  setSnapshotSource(src: SnapshotSource): void {
    this.snapshotSource = src
  }

  get currentSeq(): number {
    return this.seq
  }

  private recover(docKey: DocKeyFn, idKey: IdKeyFn): RecoveredState {
    const manifestPath = path.join(this.dir, 'MANIFEST')
    let manifestSeq = 0
    if (fs.existsSync(manifestPath)) {
      const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { gen: number; seq: number }
      this.gen = m.gen
      manifestSeq = m.seq
    }
    this.seq = manifestSeq
    const collections = new Map<string, Map<string, unknown>>()

    // leftovers of an interrupted compaction or of older generations
    for (const entry of fs.readdirSync(this.dir)) {
      const m = /^(snap|wal)-(\d+)(\.jsonl)?$/.exec(entry)
      if (m && Number(m[2]) !== this.gen) fs.rmSync(path.join(this.dir, entry), { recursive: true, force: true })
      if (entry === 'MANIFEST.tmp') fs.rmSync(path.join(this.dir, entry), { force: true })
    }

    const snapDir = path.join(this.dir, `snap-${this.gen}`)
    if (fs.existsSync(snapDir)) {
      for (const file of fs.readdirSync(snapDir)) {
        if (!file.endsWith('.jsonl')) continue
        const name = decodeURIComponent(file.slice(0, -'.jsonl'.length))
        const docs = new Map<string, unknown>()
        const text = fs.readFileSync(path.join(snapDir, file), 'utf8')
        for (const line of text.split('\n')) {
          if (!line) continue
          const d = JSON.parse(line)
          docs.set(docKey(d), d)
        }
        collections.set(name, docs)
      }
    }

    const walPath = path.join(this.dir, `wal-${this.gen}.jsonl`)
    if (fs.existsSync(walPath)) {
      const buf = fs.readFileSync(walPath)
      let offset = 0
      let good = 0
      while (offset < buf.length) {
        const nl = buf.indexOf(10, offset)
        if (nl === -1) break // torn tail without newline
        const line = buf.subarray(offset, nl).toString('utf8')
        let rec: { s: number; ops: JournalOp[] }
        try {
          rec = JSON.parse(line)
        } catch {
          break // torn / garbage tail: never acknowledged
        }
        offset = nl + 1
        good = offset
        if (rec.s <= manifestSeq) continue
        this.seq = Math.max(this.seq, rec.s)
        for (const op of rec.ops) applyOp(collections, op, docKey, idKey)
      }
      if (good < buf.length) fs.truncateSync(walPath, good)
      this.walBytes = good
    }
    this.fd = fs.openSync(walPath, 'a')
    fs.fsyncSync(this.fd)
    fsyncDir(this.dir)
    return { collections, seq: this.seq }
  }

  /**
   * Queue ops as one atomic record. Returns the record's sequence number synchronously and a
   * promise that resolves once the record is on disk.
   */
  append(ops: JournalOp[]): { seq: number; durable: Promise<void> } {
    if (this.closed) throw new Error('journal is closed')
    const seq = ++this.seq
    this.pending.push(JSON.stringify({ s: seq, ops }) + '\n')
    const durable = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    this.kick()
    return { seq, durable }
  }

  private kick(): void {
    if (this.flushing) return
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = null
      // a write queued by a waiter resumed between the loop's end and here would wait forever
      if (this.pending.length > 0) this.kick()
    })
  }

  private async flushLoop(): Promise<void> {
    // let the current tick's writes join this batch
    await new Promise<void>((r) => setImmediate(r))
    while (this.pending.length > 0) {
      const lines = this.pending
      const waiters = this.waiters
      this.pending = []
      this.waiters = []
      const buf = Buffer.from(lines.join(''), 'utf8')
      try {
        await writeAll(this.fd, buf)
        await new Promise<void>((resolve, reject) => fs.fdatasync(this.fd, (e) => (e ? reject(e) : resolve())))
        this.walBytes += buf.length
      } catch (e) {
        for (const w of waiters) w.reject(e as Error)
        continue
      }
      for (const w of waiters) w.resolve()
      if (this.walBytes > this.compactBytes) this.compactSync()
    }
  }

  /** Rewrite all collections into a new snapshot generation and start an empty log. */
  compactSync(): void {
    if (!this.snapshotSource) return
    const newGen = this.gen + 1
    const snapDir = path.join(this.dir, `snap-${newGen}`)
    fs.rmSync(snapDir, { recursive: true, force: true })
    fs.mkdirSync(snapDir)
    for (const [name, docs] of this.snapshotSource.collections()) {
      const parts: string[] = []
      for (const d of docs) parts.push(JSON.stringify(d) + '\n')
      writeFileDurable(path.join(snapDir, collFile(name)), parts.join(''))
    }
    fsyncDir(snapDir)
    const newWal = path.join(this.dir, `wal-${newGen}.jsonl`)
    const newFd = fs.openSync(newWal, 'w')
    fs.fsyncSync(newFd)
    fsyncDir(this.dir)
    writeFileDurable(path.join(this.dir, 'MANIFEST.tmp'), JSON.stringify({ gen: newGen, seq: this.seq }))
    fs.renameSync(path.join(this.dir, 'MANIFEST.tmp'), path.join(this.dir, 'MANIFEST'))
    fsyncDir(this.dir)
    const oldGen = this.gen
    fs.closeSync(this.fd)
    this.fd = newFd
    this.gen = newGen
    this.walBytes = 0
    fs.rmSync(path.join(this.dir, `snap-${oldGen}`), { recursive: true, force: true })
    fs.rmSync(path.join(this.dir, `wal-${oldGen}.jsonl`), { force: true })
  }

  /** Wait until everything queued so far is durable. */
  async flush(): Promise<void> {
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) this.kick()
      await this.flushing
    }
  }

  async close(): Promise<void> {
    await this.flush()
    this.closed = true
    if (this.fd >= 0) fs.closeSync(this.fd)
    this.fd = -1
  }
}

function writeAll(fd: number, buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (off: number): void => {
      fs.write(fd, buf, off, buf.length - off, null, (err, n) => {
        if (err) return reject(err)
        if (off + n < buf.length) step(off + n)
        else resolve()
      })
    }
    step(0)
  })
}

function applyOp(collections: Map<string, Map<string, unknown>>, op: JournalOp, docKey: DocKeyFn, idKey: IdKeyFn): void {
  switch (op.k) {
    case 'c':
      if (!collections.has(op.c)) collections.set(op.c, new Map())
      return
    case 'x':
      collections.delete(op.c)
      return
    case 'p': {
      let docs = collections.get(op.c)
      if (!docs) collections.set(op.c, (docs = new Map()))
      docs.set(docKey(op.d), op.d)
      return
    }
    case 'd':
      collections.get(op.c)?.delete(idKey(op.i))
      return
  }
}
