// Stored shapes of the notices function, parsed wherever they are read (the database is a
// boundary). Collection names live here rather than in _shared: only this function uses them.
import * as z from 'zod/mini'
import { Category, NoticeBody, NoticeTitle, Urgency } from '../../src/core/notices/rules'
import { NoticeStatus } from '../../src/core/notices/contract'

export const NOTICE_COLLECTIONS = {
  notices: 'notices',
  /** One per person who joined a topic or granted alerts: `_id` = openid. */
  readers: 'notice_readers',
  /** One per person and notice: `_id` = `<noticeId>:<openid>` (unique). */
  receipts: 'notice_receipts',
  /** One per person and urgent notice: `_id` = `<noticeId>:<openid>` (unique). */
  deliveries: 'notice_deliveries',
  /** One per linked WeChat group chat: `_id` = opengid. */
  chats: 'notice_chats',
} as const

export const pairId = (noticeId: string, openid: string) => `${noticeId}:${openid}`

const Verdict = z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number(), keyword: z.optional(z.string()) })

export const FanOut = z.object({
  state: z.enum(['none', 'pending', 'running', 'done']),
  /** The run holding the fan-out and until when; a crashed run's lease runs out. */
  runId: z.nullable(z.string()),
  leaseUntil: z.nullable(z.date()),
  /** Position in the members of `targets[group]`: the last openid handled. */
  cursor: z.object({ group: z.number().check(z.int()), after: z.nullable(z.string()) }),
})
export type FanOut = z.infer<typeof FanOut>

export const NoticeDoc = z.object({
  _id: z.string(),
  category: Category,
  urgency: Urgency,
  title: NoticeTitle,
  body: NoticeBody,
  targets: z.array(z.string()),
  /** Cloud storage file ids (absent on notices stored before images existed). */
  images: z._default(z.array(z.string()), []),
  status: NoticeStatus,
  validUntil: z.date(),
  createdAt: z.date(),
  publishedAt: z.nullable(z.date()),
  editedAt: z.nullable(z.date()),
  withdrawnAt: z.nullable(z.date()),
  authorOpenid: z.string(),
  authorName: z.nullable(z.string()),
  /** The station whose staff published it (null: before bureaus, the first station's), or the bureau's id when bureau roles did; its leaders and admins (the bureau's roles) may correct it. */
  stationId: z._default(z.nullable(z.string()), null),
  history: z.array(z.object({ title: NoticeTitle, body: NoticeBody, validUntil: z.date(), replacedAt: z.date(), by: z.string() })),
  review: z.nullable(Verdict),
  fanout: FanOut,
})
export type NoticeDoc = z.infer<typeof NoticeDoc>

type NoticeFields = Pick<NoticeDoc, '_id' | 'category' | 'urgency' | 'title' | 'body' | 'targets' | 'status' | 'validUntil' | 'authorOpenid' | 'authorName' | 'review'> & { images?: string[]; stationId?: string | null }

/** A notice as publishing stores it at `at`; urgent published notices wait for the fan-out. */
export function noticeRecord(fields: NoticeFields, at: Date): NoticeDoc {
  return {
    ...fields,
    targets: [...new Set(fields.targets)],
    images: fields.images ?? [],
    stationId: fields.stationId ?? null,
    createdAt: at,
    publishedAt: fields.status === 'published' ? at : null,
    editedAt: null,
    withdrawnAt: null,
    history: [],
    fanout: newFanOut(fields.urgency, fields.status),
  }
}

export const newFanOut = (urgency: NoticeDoc['urgency'], status: NoticeDoc['status']): FanOut => ({
  state: urgency === 'urgent' && status === 'published' ? 'pending' : 'none',
  runId: null,
  leaseUntil: null,
  cursor: { group: 0, after: null },
})

export const ReaderDoc = z.object({
  _id: z.string(),
  topics: z._default(z.array(z.string()), []),
  /** Unused one-time subscription grants for urgent alerts. */
  grants: z._default(z.number().check(z.int()), 0),
  /** Ids of the notices read most recently (bounded), for the unread count. */
  read: z._default(z.array(z.string()), []),
  /** The grants recorded most recently (bounded): key from the person and the requestId, and the count, so a resend counts nothing. */
  grantRequests: z._default(z.array(z.object({ key: z.string(), accepted: z.number().check(z.int()) })), []),
})
export type ReaderDoc = z.infer<typeof ReaderDoc>

export const DeliveryState = z.enum(['queued', 'sending', 'sent', 'failed', 'refused', 'capped'])
export type DeliveryState = z.infer<typeof DeliveryState>

export const ChatDoc = z.object({ _id: z.string(), groupId: z.string(), linkedBy: z.string(), linkedAt: z.date() })
