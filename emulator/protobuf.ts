// The few protobuf messages of wx-server-sdk's openapi channel (src/protobuf/openapi.js in its
// bundle), hand-coded so the emulator needs no protobuf dependency:
//   CommApiData     { 1: apiType int32, 2: openapiData OpenApiData, 6: appid string }
//   OpenApiData     { 1: repeated KeyValuePair pairs }
//   KeyValuePair    { 1: key string, 2: value bytes, 3: contenttype string, 4: filename string }
//   CommOpenApiResp { 1: respData bytes, 2: contentType string, 3: errorCode int32, 4: httpCode uint32 }

import { invalidParam } from './errors'

class Reader {
  pos = 0
  constructor(private readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length
  }
  varint(): number {
    let result = 0
    let shift = 0
    for (;;) {
      if (this.pos >= this.buf.length) throw invalidParam('truncated protobuf varint')
      const b = this.buf[this.pos++]
      if (shift < 49) result += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return result
      shift += 7
      if (shift > 70) throw invalidParam('invalid protobuf varint')
    }
  }
  bytes(): Buffer {
    const len = this.varint()
    if (this.pos + len > this.buf.length) throw invalidParam('truncated protobuf field')
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint()
    else if (wireType === 2) this.bytes()
    else if (wireType === 1) this.pos += 8
    else if (wireType === 5) this.pos += 4
    else throw invalidParam(`unsupported protobuf wire type ${wireType}`)
  }
}

function fields(buf: Buffer, onField: (no: number, wire: number, r: Reader) => boolean): void {
  const r = new Reader(buf)
  while (!r.done) {
    const tag = r.varint()
    const no = Math.floor(tag / 8)
    const wire = tag & 7
    if (!onField(no, wire, r)) r.skip(wire)
  }
}

export interface KeyValuePair {
  key: string
  value: Buffer
  contentType?: string
  filename?: string
}

export interface CommApiData {
  apiType: number
  appid?: string
  pairs: KeyValuePair[]
}

function decodePair(buf: Buffer): KeyValuePair {
  const p: KeyValuePair = { key: '', value: Buffer.alloc(0) }
  fields(buf, (no, wire, r) => {
    if (wire !== 2) return false
    if (no === 1) p.key = r.bytes().toString('utf8')
    else if (no === 2) p.value = Buffer.from(r.bytes())
    else if (no === 3) p.contentType = r.bytes().toString('utf8')
    else if (no === 4) p.filename = r.bytes().toString('utf8')
    else return false
    return true
  })
  return p
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const out: CommApiData = { apiType: 0, pairs: [] }
  fields(buf, (no, wire, r) => {
    if (no === 1 && wire === 0) out.apiType = r.varint()
    else if (no === 6 && wire === 2) out.appid = r.bytes().toString('utf8')
    else if (no === 2 && wire === 2) {
      fields(r.bytes(), (n2, w2, r2) => {
        if (n2 === 1 && w2 === 2) {
          out.pairs.push(decodePair(r2.bytes()))
          return true
        }
        return false
      })
    } else return false
    return true
  })
  return out
}

function varint(n: number): Buffer {
  const out: number[] = []
  let v = n
  do {
    let b = v % 128
    v = Math.floor(v / 128)
    if (v > 0) b |= 0x80
    out.push(b)
  } while (v > 0)
  return Buffer.from(out)
}

function lenField(no: number, data: Buffer): Buffer {
  return Buffer.concat([varint(no * 8 + 2), varint(data.length), data])
}

export function encodeCommOpenApiResp(r: { respData: Buffer; contentType: string; errorCode?: number; httpCode?: number }): Buffer {
  const parts = [lenField(1, r.respData), lenField(2, Buffer.from(r.contentType, 'utf8'))]
  if (r.errorCode) parts.push(varint(3 * 8), varint(r.errorCode >>> 0))
  parts.push(varint(4 * 8), varint(r.httpCode ?? 200))
  return Buffer.concat(parts)
}

/** For tests: encode a CommApiData the way wx-server-sdk does. */
export function encodeCommApiData(d: CommApiData): Buffer {
  const pairs = d.pairs.map((p) => {
    const f = [lenField(1, Buffer.from(p.key)), lenField(2, p.value)]
    if (p.contentType) f.push(lenField(3, Buffer.from(p.contentType)))
    if (p.filename) f.push(lenField(4, Buffer.from(p.filename)))
    return lenField(1, Buffer.concat(f))
  })
  const parts = [varint(8), varint(d.apiType), lenField(2, Buffer.concat(pairs))]
  if (d.appid) parts.push(lenField(6, Buffer.from(d.appid)))
  return Buffer.concat(parts)
}
