// Small HTTP helpers shared by the protocol endpoint, the gateway, admin routes and static files:
// bounded body reading (oversized bodies are drained, never buffered) and JSON parsing that
// drops __proto__ keys.

import http from 'http'

export const MAX_BODY_BYTES = 16 * 1024 * 1024

export class BodyTooLarge extends Error {}

export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
        return
      }
      if (!tooLarge) chunks.push(c)
    })
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge(`request body exceeds ${limit} bytes`)) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

/** JSON.parse that refuses prototype-polluting keys and never throws past the caller's catch. */
export function parseJsonSafe(text: string): unknown {
  return JSON.parse(text, (k, v) => (k === '__proto__' ? undefined : v))
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body))
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(data.length), ...headers })
  res.end(data)
}

export function sendBuffer(res: http.ServerResponse, status: number, data: Buffer, contentType: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(data.length), ...headers })
  res.end(data)
}

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-wx-openid, x-wx-appid, x-wx-unionid',
  'access-control-max-age': '600',
}
