// HTTP routing: protocol endpoint (POST <servicePath>), gateway, admin API, storage uploads and
// downloads, and an optional static directory (the h5 build) with SPA fallback to index.html.
// Any unexpected failure becomes a 500 answer; the process never crashes on a request.

import fs from 'fs'
import http from 'http'
import path from 'path'
import { handleAdmin } from './admin'
import { App } from './app'
import { handleGateway, handleGatewayUpload } from './gateway'
import { CORS_HEADERS, readBody, sendJson } from './http-util'
import { handleProtocol } from './protocol'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
}

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, extra: Record<string, string> = {}): void {
  const st = fs.statSync(file)
  res.writeHead(200, {
    'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(st.size),
    'cache-control': 'no-cache',
    ...extra,
  })
  if (req.method === 'HEAD') return void res.end()
  fs.createReadStream(file).pipe(res)
}

function serveStatic(app: App, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (!app.staticDir) return false
  const root = path.resolve(app.staticDir)
  let rel: string
  try {
    rel = decodeURIComponent(pathname)
  } catch {
    return false
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel))
  if (!file.startsWith(root)) return false
  if (fs.existsSync(file) && fs.statSync(file).isFile()) {
    sendFile(req, res, file)
    return true
  }
  // SPA fallback for page routes (not for missing assets)
  const index = path.join(root, 'index.html')
  if (!path.extname(rel) && fs.existsSync(index)) {
    sendFile(req, res, index)
    return true
  }
  return false
}

async function route(app: App, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const pathname = url.pathname
  const method = req.method ?? 'GET'

  if (method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS)
    return void res.end()
  }
  if (method === 'POST' && pathname === app.servicePath) return handleProtocol(app, req, res)
  if (method === 'POST' && pathname === '/gateway/call') return handleGateway(app, req, res)
  if (method === 'POST' && pathname === '/gateway/upload') return handleGatewayUpload(app, req, res, url.searchParams.get('cloudPath'))
  if (pathname.startsWith('/__emulator/')) return handleAdmin(app, pathname.slice('/__emulator/'.length).replace(/\/+$/, ''), req, res)

  if (pathname.startsWith('/__storage/upload/') && (method === 'PUT' || method === 'POST')) {
    const body = await readBody(req, 64 * 1024 * 1024)
    const ok = app.storage.completeUpload(pathname.slice('/__storage/upload/'.length), body)
    if (ok) app.stats.file()
    res.writeHead(ok ? 200 : 403, { 'content-type': 'application/xml' })
    return void res.end(ok ? '' : "<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>unknown or expired upload token</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>")
  }
  if (pathname.startsWith('/__storage/') && (method === 'GET' || method === 'HEAD')) {
    const file = app.storage.fileForRequest(pathname.slice('/__storage/'.length))
    if (file) return sendFile(req, res, file, { 'access-control-allow-origin': '*' })
    return sendJson(res, 404, { code: 'STORAGE_FILE_NONEXIST', message: 'file not found' })
  }
  if ((method === 'GET' || method === 'HEAD') && serveStatic(app, pathname, req, res)) return
  sendJson(res, 404, { code: 'NOT_FOUND', message: `${method} ${pathname} not found` })
}

export function createServer(app: App): http.Server {
  return http.createServer((req, res) => {
    route(app, req, res).catch((e: unknown) => {
      app.log(`[http] ${req.method} ${req.url} failed: ${e instanceof Error ? e.stack : String(e)}`)
      if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: e instanceof Error ? e.message : String(e) })
      else res.destroy()
    })
  })
}
