// Notice images in cloud storage (cloud.uploadFile): checked for their real type and size before
// they are stored, then by content security (security.mediaCheckAsync, asynchronous: see
// ../_shared/media-check.ts); shown through temporary URLs only once their check passed.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../src/core/envelope'
import { imageKindOf, LIMITS } from '../../src/core/notices/rules'
import { cloud } from '../_shared/cloud'
import { passedFiles, startMediaCheck } from '../_shared/media-check'
import type { Ctx } from '../_shared/runtime'
import type { Input } from './input'

/** mediaCheckAsync scene 3 ("forum"): public posts that many people read. */
const SCENE_PUBLIC_POST = 3

export async function uploadImage(ctx: Ctx, input: Input<'uploadImage'>) {
  const bytes = Buffer.from(input.base64, 'base64')
  const kind = imageKindOf(bytes)
  if (!kind) throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['base64'], message: 'must be a PNG or JPEG picture' }])
  if (bytes.length > LIMITS.imageBytes) throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['base64'], message: `must be at most ${LIMITS.imageBytes / 1024} KB` }])
  const { fileID } = await cloud.uploadFile({ cloudPath: `notices/${randomUUID().replace(/-/g, '')}.${kind}`, fileContent: bytes })
  await startMediaCheck({ fileID, uploader: ctx.openid, purpose: 'notice_image', scene: SCENE_PUBLIC_POST }, ctx.now())
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
