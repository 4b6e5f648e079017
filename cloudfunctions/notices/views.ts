// Stored notices as the contract shows them.
import type { Language } from '../../src/core/ids'
import type { NoticeCard, NoticeView, OfficerNotice } from '../../src/core/notices/contract'
import { inLanguage, isPinned } from '../../src/core/notices/rules'
import type { Dayjs } from '../../src/core/time'
import type { NoticeDoc } from './records'

const EXCERPT_CHARS = 60

type Shown = Pick<NoticeDoc, '_id' | 'category' | 'urgency' | 'title' | 'body' | 'validUntil' | 'publishedAt' | 'editedAt'>

export function noticeCard(doc: Shown, language: Language, read: boolean, now: Dayjs): NoticeCard {
  const text = inLanguage(doc.title, doc.body, language)
  const body = [...text.body]
  return {
    id: doc._id,
    category: doc.category,
    urgency: doc.urgency,
    title: text.title,
    excerpt: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS).join('')}…` : text.body,
    language: text.language,
    publishedAt: (doc.publishedAt ?? doc.validUntil).toISOString(),
    validUntil: doc.validUntil.toISOString(),
    pinned: isPinned(doc, now),
    expired: !now.isBefore(doc.validUntil),
    edited: doc.editedAt !== null,
    read,
  }
}

export function noticeView(doc: NoticeDoc, language: Language, firstRead: boolean, groups: string[], images: string[], now: Dayjs): NoticeView {
  return { ...noticeCard(doc, language, true, now), body: inLanguage(doc.title, doc.body, language).body, editedAt: doc.editedAt?.toISOString() ?? null, firstRead, groups, images }
}

const iso = (d: Date | null) => d?.toISOString() ?? null

export const officerNotice = (doc: NoticeDoc): OfficerNotice => ({
  id: doc._id,
  category: doc.category,
  urgency: doc.urgency,
  title: doc.title,
  body: doc.body,
  targets: doc.targets,
  images: doc.images,
  status: doc.status,
  validUntil: doc.validUntil.toISOString(),
  createdAt: doc.createdAt.toISOString(),
  publishedAt: iso(doc.publishedAt),
  editedAt: iso(doc.editedAt),
  withdrawnAt: iso(doc.withdrawnAt),
  history: doc.history.map((h) => ({ title: h.title, body: h.body, validUntil: h.validUntil.toISOString(), replacedAt: h.replacedAt.toISOString() })),
  review: doc.review,
  authorName: doc.authorName,
})
