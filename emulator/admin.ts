// Admin/test HTTP API under /__emulator/ (local only): stats, outbox, reset, seed, timers,
// content rules, subscribe refusals, indexes, functions. Used by the CLI against a running
// emulator and by tests that talk HTTP.

import http from 'http'
import { App, runTimer } from './app'
import { decodeValue } from './ejson'
import { CloudError, FunctionError } from './errors'
import { BodyTooLarge, parseJsonSafe, readBody, sendJson } from './http-util'
import type { IndexSpec } from './database/store'

async function jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const buf = await readBody(req)
  if (buf.length === 0) return {}
  const v = parseJsonSafe(buf.toString('utf8'))
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new CloudError('INVALID_PARAM', 'body must be a JSON object')
  return v as Record<string, unknown>
}

export async function handleAdmin(app: App, route: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = req.method ?? 'GET'
  try {
    const key = `${method} ${route}`
    switch (key) {
      case 'GET health':
        return sendJson(res, 200, { ok: true, envId: app.envId, url: app.url(), pid: process.pid })
      case 'GET stats':
        return sendJson(res, 200, app.stats.snapshot())
      case 'POST stats/reset':
        app.stats.reset()
        return sendJson(res, 200, { ok: true })
      case 'GET outbox':
        return sendJson(res, 200, app.openapi.outbox())
      case 'POST reset':
        await app.reset()
        return sendJson(res, 200, { ok: true })
      case 'POST seed': {
        const body = await jsonBody(req)
        const collections = (body.collections ?? body) as Record<string, unknown>
        if (!collections || typeof collections !== 'object' || Object.values(collections).some((v) => !Array.isArray(v))) {
          return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'expected { collections: { name: docs[] } }' })
        }
        if (body.reset === true) await app.reset()
        await app.seed(decodeValue(collections) as Record<string, object[]>)
        return sendJson(res, 200, { ok: true, collections: Object.fromEntries(Object.entries(collections).map(([k, v]) => [k, (v as unknown[]).length])) })
      }
      case 'POST timers/run': {
        const body = await jsonBody(req)
        if (typeof body.name !== 'string') return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'name is required' })
        const result = await runTimer(app, body.name, typeof body.trigger === 'string' ? body.trigger : undefined)
        return sendJson(res, 200, { result })
      }
      case 'GET content-rules':
        return sendJson(res, 200, app.openapi.contentRules())
      case 'POST content-rules': {
        const body = await jsonBody(req)
        app.openapi.setContentRules(body as { risky?: string[]; review?: string[] })
        return sendJson(res, 200, app.openapi.contentRules())
      }
      case 'POST subscribe-refusals': {
        const body = await jsonBody(req)
        if (typeof body.openid !== 'string') return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'openid is required' })
        app.openapi.setSubscribeRefused(body.openid, body.refused !== false)
        return sendJson(res, 200, { ok: true })
      }
      case 'GET indexes':
        return sendJson(res, 200, app.store.listIndexes())
      case 'POST indexes': {
        const body = await jsonBody(req)
        app.store.ensureIndexes((body.indexes ?? []) as IndexSpec[])
        return sendJson(res, 200, app.store.listIndexes())
      }
      case 'GET unindexed-queries':
        return sendJson(res, 200, app.indexAdvisor.list())
      case 'GET functions':
        return sendJson(res, 200, app.host.list().map((f) => ({ name: f.name, timeout: f.config.timeout, triggers: f.config.triggers })))
      default:
        return sendJson(res, 404, { code: 'NOT_FOUND', message: `no admin route ${key}` })
    }
  } catch (e) {
    if (e instanceof FunctionError) return sendJson(res, 200, { errCode: e.errCode, errMsg: e.message })
    if (e instanceof CloudError) return sendJson(res, 400, { code: e.code, message: e.message })
    if (e instanceof BodyTooLarge) return sendJson(res, 413, { code: 'INVALID_PARAM', message: e.message })
    if (e instanceof SyntaxError) return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body is not valid JSON' })
    app.log(`[admin] ${route} failed: ${e instanceof Error ? e.stack : String(e)}`)
    return sendJson(res, 500, { code: 'SYS_ERR', message: e instanceof Error ? e.message : String(e) })
  }
}
