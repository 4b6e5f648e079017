// npm run bench -- bureau, the scale part (issue 21 › Scale): the everyday calls of a bureau of 25
// stations (500 communities and gacha, 300 officers, 200,000 residents) with a year of activity,
// side by side with one station of the same shape (the first station alone, with its share of the
// residents and of the year: about the demo station's size). The demand is that database
// requests per call stay what they are for one station; the latency shows what the data costs.
//
// The data goes straight into the emulator's store (emulator.seed, as bench-scale and bench-stats
// seed), built with the functions' own record builders, never through the functions. Each side
// gets its own emulator. BUREAU_RESIDENTS scales the residents (and nothing else) for a quicker run.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Emulator } from '../emulator'
import { bookingRecord, counterRecord, type SlotDoc } from '../cloudfunctions/booking/records'
import { versionRecord } from '../cloudfunctions/_shared/jurisdiction-record'
import { protect } from '../cloudfunctions/_shared/personal-data'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { migratedId, migratedRequest } from '../cloudfunctions/requests/migrated-record'
import type { RequestDoc } from '../cloudfunctions/requests/store'
import { noticeRecord } from '../cloudfunctions/notices/records'
import type { BureauJurisdiction } from '../src/core/bureau/schema'
import { validateBureau } from '../src/core/bureau/validate'
import { bureauOfficerRecords } from '../src/core/bureau/views'
import { DISPUTE_TYPES } from '../src/core/mediation/contract'
import { DEFAULT_REQUESTS_CONFIG } from '../src/core/requests/config'
import { localDay, presetPeriod } from '../src/core/stats/period'
import { dayjs } from '../src/core/time'
import { counter as benchCounter } from './bench-booking'
import { databaseSpec } from './database-spec'
import { bureauPositions, submitFigures, syntheticBureau } from './bench-routing'
import { mediationCaseRecord } from './demo-mediation'
import { demoServices } from './demo-services'
import { generousLimitsEnv, startLocalCloud } from './local-cloud'

type Row = Record<string, string | number>

const RESIDENTS = Number(process.env.BUREAU_RESIDENTS ?? 200_000)
/** One station's year (each of the bureau's 25 stations has the same). */
const STATION_YEAR = { requests: 1_200, openRequests: 40, cases: 120, openCases: 12, bookings: 1_600, bookingsToday: 20, notices: 120 }
const ROUNDS = 10
const HOUR = 3_600_000
const DAY = 24 * HOUR
const SEALED_PHONE = protect('phone', '13900000000')

/** Item i of n spread over the past year, at a working hour. */
const dayOfYear = (i: number, n: number, now: number) => new Date(now - (1 + Math.floor((i * 365) / n)) * DAY + ((i * 37) % 8) * HOUR)

/** The staff whose calls are measured: all of the first station, and the bureau's leader. */
const STAFF = {
  officer: { openid: 'bench-officer', roles: ['resident', 'officer'], officerId: 's00-officer-0' },
  leader: { openid: 'bench-leader', roles: ['resident', 'officer', 'station_leader'], officerId: 's00-leader' },
  admin: { openid: 'bench-admin', roles: ['resident', 'admin'], officerId: null },
  bureauLeader: { openid: 'bench-bureau-leader', roles: ['resident', 'officer', 'bureau_leader'], officerId: 'bureau-chief' },
} as const
const RESIDENT = 'bench-resident-0' // of s00-community-00

/** Every collection's documents for `bureau` with `residents` residents and a year of each station's activity. */
function yearOfBureau(bureau: BureauJurisdiction, residents: number, now: number) {
  const service = demoServices().find((s) => s.id === 'id-card-renewal')!
  const communities = bureau.stations.flatMap((s) => s.communities.map((c) => ({ id: c.id, officerId: c.officerId, stationId: s.station.id })))
  const docs: Record<string, object[]> = { users: [], requests: [], mediation_cases: [], bookings: [], booking_counters: [], notices: [] }
  for (const [role, staff] of Object.entries(STAFF)) docs.users.push({ ...newUser(staff.openid, dayjs(now)), roles: [...staff.roles], officerId: staff.officerId, displayName: role })
  // Resident k lives in community k mod 500 (so resident 0 in the first station's first community).
  for (let k = 0; k < residents; k++) {
    const c = communities[k % communities.length]
    docs.users.push({ ...newUser(`bench-resident-${k}`, dayjs(now)), communityId: c.id, stationId: c.stationId })
  }
  // The requests' deadlines (a work calendar walk, the slow part of building one) depend only on
  // when and whether open: built once per instant, shared by every station's request of that instant.
  const requestsAt = new Map<string, RequestDoc>()
  const requestAt = (createdAt: Date, open: boolean) => {
    const key = `${createdAt.getTime()}:${open}`
    const built = requestsAt.get(key) ?? migratedRequest({ _id: 'template', question: '基准咨询', requesterOpenid: '', status: open ? 'open' : 'closed', createdAt, assigneeOfficerId: '', decision: { communityId: '' } as never, reason: { zh: '', mn: '' }, jurisdictionVersion: 1, reassignments: [] }, DEFAULT_REQUESTS_CONFIG.calendar, createdAt)
    requestsAt.set(key, built)
    return built
  }
  /** What migratedRequest takes from the request itself rather than from its instant. */
  const onlyOf = (_id: string, old: { requesterOpenid: string; assigneeOfficerId: string; decision: { communityId: string } }) => ({ _id, filerOpenid: old.requesterOpenid, communityId: old.decision.communityId, officerId: old.assigneeOfficerId, officerIds: [old.assigneeOfficerId], decision: old.decision })
  const residentOf = (c: number, i: number) => `bench-resident-${(c + i * communities.length) % residents}`
  bureau.stations.forEach((section, s) => {
    const stationId = section.station.id
    const own = communities.filter((c) => c.stationId === stationId)
    const counter = { ...benchCounter(`${stationId}-counter`, 5), stationId }
    docs.booking_counters.push({ ...counterRecord(counter), generatedThrough: new Date(now + 30 * DAY) })
    for (let i = 0; i < STATION_YEAR.requests; i++) {
      const c = own[i % own.length]
      const open = i < STATION_YEAR.openRequests
      const createdAt = open ? new Date(now - (i % 5) * DAY - HOUR) : dayOfYear(i, STATION_YEAR.requests, now)
      const old = { _id: `${stationId}-request-${i}`, question: '基准咨询', requesterOpenid: residentOf(communities.indexOf(c), i), status: open ? ('open' as const) : ('closed' as const), createdAt, assigneeOfficerId: c.officerId, decision: { communityId: c.id } as never, reason: { zh: '', mn: '' }, jurisdictionVersion: 1, reassignments: [] }
      const doc = { ...requestAt(createdAt, open), ...onlyOf(migratedId(old._id), old) }
      docs.requests.push({ ...doc, stationId, ...(open ? {} : { status: 'rated', firstAnsweredAt: new Date(createdAt.getTime() + (1 + (i % 48)) * HOUR), answeredOnTime: i % 8 !== 0, rating: 1 + (i % 5) }) })
    }
    for (let i = 0; i < STATION_YEAR.cases; i++) {
      const c = own[i % own.length]
      const open = i < STATION_YEAR.openCases
      const createdAt = open ? new Date(now - (i % 5) * DAY - HOUR) : dayOfYear(i, STATION_YEAR.cases, now)
      const settledLevel = open ? null : (((i % 3) + 1) as 1 | 2 | 3)
      docs.mediation_cases.push(
        mediationCaseRecord(`${stationId}-case-${i}`, {
          createdAt,
          type: DISPUTE_TYPES[i % DISPUTE_TYPES.length],
          communityId: c.id,
          officerId: c.officerId,
          officerIds: [c.officerId],
          stationId,
          stationReason: { kind: 'community', communityId: c.id, method: 'given' },
          decision: { communityId: c.id, districtId: null, gridCellId: null, assignee: { officerId: c.officerId, as: 'community_officer' }, communityOfficerId: c.officerId, escalation: { level2: section.station.leadershipOfficerIds, level3: [] }, steps: [] },
          ...(open
            ? { status: 'submitted', open: true, deadlineAt: new Date(createdAt.getTime() + 2 * DAY) }
            : { status: 'closed', open: false, level: settledLevel ?? 3, outcome: 'settled', settledLevel, daysToSettle: 2 + ((i * 7) % 20), rating: 1 + (i % 5) }),
        } as never),
      )
    }
    // The year's bookings, then today's queue at the station's counter.
    for (let i = 0; i < STATION_YEAR.bookings + STATION_YEAR.bookingsToday; i++) {
      const today = i >= STATION_YEAR.bookings
      const startsAt = today ? new Date(now + (1 + (i % 6)) * HOUR) : dayOfYear(i, STATION_YEAR.bookings, now)
      const slot: SlotDoc = { _id: `${stationId}-slot-${i}`, counterId: counter.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), localDate: localDay(startsAt), localTime: '10:00', capacity: 5, remaining: 0, closed: false, closedReason: null, languages: ['zh'], holders: [] }
      const id = `${stationId}-bk-${i}`
      const doc = bookingRecord({ id, openid: residentOf(s, i), requestDigest: 'seeded', seat: `void:${id}`, code: String(100000 + i), slot, service, counter, applicant: { relation: 'self', name: '居民', phone: SEALED_PHONE, idNumber: null }, language: 'zh', now: new Date(startsAt.getTime() - 3 * DAY) })
      docs.bookings.push({ ...doc, checkinKey: `void:${id}`, status: today ? 'booked' : i % 10 === 0 ? 'no_show' : 'checked_in' })
    }
    for (let i = 0; i < STATION_YEAR.notices; i++) {
      const published = dayOfYear(i, STATION_YEAR.notices, now)
      docs.notices.push(noticeRecord({ _id: `${stationId}-notice-${i}`, category: 'safety_warning', urgency: 'normal', title: { zh: '通知' }, body: { zh: '内容' }, targets: [own[i % own.length].id], status: 'published', validUntil: new Date(published.getTime() + 30 * DAY), authorOpenid: STAFF.officer.openid, authorName: null, review: null, stationId }, published))
    }
  })
  return docs
}

async function seedSide(emulator: Emulator, bureau: BureauJurisdiction, residents: number, now: number) {
  const { users, ...rest } = yearOfBureau(bureau, residents, now)
  // Every collection of the database spec, as the demo seed creates them (the functions' writes need them).
  await emulator.seed(Object.fromEntries(databaseSpec().map(({ name }) => [name, []])))
  await emulator.seed({
    jurisdiction_versions: [versionRecord(1, bureau, 'bench', new Date(now))],
    jurisdiction_current: [{ _id: 'current', version: 1, updatedAt: new Date(now) }],
    officers: bureauOfficerRecords(bureau).map(({ id, ...record }) => ({ _id: id, ...record, active: true, openid: null })),
    ...rest,
  })
  for (let i = 0; i < users.length; i += 20_000) await emulator.seed({ users: users.slice(i, i + 20_000) })
  return Object.values(rest).reduce((n, list) => n + list.length, 0)
}

interface Figure {
  requests: number
  detail: string
  p50ms: number
}

/** Database requests (the last call's, after a warm-up call) and the p50 latency of `rounds` calls. */
async function figure(emulator: Emulator, call: () => Promise<unknown>, rounds = ROUNDS): Promise<Figure> {
  const answer = (await call()) as { ok: boolean; error?: { code: string; message: string } }
  if (!answer.ok) throw new Error(`bureau bench: ${answer.error?.code} ${answer.error?.message}`)
  const ms: number[] = []
  let requests = 0
  let detail = ''
  for (let i = 0; i < rounds; i++) {
    emulator.resetStats()
    const started = process.hrtime.bigint()
    await call()
    ms.push(Number(process.hrtime.bigint() - started) / 1e6)
    const byAction = Object.entries(emulator.stats().byAction).filter(([action]) => action.startsWith('database.'))
    requests = byAction.reduce((sum, [, n]) => sum + n, 0)
    detail = byAction.map(([action, n]) => `${action.replace('database.', '')}×${n}`).join(' ')
  }
  return { requests, detail, p50ms: [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] }
}

const MEASURES = [
  'requests.submit with a position (routing per position)',
  "requests.inbox: an officer's inbox (今日待办)",
  "requests.stationView: a station leader's station view",
  "stats.dashboard: a station leader's dashboard, this month",
  "stats.dashboard: the bureau leader's dashboard, this month",
  "stats.dashboard: a station leader's dashboard, today",
  "stats.dashboard: the bureau leader's dashboard, today",
  'notices.feed: a resident’s feed',
  "account.listOfficers: a station admin's officer list",
] as const

async function measureSide(bureau: BureauJurisdiction, residents: number): Promise<{ seeded: string; figures: Record<(typeof MEASURES)[number], Figure> }> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-bench-bureau-'))
  const emulator = await startLocalCloud({ dataDir: workDir, functionEnv: generousLimitsEnv() })
  try {
    const now = Date.now()
    const started = process.hrtime.bigint()
    const records = await seedSide(emulator, bureau, residents, now)
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const call = (fn: string, openid: string, event: Record<string, unknown>) => () => emulator.call(fn, event, { openid })
    // No rollups are seeded: "this month" is aggregated live from the records (the worst case);
    // "today" is what stays live once the hourly rollup job has caught up.
    const month = presetPeriod('month', localDay(dayjs(now)))
    const today = { from: localDay(dayjs(now)), to: localDay(dayjs(now)) }
    const positions = bureauPositions(bureau, 'inside', 12, 50)
    const submit = await submitFigures(emulator, positions, ROUNDS)
    const figures = {
      [MEASURES[0]]: { requests: submit.database, detail: submit.detail, p50ms: submit.p50ms },
      [MEASURES[1]]: await figure(emulator, call('requests', STAFF.officer.openid, { action: 'inbox' })),
      [MEASURES[2]]: await figure(emulator, call('requests', STAFF.leader.openid, { action: 'stationView' })),
      [MEASURES[3]]: await figure(emulator, call('stats', STAFF.leader.openid, { action: 'dashboard', period: month, scope: { kind: 'station' } }), 3),
      [MEASURES[4]]: await figure(emulator, call('stats', STAFF.bureauLeader.openid, { action: 'dashboard', period: month, scope: { kind: 'bureau' } }), 3),
      [MEASURES[5]]: await figure(emulator, call('stats', STAFF.leader.openid, { action: 'dashboard', period: today, scope: { kind: 'station' } })),
      [MEASURES[6]]: await figure(emulator, call('stats', STAFF.bureauLeader.openid, { action: 'dashboard', period: today, scope: { kind: 'bureau' } })),
      [MEASURES[7]]: await figure(emulator, call('notices', RESIDENT, { action: 'feed' })),
      [MEASURES[8]]: await figure(emulator, call('account', STAFF.admin.openid, { action: 'listOfficers' })),
    } as Record<(typeof MEASURES)[number], Figure>
    const stations = bureau.stations.length
    const officers = bureauOfficerRecords(bureau).length
    return { seeded: `${stations} station(s), ${stations * 20} communities, ${officers} officers, ${residents.toLocaleString('en')} residents, ${records.toLocaleString('en')} records of the year; seeded in ${seconds.toFixed(0)} s`, figures }
  } finally {
    await emulator.stop()
    rmSync(workDir, { recursive: true, force: true })
  }
}

export async function benchBureauScale(): Promise<Row[]> {
  const synthetic = syntheticBureau()
  const station = validateBureau({ ...synthetic, stations: synthetic.stations.slice(0, 1) })
  const whole = validateBureau(synthetic)
  if (!station.ok || !whole.ok) throw new Error('the generated bureau is invalid')
  const one = await measureSide(station.value, Math.round(RESIDENTS / synthetic.stations.length))
  const many = await measureSide(whole.value, RESIDENTS)
  const rows: Row[] = [{ call: 'seeded', 'one station': one.seeded, 'bureau of 25': many.seeded, 'requests same': '' }]
  for (const measure of MEASURES) {
    const [a, b] = [one.figures[measure], many.figures[measure]]
    rows.push({ call: `${measure}: database requests`, 'one station': `${a.requests} (${a.detail})`, 'bureau of 25': `${b.requests} (${b.detail})`, 'requests same': a.requests === b.requests ? 'yes' : 'NO' })
    rows.push({ call: `${measure}: p50`, 'one station': `${a.p50ms.toFixed(0)} ms`, 'bureau of 25': `${b.p50ms.toFixed(0)} ms`, 'requests same': '' })
  }
  return rows
}
