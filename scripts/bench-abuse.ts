// Abuse-limit and content-security figures for npm run bench (scripts/bench.ts wires this in):
// what the limiter, the message cap and the checks add to an action, in database requests and
// WeChat (openapi) requests per call, counted by the emulator. The bench runs with every limit out
// of reach, so these are the costs of calls that pass; refused calls write nothing (proved in
// test/integration/abuse-limits.test.ts).
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { dayjs } from '../src/core/time'

type Row = Record<string, string | number>

const requestsOf = (emulator: Emulator) => {
  const byAction = Object.entries(emulator.stats().byAction)
  const sum = (prefix: string) => byAction.filter(([action]) => action.startsWith(prefix)).reduce((total, [, n]) => total + n, 0)
  return { db: sum('database.'), openapi: sum('wx.openApi') }
}

/** One call's requests, the pushes it causes (media verdicts) included. */
async function measure(emulator: Emulator, what: string, run: () => Promise<unknown>, note = ''): Promise<Row> {
  emulator.resetStats()
  const answer = (await run()) as { ok?: boolean; error?: { code: string } } | string
  await emulator.resolveMediaChecks()
  const { db, openapi } = requestsOf(emulator)
  const outcome = typeof answer === 'string' ? answer : answer.ok ? 'ok' : answer.error?.code ?? '?'
  return { call: what, outcome, 'db requests': db, 'openapi requests': openapi, note }
}

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

export async function benchAbuse(emulator: Emulator): Promise<Row[]> {
  const rows: Row[] = []
  const notice = (images: string[]) => ({
    action: 'publish',
    category: 'publicity',
    urgency: 'normal',
    title: { zh: '冬季防火' },
    body: { zh: '冬季草原防火，请勿野外用火。' },
    targets: ['gacha-bayanbulag'],
    validUntil: dayjs().add(7, 'day').toISOString(),
    images,
    requestId: randomUUID(),
  })
  await emulator.call('account', { action: 'me' }, { openid: 'bench-guesser' })
  rows.push(await measure(emulator, 'account.redeemInvite, a wrong code', () => emulator.call('account', { action: 'redeemInvite', code: 'ABCDEFGH' }, { openid: 'bench-guesser' }), 'the user read with the invite and both counters joined; per counter an insert when the join did not see it, a guarded update when it did'))
  rows.push(await measure(emulator, 'account.redeemInvite, a wrong code again', () => emulator.call('account', { action: 'redeemInvite', code: 'ABCDEFGJ' }, { openid: 'bench-guesser' }), 'the joined read; a guarded update per counter (the join saw both)'))
  const book = (slotId: string) => () =>
    emulator.call('booking', { action: 'book', slotId, serviceId: 'id-card-first', requestId: randomUUID(), applicant: { relation: 'self', name: '测试居民', phone: '13900001234' } }, { openid: 'bench-booker' })
  const listed = (await emulator.call('booking', { action: 'listSlots' }, { openid: 'bench-booker' })) as { data: { slots: Array<{ id: string; remaining: number }> } }
  const [first, second] = listed.data.slots.filter((slot) => slot.remaining > 0).slice(-2)
  rows.push(await measure(emulator, 'booking.book, the resident’s first of the day', book(first.id), 'both counters (booking, confirmation message) created: an insert each'))
  rows.push(await measure(emulator, 'booking.book, the second of the day', book(second.id), 'per counter: an insert refused as it exists, then a guarded update'))
  rows.push(await measure(emulator, 'notices.publish, the officer’s first of the hour', () => emulator.call('notices', notice([]), { openid: 'demo-officer-1' }), 'msgSecCheck; counter: an insert'))
  rows.push(await measure(emulator, 'notices.publish, the second of the hour', () => emulator.call('notices', notice([]), { openid: 'demo-officer-1' }), 'counter: an insert refused as it exists, then a guarded update'))
  let fileID = ''
  rows.push(
    await measure(emulator, 'notices.uploadImage + its pushed verdict', async () => {
      const answer = (await emulator.call('notices', { action: 'uploadImage', base64: PNG, requestId: randomUUID() }, { openid: 'demo-officer-1' })) as { ok: boolean; data: { fileID: string } }
      fileID = answer.data.fileID
      return answer
    }, 'user read, lookup by request key, upload, check insert, trace id; the push: lookup by trace id, verdict'),
  )
  const published = (await emulator.call('notices', notice([fileID]), { openid: 'demo-officer-1' })) as { data: { id: string } }
  rows.push(await measure(emulator, 'notices.read of a notice with 1 image', () => emulator.call('notices', { action: 'read', noticeId: published.data.id }, { openid: 'demo-resident-1' }), '1 query of media_checks before the temp URL'))
  rows.push(
    await measure(emulator, 'booking.requestHomeVisit (note + address checked)', () =>
      emulator.call(
        'booking',
        { action: 'requestHomeVisit', requestId: randomUUID(), serviceId: 'id-card-renewal', person: { relation: 'family', name: '其木格的父亲', phone: '13947112345', idNumber: '11010519491231002X' }, reason: 'age', note: '父亲腿脚不便', addressText: '巴音布拉格嘎查三组' },
        { openid: 'demo-resident-1' },
      ),
    '1 msgSecCheck for both fields'),
  )
  rows.push(await measure(emulator, 'security.sweep (timer)', () => emulator.runTimer('security', 'sweep'), 'ended counters: 1 remove; checks never requested: 1 query'))
  return rows
}
