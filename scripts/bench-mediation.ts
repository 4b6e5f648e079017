// Mediation figures for npm run bench (scripts/bench.ts wires this in): database requests of
// filing and casework, the officers' inbox with 5,000 open cases (goal ≤ 2 requests per page),
// and the escalation job over 50,000 cases, whose requests must follow the overdue cases only.
// Figures, not pass/fail.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { mediationCaseRecord } from './demo-mediation'

type Row = Record<string, string | number>
interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string }
}

const HOUR = 3600_000
const OPEN_CASES = 5_000
const ALL_CASES = 50_000
const OFFICERS = ['officer-1', 'officer-2', 'officer-3']

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

const filing = (extra: Record<string, unknown> = {}) => ({
  action: 'fileDispute',
  requestId: randomUUID(),
  type: 'neighbour',
  description: '邻居家的羊群进我家草场吃草，协商没有结果。',
  applicant: { name: '基准居民', phone: '13900000001' },
  otherParty: { name: `对方${randomUUID().slice(0, 8)}` },
  communityId: 'gacha-bayanbulag',
  dangerNow: false,
  ...extra,
})

export async function benchMediation(emulator: Emulator): Promise<Row[]> {
  const rows: Row[] = []
  const row = (measure: string, value: string | number, detail = '') => rows.push({ measure, value, detail })
  const call = (openid: string, event: Record<string, unknown>) => emulator.call('mediation', event, { openid }) as Promise<Envelope>
  const now = Date.now()

  // Filing and casework on an almost empty collection.
  const filed = await requestsOf(emulator, () => call('demo-resident-1', filing()))
  row('fileDispute: database requests', filed.database, `${filed.detail} (${filed.ok})`)
  const risky = await requestsOf(emulator, () => call('demo-resident-1', filing({ description: '他拿刀说要打死我', dangerNow: true })))
  row('fileDispute (high-risk, alerts leaders): database requests', risky.database, `${risky.detail} (${risky.ok})`)
  const caseId = String(filed.result.data?.id)
  const detail = await requestsOf(emulator, () => call('demo-officer-1', { action: 'caseDetail', caseId }))
  row('caseDetail (audited read): database requests', detail.database, `${detail.detail} (${detail.ok})`)
  const accepted = await requestsOf(emulator, () => call('demo-officer-1', { action: 'acceptCase', caseId }))
  row('acceptCase: database requests', accepted.database, `${accepted.detail} (${accepted.ok})`)

  // The inbox with 5,000 open cases in the station.
  await emulator.seed({
    mediation_cases: Array.from({ length: OPEN_CASES }, (_, i) => {
      const officerId = OFFICERS[i % OFFICERS.length]
      const deadline = new Date(now + (1 + ((i * 7919) % 500)) * HOUR)
      return mediationCaseRecord(`bench-open-${i}`, { createdAt: new Date(now - HOUR), officerId, officerIds: [officerId], level: i % 10 === 0 ? 2 : 1, highRisk: i % 100 === 0, priority: i % 100 === 0 ? 1 : 0, deadlineAt: deadline, deadlineKind: 'accept', watchAt: deadline })
    }),
  })
  for (const [label, openid, input] of [
    ['officer, page 1', 'demo-officer-1', { scope: 'mine', page: 0 }],
    ['officer, page 20', 'demo-officer-1', { scope: 'mine', page: 19 }],
    ['leader, all, page 1', 'demo-leader-1', { scope: 'all', page: 0 }],
    ['leader, levels 2–3, page 1', 'demo-leader-1', { scope: 'escalated', page: 0 }],
  ] as const) {
    const page = await requestsOf(emulator, () => call(openid, { action: 'inbox', ...input }))
    const items = (page.result.data?.items as unknown[] | undefined)?.length ?? 0
    row(`inbox over ${OPEN_CASES} open cases (${label}): database requests`, page.database, `${page.detail}; ${items} items, ${page.ms.toFixed(0)} ms (${page.ok}); goal ≤ 2`)
  }

  // The escalation job over 50,000 cases, as more of them become overdue.
  const future = new Date(now + 30 * 24 * HOUR)
  const rest = ALL_CASES - OPEN_CASES
  await emulator.seed({ mediation_cases: Array.from({ length: rest }, (_, i) => mediationCaseRecord(`bench-quiet-${i}`, { createdAt: new Date(now - HOUR), watchAt: i % 2 === 0 ? future : null, deadlineAt: future, status: i % 2 === 0 ? 'accepted' : 'closed', open: i % 2 === 0 })) })
  let overdueSeeded = 0
  // The inbox's cases all have deadlines ahead: only the seeded overdue ones are due.
  const runAt = new Date(now)
  for (const overdue of [0, 50, 500, 1200]) {
    const past = new Date(now - 2 * 24 * HOUR)
    await emulator.seed({ mediation_cases: Array.from({ length: overdue }, (_, i) => mediationCaseRecord(`bench-overdue-${overdueSeeded + i}`, { createdAt: past, levelSince: past, deadlineAt: new Date(past.getTime() + 24 * HOUR), deadlineKind: 'accept', watchAt: new Date(past.getTime() + 24 * HOUR) })) })
    overdueSeeded += overdue
    let runs = 0
    let escalated = 0
    let requests = 0
    let ms = 0
    for (;;) {
      const run = await requestsOf(emulator, () => emulator.runTimer('mediation', 'escalateOverdue', runAt))
      runs++
      requests += run.database
      ms += run.ms
      const got = Number((run.result.data as { escalated?: number } | undefined)?.escalated ?? 0)
      escalated += got
      if (got === 0 || runs > 10) break
    }
    row(`escalateOverdue over ${ALL_CASES} cases, ${overdue} newly overdue: database requests`, requests, `${escalated} escalated in ${runs} run(s) (≤ 300 per run, the rest resumes in the next), ${(requests / Math.max(1, escalated)).toFixed(2)} per escalated case, ${ms.toFixed(0)} ms`)
  }
  return rows
}
