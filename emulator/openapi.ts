// Local answers for cloud.openapi.* (the `wx.openApi` action). Nothing leaves the machine:
// every call is appended to an outbox (persisted as outbox.jsonl in the data dir) that tests
// and developers can inspect. Test hooks: content rules for security.msgSecCheck and openids
// whose subscribeMessage.send is refused (errcode 43101).

import crypto from 'crypto'
import fs from 'fs'
import path from 'path'
import type { CallerContext } from './functions-host'
import type { KeyValuePair } from './protobuf'

export interface OutboxEntry {
  at: string
  api: string
  data: unknown
  result: unknown
  openid?: string
}

export interface ContentRules {
  risky?: string[]
  review?: string[]
}

export interface OpenApiAnswer {
  /** JSON answer (wx errcode/errmsg style) */
  json?: Record<string, unknown>
  /** binary answer, e.g. an image */
  buffer?: Buffer
  contentType: string
}

// 1x1 transparent PNG, used as the image of wxacode.* calls
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

const LABEL = { normal: 100, risky: 20006, review: 21000 } as const

export class OpenApiService {
  private entries: OutboxEntry[] = []
  private rules: Required<ContentRules> = { risky: [], review: [] }
  private readonly refused = new Set<string>()
  private readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'outbox.jsonl')
    if (fs.existsSync(this.file)) {
      for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue
        try {
          this.entries.push(JSON.parse(line) as OutboxEntry)
        } catch {
          // torn last line after a crash
        }
      }
    }
  }

  outbox(): OutboxEntry[] {
    return this.entries.map((e) => ({ ...e }))
  }

  setContentRules(r: ContentRules): void {
    const clean = (a: unknown): string[] => (Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string' && x.length > 0) : [])
    this.rules = { risky: clean(r.risky), review: clean(r.review) }
  }

  contentRules(): Required<ContentRules> {
    return { risky: [...this.rules.risky], review: [...this.rules.review] }
  }

  setSubscribeRefused(openid: string, refused = true): void {
    if (refused) this.refused.add(openid)
    else this.refused.delete(openid)
  }

  clear(): void {
    this.entries = []
    fs.rmSync(this.file, { force: true })
  }

  private record(api: string, data: unknown, result: unknown, caller: CallerContext | undefined): void {
    const e: OutboxEntry = { at: new Date().toISOString(), api, data, result }
    if (caller?.openid) e.openid = caller.openid
    this.entries.push(e)
    fs.appendFileSync(this.file, JSON.stringify(e) + '\n')
  }

  /** Turn the protobuf key/value pairs into the (snake_case) request object. */
  static dataOf(pairs: KeyValuePair[]): Record<string, unknown> {
    const data: Record<string, unknown> = {}
    for (const p of pairs) {
      if (p.key === '__proto__' || p.key === 'constructor' || p.key === 'prototype') continue
      if (p.contentType) {
        data[p.key] = { contentType: p.contentType, filename: p.filename, size: p.value.length }
        continue
      }
      const text = p.value.toString('utf8')
      try {
        data[p.key] = JSON.parse(text, (k, v) => (k === '__proto__' ? undefined : v))
      } catch {
        data[p.key] = text
      }
    }
    return data
  }

  /** Answer a call; `injected` (a fault test hook) replaces the answer with that error. */
  call(api: string, data: Record<string, unknown>, caller?: CallerContext, injected?: { errcode: number; errmsg: string }): OpenApiAnswer {
    const answer = injected ? { json: { ...injected }, contentType: 'application/json; charset=utf-8' } : this.answer(api, data)
    this.record(api, data, answer.json ?? { contentType: answer.contentType, size: answer.buffer?.length ?? 0 }, caller)
    return answer
  }

  private check(texts: unknown[]): { suggest: 'pass' | 'risky' | 'review'; label: number; keyword?: string } {
    const text = texts.filter((t): t is string => typeof t === 'string').join('\n')
    const risky = this.rules.risky.find((w) => text.includes(w))
    if (risky) return { suggest: 'risky', label: LABEL.risky, keyword: risky }
    const review = this.rules.review.find((w) => text.includes(w))
    if (review) return { suggest: 'review', label: LABEL.review, keyword: review }
    return { suggest: 'pass', label: LABEL.normal }
  }

  private answer(api: string, data: Record<string, unknown>): OpenApiAnswer {
    const json = (j: Record<string, unknown>): OpenApiAnswer => ({ json: { errcode: 0, errmsg: 'ok', ...j }, contentType: 'application/json; charset=utf-8' })
    const traceId = crypto.randomBytes(8).toString('hex')
    switch (api) {
      case 'security.msgSecCheck': {
        const r = this.check([data.content, data.title, data.nickname, data.signature])
        if (Number(data.version) === 2) {
          return json({
            result: { suggest: r.suggest, label: r.label },
            detail: [{ strategy: 'content_model', errcode: 0, suggest: r.suggest, label: r.label, prob: r.suggest === 'pass' ? 0 : 90, ...(r.keyword ? { keyword: r.keyword } : {}) }],
            trace_id: traceId,
          })
        }
        return r.suggest === 'risky' ? json({ errcode: 87014, errmsg: 'risky content' }) : json({})
      }
      case 'security.imgSecCheck':
        return json({})
      case 'security.mediaCheckAsync':
        return json({ trace_id: traceId })
      case 'subscribeMessage.send': {
        if (typeof data.touser !== 'string' || !data.touser || typeof data.template_id !== 'string' || !data.template_id) {
          return json({ errcode: 47003, errmsg: 'argument invalid! touser and template_id are required' })
        }
        if (this.refused.has(data.touser)) return json({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
        return json({ msgid: Number.parseInt(traceId.slice(0, 12), 16) })
      }
      case 'wxacode.get':
      case 'wxacode.getUnlimited':
      case 'wxacode.createQRCode':
        return { buffer: PNG, contentType: 'image/png' }
      case 'urlscheme.generate':
        return json({ openlink: `weixin://dl/business/?t=LOCAL${traceId}` })
      case 'urllink.generate':
        return json({ url_link: `https://wxaurl.cn/LOCAL${traceId}` })
      case 'phonenumber.getPhoneNumber':
        return json({ phone_info: { phoneNumber: '13800000000', purePhoneNumber: '13800000000', countryCode: '86', watermark: { timestamp: Math.floor(Date.now() / 1000), appid: 'local' } } })
      default:
        return json({})
    }
  }
}
