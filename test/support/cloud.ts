// Test helpers for integration suites: a fresh emulator per suite over the built functions,
// seeded with the demo station, and calls made as a given WeChat identity.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Emulator, UnindexedQuery } from '../../emulator'
import { sdkInitOptions } from '../../emulator/sdk-env'
import type { Envelope } from '../../src/core/envelope'
import { demoSeed } from '../../scripts/demo-seed'
import { generousLimitsEnv, startLocalCloud } from '../../scripts/local-cloud'

export interface TestCloud {
  emulator: Emulator
  /** The emulator's persisted data folder (what survives a kill -9), for tests that read it raw. */
  dataDir: string
  /** Calls a function as `openid` and returns its envelope. */
  call<T = unknown>(openid: string, fn: string, event: unknown): Promise<Envelope<T>>
  /** The stored documents of a collection matching `where`, read through the real wx-server-sdk. */
  stored(collection: string, where?: Record<string, unknown>): Promise<Array<Record<string, unknown>>>
  /** Writes the emulator counted since the last resetWrites(). */
  writes(): number
  resetWrites(): void
  stop(): Promise<void>
}

/** `functionEnv` replaces the default environment: abuse limits out of reach (see generousLimitsEnv). */
export async function startTestCloud(options: { functionEnv?: Record<string, string> } = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-test-'))
  const emulator = await startLocalCloud({ dataDir, functionEnv: options.functionEnv ?? generousLimitsEnv() })
  await emulator.seed(demoSeed())
  emulator.resetStats()
  // The real SDK in the test process too (jest gives each suite its own module registry), to
  // read what the functions stored.
  const cloud = (await import('wx-server-sdk')).default
  cloud.init(sdkInitOptions(emulator))
  const db = cloud.database()
  return {
    emulator,
    dataDir,
    async stored(collection, where = {}) {
      const { data } = (await db.collection(collection).where(where).limit(1000).get()) as { data: Array<Record<string, unknown>> }
      return data
    },
    call: (openid, fn, event) => emulator.call(fn, event, { openid }) as Promise<Envelope<never>>,
    writes: () => emulator.stats().writes,
    resetWrites: () => emulator.resetStats(),
    async stop() {
      const unindexed = emulator.unindexedQueries()
      await emulator.stop()
      rmSync(dataDir, { recursive: true, force: true })
      expectEveryQueryIndexed(unindexed)
    },
  }
}

/**
 * Fails the suite when a function ran a query that no index in cloudfunctions/database.json
 * serves: on the cloud such a query scans its collection and slows down as the station grows.
 */
export function expectEveryQueryIndexed(unindexed: UnindexedQuery[]) {
  if (unindexed.length === 0) return
  const lines = unindexed.map((q) => `  ${q.origin.function}.${q.origin.action ?? '?'}: ${q.request} ${q.collection} by [${q.filterFields.join(', ')}]${q.sort.length ? ` sorted by [${q.sort.join(', ')}]` : ''} (${q.reason})`)
  throw new Error(`Queries not served by a declared index (add one to cloudfunctions/database.json):\n${lines.join('\n')}`)
}

export function expectOk<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

export function expectError(envelope: Envelope<unknown>, code: string) {
  expect(envelope).toMatchObject({ ok: false, error: { code } })
  return envelope.ok ? undefined : envelope.error
}
