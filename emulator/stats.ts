// Request and write counters, so tests can assert things like "bad input wrote nothing"
// and benchmarks can count round trips. A write is any action that changed stored data.

export interface StatsSnapshot {
  requests: number
  writes: number
  byAction: Record<string, number>
  byCollection: Record<string, { reads: number; writes: number }>
}

export class Stats {
  private requests = 0
  private writes = 0
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

  snapshot(): StatsSnapshot {
    return {
      requests: this.requests,
      writes: this.writes,
      byAction: Object.fromEntries(this.byAction),
      byCollection: Object.fromEntries([...this.byCollection].map(([k, v]) => [k, { ...v }])),
    }
  }

  reset(): void {
    this.requests = 0
    this.writes = 0
    this.byAction.clear()
    this.byCollection.clear()
  }
}
