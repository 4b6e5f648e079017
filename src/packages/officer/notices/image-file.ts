// A picture the officer chose, read as base64 for the uploadImage action: weapp reads the temp
// file through the file system manager; h5 fetches the blob URL chooseImage returns.
import Taro from '@tarojs/taro'

export interface ChosenImage {
  /** A local path or blob URL the Image component can show right away. */
  preview: string
  base64: string
}

function readAsBase64(path: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Promise((resolve, reject) => {
      Taro.getFileSystemManager().readFile({ filePath: path, encoding: 'base64', success: (r) => resolve(String(r.data)), fail: reject })
    })
  }
  return fetch(path)
    .then((r) => r.blob())
    .then(
      (blob) =>
        new Promise<string>((resolve, reject) => {
          const reader = new FileReader()
          reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
          reader.onerror = () => reject(reader.error)
          reader.readAsDataURL(blob)
        }),
    )
}

/** One picture from the album or camera, compressed; null when the officer cancels. */
export function chooseImage(): Promise<ChosenImage | null> {
  return Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).then(
    ({ tempFilePaths }) => {
      const [path] = tempFilePaths
      return path ? readAsBase64(path).then((base64) => ({ preview: path, base64 })) : null
    },
    () => null,
  )
}
