// Notice images in cloud storage (cloud.uploadFile): checked for their real type and size before
// they are stored, then by content security (security.mediaCheckAsync, asynchronous: see
// ../_shared/media-check.ts); shown through temporary URLs only once their check passed.
import { createHash } from 'node:crypto'
import { AppError } from '../../src/core/envelope'
import { imageKindOf, LIMITS } from '../../src/core/notices/rules'
import { cloud } from '../_shared/cloud'
import { fileOfRequest, passedFiles, startMediaCheck } from '../_shared/media-check'
import { idForRequest } from '../_shared/personal-data'
import type { Ctx } from '../_shared/runtime'
import { staffStationId } from '../_shared/station-scope'
import type { Input } from './input'

/** mediaCheckAsync scene 3 ("forum"): public posts that many people read. */
const SCENE_PUBLIC_POST = 3

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/**
 * Idempotent on the requestId: the file's path derives from the uploader, the requestId and the
 * picture's bytes, and its content check (one per file) carries the request's key. A resend finds
 * that check and answers its file id, storing nothing; a resend racing the first uploads the same
 * bytes to the same path (one file) and finds the check already there (one check, one verdict
 * asked). The same requestId with another picture names another path: refused.
 */
export async function uploadImage(ctx: Ctx, input: Input<'uploadImage'>) {
  const bytes = Buffer.from(input.base64, 'base64')
  const kind = imageKindOf(bytes)
  if (!kind) throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['base64'], message: 'must be a PNG or JPEG picture' }])
  if (bytes.length > LIMITS.imageBytes) throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['base64'], message: `must be at most ${LIMITS.imageBytes / 1024} KB` }])
  const requestKey = idForRequest('', ctx.openid, input.requestId)
  const cloudPath = `notices/${sha256(`${requestKey}\n${sha256(bytes)}`).slice(0, 32)}.${kind}`
  const earlier = await fileOfRequest(ctx.openid, requestKey)
  if (earlier !== null) {
    if (!earlier.endsWith(`/${cloudPath}`)) throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for another picture; use a new requestId.', [{ path: ['requestId'], message: 'already used for another picture' }])
    return { fileID: earlier }
  }
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes })
  await startMediaCheck({ fileID, uploader: ctx.openid, purpose: 'notice_image', scene: SCENE_PUBLIC_POST, stationId: await staffStationId(ctx), requestKey }, ctx.now())
  return { fileID }
}

/** Temporary download addresses of the images that passed content security, in order; none when there are none. */
export async function imageUrls(images: string[]): Promise<string[]> {
  const passed = await passedFiles(images)
  const fileIds = images.filter((id) => passed.has(id))
  if (fileIds.length === 0) return []
  const { fileList } = (await cloud.getTempFileURL({ fileList: fileIds })) as { fileList: Array<{ fileID: string; tempFileURL: string }> }
  const urls = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]))
  return fileIds.flatMap((id) => (urls.get(id) ? [urls.get(id) as string] : []))
}
