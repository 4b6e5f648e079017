// Requests-desk figures for npm run bench (scripts/bench.ts wires this in): database requests of
// submit (goal ≤ 5, the abuse counter included), reply (goal ≤ 4), one page of the officer's one
// inbox with 500 open items across requests and mediation (goal ≤ 3), and the deadline job over
// 20,000 requests, whose requests must follow the overdue ones only. Figures, not pass/fail.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { migratedRequest } from '../cloudfunctions/requests/migrated-record'
import { DEFAULT_REQUESTS_CONFIG } from '../src/core/requests/config'
import { mediationCaseRecord } from './demo-mediation'

type Row = Record<string, string | number>
interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string }
}

const HOUR = 3600_000
const ALL_REQUESTS = 20_000

async function requestsOf(emulator: Emulator, run: () => Promise<unknown>) {
  emulator.resetStats()
  const started = process.hrtime.bigint()
  const result = (await run()) as Envelope
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const byAction = Object.entries(emulator.stats().byAction).filter(([action]) => action.startsWith('database.'))
  const database = byAction.reduce((sum, [, n]) => sum + n, 0)
  const detail = byAction.map(([action, n]) => `${action.replace('database.', '')}×${n}`).join(' ')
  return { database, detail, ms, result, ok: result.ok ? 'ok' : (result.error?.code ?? '?') }
}

/** A stored request as submit would have stored it (built through the migration's record builder). */
function storedRequest(id: string, at: Date, overrides: Record<string, unknown>) {
  const doc = migratedRequest(
    { _id: id, question: '基准咨询', requesterOpenid: `bench-resident-${id}`, status: 'open', createdAt: at, assigneeOfficerId: 'officer-1', decision: { communityId: 'gacha-bayanbulag' } as never, reason: { zh: '', mn: '' }, jurisdictionVersion: 1, reassignments: [] },
    DEFAULT_REQUESTS_CONFIG.calendar,
    at,
  )
  return { ...doc, _id: id, decision: null, communityId: 'gacha-bayanbulag', officerIds: ['officer-1', 'aux-1'], ...overrides }
}

export async function benchRequests(emulator: Emulator): Promise<Row[]> {
  const rows: Row[] = []
  const row = (measure: string, value: string | number, detail = '') => rows.push({ measure, value, detail })
  const call = (openid: string, event: Record<string, unknown>) => emulator.call('requests', event, { openid }) as Promise<Envelope>
  const now = Date.now()
  const submitEvent = () => ({ action: 'submit', requestId: randomUUID(), details: { kind: 'consultation', topic: 'household' }, text: '孩子上户口需要带哪些材料？', contact: { name: '基准居民', phone: '13900000001' } })

  const submitted = await requestsOf(emulator, () => call('demo-resident-1', submitEvent()))
  row('submit: database requests', submitted.database, `${submitted.detail} (${submitted.ok}); goal ≤ 5 with the abuse counter`)
  const second = await requestsOf(emulator, () => call('demo-resident-1', submitEvent()))
  row('submit (the day’s counter exists): database requests', second.database, `${second.detail} (${second.ok})`)
  const id = String(submitted.result.data?.id)
  const accepted = await requestsOf(emulator, () => call('demo-officer-1', { action: 'accept', id }))
  row('accept: database requests', accepted.database, `${accepted.detail} (${accepted.ok})`)
  const replied = await requestsOf(emulator, () => call('demo-officer-1', { action: 'reply', id, text: '请带户口本和出生医学证明到派出所窗口办理。' }))
  row('reply (with the resident’s message): database requests', replied.database, `${replied.detail} (${replied.ok}); goal ≤ 4`)

  // The one inbox of an officer with 500 open items: 300 requests and 200 mediation cases.
  await emulator.seed({
    requests: Array.from({ length: 300 }, (_, i) => {
      const deadline = new Date(now + (((i * 7919) % 400) - 40) * HOUR)
      return storedRequest(`bench-open-rq-${i}`, new Date(now - 50 * HOUR), { deadlineAt: deadline, watchAt: new Date(now + 1000 * HOUR) })
    }),
    mediation_cases: Array.from({ length: 200 }, (_, i) => {
      const deadline = new Date(now + (1 + ((i * 104729) % 500)) * HOUR)
      return mediationCaseRecord(`bench-open-md-${i}`, { createdAt: new Date(now - HOUR), officerId: 'officer-1', officerIds: ['officer-1'], deadlineAt: deadline, deadlineKind: 'accept', watchAt: new Date(now + 1000 * HOUR) })
    }),
  })
  for (const page of [0, 9]) {
    const inbox = await requestsOf(emulator, () => call('demo-officer-1', { action: 'inbox', page }))
    const items = (inbox.result.data?.items as unknown[] | undefined)?.length ?? 0
    const counts = JSON.stringify(inbox.result.data?.counts ?? {})
    row(`inbox, 500 open items (page ${page + 1}): database requests`, inbox.database, `${inbox.detail}; ${items} items, counts ${counts}, ${inbox.ms.toFixed(0)} ms (${inbox.ok}); goal ≤ 3`)
  }
  const station = await requestsOf(emulator, () => call('demo-leader-1', { action: 'stationView' }))
  row('stationView (leaders, with every officer’s load): database requests', station.database, `${station.detail} (${station.ok})`)

  // The deadline job over 20,000 requests, as more of them become overdue.
  const future = new Date(now + 30 * 24 * HOUR)
  await emulator.seed({ requests: Array.from({ length: ALL_REQUESTS - 300 }, (_, i) => storedRequest(`bench-quiet-${i}`, new Date(now - HOUR), { watchAt: i % 2 === 0 ? future : null, status: i % 2 === 0 ? 'accepted' : 'closed', open: i % 2 === 0 })) })
  let seeded = 0
  for (const overdue of [0, 50, 500]) {
    const past = new Date(now - 3 * 24 * HOUR)
    await emulator.seed({ requests: Array.from({ length: overdue }, (_, i) => storedRequest(`bench-overdue-${seeded + i}`, past, { acceptBy: new Date(past.getTime() + 24 * HOUR), deadlineAt: new Date(past.getTime() + 24 * HOUR), watchAt: new Date(past.getTime() + 24 * HOUR) })) })
    seeded += overdue
    let runs = 0
    let escalated = 0
    let requests = 0
    let ms = 0
    for (;;) {
      const run = await requestsOf(emulator, () => emulator.runTimer('requests', 'watchDeadlines', new Date(now)))
      runs++
      requests += run.database
      ms += run.ms
      const got = Number((run.result.data as { escalated?: number } | undefined)?.escalated ?? 0)
      escalated += got
      if (got === 0 || runs > 10) break
    }
    row(`watchDeadlines over ${ALL_REQUESTS} requests, ${overdue} newly overdue: database requests`, requests, `${escalated} escalated in ${runs} run(s), ${(requests / Math.max(1, escalated)).toFixed(2)} per escalated request, ${ms.toFixed(0)} ms`)
  }
  return rows
}
