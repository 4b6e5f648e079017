// npm run bench -- budgets: the database requests each budgeted action makes (counted by the
// emulator: every `database.*` request, openapi calls apart), against its budget from issue 20.
// Unlike the other sections this one is pass/fail: the bench exits non-zero when an action is over
// its budget, so a change that adds a request to a hot path is seen before it ships.
// Each action is measured on a warm instance, in the situation its budget names, several times;
// the row shows the highest count.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { counterRecord, slotRecord } from '../cloudfunctions/booking/records'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { generateSlots } from '../src/core/booking/slots'
import { dayjs } from '../src/core/time'
import { counter } from './bench-booking'
import { activity, profile } from './bench-volunteers'

interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message?: string }
}

export interface BudgetRow {
  action: string
  budget: number
  actual: number | null
  verdict: 'within' | 'OVER' | 'not measured'
  detail: string
}

/** One budgeted action: how to prepare a fresh situation for run `i`, and the call to count. */
interface BudgetCase {
  action: string
  budget: number
  situation: string
  /** Sets up run `i` and returns the call whose database requests are counted. */
  prepare: (i: number) => Promise<() => Promise<Envelope>>
}

const RUNS = 3

function databaseRequests(emulator: Emulator) {
  const entries = Object.entries(emulator.stats().byAction).filter(([action]) => action.startsWith('database.'))
  return { total: entries.reduce((sum, [, n]) => sum + n, 0), detail: entries.map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ') }
}

function expectOk(what: string, envelope: Envelope): Envelope {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.error?.code} ${envelope.error?.message ?? ''}`)
  return envelope
}

export async function benchBudgets(emulator: Emulator): Promise<BudgetRow[]> {
  const now = dayjs()
  const desk = counter('counter-budget', 100)
  const slots = generateSlots(desk, now.add(2, 'hour'), 10, now.add(2, 'hour')).map((s) => slotRecord(s, now.toDate()))
  const residents = Array.from({ length: 4 * RUNS }, (_, i) => `budget-resident-${i}`)
  const volunteers = Array.from({ length: 3 * RUNS }, (_, i) => `budget-volunteer-${i}`)
  const requesters = Array.from({ length: RUNS }, (_, i) => `budget-requester-${i}`)
  await emulator.seed({
    booking_counters: [{ ...counterRecord(desk), generatedThrough: now.add(30, 'day').toDate() }],
    booking_slots: slots,
    users: [...[...residents, ...requesters].map((openid) => newUser(openid, now)), ...volunteers.map((openid) => ({ ...newUser(openid, now), roles: ['resident', 'volunteer'] }))],
    volunteers: volunteers.map(profile),
    volunteer_activities: Array.from({ length: RUNS }, (_, i) => [activity(`act-budget-sign-${i}`, 20, 48 + i * 3), activity(`act-budget-full-${i}`, 1, 96 + i * 3)]).flat(),
  })
  const call = (fn: string, openid: string, event: Record<string, unknown>) => emulator.call(fn, event, { openid }) as Promise<Envelope>
  const applicant = { relation: 'self', name: '预算居民', phone: '13900000002' }
  const book = (openid: string, slot: number) => call('booking', openid, { action: 'book', slotId: slots[slot]._id, serviceId: 'id-card-first', requestId: randomUUID(), applicant })
  const bookingOf = (envelope: Envelope) => String((envelope.data as { booking?: { id: string }; id?: string }).booking?.id ?? (envelope.data as { id?: string }).id)

  const cases: BudgetCase[] = [
    {
      action: 'booking.book',
      budget: 4,
      situation: 'a returning resident (the user exists) books a place',
      prepare: async (i) => {
        await call('booking', residents[i], { action: 'myBookingStatus' })
        return () => book(residents[i], 10 + i)
      },
    },
    {
      action: 'booking.cancel',
      budget: 4,
      situation: 'a resident cancels a coming booking',
      prepare: async (i) => {
        const booked = expectOk('book before cancel', await book(residents[RUNS + i], 20 + i))
        return () => call('booking', residents[RUNS + i], { action: 'cancel', bookingId: bookingOf(booked) })
      },
    },
    {
      action: 'booking.reschedule',
      budget: 5,
      situation: 'a resident moves a coming booking to another slot',
      prepare: async (i) => {
        const booked = expectOk('book before reschedule', await book(residents[2 * RUNS + i], 30 + i))
        return () => call('booking', residents[2 * RUNS + i], { action: 'reschedule', bookingId: bookingOf(booked), slotId: slots[60 + i]._id })
      },
    },
    {
      action: 'volunteers.signUp',
      budget: 3,
      situation: 'an active volunteer takes a place',
      prepare: async (i) => {
        await call('volunteers', volunteers[i], { action: 'teams' })
        return () => call('volunteers', volunteers[i], { action: 'signUp', activityId: `act-budget-sign-${i}` })
      },
    },
    {
      action: 'volunteers.cancelSignUp',
      budget: 4,
      situation: 'the one placed volunteer cancels and the first waiting is promoted',
      prepare: async (i) => {
        const placed = volunteers[RUNS + i]
        const waiting = volunteers[2 * RUNS + i]
        expectOk('sign up before cancel', await call('volunteers', placed, { action: 'signUp', activityId: `act-budget-full-${i}` }))
        expectOk('wait before cancel', await call('volunteers', waiting, { action: 'signUp', activityId: `act-budget-full-${i}` }))
        return () => call('volunteers', placed, { action: 'cancelSignUp', activityId: `act-budget-full-${i}` })
      },
    },
    {
      action: 'mediation.fileDispute',
      budget: 5,
      situation: 'a resident files a dispute (not high-risk)',
      prepare: async (i) => async () =>
        call('mediation', residents[3 * RUNS + i], {
          action: 'fileDispute',
          requestId: randomUUID(),
          type: 'neighbour',
          description: '邻居家的羊群进我家草场吃草，协商没有结果。',
          applicant: { name: '预算居民', phone: '13900000001' },
          otherParty: { name: `对方${i}` },
          communityId: 'gacha-bayanbulag',
          dangerNow: false,
        }),
    },
    {
      action: 'account.redeemInvite',
      budget: 6,
      situation: 'a new officer redeems a one-time invite',
      prepare: async (i) => {
        await emulator.seed({ officers: [{ _id: `budget-officer-${i}`, name: `预算 ${i}`, title: 'bench', languages: ['zh'], communityIds: [], openid: null }] })
        const invite = expectOk('createInvite', await call('account', 'demo-admin', { action: 'createInvite', officerId: `budget-officer-${i}`, roles: ['officer'], requestId: randomUUID() }))
        const openid = `budget-new-officer-${i}`
        await call('account', openid, { action: 'me' })
        return () => call('account', openid, { action: 'redeemInvite', code: (invite.data as { code: string }).code })
      },
    },
    {
      action: 'requests.submit',
      budget: 5,
      situation: 'a returning resident submits a request',
      prepare: async (i) => {
        await call('requests', requesters[i], { action: 'mine' })
        return () => call('requests', requesters[i], { action: 'submit', requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '孩子上户口需要带哪些材料？', contact: { name: '预算居民', phone: '13900000003' } })
      },
    },
    // Station staff (a station leader, a station admin) act for their station: the runtime finds
    // it from the jurisdiction pointer, joined onto the user read, so they pay what an officer or
    // the bureau leader pays for the same list.
    {
      action: 'requests.stationView',
      budget: 3,
      situation: 'a station leader opens the station view',
      prepare: async () => {
        expectOk('warm the instance', await call('requests', 'demo-leader-1', { action: 'stationView' }))
        return () => call('requests', 'demo-leader-1', { action: 'stationView' })
      },
    },
    {
      action: 'mediation.highRiskAlerts',
      budget: 2,
      situation: 'a station leader opens the high-risk alerts',
      prepare: async () => {
        expectOk('warm the instance', await call('mediation', 'demo-leader-1', { action: 'highRiskAlerts' }))
        return () => call('mediation', 'demo-leader-1', { action: 'highRiskAlerts' })
      },
    },
    {
      action: 'account.listOfficers',
      budget: 2,
      situation: "a station admin lists the station's officers",
      prepare: async () => {
        expectOk('warm the instance', await call('account', 'demo-admin', { action: 'listOfficers' }))
        return () => call('account', 'demo-admin', { action: 'listOfficers' })
      },
    },
  ]

  const rows: BudgetRow[] = []
  for (const c of cases) {
    let worst = -1
    let detail = ''
    for (let i = 0; i < RUNS; i++) {
      const run = await c.prepare(i)
      emulator.resetStats()
      const answer = await run()
      const counted = databaseRequests(emulator)
      if (!answer.ok) throw new Error(`${c.action} (${c.situation}) answered ${answer.error?.code}: ${answer.error?.message ?? ''}`)
      if (counted.total > worst) {
        worst = counted.total
        detail = counted.detail
      }
    }
    rows.push({ action: c.action, budget: c.budget, actual: worst, verdict: worst <= c.budget ? 'within' : 'OVER', detail: `${c.situation}: ${detail}` })
  }
  return rows
}
