// The urgent-notice fan-out (timer `fanOutUrgent`, every minute): a subscription message to each
// member of the target groups who granted one, in batches, within the function's time limit.
//
// One run at a time per notice: a run takes a lease on the notice (a conditional update) that
// outlives the function timeout, so a crashed run's lease runs out and the next run resumes at
// the notice's cursor (the last member handled in targets[group]).
//
// Per batch of members, with every write conditional:
//   1. deliveries `<noticeId>:<openid>` are inserted as `queued` (unique _id: once per person,
//      also when they are in two target groups);
//   2. a chunk is marked `sending` just before its messages go out;
//   3. outcomes are recorded (`sent` / `refused` 43101 / `failed` / `capped` past the resident's
//      daily cap), grants used up;
//   4. the cursor moves past the batch (only while the lease and 'published' hold).
// A message that fails for another reason than a refusal (system busy, …) is `failed` with its
// attempts counted; once the walk is through, the run sends them again, up to MAX_ATTEMPTS each.
// A crash leaves `queued` deliveries (never sent: the next run sends them) or `sending` ones.
// A `sending` delivery may or may not have reached WeChat, and WeChat cannot be asked, so it is
// never sent again: at most once. Such deliveries are counted "in doubt" in the reach. The window
// is one chunk of parallel sends (SEND_CHUNK), not the batch.
import { randomUUID } from 'node:crypto'
import { isTopicGroup } from '../../src/core/notices/groups'
import { _ } from '../_shared/cloud'
import { messageTime, sendSubscribeMessage, type SendOutcome } from '../_shared/subscribe-message'
import { NoticeDoc, pairId, type DeliveryState } from './records'
import { noticesSettings } from './settings'
import { deliveries, membersOf, notices, readers, updated } from './store'

export const BATCH = 200
export const SEND_CHUNK = 50
/** Stop starting batches after this long; config.json's timeout is 60 s. */
export const BUDGET_MS = 45_000
/** Longer than the function timeout, so a lease outlives the instance that took it. */
export const LEASE_MS = 90_000
/** Sends per person for a message that keeps failing (not refused) before it counts as failed. */
export const MAX_ATTEMPTS = 3

const CATEGORY_ZH = { publicity: '法治宣传', police_info: '警务信息', announcement: '通知公告', safety_warning: '安全预警', anti_fraud: '反诈预警' } as const

/** The alert through the one sender, which applies the residents' daily cap (`capped`: not sent). */
function send(openid: string, notice: NoticeDoc): Promise<SendOutcome> {
  const { alertTemplate, detailPage, miniprogramState } = noticesSettings()
  const values = { title: notice.title.zh, category: CATEGORY_ZH[notice.category], time: messageTime(notice.publishedAt ?? notice.createdAt) }
  return sendSubscribeMessage(openid, alertTemplate, values, `${detailPage}?id=${notice._id}`, miniprogramState)
}

/** Takes the lease of one notice whose fan-out is due and free; null when there is none. */
async function claimNext(runId: string, now: Date): Promise<NoticeDoc | null> {
  const free = _.or([{ 'fanout.leaseUntil': null }, { 'fanout.leaseUntil': _.lt(now) }])
  const { data } = (await notices()
    .where(_.and([{ status: 'published', 'fanout.state': _.in(['pending', 'running']) }, free]))
    .orderBy('publishedAt', 'asc')
    .limit(5)
    .get()) as { data: unknown[] }
  for (const raw of data) {
    const notice = NoticeDoc.parse(raw)
    const lease = { 'fanout.state': 'running', 'fanout.runId': runId, 'fanout.leaseUntil': new Date(now.getTime() + LEASE_MS) }
    // Conditional on the lease seen: of two runs, one wins.
    if (updated(await notices().where({ _id: notice._id, 'fanout.leaseUntil': notice.fanout.leaseUntil }).update({ data: lease }))) return notice
  }
  return null
}

export interface FanOutSummary {
  notices: number
  sent: number
  refused: number
  failed: number
  /** Not sent: the resident had their day's messages (rate limit subscribeMessage). */
  capped: number
  /** Notices not finished when the time budget ran out; the next run resumes them. */
  unfinished: number
}

async function memberPage(groupId: string, after: string | null): Promise<string[]> {
  const { data } = (await membersOf(groupId, isTopicGroup(groupId), after).orderBy('_id', 'asc').field({ _id: true }).limit(BATCH).get()) as { data: Array<{ _id: string }> }
  return data.map((m) => m._id)
}

/**
 * One run of the job: its id, its clock (the timer's time, moved on by the time the run has taken,
 * so claims, leases and records follow the injected `now`) and its deadline on the real time it has
 * spent (the function's time limit counts real seconds).
 */
interface Run {
  id: string
  now: () => Date
  inTime: () => boolean
  summary: FanOutSummary
}

async function sendBatch(notice: NoticeDoc, members: string[], run: Run) {
  const ids = members.map((openid) => pairId(notice._id, openid))
  const [{ data: existing }, { data: granted }] = (await Promise.all([
    deliveries().where({ _id: _.in(ids) }).field({ _id: true, openid: true, state: true }).limit(BATCH).get(),
    readers().where({ _id: _.in(members), grants: _.gt(0) }).field({ _id: true }).limit(BATCH).get(),
  ])) as Array<{ data: Array<{ _id: string; openid?: string; state?: DeliveryState }> }>
  const known = new Map(existing.map((d) => [d.openid ?? '', d.state]))
  const grants = new Set(granted.map((r) => r._id))
  const fresh = members.filter((openid) => !known.has(openid) && grants.has(openid))
  if (fresh.length > 0) {
    await deliveries().add({ data: fresh.map((openid) => ({ _id: pairId(notice._id, openid), noticeId: notice._id, openid, state: 'queued', runId: run.id, at: run.now() })) })
  }
  await sendChunks(notice, [...fresh, ...members.filter((openid) => known.get(openid) === 'queued')], 'queued', run)
}

/** Sends to deliveries in state `from`, a chunk at a time, each claimed as `sending` first. */
async function sendChunks(notice: NoticeDoc, openids: string[], from: 'queued' | 'failed', run: Run) {
  for (let i = 0; i < openids.length; i += SEND_CHUNK) {
    const chunk = openids.slice(i, i + SEND_CHUNK)
    await deliveries().where({ _id: _.in(chunk.map((o) => pairId(notice._id, o))), state: from }).update({ data: { state: 'sending', runId: run.id } })
    const outcomes = await Promise.all(chunk.map(async (openid) => [openid, await send(openid, notice)] as const))
    for (const state of ['sent', 'refused', 'failed', 'capped'] as const) {
      const who = outcomes.filter(([, o]) => o === state).map(([openid]) => openid)
      if (who.length === 0) continue
      run.summary[state] += who.length
      const change = state === 'failed' ? { state, at: run.now(), attempts: _.inc(1) } : { state, at: run.now() }
      await deliveries().where({ _id: _.in(who.map((o) => pairId(notice._id, o))), state: 'sending' }).update({ data: change })
      // A sent message uses one grant; a refusal means WeChat holds none for us.
      if (state === 'sent') await readers().where({ _id: _.in(who), grants: _.gt(0) }).update({ data: { grants: _.inc(-1) } })
      if (state === 'refused') await readers().where({ _id: _.in(who) }).update({ data: { grants: 0 } })
    }
  }
}

/** Moves the cursor while this run still holds the lease of a published notice. */
const moveCursor = async (noticeId: string, runId: string, change: Record<string, unknown>) =>
  updated(await notices().where({ _id: noticeId, status: 'published', 'fanout.runId': runId, 'fanout.state': 'running' }).update({ data: change }))

/** Sends the failed messages again (up to MAX_ATTEMPTS each); false when the time ran out first. */
async function retryFailed(notice: NoticeDoc, run: Run): Promise<boolean> {
  while (run.inTime()) {
    const { data } = (await deliveries()
      .where({ noticeId: notice._id, state: 'failed', attempts: _.lt(MAX_ATTEMPTS) })
      .field({ openid: true })
      .limit(BATCH)
      .get()) as unknown as { data: Array<{ openid: string }> }
    if (data.length === 0) return true
    await sendChunks(notice, data.map((d) => d.openid), 'failed', run)
  }
  return false
}

async function fanOutOne(notice: NoticeDoc, run: Run): Promise<boolean> {
  let { group, after } = notice.fanout.cursor
  while (run.inTime()) {
    if (group >= notice.targets.length) {
      if (!(await retryFailed(notice, run))) break
      await moveCursor(notice._id, run.id, { 'fanout.state': 'done', 'fanout.leaseUntil': null })
      return true
    }
    const members = await memberPage(notice.targets[group], after)
    if (members.length > 0) await sendBatch(notice, members, run)
    if (members.length < BATCH) [group, after] = [group + 1, null]
    else after = members[members.length - 1]
    if (!(await moveCursor(notice._id, run.id, { 'fanout.cursor': _.set({ group, after }), 'fanout.leaseUntil': new Date(run.now().getTime() + LEASE_MS) }))) return true
  }
  // Out of time: give the lease back so the next run resumes at once.
  await moveCursor(notice._id, run.id, { 'fanout.leaseUntil': null })
  return false
}

/** `now`: the timer's time (tests run the job at any instant, e.g. after a crashed run's lease ran out). */
export async function fanOutUrgent(now: Date): Promise<FanOutSummary> {
  const started = Date.now()
  const spent = () => Date.now() - started
  const summary: FanOutSummary = { notices: 0, sent: 0, refused: 0, failed: 0, capped: 0, unfinished: 0 }
  const run: Run = { id: randomUUID(), now: () => new Date(now.getTime() + spent()), inTime: () => spent() < BUDGET_MS, summary }
  while (run.inTime()) {
    const notice = await claimNext(run.id, run.now())
    if (!notice) break
    summary.notices++
    if (!(await fanOutOne(notice, run))) summary.unfinished++
  }
  return summary
}
