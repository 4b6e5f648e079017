// The notices function: police notices (publicity, police info, announcements, safety warnings,
// anti-fraud alerts) published once to community and topic groups and read in one feed;
// receipts, reach per group and per linked WeChat chat, urgent subscription messages.
import * as z from 'zod/mini'
import { defineFunction } from '../contract'
import { DocId, Language, RequestId } from '../ids'
import { LocalizedName } from '../jurisdiction/primitives'
import { ANYONE, STAFF } from '../roles'
import { TopicGroupId } from './groups'
import { Category, FeedCursor, LIMITS, NoticeBody, NoticeImageId, NoticeTitle, Urgency } from './rules'

const LEADERS = ['station_leader', 'admin', 'bureau_leader', 'bureau_admin'] as const

/** A community's id, or a topic group's (`topic-<topic>_<stationId>`: a station id of up to 64 characters and the topic). */
export const GroupId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be a group id of letters, digits, - or _'))
/** An ISO 8601 instant with its offset, e.g. 2026-12-01T16:00:00Z. */
export const Instant = z.iso.datetime({ offset: true })

/**
 * What the cloud puts in the event for a `Taro.cloud.CloudID(cloudID)` from wx.getGroupEnterInfo:
 * the id and its decrypted open data (the chat's opengid, with WeChat's watermark).
 */
export const GroupChat = z.strictObject({
  cloudID: z.string().check(z.minLength(1), z.maxLength(512)),
  data: z.strictObject({
    opengid: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a WeChat group id')),
    watermark: z.optional(z.strictObject({ appid: z.string().check(z.maxLength(64)), timestamp: z.number() })),
  }),
})
export type GroupChat = z.infer<typeof GroupChat>

export const NoticeStatus = z.enum(['published', 'held', 'rejected', 'withdrawn'])
export type NoticeStatus = z.infer<typeof NoticeStatus>

export const NoticeCard = z.object({
  id: DocId,
  category: Category,
  urgency: Urgency,
  title: z.string(),
  /** The first lines of the body, for the list. */
  excerpt: z.string(),
  language: Language,
  publishedAt: z.string(),
  validUntil: z.string(),
  pinned: z.boolean(),
  expired: z.boolean(),
  edited: z.boolean(),
  read: z.boolean(),
})
export type NoticeCard = z.infer<typeof NoticeCard>

export const FeedPage = z.object({ items: z.array(NoticeCard), nextCursor: z.nullable(z.string()), unread: z.number().check(z.int()) })
export type FeedPage = z.infer<typeof FeedPage>

export const NoticeView = z.extend(NoticeCard, {
  body: z.string(),
  editedAt: z.nullable(z.string()),
  firstRead: z.boolean(),
  /** The reader's groups the notice went to: a share card names one, to link the chat it lands in. */
  groups: z.array(GroupId),
  /** Temporary download addresses of the notice's images. */
  images: z.array(z.string()),
})
export type NoticeView = z.infer<typeof NoticeView>

export const GroupView = z.object({
  id: GroupId,
  kind: z.enum(['community', 'gacha', 'topic']),
  /** Community names come from the jurisdiction; topic names from the app's catalogs. */
  name: z.nullable(LocalizedName),
  /** A topic group of the whole bureau (every station's residents may join it). */
  bureauWide: z.boolean(),
  /** The station of a station's topic group; null for community and bureau-wide groups. */
  station: z.nullable(LocalizedName),
  joined: z.boolean(),
  /** Filled for the groups the caller owns. */
  members: z.nullable(z.number().check(z.int())),
  linkedChats: z.nullable(z.number().check(z.int())),
})
export type GroupView = z.infer<typeof GroupView>

export const GroupsAnswer = z.object({
  mine: z.array(GroupView),
  /** The topic groups the caller may join (their station's and the bureau's), then any they joined at a station they left. */
  topics: z.array(GroupView),
  /** Groups the caller may publish to (staff only). */
  owned: z.array(GroupView),
  /** Urgent alerts the resident allowed and that were not yet used (WeChat one-time subscriptions). */
  alertGrants: z.number().check(z.int()),
})
export type GroupsAnswer = z.infer<typeof GroupsAnswer>

export const Compose = z.strictObject({
  category: Category,
  urgency: Urgency,
  title: NoticeTitle,
  body: NoticeBody,
  targets: z.array(GroupId).check(z.minLength(1, 'choose at least one group'), z.maxLength(LIMITS.targets)),
  validUntil: Instant,
  images: z.optional(z.array(NoticeImageId).check(z.maxLength(LIMITS.images))),
})
export type Compose = z.infer<typeof Compose>

export const PublishAnswer = z.object({ id: DocId, status: z.enum(['published', 'held']) })

export const MessageCounts = z.object({
  state: z.enum(['none', 'pending', 'running', 'done']),
  sent: z.number().check(z.int()),
  failed: z.number().check(z.int()),
  refused: z.number().check(z.int()),
  /** Not sent: the resident had had the day's subscription messages (the abuse limit). */
  capped: z.number().check(z.int()),
  /** Claimed for sending when an instance crashed: never sent again (at most once). */
  inDoubt: z.number().check(z.int()),
})

export const OfficerNotice = z.object({
  id: DocId,
  category: Category,
  urgency: Urgency,
  title: NoticeTitle,
  body: NoticeBody,
  targets: z.array(GroupId),
  images: z.array(z.string()),
  status: NoticeStatus,
  validUntil: z.string(),
  createdAt: z.string(),
  publishedAt: z.nullable(z.string()),
  editedAt: z.nullable(z.string()),
  withdrawnAt: z.nullable(z.string()),
  /** Earlier versions, oldest first, kept when a notice is corrected. */
  history: z.array(z.object({ title: NoticeTitle, body: NoticeBody, validUntil: z.string(), replacedAt: z.string() })),
  review: z.nullable(z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number(), keyword: z.optional(z.string()) })),
  authorName: z.nullable(z.string()),
})
export type OfficerNotice = z.infer<typeof OfficerNotice>

export const Reach = z.object({
  noticeId: DocId,
  members: z.number().check(z.int()),
  readers: z.number().check(z.int()),
  percent: z.number().check(z.int()),
  groups: z.array(z.object({ groupId: GroupId, name: z.nullable(LocalizedName), members: z.number().check(z.int()), readers: z.number().check(z.int()), percent: z.number().check(z.int()) })),
  chats: z.array(z.object({ opengid: z.string(), groupId: GroupId, readers: z.number().check(z.int()) })),
  messages: MessageCounts,
})
export type Reach = z.infer<typeof Reach>

const NoticeRef = { noticeId: DocId }

export const noticesContract = defineFunction('notices', {
  groups: {
    summary: 'The caller’s groups (community + joined topics), the topic groups of their station and the bureau, and for staff the groups they own with members and linked chats.',
    input: z.object({}),
    output: GroupsAnswer,
    roles: ANYONE, scope: 'own',
  },
  joinGroup: { summary: 'Join a topic group of the caller’s station or a bureau-wide one (herders, shop owners, anti-fraud, …); another station’s is PERMISSION_DENIED.', input: z.object({ groupId: TopicGroupId }), output: z.object({ topics: z.array(GroupId) }), roles: ANYONE, scope: 'own' },
  leaveGroup: { summary: 'Leave a topic group.', input: z.object({ groupId: TopicGroupId }), output: z.object({ topics: z.array(GroupId) }), roles: ANYONE, scope: 'own' },
  grantAlerts: {
    summary: 'Record that the resident accepted the urgent-alert subscription (one message per acceptance). Retrying with the same requestId counts nothing again; the same requestId with another count is INVALID_ARGUMENT.',
    input: z.object({ accepted: z.number().check(z.int(), z.gte(1), z.lte(5)), requestId: RequestId }),
    output: z.object({ alertGrants: z.number().check(z.int()) }),
    roles: ANYONE, scope: 'own',
  },
  linkChat: {
    summary: 'Link the WeChat group chat a share card was opened in (opengid) to the group it was shared for.',
    input: z.object({ groupId: GroupId, chat: GroupChat }),
    output: z.object({ groupId: GroupId, opengid: z.string(), linked: z.boolean() }),
    roles: ANYONE, scope: 'communities',
  },
  feed: {
    summary: 'One feed across the caller’s groups: pinned urgent warnings, then newest first; cursor pages; unread count.',
    input: z.object({ cursor: z.optional(FeedCursor), limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), 10) }),
    output: FeedPage,
    roles: ANYONE, scope: 'own',
  },
  read: {
    summary: 'A notice in the reader’s language; records the receipt once per person (and the chat it was opened from).',
    input: z.object({ ...NoticeRef, chat: z.optional(GroupChat) }),
    output: NoticeView,
    roles: ANYONE, scope: 'own',
  },
  uploadImage: {
    summary: 'Store a PNG or JPEG (≤ 512 KB, checked by content security) for a notice; answers its file id. Retrying with the same requestId answers the first file id and stores nothing; the same requestId with another picture is INVALID_ARGUMENT.',
    input: z.object({ base64: z.string().check(z.maxLength(Math.ceil((LIMITS.imageBytes * 4) / 3) + 4), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')), requestId: RequestId }),
    output: z.object({ fileID: NoticeImageId }),
    roles: STAFF, scope: 'station',
    maxBytes: 800 * 1024,
  },
  publish: {
    summary: 'Publish to owned groups after content security: risky is refused with the reason, review is held for a leader. Retrying with the same requestId answers the first notice.',
    input: z.extend(Compose, { requestId: RequestId }),
    output: PublishAnswer,
    roles: STAFF, scope: 'communities',
    maxBytes: 32 * 1024,
  },
  correct: {
    summary: 'Correct a published notice: checked again, marked edited, the earlier text kept in its history.',
    input: z.object({ ...NoticeRef, title: NoticeTitle, body: NoticeBody, validUntil: Instant }),
    output: OfficerNotice,
    roles: STAFF, scope: 'communities',
    maxBytes: 32 * 1024,
  },
  withdraw: { summary: 'Withdraw a notice: gone from feeds, receipts kept.', input: z.object(NoticeRef), output: OfficerNotice, roles: STAFF, scope: 'communities' },
  myNotices: {
    summary: 'Notices the caller wrote (leaders and admins: every notice), newest first.',
    input: z.object({ before: z.optional(Instant) }),
    output: z.object({ items: z.array(OfficerNotice), more: z.boolean() }),
    roles: STAFF, scope: 'communities',
  },
  reach: { summary: 'Members, readers and reach rate per group and per linked chat; subscription messages sent, failed and refused.', input: z.object(NoticeRef), output: Reach, roles: STAFF, scope: 'communities' },
  heldNotices: { summary: 'Notices content security held for review.', input: z.object({}), output: z.array(OfficerNotice), roles: LEADERS, scope: 'station' },
  reviewHeld: {
    summary: 'Approve (publish now) or reject a held notice.',
    input: z.object({ ...NoticeRef, decision: z.enum(['approve', 'reject']) }),
    output: OfficerNotice,
    roles: LEADERS, scope: 'station',
  },
})
