// Booking figures for npm run bench (scripts/bench.ts wires this in): database requests per
// action as the emulator counts them, `book` latency under 50 concurrent clients as a ratio to a
// no-op round trip, and the capacity race (500 concurrent books on 20 slots of 3 places).
// Figures, not pass/fail: ratios survive a slower or busier machine.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { counterRecord, slotRecord } from '../cloudfunctions/booking/records'
import { Counter } from '../src/core/booking/counter'
import { generateSlots } from '../src/core/booking/slots'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { dayjs } from '../src/core/time'
import { numberedName } from './numbered-name'

type Row = Record<string, string | number>
interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; details?: Record<string, unknown> }
}

const CLIENTS = 50
const BOOKS_PER_CLIENT = 10
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const ms = (n: number) => n.toFixed(2)

/** A counter open around the clock for both ID-card services; also the scale and load benches'. */
export function counter(id: string, capacity: number) {
  return Counter.parse({
    id,
    name: { zh: `基准窗口 ${id}` },
    place: { zh: '基准' },
    languages: ['zh'],
    serviceIds: ['id-card-first', 'id-card-renewal'],
    weeklyHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }],
    holidays: [],
    closures: [],
    slotMinutes: 30,
    capacity,
    active: true,
  })
}

const applicant = (i: number) => ({ relation: 'self', name: numberedName('基准居民', i), phone: `139${String(i).padStart(8, '0')}`, idNumber: '11010519491231002X' })

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await run()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result }
}

/** Database requests (and other requests) one call makes, counted by the emulator. */
async function requestsOf(emulator: Emulator, run: () => Promise<unknown>) {
  emulator.resetStats()
  const result = (await run()) as Envelope
  const { byAction } = emulator.stats()
  const database = Object.entries(byAction)
    .filter(([action]) => action.startsWith('database.'))
    .reduce((sum, [, n]) => sum + n, 0)
  const detail = Object.entries(byAction)
    .map(([action, n]) => `${action.replace('database.', '')}×${n}`)
    .join(' ')
  return { database, detail, ok: result.ok ? 'ok' : (result.error?.code ?? '?') }
}

export async function benchBooking(emulator: Emulator): Promise<Row[]> {
  const now = dayjs()
  const load = counter('counter-bench', 100)
  const race = counter('counter-bench-race', 3)
  const loadSlots = generateSlots(load, now.add(2, 'hour'), 10, now.add(2, 'hour')).map((s) => slotRecord(s, now.toDate()))
  const raceSlots = generateSlots(race, now.add(3, 'hour'), 3, now.add(3, 'hour'))
    .slice(0, 20)
    .map((s) => slotRecord(s, now.toDate()))
  const clients = Array.from({ length: CLIENTS * BOOKS_PER_CLIENT }, (_, i) => `bench-booker-${i}`)
  await emulator.seed({
    booking_counters: [counterRecord(load), counterRecord(race)].map((c) => ({ ...c, generatedThrough: now.add(30, 'day').toDate() })),
    booking_slots: [...loadSlots, ...raceSlots],
    users: [...clients, 'bench-returning'].map((openid) => newUser(openid, now)),
  })
  const call = (openid: string, event: Record<string, unknown>) => emulator.call('booking', event, { openid }) as Promise<Envelope>
  const book = (openid: string, slotId: string, i = 0, requestId = randomUUID()) => call(openid, { action: 'book', slotId, serviceId: 'id-card-first', requestId, applicant: applicant(i) })
  const rows: Row[] = []
  const row = (measure: string, value: string | number, detail = '') => rows.push({ measure, value, detail })

  // Warm the instances, as the cloud keeps warm instances.
  await Promise.all(Array.from({ length: 16 }, () => call('bench-returning', { action: 'myBookingStatus' })))
  await call('bench-returning', { action: 'listSlots' })

  // ── Database requests per action ──────────────────────────────────────────────────────────
  const listSlots = await requestsOf(emulator, () => call('bench-returning', { action: 'listSlots' }))
  row('listSlots (14 days, all counters): database requests', listSlots.database, `${listSlots.detail}; the first is the runtime's user read`)
  const requestId = randomUUID()
  const booked = await requestsOf(emulator, () => book('bench-returning', loadSlots[0]._id, 0, requestId))
  row('book (returning resident): database requests', booked.database, booked.detail)
  const firstTime = await requestsOf(emulator, () => book(`bench-newcomer-${randomUUID()}`, loadSlots[1]._id))
  row('book (first call of a new user): database requests', firstTime.database, firstTime.detail)
  const replay = await requestsOf(emulator, () => book('bench-returning', loadSlots[0]._id, 0, requestId))
  row('book retried (same requestId): database requests', replay.database, replay.detail)
  const mine = (await call('bench-returning', { action: 'myBookings' })).data as { bookings: Array<{ id: string; code: string }> }
  const moved = await requestsOf(emulator, () => call('bench-returning', { action: 'reschedule', bookingId: mine.bookings[0].id, slotId: loadSlots[60]._id }))
  row('reschedule: database requests', moved.database, moved.detail)
  const listed = await requestsOf(emulator, () => call('bench-returning', { action: 'myBookings' }))
  row('myBookings: database requests', listed.database, listed.detail)
  const cancelled = await requestsOf(emulator, () => call('bench-returning', { action: 'cancel', bookingId: mine.bookings[0].id }))
  row('cancel: database requests', cancelled.database, cancelled.detail)

  // ── book under 50 concurrent clients ──────────────────────────────────────────────────────
  const noopEvent = { action: 'listServices', unexpected: true } // refused by the schema: no database request
  const noopSequential: number[] = []
  for (let i = 0; i < 200; i++) noopSequential.push((await timed(() => call('bench-returning', noopEvent))).ms)
  noopSequential.sort((a, b) => a - b)
  const noopP50 = percentile(noopSequential, 50)
  const sequentialBook: number[] = []
  for (let i = 0; i < 100; i++) sequentialBook.push((await timed(() => book(`bench-sequential-${i}`, loadSlots[2 + i]._id, i))).ms)
  sequentialBook.sort((a, b) => a - b)
  const noopConcurrent: number[] = []
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let r = 0; r < BOOKS_PER_CLIENT; r++) noopConcurrent.push((await timed(() => call('bench-returning', noopEvent))).ms)
    }),
  )
  noopConcurrent.sort((a, b) => a - b)
  const bookLatencies: number[] = []
  let bookFailures = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let r = 0; r < BOOKS_PER_CLIENT; r++) {
        const i = c * BOOKS_PER_CLIENT + r
        const { ms: took, result } = await timed(() => book(clients[i], loadSlots[2 + (i % (loadSlots.length - 2))]._id, i))
        bookLatencies.push(took)
        if (!result.ok) bookFailures++
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  bookLatencies.sort((a, b) => a - b)
  row('no-op round trip (sequential): p50 ms', ms(noopP50), 'the booking function refusing a malformed event: invocation and parse, no database')
  row('book (sequential, new user each): p50 / p95 ms', `${ms(percentile(sequentialBook, 50))} / ${ms(percentile(sequentialBook, 95))}`, `×${(percentile(sequentialBook, 50) / noopP50).toFixed(1)} / ×${(percentile(sequentialBook, 95) / noopP50).toFixed(1)} no-op p50`)
  row(`no-op round trip (${CLIENTS} concurrent clients): p95 ms`, ms(percentile(noopConcurrent, 95)), `×${(percentile(noopConcurrent, 95) / noopP50).toFixed(1)} the sequential p50`)
  row(`book (${CLIENTS} concurrent clients × ${BOOKS_PER_CLIENT}): p50 ms`, ms(percentile(bookLatencies, 50)), `×${(percentile(bookLatencies, 50) / noopP50).toFixed(1)} no-op p50`)
  row(`book (${CLIENTS} concurrent clients × ${BOOKS_PER_CLIENT}): p95 ms`, ms(percentile(bookLatencies, 95)), `×${(percentile(bookLatencies, 95) / noopP50).toFixed(1)} no-op p50; ×${(percentile(bookLatencies, 95) / percentile(noopConcurrent, 95)).toFixed(1)} no-op p95 under the same load`)
  row(`book (${CLIENTS} concurrent clients): throughput`, `${(bookLatencies.length / seconds).toFixed(0)}/s`, `${bookFailures} failed of ${bookLatencies.length}`)

  // ── The capacity race ─────────────────────────────────────────────────────────────────────
  const raceStarted = process.hrtime.bigint()
  const results = await Promise.all(Array.from({ length: 500 }, (_, i) => book(`bench-racer-${i}`, raceSlots[i % 20]._id, i)))
  const raceSeconds = Number(process.hrtime.bigint() - raceStarted) / 1e9
  const won = results.filter((r) => r.ok).length
  const conflicts = results.filter((r) => r.error?.code === 'CONFLICT').length
  const other = results.length - won - conflicts
  const listed20 = (await call('bench-returning', { action: 'listSlots', counterId: 'counter-bench-race', days: 4 })).data as { slots: Array<{ id: string; remaining: number }> }
  const remaining = listed20.slots.filter((s) => raceSlots.some((r) => r._id === s.id)).reduce((sum, s) => sum + s.remaining, 0)
  row('race: 500 concurrent books on 20 slots × 3 places: booked', won, `expected 60; ${conflicts} CONFLICT, ${other} other; ${raceSeconds.toFixed(1)} s`)
  row('race: places remaining afterwards', remaining, `over the ${raceSlots.length} slots; expected 0`)
  return rows
}
