// Test helpers for integration suites: a fresh emulator per suite over the built functions,
// seeded with the demo station, and calls made as a given WeChat identity. Two checks every suite
// gets: "nothing happened" (no write, no message sent, no file stored) where a test says so, and,
// when its emulator stops, no phone or ID number the suite sent lying in the data files in clear.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
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
  /** Zeroes every counter of the emulator (requests, writes, messages sent, files stored). */
  resetWrites(): void
  /** Every phone and ID number the suite sent in a call (normalised), for the plaintext check. */
  personalNumbersSent: ReadonlySet<string>
  /** Stops the emulator, then fails when a phone or ID number the suite sent is stored in clear. */
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
  const personalNumbersSent = new Set<string>()
  return {
    emulator,
    dataDir,
    async stored(collection, where = {}) {
      const { data } = (await db.collection(collection).where(where).limit(1000).get()) as { data: Array<Record<string, unknown>> }
      return data
    },
    async call(openid, fn, event) {
      collectPersonalNumbers(event, personalNumbersSent)
      const envelope = (await emulator.call(fn, event, { openid })) as Envelope<never>
      // A content-check verdict is pushed just after the answer and writes its check: let it land
      // here, so that it is never counted as a write of whatever the test does next.
      await emulator.settleMediaChecks()
      return envelope
    },
    writes: () => emulator.stats().writes,
    resetWrites: () => emulator.resetStats(),
    personalNumbersSent,
    async stop() {
      const unindexed = emulator.unindexedQueries()
      await emulator.stop()
      // Read before the folder goes: what a kill -9 would leave on disk is what must hold no number.
      const leaks = plaintextLeaks(dataDir, personalNumbersSent)
      rmSync(dataDir, { recursive: true, force: true })
      expectEveryQueryIndexed(unindexed)
      expectNoLeaks(leaks)
    },
  }
}

/** What the emulator counted since the last resetWrites(): the three ways a call changes the world. */
export function happenings(cloud: TestCloud): { writes: number; messages: number; files: number } {
  const { writes, messages, files } = cloud.emulator.stats()
  return { writes, messages, files }
}

/**
 * The one "nothing happened" check for refusals and bad input: since the last resetWrites() no
 * database write, no message sent to anyone (even one WeChat refused) and no file stored.
 */
export function expectNothingHappened(cloud: TestCloud) {
  expect(happenings(cloud)).toEqual({ writes: 0, messages: 0, files: 0 })
}

// A mainland mobile number however it is typed (+86, spaces, dashes) and an ID number (18 characters).
const PHONE = /^(?:\+?86)?1[3-9]\d{9}$/
const ID_NUMBER = /^\d{17}[\dX]$/

/** Adds every phone and ID number found as a whole string anywhere in `value` (normalised). */
export function collectPersonalNumbers(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    const phone = value.replace(/[\s-]/g, '')
    if (PHONE.test(phone)) into.add(phone.slice(-11))
    else if (ID_NUMBER.test(value.toUpperCase())) into.add(value.toUpperCase())
  } else if (Array.isArray(value)) {
    for (const item of value) collectPersonalNumbers(item, into)
  } else if (value && typeof value === 'object') {
    // A fraud report's suspicious number is the fraudster's, kept readable for the officer and the
    // 96110 centre by design (docs/requests.md); it is not a resident's personal data.
    const suspect = (value as { kind?: unknown }).kind === 'fraud_report'
    for (const [key, item] of Object.entries(value)) if (!(suspect && key === 'number')) collectPersonalNumbers(item, into)
  }
}

function dataFiles(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? dataFiles(full) : [{ file: full, text: readFileSync(full, 'latin1') }]
  })
}

/** Each number of `numbers` found in clear in a file under `dir` (ID numbers in either case), with the files. */
export function plaintextLeaks(dir: string, numbers: Iterable<string>): Array<{ number: string; files: string[] }> {
  const files = dataFiles(dir)
  return [...numbers].flatMap((number) => {
    const found = files.filter(({ text }) => text.includes(number) || text.includes(number.toLowerCase())).map(({ file }) => path.relative(dir, file))
    return found.length > 0 ? [{ number, files: found }] : []
  })
}

/** The plaintext check now, while the emulator runs: e.g. after a resident deleted their account. */
export function expectNoPlaintextPersonalData(cloud: TestCloud, numbers: Iterable<string> = cloud.personalNumbersSent) {
  expectNoLeaks(plaintextLeaks(cloud.dataDir, numbers))
}

function expectNoLeaks(leaks: Array<{ number: string; files: string[] }>) {
  if (leaks.length === 0) return
  const lines = leaks.map((l) => `  ${l.number.slice(0, 3)}…${l.number.slice(-4)} in ${l.files.join(', ')}`)
  throw new Error(`Phones or ID numbers sent by this suite are stored in clear (seal them with cloudfunctions/_shared/personal-data):\n${lines.join('\n')}`)
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
