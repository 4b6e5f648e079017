// Shared by the booking integration suites: a test cloud with the booking indexes, counters open
// around the clock (functions read the real clock, so there are always future slots), builders
// for applicants and seeded documents, and the capacity invariant as one assertion.
import { randomUUID } from 'node:crypto'
import { Counter, type Counter as CounterType } from '../../src/core/booking/counter'
import { HOLDS_PLACE, seatOf, type BookingStatus } from '../../src/core/booking/rules'
import { generateSlots } from '../../src/core/booking/slots'
import type { Envelope } from '../../src/core/envelope'
import { dayjs, type Dayjs } from '../../src/core/time'
import { bookingRecord, counterRecord, slotRecord, type BookingDoc, type SlotDoc } from '../../cloudfunctions/booking/records'
import { protect } from '../../cloudfunctions/_shared/personal-data'
import { demoServices } from '../../scripts/demo-services'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { numberedName } from '../../scripts/numbered-name'

export const BOOKABLE_SERVICES = demoServices()
  .filter((s) => s.mode !== 'none' && !s.notRequired)
  .map((s) => s.id)

/** A counter open every day 00:00–24:00 with 30-minute slots. */
export function roundTheClockCounter(id: string, overrides: Partial<CounterType> = {}): CounterType {
  return Counter.parse({
    id,
    name: { zh: `测试窗口 ${id}` },
    place: { zh: '户籍大厅测试窗口' },
    languages: ['mn', 'zh'],
    serviceIds: BOOKABLE_SERVICES,
    weeklyHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }],
    holidays: [],
    closures: [],
    slotMinutes: 30,
    capacity: 3,
    active: true,
    ...overrides,
  })
}

export async function startBookingCloud(counters: CounterType[] = [roundTheClockCounter('counter-24h')]): Promise<TestCloud> {
  const cloud = await startTestCloud()
  await cloud.emulator.seed({ booking_counters: counters.map(counterRecord) })
  cloud.resetWrites()
  return cloud
}

/** The real SDK in the test process, to simulate what a crash leaves behind. */
export async function testDatabase() {
  const cloud = (await import('wx-server-sdk')).default
  const db = cloud.database()
  return { db, _: db.command }
}

let applicantSeq = 0
export function buildApplicant(overrides: Record<string, unknown> = {}) {
  applicantSeq++
  return { relation: 'self', name: numberedName('测试居民', applicantSeq), phone: `139${String(10_000_000 + applicantSeq).slice(-8)}`, ...overrides }
}

export const newRequestId = () => randomUUID()

/** The id of the counter's slot starting at least `minutes` from now (30-minute grid). */
export function slotIdAfter(counterId: string, minutes: number, now: Dayjs = dayjs()): string {
  return slotsAfter(counterId, minutes, 1, now)[0]
}

/** `count` consecutive slot ids of a round-the-clock counter, the first at least `minutes` from now. */
export function slotsAfter(counterId: string, minutes: number, count: number, now: Dayjs = dayjs()): string[] {
  const from = now.add(minutes, 'minute')
  return generateSlots(roundTheClockCounter(counterId), from, 3, from)
    .slice(0, count)
    .map((s) => s.id)
}

/** Slot documents of a round-the-clock counter, seeded directly (capacity and starting point chosen). */
export function slotDocs(counterId: string, options: { minutesAhead: number; count: number; capacity: number; now?: Dayjs }) {
  const now = options.now ?? dayjs()
  const from = now.add(options.minutesAhead, 'minute')
  return generateSlots(roundTheClockCounter(counterId, { capacity: options.capacity }), from, 3, from)
    .slice(0, options.count)
    .map((s) => slotRecord(s, now.toDate()))
}

/** A booking document as `book` writes it, for states the real clock cannot reach (past slots). */
export function bookingDoc(options: { id: string; openid: string; slot: ReturnType<typeof slotRecord>; status?: BookingStatus; code?: string; seat?: number; counter: CounterType }): BookingDoc {
  const service = demoServices().find((s) => s.id === 'id-card-renewal')!
  const doc = bookingRecord({
    id: options.id,
    openid: options.openid,
    requestDigest: 'seeded',
    seat: seatOf(options.openid, options.seat ?? 1),
    code: options.code ?? String(100000 + Math.floor(Math.random() * 899999)),
    slot: { ...options.slot, holders: [] } as SlotDoc,
    service,
    counter: options.counter,
    applicant: { relation: 'self', name: '测试居民', phone: protect('phone', '13900000000'), idNumber: null },
    language: 'zh',
    now: new Date(),
  })
  return { ...doc, status: options.status ?? 'booked' }
}

export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

/**
 * remaining = capacity − places held, for every slot: the holders are exactly the bookings that
 * point at the slot and hold a place (booked, checked in, no-show).
 */
export async function expectCapacityInvariant(where: Record<string, unknown> = {}) {
  const slots = await storedAll('booking_slots', where)
  const bookings = await storedAll('bookings')
  const holding = new Map<string, string[]>()
  for (const b of bookings) {
    if (!HOLDS_PLACE.includes(b.status as BookingStatus)) continue
    holding.set(b.slotId as string, [...(holding.get(b.slotId as string) ?? []), b._id as string])
  }
  for (const slot of slots) {
    const holders = (slot.holders as Array<{ bookingId: string }>).map((h) => h.bookingId).sort()
    expect({ slot: slot._id, remaining: slot.remaining, holders }).toEqual({ slot: slot._id, remaining: (slot.capacity as number) - holders.length, holders: (holding.get(slot._id as string) ?? []).sort() })
  }
  return { slots, bookings }
}

/** Every matching document (the SDK caps one read at 1000). */
export async function storedAll(collection: string, where: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const { db } = await testDatabase()
  const all: Array<Record<string, unknown>> = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = (await db.collection(collection).where(where).skip(skip).limit(1000).get()) as { data: Array<Record<string, unknown>> }
    all.push(...data)
    if (data.length < 1000) return all
  }
}

export const messagesTo = (cloud: TestCloud, openid: string, templateId?: string) =>
  cloud.emulator
    .outbox()
    .filter((m) => m.api === 'subscribeMessage.send')
    .map((m) => m.data as { touser: string; template_id: string; page: string; data: Record<string, { value: string }> })
    .filter((m) => m.touser === openid && (!templateId || m.template_id === templateId))
