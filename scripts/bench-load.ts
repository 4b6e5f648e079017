// npm run bench -- load: simulated residents and officers on loopback for a fixed time, each
// looping through what people do in the app in realistic proportions, every call through the
// emulator's HTTP gateway as the h5 app makes it. Reports per action p50 / p95 / p99, the ratio of
// p95 to a no-op round trip measured under the same load, errors (a CONFLICT for a full slot is
// an expected answer, anything else is an error), and the emulator's memory.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { counterRecord, slotRecord } from '../cloudfunctions/booking/records'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { generateSlots } from '../src/core/booking/slots'
import { dayjs } from '../src/core/time'
import { counter as benchCounter } from './bench-booking'
import { activity as benchActivity, profile as volunteerProfile } from './bench-volunteers'

type Row = Record<string, string | number>

interface Answer {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string }
}

/** One simulated person's state between their calls. */
interface Person {
  openid: string
  volunteer: boolean
  bookingIds: string[]
  activityIds: string[]
}

interface LoadAction {
  name: string
  /** relative frequency among all calls */
  weight: number
  /** the call, or null when this person cannot do it now (then another action is drawn) */
  call(person: Person): { fn: string; data: Record<string, unknown> } | null
  /** error codes that are a normal answer under load, not an error */
  expected?: string[]
  after?(person: Person, answer: Answer): void
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN)
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]

const ACTIVITIES = 12

function actions(slotIds: string[], activityIds: string[]): LoadAction[] {
  return [
    { name: 'notices.feed', weight: 20, call: () => ({ fn: 'notices', data: { action: 'feed' } }) },
    {
      name: 'mediation.fileDispute',
      weight: 2,
      call: () => ({
        fn: 'mediation',
        data: { action: 'fileDispute', requestId: randomUUID(), type: 'neighbour', description: '邻居家装修噪音很大，协商没有结果。', applicant: { name: '负载居民', phone: '13912345678' }, communityId: 'gacha-bayanbulag', dangerNow: false },
      }),
    },
    { name: 'volunteers.listActivities', weight: 5, call: (person) => (person.volunteer ? { fn: 'volunteers', data: { action: 'listActivities' } } : null) },
    {
      name: 'volunteers.signUp',
      weight: 3,
      call: (person) => {
        const free = activityIds.filter((id) => !person.activityIds.includes(id))
        return person.volunteer && free.length ? { fn: 'volunteers', data: { action: 'signUp', activityId: pick(free) } } : null
      },
      after: (person, answer) => {
        if (answer.ok && typeof answer.data?.id === 'string') person.activityIds.push(answer.data.id)
      },
    },
    {
      name: 'volunteers.cancelSignUp',
      weight: 2,
      call: (person) => (person.activityIds.length ? { fn: 'volunteers', data: { action: 'cancelSignUp', activityId: person.activityIds[0] } } : null),
      after: (person, answer) => {
        if (answer.ok) person.activityIds.shift()
      },
    },
    { name: 'account.me', weight: 15, call: () => ({ fn: 'account', data: { action: 'me' } }) },
    { name: 'jurisdiction.myCommunity', weight: 10, call: () => ({ fn: 'jurisdiction', data: { action: 'myCommunity' } }) },
    { name: 'booking.listSlots', weight: 20, call: () => ({ fn: 'booking', data: { action: 'listSlots', counterId: 'counter-load', days: 3 } }) },
    { name: 'booking.myBookings', weight: 10, call: () => ({ fn: 'booking', data: { action: 'myBookings' } }) },
    {
      name: 'booking.book',
      weight: 8,
      call: (person) =>
        person.bookingIds.length >= 3
          ? null
          : { fn: 'booking', data: { action: 'book', slotId: pick(slotIds), serviceId: 'id-card-renewal', requestId: randomUUID(), applicant: { relation: 'self', name: '负载居民', phone: '13912345678' } } },
      // A full slot, or a second place in the same slot, is the answer a real person would get.
      expected: ['CONFLICT'],
      after: (person, answer) => {
        if (answer.ok && typeof answer.data?.id === 'string') person.bookingIds.push(answer.data.id)
      },
    },
    {
      name: 'booking.cancel',
      weight: 6,
      call: (person) => (person.bookingIds.length === 0 ? null : { fn: 'booking', data: { action: 'cancel', bookingId: person.bookingIds[0] } }),
      after: (person, answer) => {
        if (answer.ok) person.bookingIds.shift()
      },
    },
  ]
}

async function gatewayCall(emulator: Emulator, openid: string, fn: string, data: unknown): Promise<Answer> {
  const response = await fetch(`${emulator.url}/gateway/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ name: fn, data }),
  })
  const body = (await response.json()) as { result?: Answer; errMsg?: string }
  return body.result ?? { ok: false, error: { code: `GATEWAY ${body.errMsg ?? response.status}` } }
}

export interface LoadOptions {
  users: number
  seconds: number
}

export async function benchLoad(emulator: Emulator, options: LoadOptions): Promise<{ rows: Row[]; summary: Row }> {
  const now = dayjs()
  const counter = benchCounter('counter-load', 4)
  const slots = generateSlots(counter, now.add(3, 'hour'), 3, now.add(3, 'hour')).map((s) => slotRecord(s, now.toDate()))
  // Every second person is a volunteer of the herders' team; everyone lives in one gacha, so their
  // feed holds its notices.
  const people: Person[] = Array.from({ length: options.users }, (_, i) => ({ openid: `load-user-${i}`, volunteer: i % 2 === 0, bookingIds: [], activityIds: [] }))
  // Activities a day apart, so one volunteer's sign-ups never overlap.
  const activities = Array.from({ length: ACTIVITIES }, (_, i) => benchActivity(`act-load-${i}`, 30, 24 * (i + 2), String(200000 + i)))
  await emulator.seed({
    booking_counters: [{ ...counterRecord(counter), generatedThrough: now.add(30, 'day').toDate() }],
    booking_slots: slots,
    users: people.map((p) => ({ ...newUser(p.openid, now), communityId: 'gacha-bayanbulag', roles: p.volunteer ? ['resident', 'volunteer'] : ['resident'] })),
    volunteers: people.filter((p) => p.volunteer).map((p) => volunteerProfile(p.openid)),
    volunteer_activities: activities,
  })
  const plan = actions(
    slots.map((s) => s._id),
    activities.map((a) => a._id),
  )
  const totalWeight = plan.reduce((sum, a) => sum + a.weight, 0)
  const draw = () => {
    let r = Math.random() * totalWeight
    for (const action of plan) if ((r -= action.weight) < 0) return action
    return plan[plan.length - 1]
  }
  // Warm every function instance first, as the cloud keeps warm instances: cold starts are not load.
  // One action per function is enough: its calls start the function's instances (8 at most).
  const firstActionOfEachFunction = plan.filter((action, i) => plan.findIndex((a) => a.name.split('.')[0] === action.name.split('.')[0]) === i)
  for (let round = 0; round < 2; round++) {
    await Promise.all(
      people.slice(0, 8).flatMap((person) => [
        gatewayCall(emulator, person.openid, 'bench-noop', {}),
        ...firstActionOfEachFunction.map(async (action) => {
          const call = action.call(person)
          if (call) action.after?.(person, await gatewayCall(emulator, person.openid, call.fn, call.data))
        }),
      ]),
    )
  }
  const samples = new Map<string, number[]>([['no-op round trip', []], ...plan.map((a) => [a.name, []] as [string, number[]])])
  const errors = new Map<string, Map<string, number>>()
  const expectedAnswers = new Map<string, number>()
  const deadline = Date.now() + options.seconds * 1000
  let peakRss = 0
  const memory = setInterval(() => (peakRss = Math.max(peakRss, emulator.memoryUsage().rss)), 500)

  const timed = async (name: string, run: () => Promise<Answer>) => {
    const started = process.hrtime.bigint()
    const answer = await run().catch((error: Error): Answer => ({ ok: false, error: { code: `THROWN ${error.message}` } }))
    samples.get(name)!.push(Number(process.hrtime.bigint() - started) / 1e6)
    return answer
  }

  await Promise.all(
    people.map(async (person, index) => {
      // Everyone starts at a slightly different moment, as people do.
      await new Promise((resolve) => setTimeout(resolve, (index * 7) % 500))
      while (Date.now() < deadline) {
        // One no-op in ten calls: the floor, measured under the same load.
        if (Math.random() < 0.1) {
          await timed('no-op round trip', () => gatewayCall(emulator, person.openid, 'bench-noop', {}))
          continue
        }
        const action = draw()
        const call = action.call(person)
        if (!call) continue
        const answer = await timed(action.name, () => gatewayCall(emulator, person.openid, call.fn, call.data))
        if (!answer.ok) {
          const code = answer.error?.code ?? '?'
          if (action.expected?.includes(code)) expectedAnswers.set(action.name, (expectedAnswers.get(action.name) ?? 0) + 1)
          else {
            const byCode = errors.get(action.name) ?? new Map<string, number>()
            byCode.set(code, (byCode.get(code) ?? 0) + 1)
            errors.set(action.name, byCode)
          }
        }
        action.after?.(person, answer)
      }
    }),
  )
  clearInterval(memory)

  const noopP95 = percentile([...samples.get('no-op round trip')!].sort((a, b) => a - b), 95)
  let calls = 0
  let errorCount = 0
  const rows: Row[] = [...samples.entries()].map(([name, values]) => {
    const sorted = [...values].sort((a, b) => a - b)
    const errorsHere = [...(errors.get(name)?.values() ?? [])].reduce((sum, n) => sum + n, 0)
    calls += sorted.length
    errorCount += errorsHere
    return {
      action: name,
      calls: sorted.length,
      'p50 ms': percentile(sorted, 50).toFixed(1),
      'p95 ms': percentile(sorted, 95).toFixed(1),
      'p99 ms': percentile(sorted, 99).toFixed(1),
      'p95 ×no-op p95': (percentile(sorted, 95) / noopP95).toFixed(2),
      'expected refusals': expectedAnswers.get(name) ?? 0,
      errors: errorsHere ? [...errors.get(name)!.entries()].map(([code, n]) => `${code}×${n}`).join(' ') : 0,
    }
  })
  const summary: Row = {
    users: options.users,
    seconds: options.seconds,
    calls,
    'calls/s': (calls / options.seconds).toFixed(0),
    errors: errorCount,
    'emulator peak rss': `${(peakRss / 1024 / 1024).toFixed(0)} MB`,
  }
  return { rows, summary }
}
