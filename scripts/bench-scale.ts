// npm run bench -- scale: how the heaviest booking actions scale with the station's history.
// The same actions run against 1×, 10× and 100× data (1k, 10k and 100k past bookings over the
// residents of a station). The database requests per action must stay flat: every query is served
// by a declared index (the emulator's index advisor checks that in the tests), so on the cloud the
// work per call does not grow with the collection. The emulator answers with the same declared
// indexes (emulator/database/query-index.ts), so the latency of book, myBookings, listSlots and
// dayBookings must stay within 2× from 1k to 100k past bookings: the ratio table shows it. The
// timers read by ranges the indexes serve as well, but their work follows the history they catch up.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bookingRecord, counterRecord, slotRecord, type SlotDoc } from '../cloudfunctions/booking/records'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { protect } from '../cloudfunctions/_shared/personal-data'
import { voidSeat } from '../src/core/booking/rules'
import { generateSlots } from '../src/core/booking/slots'
import { dayjs } from '../src/core/time'
import { counter as benchCounter } from './bench-booking'
import { demoSeed } from './demo-seed'
import { demoServices } from './demo-services'
import { generousLimitsEnv, startLocalCloud } from './local-cloud'

type Row = Record<string, string | number>
const SCALES = (process.env.SCALES ?? "1000,10000,100000").split(",").map(Number)
const BOOKINGS_PER_DAY = 200
const ROUNDS = 30

const counter = benchCounter('counter-scale', 5)

/** N bookings of the past, BOOKINGS_PER_DAY a day, by N/5 residents: checked in, no-shows and cancellations. */
function history(n: number) {
  const now = dayjs()
  const service = demoServices().find((s) => s.id === 'id-card-renewal')!
  const days = Math.ceil(n / BOOKINGS_PER_DAY)
  const from = now.subtract(days + 1, 'day').startOf('day')
  const slots = generateSlots(counter, from, days, from).map((s) => slotRecord(s, from.toDate()))
  const residents = Math.max(1, Math.floor(n / 5))
  const bookings = Array.from({ length: n }, (_, i) => {
    const slot = slots[i % slots.length] as SlotDoc
    const openid = `scale-resident-${i % residents}`
    const doc = bookingRecord({
      id: `bk_scale_${i}`,
      openid,
      requestDigest: 'seeded',
      // Past bookings hold no seat of the account's limit any more.
      seat: voidSeat(`bk_scale_${i}`),
      code: String(100000 + (i % 899999)),
      slot: { ...slot, holders: [] },
      service,
      counter,
      applicant: { relation: 'self', name: '规模居民', phone: protect('phone', '13900000000'), idNumber: null },
      language: 'zh',
      now: slot.startsAt,
    })
    const outcome =
      i % 10 === 0
        ? { status: 'no_show', noShowAt: slot.endsAt }
        : i % 7 === 0
          ? { status: 'cancelled', cancelledAt: slot.startsAt }
          : { status: 'checked_in', checkedInAt: slot.startsAt, checkedInBy: 'officer-1' }
    return { ...doc, checkinKey: `${doc.checkinKey}-${i}`, ...outcome }
  })
  const users = Array.from({ length: residents }, (_, i) => newUser(`scale-resident-${i}`, now))
  return { bookings, users }
}

export async function benchScale(): Promise<Row[]> {
  const rows: Row[] = []
  for (const n of SCALES) {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-scale-'))
    const emulator = await startLocalCloud({ dataDir: workDir, functionEnv: generousLimitsEnv() })
    try {
      const now = dayjs()
      const upcoming = generateSlots(counter, now.add(3, 'hour'), 3, now.add(3, 'hour')).map((s) => slotRecord(s, now.toDate()))
      const { bookings, users } = history(n)
      const demo = demoSeed()
      await emulator.seed({ ...demo, booking_counters: [{ ...counterRecord(counter), generatedThrough: now.add(30, 'day').toDate() }], booking_slots: upcoming, users: [...(demo.users ?? []), ...users] })
      for (let i = 0; i < bookings.length; i += 10_000) await emulator.seed({ bookings: bookings.slice(i, i + 10_000) })
      const today = now.tz('Asia/Shanghai').format('YYYY-MM-DD')
      const cases: Array<{ action: string; openid: (i: number) => string; event: (i: number) => Record<string, unknown>; fn?: string; timer?: string }> = [
        { action: 'booking.myBookings (resident with history)', openid: (i) => `scale-resident-${i}`, event: () => ({ action: 'myBookings' }) },
        { action: 'booking.book (first-time user)', openid: (i) => `scale-new-${i}`, event: (i) => ({ action: 'book', slotId: upcoming[i % upcoming.length]._id, serviceId: 'id-card-renewal', requestId: randomUUID(), applicant: { relation: 'self', name: '规模居民', phone: '13912345678' } }) },
        { action: 'booking.listSlots', openid: () => 'scale-resident-1', event: () => ({ action: 'listSlots', counterId: counter.id, days: 3 }) },
        { action: 'booking.dayBookings (officer desk)', openid: () => 'demo-officer-1', event: () => ({ action: 'dayBookings', counterId: counter.id, date: today }) },
        { action: 'timer markNoShows', openid: () => '', event: () => ({}), timer: 'markNoShows' },
        { action: 'timer reconcile', openid: () => '', event: () => ({}), timer: 'reconcile' },
      ]
      for (const c of cases) {
        emulator.resetStats()
        const samples: number[] = []
        let failures = 0
        for (let i = 0; i < ROUNDS; i++) {
          const started = process.hrtime.bigint()
          // a call cut off by its function's time limit counts as not ok, with its time so far
          const answer = (await (c.timer ? emulator.runTimer('booking', c.timer) : emulator.call('booking', c.event(i), { openid: c.openid(i) })).catch(() => ({ ok: false }))) as { ok: boolean }
          samples.push(Number(process.hrtime.bigint() - started) / 1e6)
          if (!answer.ok) failures++
        }
        const databaseRequests = Object.entries(emulator.stats().byAction)
          .filter(([action]) => action.startsWith('database.'))
          .reduce((sum, [, count]) => sum + count, 0)
        samples.sort((a, b) => a - b)
        rows.push({ bookings: n, action: c.action, 'db requests': Number((databaseRequests / ROUNDS).toFixed(2)), 'emulator p50 ms': samples[Math.floor(ROUNDS / 2)].toFixed(1), 'not ok': failures })
      }
    } finally {
      await emulator.stop()
      rmSync(workDir, { recursive: true, force: true })
    }
  }
  return rows
}

/** The actions whose emulator latency must not follow the data (issue 20: within 2× from 1k to 100k). */
export const FLAT_ACTIONS = ['booking.book (first-time user)', 'booking.myBookings (resident with history)', 'booking.listSlots', 'booking.dayBookings (officer desk)']

/** p50 at each larger scale as a multiple of the p50 at the smallest, for the flat actions. */
export function scaleRatios(rows: Row[]): Row[] {
  const smallest = Math.min(...rows.map((r) => Number(r.bookings)))
  const p50 = (action: string, n: number) => Number(rows.find((r) => r.action === action && r.bookings === n)?.['emulator p50 ms'])
  return FLAT_ACTIONS.flatMap((action) =>
    [...new Set(rows.map((r) => Number(r.bookings)))]
      .filter((n) => n !== smallest)
      .map((n) => {
        const ratio = p50(action, n) / p50(action, smallest)
        return { action, [`p50 at ${smallest}`]: p50(action, smallest).toFixed(1), [`p50 at ${n}`]: p50(action, n).toFixed(1), ratio: ratio.toFixed(2), 'within 2×': ratio <= 2 ? 'yes' : 'NO' }
      }),
  )
}
