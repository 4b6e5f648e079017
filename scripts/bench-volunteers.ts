// Volunteer figures for npm run bench (scripts/bench.ts wires this in): the sign-up race (300
// concurrent sign-ups for 20 places), 20 concurrent cancellations and the promotions they cause,
// and database requests per action as the emulator counts them. Figures, not pass/fail.
import type { Emulator } from '../emulator'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { protect } from '../cloudfunctions/_shared/personal-data'
import { untouchedActivity, type ActivityDoc, type VolunteerDoc } from '../cloudfunctions/volunteers/records'
import { dayjs } from '../src/core/time'

type Row = Record<string, string | number>
interface Envelope {
  ok: boolean
  data?: { mine?: { state: string; position?: number } }
  error?: { code: string }
}

const PLACE = { lng: 106.9787, lat: 41.5873 }

/** An open patrol of the herders' team; also the load bench's activities. */
export function activity(id: string, capacity: number, startsInHours: number, code = '135790'): ActivityDoc {
  const startsAt = dayjs().add(startsInHours, 'hour').startOf('minute')
  return {
    _id: id,
    kind: 'patrol',
    title: { zh: `基准巡逻 ${id}` },
    description: { zh: '基准' },
    place: { label: { zh: '镇政府广场' }, communityId: null, point: PLACE, radiusMeters: 300 },
    startsAt: startsAt.toDate(),
    endsAt: startsAt.add(2, 'hour').toDate(),
    deadline: startsAt.subtract(30, 'minute').toDate(),
    capacity,
    skills: [],
    teamIds: ['team-herder-police'],
    seriesId: null,
    code,
    ...untouchedActivity(),
    createdBy: 'demo-officer-1',
    createdAt: new Date(),
    updatedAt: new Date(),
  }
}

/** An approved volunteer of the herders' team; also the load bench's volunteers. */
export const profile = (openid: string): VolunteerDoc => ({
  _id: openid,
  name: openid,
  phone: protect('phone', '13900000000'),
  skills: [],
  availability: ['weekend'],
  communityId: 'gacha-ulaanhad',
  teamId: 'team-herder-police',
  status: 'active',
  reason: null,
  appliedAt: new Date(),
  decidedAt: new Date(),
  decidedBy: 'demo-officer-1',
  leaderboardOptOut: false,
  holds: [],
})

function databaseRequests(emulator: Emulator) {
  const { byAction } = emulator.stats()
  const entries = Object.entries(byAction).filter(([action]) => action.startsWith('database.'))
  return { total: entries.reduce((sum, [, n]) => sum + n, 0), detail: entries.map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ') }
}

export async function benchVolunteers(emulator: Emulator): Promise<Row[]> {
  const racers = Array.from({ length: 300 }, (_, i) => `bench-vol-${String(i).padStart(3, '0')}`)
  const race = activity('act-bench-race', 20, 48)
  const single = activity('act-bench-single', 20, 72)
  const running = activity('act-bench-running', 20, -0.5)
  const now = dayjs()
  await emulator.seed({
    users: [...racers, 'bench-vol-solo'].map((openid) => ({ ...newUser(openid, now), roles: ['resident', 'volunteer'] })),
    volunteers: [...racers, 'bench-vol-solo'].map(profile),
    volunteer_activities: [race, single, { ...running, entries: [{ openid: 'bench-vol-solo', teamId: 'team-herder-police', at: new Date(), waited: false }], count: 1 }],
  })
  const call = (openid: string, action: string, input: Record<string, unknown>) => emulator.call('volunteers', { action, ...input }, { openid }) as Promise<Envelope>
  const rows: Row[] = []
  const row = (measure: string, value: string | number, detail = '') => rows.push({ measure, value, detail })
  // Warm instances, as the cloud keeps warm instances.
  await Promise.all(Array.from({ length: 8 }, () => call('bench-vol-solo', 'teams', {})))

  const measured = async (label: string, run: () => Promise<Envelope>) => {
    emulator.resetStats()
    const result = await run()
    const { total, detail } = databaseRequests(emulator)
    row(`${label}: database requests`, total, `${result.ok ? 'ok' : result.error?.code}; ${detail}`)
  }
  await measured('signUp (a place)', () => call('bench-vol-solo', 'signUp', { activityId: single._id }))
  await measured('signUp again (answers the standing)', () => call('bench-vol-solo', 'signUp', { activityId: single._id }))
  await measured('cancelSignUp (nobody waiting)', () => call('bench-vol-solo', 'cancelSignUp', { activityId: single._id }))
  await measured('checkIn (code)', () => call('bench-vol-solo', 'checkIn', { activityId: running._id, proof: { method: 'code', code: '135790' } }))
  await measured('checkOut', () => call('bench-vol-solo', 'checkOut', { activityId: running._id }))
  await measured('listActivities', () => call('bench-vol-solo', 'listActivities', {}))

  // ── The race ─────────────────────────────────────────────────────────────────────────────
  emulator.resetStats()
  const started = process.hrtime.bigint()
  const results = await Promise.all(racers.map((openid) => call(openid, 'signUp', { activityId: race._id })))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const raceRequests = databaseRequests(emulator).total
  const placed = results.filter((r) => r.data?.mine?.state === 'placed').length
  const positions = results.flatMap((r) => (r.data?.mine?.state === 'waiting' ? [r.data.mine.position!] : [])).sort((a, b) => a - b)
  const inOrder = positions.every((p, i) => p === i + 1)
  row('race: 300 concurrent sign-ups for 20 places: placed', placed, `expected 20; ${results.filter((r) => !r.ok).length} errors; ${seconds.toFixed(1)} s`)
  row('race: waitlisted', positions.length, `expected 280; positions 1…${positions.length} each once: ${inOrder ? 'yes' : 'NO'}`)
  row('race: database requests per sign-up', (raceRequests / racers.length).toFixed(2), `${raceRequests} over 300 calls (user read, one aggregation, hold, entry; retries when the count crossed capacity)`)

  // ── 20 cancellations ─────────────────────────────────────────────────────────────────────
  const view = (await call('demo-officer-1', 'roster', { activityId: race._id })) as unknown as { data: { placed: Array<{ openid: string }>; waiting: Array<{ openid: string }> } }
  const firstWaiting = view.data.waiting.slice(0, 20).map((p) => p.openid)
  emulator.resetStats()
  await Promise.all(view.data.placed.map((p) => call(p.openid, 'cancelSignUp', { activityId: race._id })))
  const cancelRequests = databaseRequests(emulator).total
  const after = (await call('demo-officer-1', 'roster', { activityId: race._id })) as unknown as { data: { placed: Array<{ openid: string }>; waiting: unknown[] } }
  const promotedRight = after.data.placed.map((p) => p.openid).join() === firstWaiting.join()
  await emulator.runTimer('volunteers', 'sendNotices')
  const messages = emulator
    .outbox()
    .filter((m) => m.api === 'subscribeMessage.send')
    .map((m) => m.data as { touser: string; template_id: string })
    .filter((m) => m.template_id === 'TEMPLATE_VOLUNTEER_PROMOTED' && firstWaiting.includes(m.touser))
  row('20 concurrent cancellations: promoted', after.data.placed.length, `expected 20, the first 20 waiting in order: ${promotedRight ? 'yes' : 'NO'}; still waiting ${after.data.waiting.length}`)
  row('promotion messages (after the notices job too)', messages.length, `expected 20, to ${new Set(messages.map((m) => m.touser)).size} distinct volunteers`)
  row('cancelSignUp with a promotion: database requests', (cancelRequests / 20).toFixed(2), 'user read, aggregation, pull, hold release, promotion mark')
  return rows
}
