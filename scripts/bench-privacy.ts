// Personal-data figures for npm run bench (scripts/bench.ts wires this in): database requests of
// an audited reveal, the desk's lookup by phone hash, an audit-log search page, the retention job
// over 5,000 expired entries, a resident's export, and deletion of an account with a booking, a
// home visit, a dispute and a volunteer profile; and the cost of sealing itself. Figures, not pass/fail.
import { randomUUID } from 'node:crypto'
import type { Emulator } from '../emulator'
import { protect } from '../cloudfunctions/_shared/personal-data'

type Row = Record<string, string | number>
interface Envelope {
  ok: boolean
  data?: Record<string, unknown>
  error?: { code: string }
}

async function requestsOf(emulator: Emulator, run: () => Promise<unknown>) {
  emulator.resetStats()
  const result = (await run()) as Envelope
  const byAction = Object.entries(emulator.stats().byAction).filter(([action]) => action.startsWith('database.'))
  const database = byAction.reduce((sum, [, n]) => sum + n, 0)
  const detail = byAction.map(([action, n]) => `${action.replace('database.', '')}×${n}`).join(' ')
  return { database, detail, result, ok: result.ok ? 'ok' : (result.error?.code ?? '?') }
}

const EXPIRED_ENTRIES = 5_000

export async function benchPrivacy(emulator: Emulator): Promise<Row[]> {
  const rows: Row[] = []
  const row = (measure: string, value: string | number, detail = '') => rows.push({ measure, value, detail })
  const call = (fn: string, openid: string, event: Record<string, unknown>) => emulator.call(fn, event, { openid }) as Promise<Envelope>
  const resident = `bench-privacy-${randomUUID().slice(0, 8)}`
  const phone = '13847560000'

  const started = process.hrtime.bigint()
  for (let i = 0; i < 1000; i++) protect('phone', phone)
  row('protect (seal + mask + lookup hash) of one phone: µs', (Number(process.hrtime.bigint() - started) / 1e3 / 1000).toFixed(1), 'in the bench process, 1,000 rounds')

  // The demo station's counters get their slots from the daily job (idempotent: run it here).
  await emulator.runTimer('booking', 'generateSlots')
  const listed = (await call('booking', resident, { action: 'listSlots', days: 14 })).data as { slots: Array<{ id: string; bookable: boolean }> }
  const slot = listed.slots.find((s) => s.bookable)
  if (!slot) throw new Error('bench-privacy: no bookable slot in the demo station')
  const booked = await call('booking', resident, { action: 'book', slotId: slot.id, serviceId: 'id-card-renewal', requestId: randomUUID(), applicant: { relation: 'self', name: '基准居民', phone, idNumber: '11010519491231002X' } })
  const bookingId = String(booked.data?.id)
  await call('booking', resident, { action: 'requestHomeVisit', requestId: randomUUID(), serviceId: 'id-card-renewal', person: { relation: 'self', name: '基准居民', phone }, reason: 'illness', note: '卧床', communityId: 'gacha-bayanbulag', addressText: '巴音布拉格嘎查' })
  await call('mediation', resident, { action: 'fileDispute', requestId: randomUUID(), type: 'neighbour', description: '邻居的牛群进了我家草场。', applicant: { name: '基准居民', phone }, communityId: 'gacha-bayanbulag', dangerNow: false })
  await call('volunteers', resident, { action: 'apply', name: '基准居民', phone, skills: [], availability: ['weekend'], communityId: 'gacha-bayanbulag', teamId: 'team-herder-police' })

  const reveal = await requestsOf(emulator, () => call('booking', 'demo-officer-1', { action: 'revealBookingContact', bookingId }))
  row('booking.revealBookingContact (audited): database requests', reveal.database, `${reveal.detail} (${reveal.ok})`)
  const find = await requestsOf(emulator, () => call('booking', 'demo-officer-1', { action: 'findBookings', phone }))
  row('booking.findBookings by phone hash: database requests', find.database, `${find.detail} (${find.ok})`)
  const search = await requestsOf(emulator, () => call('account', 'demo-leader-1', { action: 'searchAudit', actorOpenid: 'demo-officer-1' }))
  row('account.searchAudit (one page, actor names joined): database requests', search.database, `${search.detail} (${search.ok})`)

  const old = new Date(Date.now() - 400 * 24 * 3600_000)
  await emulator.seed({ audit_log: Array.from({ length: EXPIRED_ENTRIES }, (_, i) => ({ actorOpenid: 'bench-officer', roles: ['officer'], action: 'read', collection: 'bookings', recordId: `bk_${i}`, at: old })) })
  const prune = await requestsOf(emulator, () => emulator.runTimer('account', 'pruneAuditLog'))
  row(`account.pruneAuditLog over ${EXPIRED_ENTRIES.toLocaleString('en')} expired entries: database requests`, prune.database, `${prune.detail} (${prune.ok}, removed ${String(prune.result.data?.removed)})`)

  const exported = await requestsOf(emulator, () => call('account', resident, { action: 'exportMyData' }))
  row('account.exportMyData: database requests', exported.database, `${exported.detail} (${exported.ok}, ${JSON.stringify(exported.result.data ?? {}).length} bytes)`)
  const deleted = await requestsOf(emulator, () => call('account', resident, { action: 'deleteMyAccount', confirm: 'delete-my-account' }))
  row('account.deleteMyAccount (booking, home visit, dispute, volunteer profile): database requests', deleted.database, `${deleted.detail} (${deleted.ok})`)
  return rows
}
