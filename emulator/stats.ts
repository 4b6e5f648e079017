// Request, write, message and file counters, so tests can assert things like "bad input
// changed nothing" and benchmarks can count round trips. A write is any action that changed
// stored data; a message is any attempt to send one to a user through openapi (whatever WeChat
// answered: a refused call must not even try); a file is one stored by an upload.

export interface StatsSnapshot {
  requests: number
  writes: number
  /** openapi sends (subscribeMessage.send, uniformMessage.send, customerServiceMessage.send) */
  messages: number
  /** files stored in cloud storage by an upload */
  files: number
  byAction: Record<string, number>
  byCollection: Record<string, { reads: number; writes: number }>
}

const MESSAGE_APIS = new Set(['subscribeMessage.send', 'uniformMessage.send', 'customerServiceMessage.send'])

export class Stats {
  private requests = 0
  private writes = 0
  private messages = 0
  private files = 0
  private byAction = new Map<string, number>()
  private byCollection = new Map<string, { reads: number; writes: number }>()

  request(action: string): void {
    this.requests++
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1)
  }

  private coll(name: string): { reads: number; writes: number } {
    let c = this.byCollection.get(name)
    if (!c) this.byCollection.set(name, (c = { reads: 0, writes: 0 }))
    return c
  }

  read(collection: string): void {
    this.coll(collection).reads++
  }

  /** One data-changing action, touching the given collections. */
  write(collections: string[]): void {
    this.writes++
    for (const c of new Set(collections)) this.coll(c).writes++
  }

  /** One openapi call; only those that send a message to someone count as messages. */
  openApi(api: string): void {
    if (MESSAGE_APIS.has(api)) this.messages++
  }

  file(): void {
    this.files++
  }

  snapshot(): StatsSnapshot {
    return {
      requests: this.requests,
      writes: this.writes,
      messages: this.messages,
      files: this.files,
      byAction: Object.fromEntries(this.byAction),
      byCollection: Object.fromEntries([...this.byCollection].map(([k, v]) => [k, { ...v }])),
    }
  }

  reset(): void {
    this.requests = 0
    this.writes = 0
    this.messages = 0
    this.files = 0
    this.byAction.clear()
    this.byCollection.clear()
  }
}
