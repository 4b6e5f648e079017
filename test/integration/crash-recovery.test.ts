// Crash recovery: the emulator runs as its own process (the CLI's `serve`) over the built
// functions; several processes send bookings, volunteer sign-ups and dispute filings at once; the
// emulator is killed with SIGKILL in the middle and started again on the same data. Every write
// answered ok must still be there; after the reconcile job no slot is oversold and no place is
// lost, and no activity places more than its capacity or has an entry without its guard.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { counterRecord } from '../../cloudfunctions/booking/records'
import { dayjs } from '../../src/core/time'
import { demoSeed } from '../../scripts/demo-seed'
import { generousLimitsEnv, startLocalCloud } from '../../scripts/local-cloud'
import { sdkFor } from './emulator/helpers'
import { collectPersonalNumbers, plaintextLeaks } from '../support/cloud'
import { buildApplicant, newRequestId, roundTheClockCounter, slotDocs } from './booking-support'
import { buildFiling } from './mediation-support'
import { buildActivity, volunteerDoc } from './volunteers-support'
import { newUser } from '../../cloudfunctions/_shared/user-record'

const root = path.resolve(__dirname, '../..')
const tsxLoader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
const COUNTER = roundTheClockCounter('counter-crash')
const SLOTS = slotDocs(COUNTER.id, { minutesAhead: 6 * 60, count: 20, capacity: 5 })
const ACTIVITY = buildActivity({ capacity: 15 })
const WORKERS = 3
const CALLS_PER_WORKER = 60
/** Every worker's calls, by index: a booking, a sign-up and a filing in turn, each by another person. */
const CALLS = Array.from({ length: WORKERS }, (_, worker) =>
  Array.from({ length: CALLS_PER_WORKER }, (_, i) => {
    const openid = `crash-${worker}-${i}`
    if (i % 3 === 1) return { openid, name: 'volunteers', data: { action: 'signUp', activityId: ACTIVITY._id } }
    if (i % 3 === 2) return { openid, name: 'mediation', data: buildFiling() }
    return { openid, name: 'booking', data: { action: 'book', slotId: SLOTS[(worker * CALLS_PER_WORKER + i) % SLOTS.length]._id, serviceId: 'id-card-first', requestId: newRequestId(), applicant: buildApplicant() } }
  }),
)
const VOLUNTEERS = CALLS.flat().filter((c) => c.name === 'volunteers').map((c) => c.openid)

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
  const calls = CALLS[worker]
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

/** The calls answered ok, with their answers. */
const acknowledged = (loads: LoadProcess[], fn?: string) =>
  loads.flatMap((load, worker) =>
    load.lines
      .filter((line) => line.startsWith('ok '))
      .map((line) => {
        const [, index, ...json] = line.split(' ')
        return { call: CALLS[worker][Number(index)], answer: JSON.parse(json.join(' ')) as { id: string } }
      })
      .filter((ok) => !fn || ok.call.name === fn),
  )

beforeAll(async () => {
  const cloud = await startLocalCloud({ dataDir, functionEnv: generousLimitsEnv() })
  const demo = demoSeed()
  await cloud.seed({
    ...demo,
    booking_counters: [counterRecord(COUNTER)],
    booking_slots: SLOTS,
    volunteer_activities: [...(demo.volunteer_activities ?? []), ACTIVITY],
    volunteers: [...(demo.volunteers ?? []), ...VOLUNTEERS.map((openid) => volunteerDoc(openid))],
    users: [...(demo.users ?? []), ...VOLUNTEERS.map((openid) => ({ ...newUser(openid, dayjs()), roles: ['resident', 'volunteer'] }))],
  })
  await cloud.stop()
})

afterAll(async () => {
  if (emulator) await kill9(emulator)
  rmSync(dataDir, { recursive: true, force: true })
})

describe('kill -9 of the emulator during a write load from several processes', () => {
  let okBeforeCrash: ReturnType<typeof acknowledged> = []
  let url: string

  it('keeps every booking, sign-up and filing answered ok before the crash', async () => {
    url = await serve()
    const loads = Array.from({ length: WORKERS }, (_, worker) => startLoad(url, worker))
    // Kill once a good share of the writes were acknowledged, with more still in flight.
    while (acknowledged(loads).length < 40 && !loads.every((l) => l.lines.length === CALLS_PER_WORKER)) await new Promise((resolve) => setTimeout(resolve, 20))
    await kill9(emulator!)
    await Promise.all(loads.map((load) => load.done))
    okBeforeCrash = acknowledged(loads)
    expect(okBeforeCrash.length).toBeGreaterThanOrEqual(40)
    for (const fn of ['booking', 'volunteers', 'mediation']) expect(acknowledged(loads, fn).length).toBeGreaterThan(0)
    // Some calls were cut off by the crash.
    expect(loads.some((load) => load.lines.some((line) => line.startsWith('down ')))).toBe(true)

    url = await serve()
    const db = sdkFor({ serviceUrl: `${url}/admin`, envId: 'local' }).database()
    const stored = (await db.collection('bookings').where({ counterId: COUNTER.id }).limit(1000).get()).data as Array<{ _id: string; status: string }>
    const storedIds = new Set(stored.map((b) => b._id))
    expect(acknowledged(loads, 'booking').filter((ok) => !storedIds.has(ok.answer.id))).toEqual([])
    const cases = new Set(((await db.collection('mediation_cases').limit(1000).get()).data as Array<{ _id: string }>).map((c) => c._id))
    expect(acknowledged(loads, 'mediation').filter((ok) => !cases.has(ok.answer.id))).toEqual([])
    const { data } = await db.collection('volunteer_activities').doc(ACTIVITY._id).get()
    const entries = new Set(((Array.isArray(data) ? data[0] : data).entries as Array<{ openid: string }>).map((e) => e.openid))
    expect(acknowledged(loads, 'volunteers').filter((ok) => !entries.has(ok.call.openid))).toEqual([])
  })

  it('never oversells: reconcile frees every place a cut-off booking held; activities keep capacity and guards', async () => {
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
    expect(bookings.length).toBeGreaterThanOrEqual(okBeforeCrash.filter((ok) => ok.call.name === 'booking').length)

    // The activity: count and entries agree, places within capacity, every entry holds its guard.
    const { data } = await db.collection('volunteer_activities').doc(ACTIVITY._id).get()
    const activity = (Array.isArray(data) ? data[0] : data) as { count: number; capacity: number; entries: Array<{ openid: string; waited: boolean }> }
    expect(activity.count).toBe(activity.entries.length)
    expect(activity.entries.filter((e) => !e.waited).length).toBeLessThanOrEqual(activity.capacity)
    const guarded = new Set(((await db.collection('volunteers').where({ 'holds.activityId': ACTIVITY._id }).limit(1000).get()).data as Array<{ _id: string }>).map((v) => v._id))
    expect(activity.entries.filter((e) => !guarded.has(e.openid))).toEqual([])
  })

  // The check every suite gets on stop (test/support/cloud.ts), here over the data the crash left
  // and the restarted emulator wrote: a write cut off mid-way must not leave a number in clear.
  it('stores no phone or ID number any process sent in clear, after the crash and the restart', () => {
    const sent = new Set<string>()
    collectPersonalNumbers(CALLS, sent)
    expect(sent.size).toBeGreaterThan(0)
    expect(plaintextLeaks(dataDir, sent)).toEqual([])
  })
})
