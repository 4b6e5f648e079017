// Crash recovery: the emulator runs as its own process (the CLI's `serve`) over the built
// functions; several processes send bookings at once; the emulator is killed with SIGKILL in the
// middle and started again on the same data. Every booking answered ok must still be there, and
// after the reconcile job no slot is oversold and no place is lost.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { counterRecord } from '../../cloudfunctions/booking/records'
import { dayjs } from '../../src/core/time'
import { demoSeed } from '../../scripts/demo-seed'
import { startLocalCloud } from '../../scripts/local-cloud'
import { sdkFor } from './emulator/helpers'
import { buildApplicant, newRequestId, roundTheClockCounter, slotDocs } from './booking-support'

const root = path.resolve(__dirname, '../..')
const tsxLoader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
const COUNTER = roundTheClockCounter('counter-crash')
const SLOTS = slotDocs(COUNTER.id, { minutesAhead: 6 * 60, count: 20, capacity: 5 })
const WORKERS = 3
const CALLS_PER_WORKER = 60

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `fengqiao-crash-${prefix}-`))
const dataDir = tmp('data')
let emulator: ChildProcess | undefined

/** `emulator/cli.ts serve` in its own process, so SIGKILL really kills it mid-write. */
function serve(): Promise<string> {
  const cwd = tmp('cwd')
  writeFileSync(path.join(cwd, 'emulator.config.json'), JSON.stringify({ dataDir, functionsDir: path.join(root, 'dist', 'cloudfunctions'), port: 0 }))
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, 'emulator', 'cli.ts'), 'serve'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  emulator = child
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const ready = /ready: (http:\/\/\S+)/.exec(out)
      if (ready) resolve(ready[1])
    })
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
  })
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

interface LoadProcess {
  lines: string[]
  done: Promise<void>
}

function startLoad(url: string, worker: number): LoadProcess {
  const calls = Array.from({ length: CALLS_PER_WORKER }, (_, i) => ({
    openid: `crash-${worker}-${i}`,
    name: 'booking',
    data: { action: 'book', slotId: SLOTS[(worker * CALLS_PER_WORKER + i) % SLOTS.length]._id, serviceId: 'id-card-first', requestId: newRequestId(), applicant: buildApplicant() },
  }))
  const callsFile = path.join(tmp('calls'), 'calls.json')
  writeFileSync(callsFile, JSON.stringify(calls))
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, 'test', 'support', 'write-load.ts'), url, callsFile], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines: string[] = []
  let partial = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString()
    const parts = text.split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
  })
  return { lines, done: new Promise((resolve) => child.once('exit', () => resolve())) }
}

const acknowledged = (loads: LoadProcess[]) =>
  loads.flatMap((load) => load.lines.filter((line) => line.startsWith('ok ')).map((line) => JSON.parse(line.split(' ').slice(2).join(' ')) as { id: string }))

beforeAll(async () => {
  const cloud = await startLocalCloud({ dataDir })
  await cloud.seed({ ...demoSeed(), booking_counters: [counterRecord(COUNTER)], booking_slots: SLOTS })
  await cloud.stop()
})

afterAll(async () => {
  if (emulator) await kill9(emulator)
  rmSync(dataDir, { recursive: true, force: true })
})

describe('kill -9 of the emulator during a booking load from several processes', () => {
  let okBeforeCrash: Array<{ id: string }> = []
  let url: string

  it('keeps every booking answered ok before the crash', async () => {
    url = await serve()
    const loads = Array.from({ length: WORKERS }, (_, worker) => startLoad(url, worker))
    // Kill once a good share of the writes were acknowledged, with more still in flight.
    while (acknowledged(loads).length < 25 && !loads.every((l) => l.lines.length === CALLS_PER_WORKER)) await new Promise((resolve) => setTimeout(resolve, 20))
    await kill9(emulator!)
    await Promise.all(loads.map((load) => load.done))
    okBeforeCrash = acknowledged(loads)
    expect(okBeforeCrash.length).toBeGreaterThanOrEqual(25)
    // Some calls were cut off by the crash.
    expect(loads.some((load) => load.lines.some((line) => line.startsWith('down ')))).toBe(true)

    url = await serve()
    const db = sdkFor({ serviceUrl: `${url}/admin`, envId: 'local' }).database()
    const stored = (await db.collection('bookings').where({ counterId: COUNTER.id }).limit(1000).get()).data as Array<{ _id: string; status: string }>
    const storedIds = new Set(stored.map((b) => b._id))
    expect(okBeforeCrash.filter((b) => !storedIds.has(b.id))).toEqual([])
  })

  it('never oversells, and the reconcile job frees every place a cut-off call held', async () => {
    const db = sdkFor({ serviceUrl: `${url}/admin`, envId: 'local' }).database()
    // Age the holders past the reconcile grace, as if the crash was a while ago.
    const longAgo = dayjs().subtract(30, 'minute').toDate()
    for (const slot of SLOTS) {
      const { data } = await db.collection('booking_slots').doc(slot._id).get()
      const current = Array.isArray(data) ? data[0] : data
      await db.collection('booking_slots').doc(slot._id).update({ data: { holders: current.holders.map((h: object) => ({ ...h, at: longAgo })) } })
    }
    const run = await fetch(`${url}/__emulator/timers/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'booking', trigger: 'reconcile' }) })
    expect(((await run.json()) as { result: { ok: boolean } }).result.ok).toBe(true)

    const bookings = (await db.collection('bookings').where({ counterId: COUNTER.id }).limit(1000).get()).data as Array<{ _id: string; slotId: string; status: string }>
    const slots = (await db.collection('booking_slots').where({ counterId: COUNTER.id }).limit(1000).get()).data as Array<{ _id: string; capacity: number; remaining: number; holders: Array<{ bookingId: string }> }>
    for (const slot of slots) {
      const booked = bookings.filter((b) => b.slotId === slot._id && b.status === 'booked').map((b) => b._id).sort()
      expect({ slot: slot._id, holders: slot.holders.map((h) => h.bookingId).sort(), remaining: slot.remaining }).toEqual({ slot: slot._id, holders: booked, remaining: slot.capacity - booked.length })
      expect(booked.length).toBeLessThanOrEqual(slot.capacity)
    }
    expect(bookings.length).toBeGreaterThanOrEqual(okBeforeCrash.length)
  })
})
