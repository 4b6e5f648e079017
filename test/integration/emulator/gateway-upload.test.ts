// The h5 build uploads a resident's photo the way wx.cloud.uploadFile does from a WeChat client:
// the gateway stores the bytes and answers the cloud:// file id that functions then read with the
// real SDK.
import type { Emulator } from '../../../emulator'
import { sdkFor, start } from './helpers'

let emu: Emulator
beforeAll(async () => {
  emu = await start()
})
afterAll(async () => {
  await emu?.stop()
})

const upload = (cloudPath: string, body: Buffer, openid?: string) =>
  fetch(`${emu.url}/gateway/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers: openid ? { 'x-wx-openid': openid } : {}, body: new Uint8Array(body) })

describe('POST /gateway/upload', () => {
  it('stores the bytes as a signed-in user and answers the file id the SDK downloads', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])
    const res = await upload('requests/demo/photo.png', bytes, 'demo-resident-1')
    const answer = (await res.json()) as { fileID: string; errMsg: string }
    expect(answer.errMsg).toBe('cloud.uploadFile:ok')
    expect(answer.fileID).toMatch(/^cloud:\/\/.+\/requests\/demo\/photo\.png$/)
    const { fileContent } = await sdkFor(emu).downloadFile({ fileID: answer.fileID })
    expect(Buffer.compare(fileContent, bytes)).toBe(0)
  })

  it('refuses an upload without a user, and a path outside storage', async () => {
    expect((await upload('requests/x.png', Buffer.from('x'))).status).toBe(401)
    const bad = await upload('../outside.png', Buffer.from('x'), 'demo-resident-1')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errMsg: string }).errMsg).toMatch(/cloud.uploadFile:fail/)
  })
})
