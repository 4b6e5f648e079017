// Uploading a file the person chose (a request's photo) to cloud storage, answering its cloud://
// file id: weapp uses wx.cloud.uploadFile; h5 posts the bytes to the local gateway, which stores
// them the same way. The backend then checks the picture before anyone sees it.
import Taro from '@tarojs/taro'
import { CloudCallError } from './cloud'
import { getDemoOpenid } from './demo-identity'

export function uploadFile(localPath: string, cloudPath: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const gateway = process.env.TARO_APP_GATEWAY ?? ''
    return fetch(localPath)
      .then((r) => r.blob())
      .then((blob) =>
        fetch(`${gateway}/gateway/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers: { 'x-wx-openid': getDemoOpenid() ?? '' }, body: blob }),
      )
      .then((r) => r.json() as Promise<{ fileID?: string; errMsg?: string }>)
      .then((answer) => {
        if (!answer.fileID) throw new CloudCallError('INTERNAL', answer.errMsg ?? 'upload failed')
        return answer.fileID
      })
  }
  return Taro.cloud.uploadFile({ cloudPath, filePath: localPath }).then(({ fileID }) => fileID)
}

/** One picture from the album or camera, compressed; null when the person cancels. */
export function choosePicture(): Promise<string | null> {
  return Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).then(
    ({ tempFilePaths }) => tempFilePaths[0] ?? null,
    () => null,
  )
}

/**
 * Where an uploaded picture can be shown: WeChat's Image takes a cloud:// file id as it is; the h5
 * build (local only) reads it from the local cloud's storage, which serves cloud://<env>.<bucket>/<path>
 * at /__storage/<env>/<path>.
 */
export function pictureSrc(fileId: string): string {
  if (process.env.TARO_ENV !== 'h5') return fileId
  const match = /^cloud:\/\/([^./]+)[^/]*\/(.+)$/.exec(fileId)
  if (!match) return fileId
  return `${process.env.TARO_APP_GATEWAY ?? ''}/__storage/${match[1]}/${match[2]}`
}
