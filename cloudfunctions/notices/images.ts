// Notice images in cloud storage (cloud.uploadFile): checked for their real type and size and by
// content security (security.imgSecCheck) before they are stored; shown through temporary URLs.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../src/core/envelope'
import { imageKindOf, LIMITS } from '../../src/core/notices/rules'
import { cloud } from '../_shared/cloud'
import type { Ctx } from '../_shared/runtime'
import type { Input } from './input'

const CONTENT_TYPE = { png: 'image/png', jpg: 'image/jpeg' } as const

export async function uploadImage(_ctx: Ctx, input: Input<'uploadImage'>) {
  const bytes = Buffer.from(input.base64, 'base64')
  const kind = imageKindOf(bytes)
  if (!kind) throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['base64'], message: 'must be a PNG or JPEG picture' }])
  if (bytes.length > LIMITS.imageBytes) throw new AppError('INVALID_ARGUMENT', 'The request has invalid fields.', [{ path: ['base64'], message: `must be at most ${LIMITS.imageBytes / 1024} KB` }])
  try {
    await cloud.openapi.security.imgSecCheck({ media: { contentType: CONTENT_TYPE[kind], value: bytes } })
  } catch (error) {
    if ((error as { errCode?: number }).errCode === 87014) throw new AppError('FAILED_PRECONDITION', 'Content security refused the picture; choose another.', undefined, { why: 'risky' })
    throw error
  }
  const { fileID } = await cloud.uploadFile({ cloudPath: `notices/${randomUUID().replace(/-/g, '')}.${kind}`, fileContent: bytes })
  return { fileID }
}

/** Temporary download addresses, in the order of the file ids; none when there are no images. */
export async function imageUrls(fileIds: string[]): Promise<string[]> {
  if (fileIds.length === 0) return []
  const { fileList } = (await cloud.getTempFileURL({ fileList: fileIds })) as { fileList: Array<{ fileID: string; tempFileURL: string }> }
  const urls = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]))
  return fileIds.flatMap((id) => (urls.get(id) ? [urls.get(id) as string] : []))
}
