// Publishing and editing. A notice is one document naming its target groups, whatever the
// audience: publishing costs the caller's reads (user, officer or jurisdiction) and one insert.
// Every check runs before the only write, so a refused notice stores nothing.
import { createHash } from 'node:crypto'
import { AppError } from '../../../src/core/envelope'
import { checkValidUntil, outcomeOf, type SecurityVerdict } from '../../../src/core/notices/rules'
import { dayjs } from '../../../src/core/time'
import { _ } from '../../_shared/cloud'
import { isDuplicateKey } from '../../_shared/documents'
import { limited } from '../../_shared/rate-limit'
import type { Ctx } from '../../_shared/runtime'
import type { Input } from '../input'
import { newFanOut, NoticeDoc, noticeRecord } from '../records'
import { checkContent, refuseRisky } from '../security'
import { getNotice, notices, updated } from '../store'
import { officerNotice } from '../views'
import { ownership } from './groups'
import { stationMatch } from '../../_shared/station-scope'
import { notYours } from '../../../src/core/scope'

const PAGE = 20

function requireValidUntil(validUntil: string, now: ReturnType<Ctx['now']>) {
  const problem = checkValidUntil(dayjs(validUntil), now)
  if (problem) {
    const message = problem === 'past' ? 'must be later than now' : 'must be within a year'
    throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['validUntil'], message }])
  }
}

const review = (verdict: SecurityVerdict) => (verdict.suggest === 'pass' ? null : verdict)

export async function publish(ctx: Ctx, input: Input<'publish'>) {
  const now = ctx.now()
  requireValidUntil(input.validUntil, now)
  const { groups: owned, stationId } = await ownership(ctx)
  const foreign = input.targets.filter((g) => !owned.has(g))
  if (foreign.length > 0) throw new AppError('PERMISSION_DENIED', `You do not own the group(s) ${foreign.join(', ')}.`, undefined, { groups: foreign })
  const verdict = await checkContent(ctx.openid, input.title, input.body)
  const outcome = outcomeOf(verdict)
  if (outcome === 'blocked') refuseRisky(verdict)
  const status: 'held' | 'published' = outcome === 'held' ? 'held' : 'published'
  const doc = noticeRecord(
    {
      _id: noticeIdFor(ctx.openid, input.requestId),
      category: input.category,
      urgency: input.urgency,
      title: input.title,
      body: input.body,
      targets: input.targets,
      images: input.images ?? [],
      status,
      validUntil: dayjs(input.validUntil).toDate(),
      authorOpenid: ctx.openid,
      authorName: ctx.user.displayName,
      stationId,
      review: review(verdict),
    },
    now.toDate(),
  )
  const { _id, ...data } = doc
  try {
    // Notices per officer per hour (rate limit `notice`), counted when one is stored.
    await limited('notice', ctx.openid, now, async () => {
      await notices().add({ data: { _id, ...data } })
    })
  } catch (error) {
    // The same request again (its first answer was lost): answer the notice it made, once.
    const first = isDuplicateKey(error) ? await getNotice(_id) : null
    if (!first) throw error
    return { id: first._id, status: first.status === 'held' ? ('held' as const) : ('published' as const) }
  }
  return { id: _id, status }
}

/** One notice per (author, request): the id is derived from both, so a retry cannot publish twice. */
const noticeIdFor = (openid: string, requestId: string) => createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 32)

/** The notice, if the caller wrote it or is a leader or admin of its station (or the bureau's). */
async function editable(ctx: Ctx, noticeId: string): Promise<NoticeDoc> {
  const notice = await getNotice(noticeId)
  if (!notice) throw new AppError('NOT_FOUND', 'This notice does not exist.')
  ctx.requireOwner(notice.authorOpenid, notice.stationId)
  return notice
}

async function reload(id: string) {
  const doc = await getNotice(id)
  if (!doc) throw new AppError('NOT_FOUND', 'This notice does not exist.')
  return officerNotice(doc)
}

export async function withdraw(ctx: Ctx, input: Input<'withdraw'>) {
  const notice = await editable(ctx, input.noticeId)
  if (notice.status === 'withdrawn') return officerNotice(notice)
  // A running fan-out loses its next cursor update (it requires 'published') and stops.
  const change = { status: 'withdrawn', withdrawnAt: ctx.now().toDate(), ...(notice.fanout.state === 'none' ? {} : { 'fanout.state': 'done' }) }
  if (!updated(await notices().where({ _id: notice._id, status: _.in(['published', 'held']) }).update({ data: change }))) {
    throw new AppError('CONFLICT', 'The notice changed meanwhile; reload and try again.')
  }
  return reload(notice._id)
}

export async function correct(ctx: Ctx, input: Input<'correct'>) {
  const now = ctx.now()
  requireValidUntil(input.validUntil, now)
  const notice = await editable(ctx, input.noticeId)
  if (notice.status !== 'published' && notice.status !== 'held') throw new AppError('FAILED_PRECONDITION', 'Only a published or held notice can be corrected.', undefined, { why: notice.status })
  const verdict = await checkContent(ctx.openid, input.title, input.body)
  const outcome = outcomeOf(verdict)
  if (outcome === 'blocked') refuseRisky(verdict)
  const previous = { title: notice.title, body: notice.body, validUntil: notice.validUntil, replacedAt: now.toDate(), by: ctx.openid }
  const change = {
    title: _.set(input.title),
    body: _.set(input.body),
    validUntil: dayjs(input.validUntil).toDate(),
    editedAt: now.toDate(),
    status: outcome === 'held' ? 'held' : notice.status,
    review: review(verdict) ? _.set(review(verdict)) : null,
    history: _.push([previous]),
  }
  // Conditional on the version read: two corrections at once cannot lose one's history entry.
  if (!updated(await notices().where({ _id: notice._id, status: notice.status, editedAt: notice.editedAt }).update({ data: change }))) {
    throw new AppError('CONFLICT', 'Someone changed this notice meanwhile; reload and try again.')
  }
  return reload(notice._id)
}

export async function myNotices(ctx: Ctx, input: Input<'myNotices'>) {
  // Leaders and admins: every notice of their station (bureau roles: all); officers: their own.
  const mine = ctx.stationWide ? stationMatch(ctx) : { authorOpenid: ctx.openid }
  const before = input.before ? { createdAt: _.lt(dayjs(input.before).toDate()) } : {}
  const { data } = (await notices().where({ ...mine, ...before }).orderBy('createdAt', 'desc').limit(PAGE + 1).get()) as { data: unknown[] }
  const docs = data.map((d) => officerNotice(NoticeDoc.parse(d)))
  return { items: docs.slice(0, PAGE), more: docs.length > PAGE }
}

export async function heldNotices(ctx: Ctx) {
  const { data } = (await notices().where({ status: 'held', ...stationMatch(ctx) }).orderBy('createdAt', 'asc').limit(100).get()) as { data: unknown[] }
  return data.map((d) => officerNotice(NoticeDoc.parse(d)))
}

export async function reviewHeld(ctx: Ctx, input: Input<'reviewHeld'>) {
  const notice = await getNotice(input.noticeId)
  if (!notice) throw new AppError('NOT_FOUND', 'This notice does not exist.')
  if (!ctx.reachesStation(notice.stationId)) throw notYours()
  if (notice.status !== 'held') throw new AppError('FAILED_PRECONDITION', 'This notice is not waiting for review.', undefined, { why: notice.status })
  const now = ctx.now()
  const change =
    input.decision === 'approve'
      ? { status: 'published', publishedAt: now.toDate(), fanout: _.set(newFanOut(notice.urgency, 'published')) }
      : { status: 'rejected' }
  if (!updated(await notices().where({ _id: notice._id, status: 'held' }).update({ data: change }))) throw new AppError('CONFLICT', 'Another leader reviewed it first.')
  return reload(notice._id)
}
