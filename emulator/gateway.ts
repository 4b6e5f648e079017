// HTTP gateway for the h5 build and local tools: POST /gateway/call { name, data } with header
// `x-wx-openid` (trusted as-is: this is a local/dev gateway) runs the function as that user and
// answers like wx.cloud.callFunction: { result } or { errCode, errMsg }; POST /gateway/upload stores
// a file as wx.cloud.uploadFile does from a client (below). CORS is open.

import http from 'http'
import { App, callFunction, clientCallError, clientEvent } from './app'
import { BodyTooLarge, CORS_HEADERS, parseJsonSafe, readBody, sendJson } from './http-util'

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name]
  const s = Array.isArray(v) ? v[0] : v
  return s && s.length <= 256 ? s : undefined
}

export async function handleGateway(app: App, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  app.stats.request('gateway.call')
  let payload: unknown
  try {
    payload = parseJsonSafe((await readBody(req, 8 * 1024 * 1024)).toString('utf8'))
  } catch (e) {
    const msg = e instanceof BodyTooLarge ? e.message : 'request body is not valid JSON'
    sendJson(res, 400, { errCode: -501007, errMsg: `cloud.callFunction:fail ${msg}` }, CORS_HEADERS)
    return
  }
  const { name, data } = (payload ?? {}) as { name?: unknown; data?: unknown }
  if (typeof name !== 'string' || !name) {
    sendJson(res, 400, { errCode: -501007, errMsg: 'cloud.callFunction:fail parameter.name should be String instead of ' + typeof name }, CORS_HEADERS)
    return
  }
  if (data !== undefined && (data === null || typeof data !== 'object')) {
    sendJson(res, 400, { errCode: -501007, errMsg: 'cloud.callFunction:fail parameter.data should be Object' }, CORS_HEADERS)
    return
  }
  try {
    const caller = {
      openid: header(req, 'x-wx-openid'),
      appid: header(req, 'x-wx-appid'),
      unionid: header(req, 'x-wx-unionid'),
      clientIp: req.socket.remoteAddress?.replace(/^::ffff:/, ''),
      source: 'wx_client',
    }
    const result = await callFunction(app, name, clientEvent(data, caller, app.appId), caller)
    sendJson(res, 200, { result, errMsg: 'cloud.callFunction:ok' }, CORS_HEADERS)
  } catch (e) {
    sendJson(res, 200, clientCallError(e), CORS_HEADERS)
  }
}

/** wx.cloud.uploadFile's limit for one file from the client. */
const MAX_CLIENT_UPLOAD = 10 * 1024 * 1024

/**
 * POST /gateway/upload?cloudPath=<path> with the file's bytes as the body: what
 * wx.cloud.uploadFile does from a WeChat client, for the h5 build. Answers like it:
 * { fileID, statusCode, errMsg: 'cloud.uploadFile:ok' } or { errCode, errMsg }.
 */
export async function handleGatewayUpload(app: App, req: http.IncomingMessage, res: http.ServerResponse, cloudPath: string | null): Promise<void> {
  app.stats.request('gateway.upload')
  // A client upload comes from a signed-in user; WeChat rejects it otherwise.
  if (!header(req, 'x-wx-openid')) return sendJson(res, 401, { errCode: -601034, errMsg: 'cloud.uploadFile:fail no user identity' }, CORS_HEADERS)
  let body: Buffer
  try {
    body = await readBody(req, MAX_CLIENT_UPLOAD)
  } catch (e) {
    return sendJson(res, 413, { errCode: -501007, errMsg: `cloud.uploadFile:fail ${e instanceof BodyTooLarge ? e.message : 'unreadable body'}` }, CORS_HEADERS)
  }
  try {
    const { token, fileId } = app.storage.getUploadMetadata(cloudPath) as { token: string; fileId: string }
    app.storage.completeUpload(token, body)
    sendJson(res, 200, { fileID: fileId, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }, CORS_HEADERS)
  } catch (e) {
    sendJson(res, 400, { errCode: -501007, errMsg: `cloud.uploadFile:fail ${e instanceof Error ? e.message : String(e)}` }, CORS_HEADERS)
  }
}
