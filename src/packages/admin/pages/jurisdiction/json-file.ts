// Reading an import file and handing out an export, on both platforms. In a browser: a file
// input and a download link. In WeChat, where a phone has no file system to browse: a file
// received in a chat (chooseMessageFile) and, for export, the clipboard.
import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  size: number
  read: () => Promise<string>
}

/** null when the person closed the picker without choosing. */
export function pickJsonFile(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = '.json,application/json'
      input.style.display = 'none'
      const done = (file: File | null) => {
        input.remove()
        resolve(file ? { name: file.name, size: file.size, read: () => file.text() } : null)
      }
      input.addEventListener('change', () => done(input.files?.[0] ?? null))
      input.addEventListener('cancel', () => done(null))
      document.body.appendChild(input)
      input.click()
    })
  }
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['json'] }).then(
    ({ tempFiles }) => {
      const file = tempFiles[0]
      if (!file) return null
      return {
        name: file.name,
        size: file.size,
        read: () =>
          new Promise<string>((resolve, reject) =>
            Taro.getFileSystemManager().readFile({
              filePath: file.path,
              encoding: 'utf8',
              success: ({ data }) => (typeof data === 'string' ? resolve(data) : reject(new Error('the file is not text'))),
              fail: (err) => reject(new Error(err.errMsg)),
            }),
          ),
      }
    },
    (err: { errMsg?: string }) => {
      if (err?.errMsg?.includes('cancel')) return null
      throw new Error(err?.errMsg ?? String(err))
    },
  )
}

/** 'saved': downloaded as a file (browser); 'copied': on the clipboard (WeChat). */
export async function handOutJson(fileName: string, text: string): Promise<'saved' | 'copied'> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // The download has started by the next tick; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    return 'saved'
  }
  await Taro.setClipboardData({ data: text })
  return 'copied'
}

/** "512 B", "48.2 KB", "1.3 MB": file sizes as admins read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
