// The CloudBase server API endpoint (what the SDK calls `serviceUrl`; the node SDK POSTs every
// call there as JSON `{ action, envName, ...params }`, or as multipart form-data for wx.openApi).
// Answers are HTTP 200 with `{ requestId, ...data }`, or `{ code, message, requestId }` on error,
// which the SDK turns into the same exceptions it throws in production.

import crypto from 'crypto'
import http from 'http'
import { App, callFunction } from './app'
import { databaseActions } from './database/actions'
import { CloudError, FunctionError, invalidParam, toErrorBody } from './errors'
import { CallerContext } from './functions-host'
import { BodyTooLarge, parseJsonSafe, readBody, sendBuffer, sendJson } from './http-util'
import { boundaryOf, parseMultipart } from './multipart'
import { OpenApiService } from './openapi'
import { decodeCommApiData, encodeCommOpenApiResp } from './protobuf'

type Params = Record<string, unknown>

const JSON_ERROR_TYPE = 'application/json; charset=utf-8'

const KNOWN_ACTIONS = new Set([
  ...Object.keys(databaseActions),
  'functions.invokeFunction',
  'wx.openApi',
  'wx.api',
  'storage.getUploadMetadata',
  'storage.batchGetDownloadUrl',
  'storage.batchDeleteFile',
])

function callerOf(app: App, p: Params): CallerContext | undefined {
  return app.host.callerOf(p.wxCloudApiToken)
}

async function parseParams(req: http.IncomingMessage): Promise<Params> {
  let body: Buffer
  try {
    body = await readBody(req)
  } catch (e) {
    if (e instanceof BodyTooLarge) throw invalidParam(e.message)
    throw e
  }
  const ct = req.headers['content-type'] ?? ''
  if (/multipart\/form-data/i.test(ct)) {
    const boundary = boundaryOf(ct)
    if (!boundary) throw invalidParam('multipart body without boundary')
    const params: Params = {}
    for (const part of parseMultipart(body, boundary)) {
      if (part.name === '__proto__') continue
      params[part.name] = part.name === 'requestData' ? part.data : part.data.toString('utf8')
    }
    return params
  }
  let parsed: unknown
  try {
    parsed = parseJsonSafe(body.toString('utf8'))
  } catch {
    throw invalidParam('request body is not valid JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidParam('request body must be a JSON object')
  return parsed as Params
}

async function invokeFunction(app: App, p: Params): Promise<Params> {
  const name = p.function_name
  if (typeof name !== 'string' || !name) throw invalidParam('function_name is required')
  let data: unknown = {}
  if (typeof p.request_data === 'string' && p.request_data !== '') {
    try {
      data = parseJsonSafe(p.request_data)
    } catch {
      throw invalidParam('request_data is not valid JSON')
    }
  }
  // the calling function's user context travels with its WX_API_TOKEN
  const caller = callerOf(app, p) ?? {}
  try {
    const result = await callFunction(app, name, data, caller)
    return { data: { response_data: JSON.stringify(result) } }
  } catch (e) {
    if (e instanceof FunctionError) throw new CloudError(e.code, e.message)
    throw e
  }
}

function openApiData(p: Params): { api: string; data: Params } {
  const api = p.apiName
  if (typeof api !== 'string' || !/^[A-Za-z0-9_.]{1,100}$/.test(api)) throw invalidParam('invalid apiName')
  const raw = p.requestData
  if (!Buffer.isBuffer(raw)) throw invalidParam('requestData is required')
  const decoded = decodeCommApiData(raw)
  return { api, data: OpenApiService.dataOf(decoded.pairs) }
}

/** What happens after an openapi answer: an accepted media check's verdict is pushed later. */
function followUp(app: App, api: string, data: Params, json: Record<string, unknown> | undefined, caller: CallerContext | undefined): void {
  if (api === 'security.mediaCheckAsync' && json?.errcode === 0 && typeof json.trace_id === 'string') app.mediaChecks.requested(json.trace_id, data, caller?.openid)
}

async function storageAction(app: App, action: string, p: Params): Promise<Params> {
  switch (action) {
    case 'storage.getUploadMetadata':
      return { data: app.storage.getUploadMetadata(p.path) }
    case 'storage.batchGetDownloadUrl':
      return { data: { download_list: app.storage.getTempFileURL(p.file_list) } }
    case 'storage.batchDeleteFile':
      return { data: { delete_list: app.storage.deleteFiles(p.fileid_list) } }
    default:
      throw invalidParam(`unknown action ${action}`)
  }
}

export async function handleProtocol(app: App, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const requestId = crypto.randomUUID()
  let action = '(invalid)'
  let counted = false
  try {
    const p = await parseParams(req)
    if (typeof p.action !== 'string' || !p.action) throw invalidParam('action is required')
    action = p.action.slice(0, 100)
    app.stats.request(KNOWN_ACTIONS.has(action) ? action : '(unknown)')
    counted = true

    if (action === 'wx.openApi') {
      const { api, data } = openApiData(p)
      app.stats.openApi(api)
      const answer = app.openapi.call(api, data, callerOf(app, p), app.faults.openApiError(api, data.touser))
      followUp(app, api, data, answer.json, callerOf(app, p))
      const respData = answer.buffer ?? Buffer.from(JSON.stringify(answer.json))
      // must not be JSON-typed: the SDK would then treat the body as a TCB error
      sendBuffer(res, 200, encodeCommOpenApiResp({ respData, contentType: answer.contentType }), 'application/octet-stream')
      return
    }

    const origin = app.host.originOf(p.wxCloudApiToken)
    const { failAfter } = await app.faults.beforeRequest(action, p.collectionName, origin, () => {
      try {
        app.txns.abortById(p.transactionId)
      } catch {
        // an unknown transaction: the commit handler reports it
      }
    })
    let body: Params
    const db = databaseActions[action]
    if (db) body = await db(app, p, Date.now(), origin)
    else if (action === 'functions.invokeFunction') body = await invokeFunction(app, p)
    else if (action.startsWith('storage.')) body = await storageAction(app, action, p)
    else if (action === 'wx.api') {
      let data: Params = {}
      if (typeof p.requestData === 'string' && p.requestData) data = parseJsonSafe(p.requestData) as Params
      app.stats.openApi(String(p.apiName))
      const answer = app.openapi.call(String(p.apiName), data, callerOf(app, p), app.faults.openApiError(String(p.apiName), data.touser))
      followUp(app, String(p.apiName), data, answer.json, callerOf(app, p))
      body = { data: { responseData: JSON.stringify(answer.json ?? {}) } }
    } else throw invalidParam(`unknown action ${action}`)
    if (failAfter) throw app.faults.afterRequest(action)
    sendJson(res, 200, { requestId, ...body })
  } catch (e) {
    if (!counted) app.stats.request(action)
    if (!(e instanceof CloudError)) app.log(`[protocol] ${action} failed: ${e instanceof Error ? e.stack : String(e)}`)
    if (res.headersSent) return
    sendJson(res, 200, toErrorBody(e, requestId), { 'content-type': JSON_ERROR_TYPE })
  }
}
