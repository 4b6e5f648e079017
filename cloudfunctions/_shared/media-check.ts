// Pictures people upload are checked by WeChat's content security, asynchronously: the uploader's
// function asks security.mediaCheckAsync for a verdict (it answers a trace id), and WeChat pushes
// the verdict later (`wxa_media_check`) to the security function, configured as the message-push
// receiver. A picture is hidden until it passes: readers get its address only when its check says
// `pass` (passedFiles), or the verdict itself adds the file to its record (`release`).
//
// One media_checks document per file (its id derived from the file id, so asking twice is one
// check). The verdict is matched by the trace id, which only the server ever sees: a forged push
// can name no real check, and it can only update (never create) a check document.
import { createHash } from 'node:crypto'
import * as z from 'zod/mini'
import type { Dayjs } from '../../src/core/time'
import { _, cloud, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey } from './documents'

export const MEDIA_VERDICTS = ['pending', 'pass', 'review', 'risky'] as const

/** Where a passed picture goes: appended to a list field of the record it belongs to. */
export interface Release {
  collection: string
  id: string
  field: string
}

/** mediaCheckAsync's scenes (as msgSecCheck's): 1 profile, 2 comment, 3 forum, 4 social log. */
export type MediaScene = 1 | 2 | 3 | 4

export const MediaCheckDoc = z.object({
  _id: z.string(),
  fileID: z.string(),
  uploader: z.string(),
  purpose: z.string(),
  release: z.nullable(z.object({ collection: z.string(), id: z.string(), field: z.string() })),
  status: z.enum(MEDIA_VERDICTS),
  label: z.nullable(z.number()),
  traceId: z.nullable(z.string()),
  scene: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  createdAt: z.date(),
  checkedAt: z.nullable(z.date()),
  /** From the uploader and the requestId of an upload that carries one (notice images): a resend finds its file. */
  requestKey: z.optional(z.string()),
  /**
   * The station whose leaders review the picture: the station of the record it belongs to (a
   * request's, a case's), else the uploader's (a notice picture: the publishing staff's); null:
   * bureau-level (bureau staff, a request no station took); missing: made before stations (the
   * first station's).
   */
  stationId: z.optional(z.nullable(z.string())),
})
export type MediaCheckDoc = z.infer<typeof MediaCheckDoc>

/** Stored as the uploader of an anonymous filer's picture. */
export const ANONYMOUS_UPLOADER = 'anonymous'

const checks = () => db.collection(COLLECTIONS.mediaChecks)
const idOf = (fileID: string) => createHash('sha256').update(fileID).digest('hex').slice(0, 32)

/**
 * Asks for a verdict on an uploaded picture. Never fails the upload: when WeChat cannot be asked,
 * the check stays pending without a trace id and the picture stays hidden.
 */
export async function startMediaCheck(file: { fileID: string; uploader: string; purpose: string; scene: MediaScene; stationId: string | null; release?: Release; anonymous?: boolean; requestKey?: string }, now: Dayjs): Promise<void> {
  const id = idOf(file.fileID)
  // An anonymous filer's picture is checked under their openid (WeChat's check needs it) but the
  // stored check names nobody, so it cannot tie the person to the record it is released to.
  const doc: MediaCheckDoc = { _id: id, fileID: file.fileID, uploader: file.anonymous ? ANONYMOUS_UPLOADER : file.uploader, purpose: file.purpose, stationId: file.stationId, release: file.release ?? null, status: 'pending', label: null, traceId: null, scene: file.scene, createdAt: now.toDate(), checkedAt: null, ...(file.requestKey ? { requestKey: file.requestKey } : {}) }
  try {
    await checks().add({ data: doc })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // Checked before (the same file again): at most attach the record it belongs to now. Set
    // first, read after, so a verdict landing in between is released by one side or the other.
    if (file.release) {
      await checks().where({ _id: id, release: null }).update({ data: { release: file.release } })
      const { data } = (await checks().where({ _id: id }).limit(1).get()) as { data: unknown[] }
      const known = data[0] ? MediaCheckDoc.parse(data[0]) : null
      if (known?.status === 'pass' && known.release) await release(known.release, known.fileID)
    }
    return
  }
  await requestVerdict(doc, file.scene, file.uploader)
}

/** Asks WeChat for the verdict and keeps the trace id; false (logged) when WeChat could not be asked. */
async function requestVerdict(doc: Pick<MediaCheckDoc, '_id' | 'fileID' | 'uploader'>, scene: MediaScene, openid = doc.uploader): Promise<boolean> {
  // A retry cannot ask for an anonymous upload: no openid was kept. Its picture stays hidden.
  if (openid === ANONYMOUS_UPLOADER) return false
  try {
    const { fileList } = (await cloud.getTempFileURL({ fileList: [doc.fileID] })) as { fileList: Array<{ tempFileURL?: string }> }
    const mediaUrl = fileList[0]?.tempFileURL
    if (!mediaUrl) throw new Error(`no download address for ${doc.fileID}`)
    // media_type 2 = image; version 2 needs the uploader's openid and a scene.
    const answer = (await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene, openid })) as { traceId?: string }
    if (!answer.traceId) throw new Error('mediaCheckAsync answered no trace id')
    await checks().doc(doc._id).update({ data: { traceId: answer.traceId } })
    return true
  } catch (error) {
    console.error('[media-check] not requested; the picture stays hidden', doc.fileID, (error as Error).message)
    return false
  }
}

/**
 * Asks again for checks WeChat could not be asked for (no trace id) after `olderThan`, a batch at
 * a time; safe to run twice (a request only adds a trace id to a still pending check).
 */
export async function retryUnrequested(olderThan: Date, batch: number): Promise<{ retried: number; requested: number }> {
  const { data } = (await checks().where({ status: 'pending', createdAt: _.lt(olderThan), traceId: null }).orderBy('createdAt', 'desc').limit(batch).get()) as { data: unknown[] }
  let requested = 0
  for (const raw of data) {
    const doc = MediaCheckDoc.parse(raw)
    if (await requestVerdict(doc, doc.scene)) requested++
  }
  return { retried: data.length, requested }
}

/** The file an upload with this request key stored (its check names the uploader), or null. */
export async function fileOfRequest(uploader: string, requestKey: string): Promise<string | null> {
  const { data } = (await checks().where({ uploader, requestKey }).field({ fileID: true }).limit(1).get()) as { data: unknown[] }
  return data[0] ? z.object({ fileID: z.string() }).parse(data[0]).fileID : null
}

/** The files among `fileIDs` whose check passed: only these may be shown. */
export async function passedFiles(fileIDs: string[]): Promise<Set<string>> {
  if (fileIDs.length === 0) return new Set()
  const { data } = (await checks().where({ _id: _.in(fileIDs.map(idOf)), status: 'pass' }).field({ fileID: true }).limit(fileIDs.length).get()) as { data: unknown[] }
  return new Set(data.map((d) => z.object({ fileID: z.string() }).parse(d).fileID))
}

/** WeChat's push (message push, JSON, version 2): the fields the verdict needs. */
export const MediaCheckEvent = z.looseObject({
    MsgType: z.literal('event'),
    Event: z.literal('wxa_media_check'),
    trace_id: z.string().check(z.minLength(1), z.maxLength(128)),
    result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number() }),
})

export const isMediaCheckEvent = (event: unknown): boolean => typeof event === 'object' && event !== null && (event as { Event?: unknown }).Event === 'wxa_media_check'

/** Adds a passed file to its record's list; adding twice keeps one. */
async function release(to: Release, fileID: string) {
  await db.collection(to.collection).doc(to.id).update({ data: { [to.field]: _.addToSet(fileID) } })
}

/** The push can arrive before the asking function stored the trace id: look again a few times. */
const LOOKUPS_MS = [0, 100, 300, 600, 1000]

async function checkByTrace(traceId: string): Promise<MediaCheckDoc | null> {
  for (const wait of LOOKUPS_MS) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait))
    const { data } = (await checks().where({ traceId }).limit(1).get()) as { data: unknown[] }
    if (data[0]) return MediaCheckDoc.parse(data[0])
  }
  return null
}

/** Records a pushed verdict once (pending → verdict) and releases a passed picture to its record. */
export async function recordMediaVerdict(event: unknown, now: Dayjs): Promise<{ recorded: boolean; status?: MediaCheckDoc['status'] }> {
  const parsed = MediaCheckEvent.safeParse(event)
  if (!parsed.success) return { recorded: false }
  const check = await checkByTrace(parsed.data.trace_id)
  if (!check) {
    console.warn('[media-check] a verdict for no known check', parsed.data.trace_id)
    return { recorded: false }
  }
  const { suggest, label } = parsed.data.result
  const result = await checks().where({ _id: check._id, status: 'pending' }).update({ data: { status: suggest, label, checkedAt: now.toDate() } })
  const changed = ((result as { stats?: { updated?: number } }).stats?.updated ?? 0) > 0
  const status = changed ? suggest : check.status
  // Also when the verdict was recorded before (a repeated push): releasing twice adds the file once.
  if (status === 'pass' && check.release) await release(check.release, check.fileID)
  return { recorded: changed, status }
}

/** Checks in one state, newest first, for the admins' review; `stationConditions` keep them to a station's (stationOrBureauMatch). */
export async function checksIn(status: MediaCheckDoc['status'], limit: number, stationConditions: object[]): Promise<MediaCheckDoc[]> {
  const where = stationConditions.length > 0 ? _.and([{ status }, ...stationConditions]) : { status }
  const { data } = (await checks().where(where).orderBy('createdAt', 'desc').limit(limit).get()) as { data: unknown[] }
  return data.map((d) => MediaCheckDoc.parse(d))
}
