// Minimal multipart/form-data parser: the node SDK posts wx.openApi calls as form-data
// (form-data package) with a binary `requestData` part. Parts are returned as Buffers.

import { invalidParam } from './errors'

export interface Part {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '')
  return m ? (m[1] ?? m[2]).trim() : undefined
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delim = Buffer.from(`--${boundary}`)
  const parts: Part[] = []
  let pos = body.indexOf(delim)
  if (pos < 0) throw invalidParam('malformed multipart body')
  for (;;) {
    pos += delim.length
    if (body.subarray(pos, pos + 2).toString() === '--') break
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2
    const headerEnd = body.indexOf('\r\n\r\n', pos)
    if (headerEnd < 0) throw invalidParam('malformed multipart part')
    const headers = body.subarray(pos, headerEnd).toString('utf8')
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delim]), headerEnd + 4)
    if (next < 0) throw invalidParam('unterminated multipart part')
    const data = body.subarray(headerEnd + 4, next)
    const disp = /content-disposition:[^\r\n]*?name="([^"]*)"(?:[^\r\n]*?filename="([^"]*)")?/i.exec(headers)
    if (!disp) throw invalidParam('multipart part without a name')
    const ct = /content-type:\s*([^\r\n]+)/i.exec(headers)
    parts.push({ name: disp[1], filename: disp[2], contentType: ct?.[1].trim(), data: Buffer.from(data) })
    pos = next + 2
  }
  return parts
}
