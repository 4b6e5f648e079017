// MongoDB Extended JSON, just enough for the CloudBase wire protocol.
// @cloudbase/database sends queries, updates and documents as canonical EJSON strings
// (bson's EJSON.stringify(..., { relaxed: false })) and parses our answers with EJSON.parse.
// We keep documents in memory as plain JS values (Date, RegExp, number, ...), so we decode on the
// way in and encode on the way out. Also rejects keys that could reach Object.prototype.

import { invalidParam } from './errors'

/** A BSON ObjectId kept as its hex string; toString() makes mingo compare it by value. */
export class ObjectIdValue {
  constructor(readonly hex: string) {}
  toString(): string {
    return this.hex
  }
  toJSON(): { $oid: string } {
    return { $oid: this.hex }
  }
}

/** BSON binary data, kept base64-encoded so it round-trips unchanged. */
export class BinaryValue {
  constructor(
    readonly base64: string,
    readonly subType: string,
  ) {}
  toString(): string {
    return `${this.subType}:${this.base64}`
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export interface DecodeOptions {
  /** Timestamp used to resolve db.serverDate() ({ $tcb_server_date: { offset } }). */
  now?: number
  /** Max nesting depth; deeper input is rejected. */
  maxDepth?: number
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function assertSafeKey(key: string): void {
  for (const part of key.split('.')) {
    if (FORBIDDEN_KEYS.has(part)) throw invalidParam(`field name "${key}" is not allowed`)
  }
}

function parseIntStrict(s: unknown, what: string): number {
  if (typeof s !== 'string' || !/^-?\d+$/.test(s)) throw invalidParam(`invalid ${what}`)
  return Number(s)
}

function parseDouble(s: unknown): number {
  if (typeof s !== 'string') throw invalidParam('invalid $numberDouble')
  if (s === 'NaN') return NaN
  if (s === 'Infinity') return Infinity
  if (s === '-Infinity') return -Infinity
  const n = Number(s)
  if (s.trim() === '' || Number.isNaN(n)) throw invalidParam('invalid $numberDouble')
  return n
}

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

export function makeRegExp(pattern: unknown, options: unknown): RegExp {
  if (typeof pattern !== 'string' || (options !== undefined && typeof options !== 'string')) {
    throw invalidParam('invalid regular expression')
  }
  const flags = [...new Set((options ?? '').split(''))].filter((f) => JS_REGEX_FLAGS.has(f)).join('')
  try {
    return new RegExp(pattern, flags)
  } catch {
    throw invalidParam(`invalid regular expression: ${pattern.slice(0, 100)}`)
  }
}

function decodeDate(v: unknown): Date {
  let ms: number
  if (typeof v === 'number') ms = v
  else if (typeof v === 'string') ms = Date.parse(v)
  else if (isPlainObject(v) && Object.keys(v).length === 1 && '$numberLong' in v) ms = parseIntStrict(v.$numberLong, '$date')
  else throw invalidParam('invalid $date')
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) throw invalidParam('invalid $date')
  return d
}

/** Decode one EJSON wrapper object, or return undefined when `obj` is an ordinary object. */
function decodeWrapper(obj: Record<string, unknown>, keys: string[], opts: DecodeOptions, depth: number): unknown {
  if (keys.length === 1) {
    const k = keys[0]
    const v = obj[k]
    switch (k) {
      case '$numberInt':
        return parseIntStrict(v, '$numberInt')
      case '$numberLong':
        return parseIntStrict(v, '$numberLong')
      case '$numberDouble':
        return parseDouble(v)
      case '$numberDecimal': {
        const n = Number(v)
        if (typeof v !== 'string' || Number.isNaN(n)) throw invalidParam('invalid $numberDecimal')
        return n
      }
      case '$date':
        return decodeDate(v)
      case '$oid':
        if (typeof v !== 'string' || !/^[0-9a-fA-F]{24}$/.test(v)) throw invalidParam('invalid $oid')
        return new ObjectIdValue(v.toLowerCase())
      case '$regularExpression': {
        if (!isPlainObject(v)) throw invalidParam('invalid $regularExpression')
        return makeRegExp(v.pattern, v.options)
      }
      case '$binary': {
        if (!isPlainObject(v) || typeof v.base64 !== 'string' || typeof v.subType !== 'string') {
          throw invalidParam('invalid $binary')
        }
        return new BinaryValue(v.base64, v.subType)
      }
      case '$undefined':
        return null
      case '$symbol':
        if (typeof v !== 'string') throw invalidParam('invalid $symbol')
        return v
      case '$tcb_server_date': {
        const inner = isPlainObject(v) ? (decodeValue(v, opts, depth + 1) as Record<string, unknown>) : {}
        const offset = typeof inner.offset === 'number' ? inner.offset : 0
        return new Date((opts.now ?? Date.now()) + offset)
      }
      case '$code':
      case '$dbPointer':
      case '$minKey':
      case '$maxKey':
      case '$timestamp':
        throw invalidParam(`${k} is not supported`)
      default:
        return undefined
    }
  }
  if (keys.length === 2 && '$regex' in obj && '$options' in obj && typeof obj.$regex === 'string' && typeof obj.$options === 'string') {
    // legacy EJSON regex; as a query it means the same thing as a RegExp value
    return makeRegExp(obj.$regex, obj.$options)
  }
  if (keys.length === 2 && '$binary' in obj && '$type' in obj && typeof obj.$binary === 'string' && typeof obj.$type === 'string') {
    return new BinaryValue(obj.$binary, obj.$type)
  }
  return undefined
}

/**
 * Turn a JSON value holding EJSON wrappers into in-memory JS values.
 * Values that are already JS (Date, RegExp, ...) pass through, so seed data may mix both.
 */
export function decodeValue(value: unknown, opts: DecodeOptions = {}, depth = 0): unknown {
  if (depth > (opts.maxDepth ?? 100)) throw invalidParam('document nesting is too deep')
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return Number(value)
    if (value === undefined) return null
    return value
  }
  if (value instanceof Date || value instanceof RegExp || value instanceof ObjectIdValue || value instanceof BinaryValue) {
    return value
  }
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, opts, depth + 1))
  if (!isPlainObject(value)) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      return decodeValue((value as { toJSON(): unknown }).toJSON(), opts, depth + 1)
    }
    throw invalidParam('unsupported value type')
  }
  const keys = Object.keys(value)
  if (keys.length > 0 && keys.length <= 2 && keys[0].startsWith('$')) {
    const w = decodeWrapper(value, keys, opts, depth)
    if (w !== undefined) return w
  }
  const out: Record<string, unknown> = {}
  for (const k of keys) {
    assertSafeKey(k)
    const v = value[k]
    if (v === undefined) continue
    out[k] = decodeValue(v, opts, depth + 1)
  }
  return out
}

/** Parse an EJSON string coming from the SDK. */
export function parseEJSON(text: unknown, what: string, opts: DecodeOptions = {}): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw invalidParam(`${what} is not valid EJSON`)
  }
  return decodeValue(raw, opts)
}

/** Encode an in-memory value as (relaxed) Extended JSON that bson's EJSON.parse understands. */
export function encodeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return { $numberDouble: 'NaN' }
      if (value === Infinity) return { $numberDouble: 'Infinity' }
      if (value === -Infinity) return { $numberDouble: '-Infinity' }
      if (Object.is(value, -0)) return { $numberDouble: '-0.0' }
      return value
    case 'string':
    case 'boolean':
      return value
    case 'bigint':
      return { $numberLong: value.toString() }
    case 'object':
      break
    default:
      return null
  }
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } }
  if (value instanceof RegExp) {
    return { $regularExpression: { pattern: value.source, options: value.flags.split('').filter((f) => JS_REGEX_FLAGS.has(f)).sort().join('') } }
  }
  if (value instanceof ObjectIdValue) return { $oid: value.hex }
  if (value instanceof BinaryValue) return { $binary: { base64: value.base64, subType: value.subType } }
  if (Array.isArray(value)) return value.map(encodeValue)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue
    out[k] = encodeValue(v)
  }
  return out
}

export function stringifyEJSON(value: unknown): string {
  return JSON.stringify(encodeValue(value))
}

/** Deep copy of an in-memory document (keeps Date/RegExp/ObjectId/Binary instances). */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (value instanceof RegExp || value instanceof ObjectIdValue || value instanceof BinaryValue) return value
  if (Array.isArray(value)) return value.map(cloneValue) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = cloneValue(v)
  return out as T
}
