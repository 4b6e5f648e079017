// Pure notice rules: what a notice may say and for how long, what content security's answer
// means, which notices are pinned, the feed's order and cursor, and the reader's language.
import * as z from 'zod/mini'
import type { Language } from '../ids'
import type { Dayjs } from '../time'

export const CATEGORIES = ['publicity', 'police_info', 'announcement', 'safety_warning', 'anti_fraud'] as const
export const Category = z.enum(CATEGORIES)
export type Category = z.infer<typeof Category>

export const Urgency = z.enum(['normal', 'urgent'])
export type Urgency = z.infer<typeof Urgency>

/**
 * Field limits. security.msgSecCheck (v2) checks at most 2,500 characters of content, so a body
 * is never longer; a title stays short enough to read as a list line (WeChat's own article
 * titles stop at 64). Traditional Mongolian spells longer (vowel separators, variation
 * selectors count as characters), so its title may be twice as long.
 */
export const LIMITS = { titleZh: 40, titleMn: 80, body: 2500, targets: 21, validDaysMax: 366, images: 3, imageBytes: 512 * 1024 } as const

/** A stored notice image: a cloud storage file id under notices/ (what uploadImage answers). */
export const NoticeImageId = z.string().check(z.regex(/^cloud:\/\/[A-Za-z0-9._-]{1,128}\/notices\/[a-f0-9]{32}\.(png|jpg)$/, 'must be an image uploaded for a notice'))

export type ImageKind = 'png' | 'jpg'

/** The picture's real type from its first bytes (PNG or JPEG); null for anything else. */
export function imageKindOf(bytes: Uint8Array): ImageKind | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  return null
}

const chars = (s: string) => [...s].length
const text = (max: number) =>
  z
    .string().check(z.trim(), z.minLength(1, 'must not be empty'), z.refine((s) => chars(s) <= max, `must be at most ${max} characters`))

export const NoticeTitle = z.strictObject({ zh: text(LIMITS.titleZh), mn: z.optional(text(LIMITS.titleMn)) })
export const NoticeBody = z.strictObject({ zh: text(LIMITS.body), mn: z.optional(text(LIMITS.body)) })
export type NoticeTitle = z.infer<typeof NoticeTitle>
export type NoticeBody = z.infer<typeof NoticeBody>

/** A notice's text in the reader's language when it was written in it, else in Chinese. */
export function inLanguage(title: NoticeTitle, body: NoticeBody, language: Language): { title: string; body: string; language: Language } {
  if (language === 'mn' && title.mn && body.mn) return { title: title.mn, body: body.mn, language: 'mn' }
  return { title: title.zh, body: body.zh, language: 'zh' }
}

export type ValidityProblem = 'past' | 'too_far'

/** A notice must still be valid when it goes out, and for at most a year. */
export function checkValidUntil(validUntil: Dayjs, now: Dayjs): ValidityProblem | null {
  if (!validUntil.isAfter(now)) return 'past'
  if (validUntil.isAfter(now.add(LIMITS.validDaysMax, 'day'))) return 'too_far'
  return null
}

/** security.msgSecCheck v2's verdict per text; the strictest one decides. */
export type Suggest = 'pass' | 'review' | 'risky'
export interface SecurityVerdict {
  suggest: Suggest
  label: number
  keyword?: string
}

const SEVERITY: Record<Suggest, number> = { pass: 0, review: 1, risky: 2 }

export function strictestVerdict(verdicts: readonly SecurityVerdict[]): SecurityVerdict {
  return verdicts.reduce<SecurityVerdict>((worst, v) => (SEVERITY[v.suggest] > SEVERITY[worst.suggest] ? v : worst), { suggest: 'pass', label: 100 })
}

/** risky → refused with the reason; review → held for a station leader; pass → published. */
export const outcomeOf = (verdict: SecurityVerdict): 'blocked' | 'held' | 'published' =>
  verdict.suggest === 'risky' ? 'blocked' : verdict.suggest === 'review' ? 'held' : 'published'

/** Urgent notices stay on top of the feed while they are valid. */
export const isPinned = (notice: { urgency: Urgency; validUntil: Date }, now: Dayjs) => notice.urgency === 'urgent' && now.isBefore(notice.validUntil)

/** Feed position: pinned first, then newest first, ties broken by id (all descending). */
export interface FeedKey {
  pinned: boolean
  publishedAt: Date
  id: string
}

export function compareFeed(a: FeedKey, b: FeedKey): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  if (a.publishedAt.getTime() !== b.publishedAt.getTime()) return b.publishedAt.getTime() - a.publishedAt.getTime()
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

const CURSOR = /^([01])\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/

/** An opaque page cursor: the feed key of the last notice shown. */
export const FeedCursor = z.string().check(z.regex(CURSOR, 'must be a cursor from a previous page'))

export const encodeCursor = (key: FeedKey) => `${key.pinned ? 1 : 0}.${key.publishedAt.getTime()}.${key.id}`

export function decodeCursor(cursor: string): FeedKey {
  const m = CURSOR.exec(cursor)
  if (!m) throw new Error('not a feed cursor')
  return { pinned: m[1] === '1', publishedAt: new Date(Number(m[2])), id: m[3] }
}

/** Share of members who read, as a whole percentage (0 when a group has no members). */
export const reachPercent = (readers: number, members: number) => (members === 0 ? 0 : Math.round((readers / members) * 100))
