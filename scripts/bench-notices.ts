// Notices figures for npm run bench (scripts/bench.ts wires this in): database requests of a
// publish to a 10,000-member group, of a first feed page over 2,000 notices, and the urgent
// fan-out to 10,000 members (messages per second, total time), then the same after a crash in
// the middle: duplicates and missed messages counted from the emulator's outbox.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { newUser } from '../cloudfunctions/_shared/user-record'
import { noticeRecord } from '../cloudfunctions/notices/records'
import { TOPIC_GROUP_IDS } from '../src/core/notices/groups'
import { CATEGORIES } from '../src/core/notices/rules'
import { dayjs } from '../src/core/time'

type Row = Record<string, string | number>
interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string }
}

const MEMBERS = 10_000
const FEED_NOTICES = 2_000
const BIG_GROUP = 'community-chaoge' // demo-officer-2 covers it
const OFFICER = 'demo-officer-2'
const LEADER = 'demo-leader-1'
const FEED_READER = 'bench-feed-reader'

const databaseRequests = (emulator: Emulator) =>
  Object.entries(emulator.stats().byAction)
    .filter(([action]) => action.startsWith('database.'))
    .reduce((sum, [, n]) => sum + n, 0)

async function call(emulator: Emulator, openid: string, event: Record<string, unknown>) {
  const envelope = (await emulator.call('notices', event, { openid })) as Envelope
  if (!envelope.ok) throw new Error(`notices.${event.action}: ${envelope.error?.code} ${envelope.error?.message}`)
  return envelope.data ?? {}
}

const compose = (urgency: 'normal' | 'urgent', title: string) => ({
  action: 'publish',
  category: 'anti_fraud',
  urgency,
  title: { zh: title },
  body: { zh: '凡是自称客服要求转账退款的，都是诈骗。' },
  targets: [BIG_GROUP],
  validUntil: dayjs().add(3, 'day').toISOString(),
  requestId: randomUUID(),
})

const alertsOf = (emulator: Emulator, noticeId: string) =>
  emulator
    .outbox()
    .filter((e) => e.api === 'subscribeMessage.send' && String((e.data as { page?: string }).page).endsWith(`id=${noticeId}`))
    .map((e) => (e.data as { touser: string }).touser)

/** Runs the timer until the notice's fan-out is done, as the per-minute trigger would. */
/** Runs the job until the notice's fan-out is done; `later` runs it that many ms after the real time. */
async function fanOutUntilDone(emulator: Emulator, noticeId: string, later = 0) {
  let runs = 0
  for (;;) {
    runs++
    await emulator.runTimer('notices', 'fanOutUrgent', new Date(Date.now() + later))
    const reach = await call(emulator, LEADER, { action: 'reach', noticeId })
    if ((reach.messages as { state: string }).state === 'done') return { runs, messages: reach.messages as Record<string, number> }
  }
}

export async function benchNotices(emulator: Emulator): Promise<Row[]> {
  const seededAt = dayjs('2026-11-01T00:00:00Z')
  const members = Array.from({ length: MEMBERS }, (_, i) => `bench-member-${String(i).padStart(5, '0')}`)
  await emulator.seed({
    users: [...members.map((openid) => ({ ...newUser(openid, seededAt), communityId: BIG_GROUP })), { ...newUser(FEED_READER, seededAt), communityId: 'community-wendur' }],
    // Two grants each: one for the clean fan-out, one for the fan-out that crashes.
    notice_readers: [...members.map((_id) => ({ _id, topics: [], grants: 2, read: [] })), { _id: FEED_READER, topics: [...TOPIC_GROUP_IDS], grants: 0, read: [] }],
  })
  const rows: Row[] = []

  // Publishing: a warm instance, then one publish to the 10,000-member group.
  await call(emulator, OFFICER, { action: 'groups' })
  emulator.resetStats()
  await call(emulator, OFFICER, compose('normal', '基准通知'))
  rows.push({ figure: `publish to a ${MEMBERS.toLocaleString('en')}-member group`, value: `${databaseRequests(emulator)} db requests`, goal: '≤ 5, independent of size' })

  // The feed: 2,000 notices over 10 groups, the reader in 8 of them (a community and the 7 topics: all one person can join).
  const groups = ['community-wendur', ...TOPIC_GROUP_IDS, 'gacha-bayanbulag', 'gacha-ulaanhad']
  const now = dayjs()
  await emulator.seed({
    notices: Array.from({ length: FEED_NOTICES }, (_, i) =>
      noticeRecord(
        {
          _id: `bench-notice-${i}`,
          category: CATEGORIES[i % CATEGORIES.length],
          urgency: i % 40 === 0 ? 'urgent' : 'normal',
          title: { zh: `基准通知 ${i}` },
          body: { zh: '基准正文'.repeat(20) },
          targets: [groups[i % groups.length]],
          status: 'published',
          validUntil: now.add((i % 30) - 10, 'day').toDate(),
          authorOpenid: LEADER,
          authorName: null,
          review: null,
        },
        now.subtract(i, 'minute').toDate(),
      ),
    ),
  })
  await call(emulator, FEED_READER, { action: 'feed' })
  emulator.resetStats()
  const feedStarted = process.hrtime.bigint()
  const page = await call(emulator, FEED_READER, { action: 'feed' })
  const feedMs = Number(process.hrtime.bigint() - feedStarted) / 1e6
  rows.push({ figure: `first feed page, reader in 8 groups, ${FEED_NOTICES.toLocaleString('en')} notices`, value: `${databaseRequests(emulator)} db requests, ${feedMs.toFixed(0)} ms, unread ${page.unread}`, goal: '≤ 3' })

  // The urgent fan-out, clean.
  const clean = (await call(emulator, OFFICER, compose('urgent', '紧急反诈预警'))).id as string
  emulator.resetStats()
  const started = Date.now()
  const done = await fanOutUntilDone(emulator, clean)
  const seconds = (Date.now() - started) / 1000
  const sent = alertsOf(emulator, clean)
  rows.push({
    figure: `urgent fan-out to ${MEMBERS.toLocaleString('en')} members`,
    value: `${sent.length} messages in ${seconds.toFixed(1)} s (${(sent.length / seconds).toFixed(0)}/s), ${done.runs} timer runs, ${(databaseRequests(emulator) / sent.length).toFixed(2)} db requests per message`,
    goal: 'bounded batches, resumable',
  })

  // The same with a crash half-way: kill the instance at 5,000 messages, let the lease run out, run again.
  const crashed = (await call(emulator, OFFICER, compose('urgent', '第二条紧急预警'))).id as string
  const crashStarted = Date.now()
  const firstRun = emulator.runTimer('notices', 'fanOutUrgent').catch(() => 'crashed')
  while (alertsOf(emulator, crashed).length < MEMBERS / 2) await new Promise((r) => setTimeout(r, 50))
  await emulator.crashFunction('notices')
  await firstRun
  const atCrash = alertsOf(emulator, crashed).length
  // The lease (90 s) outlives the function timeout: the job runs as if ten minutes had passed instead of waiting.
  const resumed = await fanOutUntilDone(emulator, crashed, 10 * 60_000)
  const crashSeconds = (Date.now() - crashStarted) / 1000
  const after = alertsOf(emulator, crashed)
  const received = new Set(after)
  rows.push({
    figure: 'the same, crashed at half-way and resumed',
    value: `killed at ${atCrash} messages; total ${after.length} in ${crashSeconds.toFixed(1)} s; duplicates ${after.length - received.size}, missed ${members.filter((m) => !received.has(m)).length}, in doubt ${resumed.messages.inDoubt}`,
    goal: 'duplicates 0, missed 0',
  })
  return rows
}
