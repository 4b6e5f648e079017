// Shared by the notices suites: a test cloud, residents seeded into a community (or a topic),
// builders for a notice, and the outbox's alert messages.
import { randomUUID } from 'node:crypto'
import { newUser } from '../../cloudfunctions/_shared/user-record'
import { noticeRecord, type NoticeDoc } from '../../cloudfunctions/notices/records'
import type { Envelope } from '../../src/core/envelope'
import { dayjs } from '../../src/core/time'
import { startTestCloud, type TestCloud } from '../support/cloud'

export { startTestCloud }

export const OFFICER = 'demo-officer-1' // covers gacha-bayanbulag, gacha-ulaanhad, gacha-ulaanbulag
export const OTHER_OFFICER = 'demo-officer-2' // covers community-chaoge, community-wendur
export const LEADER = 'demo-leader-1'
export const GACHA = 'gacha-bayanbulag'

export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message} ${JSON.stringify(envelope.error.issues ?? envelope.error.details ?? '')}`)
  return envelope.data
}

export function buildNotice(overrides: Record<string, unknown> = {}) {
  return {
    category: 'anti_fraud',
    urgency: 'normal',
    title: { zh: '警惕冒充客服退款诈骗', mn: 'ᠠᠯᠠᠪᠠᠨ ᠤ ᠬᠤᠤᠷᠮᠠᠭ' },
    body: { zh: '凡是自称客服要求转账退款的，都是诈骗。', mn: 'ᠮᠥᠩᠭᠡ ᠰᠢᠯᠵᠢᠭᠦᠯᠬᠦ ᠦᠭᠡ ᠨᠢ ᠬᠤᠤᠷᠮᠠᠭ ᠮᠥᠨ ᠃' },
    targets: [GACHA],
    validUntil: dayjs().add(7, 'day').toISOString(),
    requestId: randomUUID(),
    ...overrides,
  }
}

/** `count` residents bound to `communityId`, openids `<prefix>-00001`…, in one seed. */
export async function seedResidents(cloud: TestCloud, prefix: string, count: number, communityId: string | null, language: 'zh' | 'mn' = 'zh') {
  const now = dayjs('2026-11-01T00:00:00Z')
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`)
  await cloud.emulator.seed({ users: openids.map((openid) => ({ ...newUser(openid, now), communityId, language })) })
  return openids
}

/** Reader documents: topic memberships and alert grants, seeded directly. */
export async function seedReaders(cloud: TestCloud, openids: string[], reader: { topics?: string[]; grants?: number }) {
  await cloud.emulator.seed({ notice_readers: openids.map((_id) => ({ _id, topics: reader.topics ?? [], grants: reader.grants ?? 0, read: [] })) })
}

export const alertsTo = (cloud: TestCloud, noticeId: string) =>
  cloud.emulator
    .outbox()
    .filter((e) => e.api === 'subscribeMessage.send' && String((e.data as { page?: string }).page).endsWith(`id=${noticeId}`))
    .map((e) => (e.data as { touser: string }).touser)

/** A stored notice as publishing leaves it, for states a test cannot reach through the API (the past). */
export function storedNotice(overrides: Partial<NoticeDoc> & { _id: string }): NoticeDoc {
  const at = dayjs().subtract(1, 'hour').toDate()
  const base = noticeRecord(
    { _id: overrides._id, category: 'safety_warning', urgency: 'normal', title: { zh: '已过期的预警' }, body: { zh: '这条预警已经过期。' }, targets: [GACHA], status: 'published', validUntil: dayjs().add(1, 'day').toDate(), authorOpenid: OFFICER, authorName: null, review: null },
    at,
  )
  return { ...base, ...overrides }
}
