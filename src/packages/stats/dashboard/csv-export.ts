// Saving the exported CSV. h5: a Blob handed to the browser as a download. weapp: written to the
// mini-program's user data folder with the file system manager, then shared to a WeChat chat
// (Taro.openDocument opens Office and PDF files, not CSV), where the leader forwards or saves it.
import Taro from '@tarojs/taro'

export async function saveCsv(fileName: string, content: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    // After the click has handed the Blob to the download.
    setTimeout(() => URL.revokeObjectURL(url), 0)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, content, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName })
}
