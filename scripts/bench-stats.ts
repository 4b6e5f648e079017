// Dashboard figures for npm run bench (scripts/bench.ts wires this in). One year of a mid-size
// station (50,000 bookings, 2,000 disputes, 3,000 notices, 20,000 volunteer check-ins, 5,000
// resident requests) seeded with
// emu.seed into its own emulator; then: the rollup job from nothing to caught up (runs and time),
// the dashboard's database requests per load (goal ≤ 6) and its latency as a ratio to a no-op
// round trip (a malformed event the stats function refuses before any database request), with
// rollups and without (all live), for one station beside the bureau with its stations compared
// (issue 21), and the officer subpackage's size with the charts.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Emulator } from '../emulator'
import type { Envelope } from '../src/core/envelope'
import { DISPUTE_TYPES } from '../src/core/mediation/contract'
import { addDays, localDay, presetPeriod } from '../src/core/stats/period'
import { dayjs } from '../src/core/time'
import { bookingRecord, type SlotDoc } from '../cloudfunctions/booking/records'
import { noticeRecord } from '../cloudfunctions/notices/records'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { demoJurisdiction, demoSeed } from './demo-seed'
import { mediationCaseRecord } from './demo-mediation'
import { demoCounters, demoServices } from './demo-services'
import { root, startLocalCloud } from './local-cloud'
import { protect } from '../cloudfunctions/_shared/personal-data'
import { migratedRequest } from '../cloudfunctions/requests/migrated-record'
import { DEFAULT_REQUESTS_CONFIG } from '../src/core/requests/config'

/** One sealed phone for every generated person (sealing is per value, not per record, here). */
const SEALED_PHONE = protect('phone', '13900000000')

type Row = Record<string, string | number>

const YEAR = { bookings: 50_000, disputes: 2_000, notices: 3_000, checkIns: 20_000, homeVisits: 1_500, residents: 3_000, requests: 5_000 }
const CHECK_INS_PER_ACTIVITY = 20
const HOUR = 3_600_000
const DAY = 24 * HOUR
const ROUNDS = 10

/** Spreads item i of n over the past year, at a working hour (station time ≈ UTC+8). */
const dayOfYear = (i: number, n: number, now: number) => new Date(now - (1 + Math.floor((i * 365) / n)) * DAY + ((i * 37) % 8) * HOUR)

function yearOfStation(now: number) {
  const jurisdiction = demoJurisdiction()
  const communities = jurisdiction.communities
  const service = demoServices().find((s) => s.id === 'id-card-renewal')!
  const counter = demoCounters()[0]
  const bookings = Array.from({ length: YEAR.bookings }, (_, i) => {
    const startsAt = dayOfYear(i, YEAR.bookings, now)
    const slot: SlotDoc = { _id: `bench-slot-${i}`, counterId: counter.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), localDate: localDay(startsAt), localTime: '10:00', capacity: 5, remaining: 0, closed: false, closedReason: null, languages: ['zh'], holders: [] }
    const doc = bookingRecord({ id: `bench-bk-${i}`, openid: `bench-resident-${i % YEAR.residents}`, requestDigest: 'seeded', seat: `void:bench-bk-${i}`, code: String(100000 + i), slot, service, counter, applicant: { relation: 'self', name: '居民', phone: SEALED_PHONE, idNumber: null }, language: 'zh', now: new Date(startsAt.getTime() - 3 * DAY) })
    const status = i % 10 === 0 ? 'no_show' : i % 7 === 0 ? 'cancelled' : 'checked_in'
    return { ...doc, checkinKey: `void:bench-bk-${i}`, status }
  })
  const homeVisits = Array.from({ length: YEAR.homeVisits }, (_, i) => {
    const createdAt = dayOfYear(i, YEAR.homeVisits, now)
    const community = communities[i % communities.length]
    return { _id: `bench-visit-${i}`, createdAt, communityId: community.id, assigneeOfficerId: community.officerId, status: i % 4 === 0 ? 'requested' : 'done', respondedAt: i % 4 === 0 ? null : new Date(createdAt.getTime() + (1 + (i % 24)) * HOUR) }
  })
  const cases = Array.from({ length: YEAR.disputes }, (_, i) => {
    const createdAt = dayOfYear(i, YEAR.disputes, now)
    const community = communities[i % communities.length]
    const settledLevel = i % 10 === 0 ? null : ((i % 3) + 1) as 1 | 2 | 3
    return mediationCaseRecord(`bench-case-${i}`, {
      createdAt,
      type: DISPUTE_TYPES[i % DISPUTE_TYPES.length],
      communityId: community.id,
      officerId: community.officerId,
      status: 'closed',
      open: false,
      level: settledLevel ?? 3,
      outcome: settledLevel ? 'settled' : 'not_settled',
      settledLevel,
      daysToSettle: settledLevel ? 2 + ((i * 7) % 20) : null,
      rating: i % 3 === 0 ? null : 1 + (i % 5),
      highRisk: i % 50 === 0,
      overdue: i % 25 === 0,
      timeline: [{ kind: 'accept', level: 1, at: new Date(createdAt.getTime() + (1 + (i % 12)) * HOUR), by: 'officer' }],
    })
  })
  const notices = Array.from({ length: YEAR.notices }, (_, i) => {
    const at = dayOfYear(i, YEAR.notices, now)
    const target = communities[i % communities.length].id
    return { ...noticeRecord({ _id: `bench-notice-${i}`, category: 'safety_warning', urgency: i % 20 === 0 ? 'urgent' : 'normal', title: { zh: '通知' }, body: { zh: '内容' }, targets: [target], status: 'published', validUntil: new Date(at.getTime() + 30 * DAY), authorOpenid: 'demo-officer-1', authorName: null, review: null }, at) }
  })
  // Five readers per notice; urgent notices delivered to ten members each.
  const receipts = notices.flatMap((n, i) => Array.from({ length: 5 }, (_, r) => ({ _id: `${n._id}:bench-resident-${(i + r) % YEAR.residents}`, noticeId: n._id, openid: `bench-resident-${(i + r) % YEAR.residents}`, groups: n.targets, chat: null, at: n.createdAt })))
  const deliveries = notices
    .filter((n) => n.urgency === 'urgent')
    .flatMap((n, i) => Array.from({ length: 10 }, (_, r) => ({ _id: `${n._id}:bench-resident-${(i + r) % YEAR.residents}`, noticeId: n._id, openid: `bench-resident-${(i + r) % YEAR.residents}`, state: r % 5 === 0 ? 'failed' : 'sent', runId: 'bench', at: n.createdAt })))
  const activityCount = YEAR.checkIns / CHECK_INS_PER_ACTIVITY
  const activities = Array.from({ length: activityCount }, (_, i) => ({ _id: `bench-activity-${i}`, startsAt: dayOfYear(i, activityCount, now), status: 'open', capacity: CHECK_INS_PER_ACTIVITY + 2, entries: Array.from({ length: CHECK_INS_PER_ACTIVITY + 4 }, (_, e) => ({ openid: `bench-volunteer-${(i + e) % 400}`, teamId: 'team-patrol', at: new Date(now), waited: false })), count: CHECK_INS_PER_ACTIVITY + 4 }))
  const attendance = activities.flatMap((a, i) =>
    Array.from({ length: CHECK_INS_PER_ACTIVITY }, (_, e) => ({ _id: `${a._id}__bench-volunteer-${(i + e) % 400}`, activityId: a._id, openid: `bench-volunteer-${(i + e) % 400}`, teamId: 'team-patrol', startsAt: a.startsAt, checkedInAt: a.startsAt, minutes: 60 + (e % 4) * 30, points: 1 })),
  )
  // Requests as stored (through the migration's record builder), answered after 1–48 hours, most
  // on time, one in ten reopened, two in three rated.
  const requests = Array.from({ length: YEAR.requests }, (_, i) => {
    const createdAt = dayOfYear(i, YEAR.requests, now)
    const community = communities[i % communities.length]
    const old = { _id: `bench-request-${i}`, question: '基准咨询', requesterOpenid: `bench-resident-${i % YEAR.residents}`, status: 'closed' as const, createdAt, assigneeOfficerId: community.officerId, decision: { communityId: community.id } as never, reason: { zh: '', mn: '' }, jurisdictionVersion: 1, reassignments: [] }
    const doc = migratedRequest(old, DEFAULT_REQUESTS_CONFIG.calendar, createdAt)
    const rating = i % 3 === 0 ? null : 1 + (i % 5)
    return { ...doc, _id: old._id, communityId: community.id, officerId: community.officerId, status: rating === null ? 'closed' : 'rated', firstAnsweredAt: new Date(createdAt.getTime() + (1 + (i % 48)) * HOUR), answeredOnTime: i % 8 !== 0, reopenCount: i % 10 === 0 ? 1 : 0, rating }
  })
  const users = Array.from({ length: YEAR.residents }, (_, i) => ({ ...newUser(`bench-resident-${i}`, dayjs(now)), communityId: communities[i % communities.length].id }))
  return { bookings, home_visits: homeVisits, mediation_cases: cases, notices, notice_receipts: receipts, notice_deliveries: deliveries, volunteer_activities: activities, volunteer_attendance: attendance, users, requests }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await run()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result }
}

async function databaseRequestsOf(emulator: Emulator, run: () => Promise<unknown>) {
  emulator.resetStats()
  const result = (await run()) as Envelope<unknown>
  const byAction = Object.entries(emulator.stats().byAction).filter(([action]) => action.startsWith('database.'))
  return { n: byAction.reduce((sum, [, k]) => sum + k, 0), detail: byAction.map(([a, k]) => `${a.replace('database.', '')}×${k}`).join(' '), ok: result.ok ? 'ok' : result.error.code }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? dirBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0)
}

export async function benchStats(): Promise<Row[]> {
  const rows: Row[] = []
  const row = (measure: string, value: string | number, detail = '') => rows.push({ measure, value, detail })
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-bench-stats-'))
  const emulator = await startLocalCloud({ dataDir })
  try {
    const now = Date.now()
    await emulator.seed(demoSeed())
    const seeded = await timed(() => emulator.seed(yearOfStation(now)))
    row('seeded one year', `${(seeded.ms / 1000).toFixed(1)} s`, '50,000 bookings, 2,000 disputes, 3,000 notices (15,000 reads), 20,000 check-ins, 1,500 door-to-door, 3,000 residents, 5,000 requests')

    const today = localDay(dayjs(now))
    const year = { from: addDays(today, -364), to: today }
    const call = (openid: string, event: Record<string, unknown>) => emulator.call('stats', event, { openid }) as Promise<Envelope<unknown>>
    const load = (period: { from: string; to: string }, scope: Record<string, unknown> = { kind: 'station' }, openid = 'demo-leader-1') => call(openid, { action: 'dashboard', period, scope })

    // The no-op: the same function refusing a malformed event, so invocation and parse only.
    const noop: number[] = []
    for (let i = 0; i < ROUNDS * 2; i++) noop.push((await timed(() => call('demo-leader-1', { action: 'dashboard', unexpected: true }))).ms)
    const noopMs = median(noop)
    row('no-op round trip (stats refusing a malformed event): p50 ms', noopMs.toFixed(1))

    const latency = async (run: () => Promise<unknown>) => {
      const samples: number[] = []
      for (let i = 0; i < ROUNDS; i++) samples.push((await timed(run)).ms)
      return `${median(samples).toFixed(0)} ms = ${(median(samples) / noopMs).toFixed(0)}× no-op`
    }

    // Before any rollup: the month aggregated live (a live year is what the rollups exist to avoid).
    const month = presetPeriod('month', today)
    const liveMonth = await databaseRequestsOf(emulator, () => load(month))
    row('dashboard, this month, no rollups yet (all live): database requests', liveMonth.n, `${liveMonth.detail} (${liveMonth.ok})`)
    row('dashboard, this month, no rollups yet: p50', await latency(() => load(month)))
    const liveBureau = await databaseRequestsOf(emulator, () => load(month, { kind: 'bureau' }, 'demo-bureau-leader'))
    row('dashboard, this month, bureau with its 3 stations compared, no rollups yet: database requests', liveBureau.n, `${liveBureau.detail} (${liveBureau.ok})`)

    // The rollup job from nothing, run after run as its timer would, until caught up.
    const runs: number[] = []
    let summary: { through?: string; refreshed?: boolean; written?: number } = {}
    while (summary.through !== addDays(today, -1) || !summary.refreshed) {
      const run = await timed(() => emulator.runTimer('stats', 'rollup') as Promise<Envelope<typeof summary>>)
      if (!run.result.ok) throw new Error(`rollup failed: ${run.result.error.message}`)
      summary = run.result.data
      runs.push(run.ms)
    }
    row('rollup job, first year (400 days × every scope key): runs of ≤ 60 s', runs.length, `${(runs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all, longest run ${(Math.max(...runs) / 1000).toFixed(1)} s`)
    const again = await timed(() => emulator.runTimer('stats', 'rollup'))
    row('rollup job, hourly run when caught up (nothing to do)', `${again.ms.toFixed(0)} ms`)

    for (const [label, period, scope, openid] of [
      ['year, station (leader)', year, { kind: 'station' }, 'demo-leader-1'],
      ['year, bureau with its 3 stations compared (bureau leader)', year, { kind: 'bureau' }, 'demo-bureau-leader'],
      ['this month, station (leader)', month, { kind: 'station' }, 'demo-leader-1'],
      ['this month, bureau with its 3 stations compared (bureau leader)', month, { kind: 'bureau' }, 'demo-bureau-leader'],
      ['year, district (leader)', year, { kind: 'district', id: 'district-pastoral' }, 'demo-leader-1'],
      ['year, own figures (officer)', year, { kind: 'officer', id: 'officer-1' }, 'demo-officer-1'],
    ] as const) {
      const requests = await databaseRequestsOf(emulator, () => load(period, scope, openid))
      row(`dashboard, ${label}: database requests (goal ≤ 6)`, requests.n, `${requests.detail} (${requests.ok})`)
      row(`dashboard, ${label}: p50`, await latency(() => load(period, scope, openid)))
    }

    const officerPackage = path.join(root, 'dist', 'weapp', 'packages', 'officer')
    row('officer subpackage (weapp build, with the charts)', existsSync(officerPackage) ? `${(dirBytes(officerPackage) / 1024).toFixed(1)} KB` : 'not built', 'npm run build:weapp first; WeChat limit 2048 KB')
  } finally {
    await emulator.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return rows
}
