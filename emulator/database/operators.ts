// The operator set the emulator answers with: all of mingo's operators, the geo query operators
// (geo.ts), and replacements where mingo's answer differs from MongoDB's, which CloudBase documents
// for every operator it lists. Each replacement is pinned by test/integration/emulator/conformance.test.ts
// through the real wx-server-sdk; docs/emulator-conformance.md lists them.
//
// mingo's own entry point merges a caller's context *under* its defaults (Context.from keeps the
// first definition), so a replacement only takes effect in a context built here and used with
// mingo's base Query / Aggregator / updater (engine.ts).

import { Context, evalExpr } from 'mingo/core'
import { Lazy } from 'mingo/lazy'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import { compare, resolve } from 'mingo/util'
import { dbRequestFailed } from '../errors'
import { geoQueryOperators } from './geo'

// mingo's operator signatures: (document, operator argument, options)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Options = any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Iter = any

const MS_PER_DAY = 86_400_000

function fail(message: string): never {
  throw dbRequestFailed(`[InvalidParameter] ${message}`)
}

/** A date argument as the date operators take it: a date, or { date, timezone } (offset applied). */
function dateArg(obj: unknown, expr: unknown, options: Options): Date {
  const v = evalExpr(obj, expr, options) as unknown
  if (v instanceof Date) return v
  const spec = v as { date?: unknown; timezone?: unknown } | null
  if (!spec || !(spec.date instanceof Date)) fail(`can't convert ${JSON.stringify(expr)} to a date`)
  if (spec.timezone === undefined || spec.timezone === null) return spec.date
  // mingo's date operators read the time zone the same way; reuse $hour's handling through $dateToParts
  const parts = (expressionOperators.$dateToParts as (o: unknown, e: unknown, op: Options) => Record<string, number>)(
    obj,
    { date: spec.date, timezone: spec.timezone },
    options,
  )
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond))
}

// 2026-05-21, 2026-05-21 08:00, 2026-05-21T08:00:00.5, … with Z, +08:00, +0800 or +08
const ISO_LOOSE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/

const dayOfYear0 = (d: Date) => Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / MS_PER_DAY)

/** The ISO week-numbering year: the year of the Thursday of the date's week (Monday first). */
function isoWeekYearOf(d: Date): number {
  const isoDay = d.getUTCDay() || 7
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - isoDay))
  return thursday.getUTCFullYear()
}

/** Monday of ISO week 1 of `year`: the week that holds 4 January. */
function isoYearStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4)
  const isoDay = new Date(jan4).getUTCDay() || 7
  return jan4 - (isoDay - 1) * MS_PER_DAY
}

const expressionFixes = {
  // MongoDB: weeks begin on Sunday; days before the year's first Sunday are week 0 (strftime's %U).
  $week: (obj: unknown, expr: unknown, options: Options) => {
    const d = dateArg(obj, expr, options)
    return Math.floor((dayOfYear0(d) + 7 - d.getUTCDay()) / 7)
  },
  // mingo moves only a Sunday 1 January into the previous year; ISO moves 1–3 January whenever
  // their week's Thursday is in December, and 29–31 December into the next year likewise.
  $isoWeekYear: (obj: unknown, expr: unknown, options: Options) => isoWeekYearOf(dateArg(obj, expr, options)),
  // mingo reads only the calendar form; MongoDB also takes isoWeekYear / isoWeek / isoDayOfWeek.
  $dateFromParts: (obj: unknown, expr: unknown, options: Options) => {
    const args = evalExpr(obj, expr, options) as Record<string, unknown>
    if (args?.isoWeekYear === undefined) return (expressionOperators.$dateFromParts as (o: unknown, e: unknown, op: Options) => Date)(obj, args, options)
    if (args.year !== undefined) fail('$dateFromParts takes either year or isoWeekYear, not both')
    const n = (k: string, dflt: number) => (args[k] === undefined || args[k] === null ? dflt : Number(args[k]))
    const local =
      isoYearStart(n('isoWeekYear', 1970)) +
      ((n('isoWeek', 1) - 1) * 7 + (n('isoDayOfWeek', 1) - 1)) * MS_PER_DAY +
      n('hour', 0) * 3_600_000 +
      n('minute', 0) * 60_000 +
      n('second', 0) * 1000 +
      n('millisecond', 0)
    if (args.timezone === undefined || args.timezone === null) return new Date(local)
    // the zone's offset at that local time: take it from the calendar form, which handles zones
    const asDate = new Date(local)
    return (expressionOperators.$dateFromParts as (o: unknown, e: unknown, op: Options) => Date)(
      obj,
      {
        year: asDate.getUTCFullYear(), month: asDate.getUTCMonth() + 1, day: asDate.getUTCDate(), hour: asDate.getUTCHours(),
        minute: asDate.getUTCMinutes(), second: asDate.getUTCSeconds(), millisecond: asDate.getUTCMilliseconds(), timezone: args.timezone,
      },
      options,
    )
  },
  // Without a format MongoDB reads ISO 8601 loosely: a date alone, a space or a T before the time,
  // seconds and milliseconds optional, Z or an offset at the end. mingo read only its own default
  // format (%Y-%m-%dT%H:%M:%S.%LZ and shorter prefixes of it).
  $dateFromString: (obj: unknown, expr: unknown, options: Options) => {
    const args = evalExpr(obj, expr, options) as Record<string, unknown>
    const mingoParse = () => (expressionOperators.$dateFromString as (o: unknown, e: unknown, op: Options) => unknown)(obj, args, options)
    if (args?.format !== undefined && args.format !== null) return mingoParse()
    const text = args?.dateString
    if (text === null || text === undefined) return args.onNull ?? null
    const m = typeof text === 'string' ? ISO_LOOSE.exec(text.trim()) : null
    if (!m) {
      if (args.onError !== undefined) return args.onError
      fail(`$dateFromString: error parsing date string '${String(text)}'`)
    }
    const [, year, month, day, hour, minute, second, fraction, zone] = m
    if (zone && args.timezone !== undefined && args.timezone !== null) fail('$dateFromString: a date string with a time zone cannot take a timezone argument too')
    const offset = zone === undefined || zone === 'Z' ? undefined : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
    return (expressionOperators.$dateFromParts as (o: unknown, e: unknown, op: Options) => Date)(
      obj,
      {
        year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0),
        millisecond: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
        ...(zone === undefined ? (args.timezone !== undefined && args.timezone !== null ? { timezone: args.timezone } : {}) : offset ? { timezone: offset } : {}),
      },
      options,
    )
  },
  // MongoDB 4.2: { $trunc: <number> } as well as { $trunc: [<number>, <place>] }
  $trunc: (obj: unknown, expr: unknown, options: Options) =>
    (expressionOperators.$trunc as (o: unknown, e: unknown, op: Options) => number)(obj, Array.isArray(expr) ? expr : [expr], options),
  // MongoDB counts UTF-8 bytes here (a Chinese character is 3); mingo counted UTF-16 code units.
  $indexOfBytes: (obj: unknown, expr: unknown, options: Options) => {
    const [s, search, start, end] = indexArgs('$indexOfBytes', obj, expr, options)
    if (s === null) return null
    const bytes = Buffer.from(s, 'utf8')
    const stop = Math.min(end ?? bytes.length, bytes.length)
    if (start > stop) return -1
    return bytes.subarray(0, stop).indexOf(Buffer.from(search, 'utf8'), start)
  },
  // MongoDB: a negative length means "to the end"; a start past the string gives ''. mingo's
  // $substr is $substrBytes, which refuses both.
  $substr: (obj: unknown, expr: unknown, options: Options) => {
    if (!Array.isArray(expr) || expr.length !== 3) fail('$substr expects 3 arguments')
    const [s, start, length] = evalExpr(obj, expr, options) as unknown[]
    if (s === null || s === undefined) return ''
    const text = typeof s === 'string' ? s : String(s)
    const bytes = Buffer.from(text, 'utf8')
    if (typeof start !== 'number' || typeof length !== 'number') fail('$substr takes numbers as its start and length')
    if (start < 0 || start >= bytes.length) return ''
    const end = length < 0 ? bytes.length : Math.min(bytes.length, start + length)
    return (expressionOperators.$substrBytes as (o: unknown, e: unknown, op: Options) => string)(obj, [text, start, end - start], options)
  },
  // MongoDB: null or a missing field gives '' (mingo gave null)
  $toLower: (obj: unknown, expr: unknown, options: Options) => caseOf('$toLower', obj, expr, options) ?? '',
  $toUpper: (obj: unknown, expr: unknown, options: Options) => caseOf('$toUpper', obj, expr, options) ?? '',
  // listed by @cloudbase/database and the CloudBase docs; mingo does not have it
  $indexOfCP: (obj: unknown, expr: unknown, options: Options) => {
    const [s, search, start, end] = indexArgs('$indexOfCP', obj, expr, options)
    if (s === null) return null
    const cps = [...s]
    const needle = [...search]
    const stop = Math.min(end ?? cps.length, cps.length)
    for (let i = start; i + needle.length <= stop; i++) {
      if (needle.every((c, j) => cps[i + j] === c)) return i
    }
    return -1
  },
}

function caseOf(op: '$toLower' | '$toUpper', obj: unknown, expr: unknown, options: Options): string | null {
  return (expressionOperators[op] as (o: unknown, e: unknown, op: Options) => string | null)(obj, expr, options)
}

function indexArgs(op: string, obj: unknown, expr: unknown, options: Options): [string | null, string, number, number | undefined] {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) fail(`${op} expects 2 to 4 arguments`)
  const [s, search, start, end] = evalExpr(obj, expr, options) as unknown[]
  if (s === null || s === undefined) return [null, '', 0, undefined]
  if (typeof s !== 'string') fail(`${op} requires a string as the first argument`)
  if (typeof search !== 'string') fail(`${op} requires a string as the second argument`)
  const int = (v: unknown, name: string) => {
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`${op} ${name} must be a non-negative integer`)
    return v
  }
  return [s, search, int(start, 'start') ?? 0, int(end, 'end')]
}

// an empty array sorts before null and a missing field (MongoDB's sort order)
const EMPTY_ARRAY = Symbol('empty array')

/** The value a document sorts by on `path`: an array by its least element ascending, its greatest descending. */
function sortKey(doc: unknown, path: string, direction: 1 | -1): unknown {
  const v = resolve(doc as Record<string, unknown>, path)
  if (!Array.isArray(v)) return v ?? null
  if (v.length === 0) return EMPTY_ARRAY
  return v.reduce((best, x) => (compare(x ?? null, best ?? null) * direction < 0 ? x : best))
}

/**
 * Sorts documents as MongoDB does (stable: ties keep their order). mingo sorted an array by the
 * array as a whole, so a descending sort on an array field put [1, 10] after [5].
 */
export function sortDocs<T>(docs: T[], spec: Record<string, unknown>): T[] {
  const fields = Object.entries(spec).map(([path, d]) => ({ path, direction: (d === -1 ? -1 : 1) as 1 | -1 }))
  const keyed = docs.map((doc) => ({ doc, keys: fields.map((f) => sortKey(doc, f.path, f.direction)) }))
  keyed.sort((a, b) => {
    for (const [i, f] of fields.entries()) {
      const x = a.keys[i]
      const y = b.keys[i]
      const c = x === EMPTY_ARRAY || y === EMPTY_ARRAY ? (x === y ? 0 : x === EMPTY_ARRAY ? -1 : 1) : compare(x, y)
      if (c !== 0) return c * f.direction
    }
    return 0
  })
  return keyed.map((k) => k.doc)
}

const pipelineFixes = {
  $sort: (coll: Iter, spec: Record<string, unknown>, options: Options) => {
    if (!spec || typeof spec !== 'object' || Object.keys(spec).length === 0) fail('$sort specification is invalid')
    // a collation compares strings by locale: mingo's own $sort handles it (the app sets none)
    if (options?.collation) return (pipelineOperators.$sort as (c: Iter, s: unknown, o: Options) => Iter)(coll, spec, options)
    return coll.transform((docs: unknown[]) => Lazy(sortDocs(docs, spec)))
  },
  // MongoDB: each bucket holds [boundary, next boundary); mingo put a value equal to a boundary
  // into the bucket below it.
  $bucket: (coll: Iter, expr: Record<string, unknown>, options: Options) => {
    const bounds = expr.boundaries as unknown[]
    if (!Array.isArray(bounds) || bounds.length < 2) fail('$bucket needs at least two boundaries')
    for (let i = 1; i < bounds.length; i++) if (compare(bounds[i], bounds[i - 1]) <= 0) fail('$bucket boundaries must be ascending')
    const hasDefault = expr.default !== undefined
    const output = (expr.output as Record<string, unknown> | undefined) ?? { count: { $sum: 1 } }
    return coll.transform((docs: unknown[]) => {
      const buckets = bounds.slice(0, -1).map(() => [] as unknown[])
      const others: unknown[] = []
      for (const doc of docs) {
        const key = evalExpr(doc, expr.groupBy, options)
        let i = -1
        if (key !== null && key !== undefined && compare(key, bounds[0]) >= 0 && compare(key, bounds[bounds.length - 1]) < 0) {
          i = 0
          while (compare(key, bounds[i + 1]) >= 0) i++
        }
        if (i >= 0) buckets[i].push(doc)
        else if (hasDefault) others.push(doc)
        else fail('$bucket could not find a matching branch for an input, and no default was specified')
      }
      const out: unknown[] = []
      buckets.forEach((members, i) => {
        if (members.length) out.push({ _id: bounds[i], ...(evalExpr(members, output, options) as object) })
      })
      if (others.length) out.push({ _id: expr.default, ...(evalExpr(others, output, options) as object) })
      return Lazy(out)
    })
  },
  // MongoDB: no input documents, no output document (mingo answered { n: 0 })
  $count: (coll: Iter, expr: unknown, options: Options) =>
    coll.transform((docs: unknown[]) => (docs.length ? (pipelineOperators.$count as (c: Iter, e: unknown, o: Options) => Iter)(Lazy(docs), expr, options) : Lazy([]))),
  // MongoDB picks `size` distinct documents (a random sort); mingo drew with replacement.
  $sample: (coll: Iter, expr: { size?: unknown }) => {
    const size = expr?.size
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) fail('$sample size must be a non-negative integer')
    return coll.transform((docs: unknown[]) => {
      const pool = [...docs]
      const n = Math.min(size, pool.length)
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(Math.random() * (pool.length - i))
        ;[pool[i], pool[j]] = [pool[j], pool[i]]
      }
      return Lazy(pool.slice(0, n))
    })
  },
}

// mingo's own query operators: (field path, argument, options) => test of a document
type QueryOp = (selector: string, value: unknown, options: Options) => (obj: unknown) => boolean
const nullOrMissing = (selector: string, value: unknown, options: Options, op: '$gte' | '$lte') =>
  value === null ? (queryOperators.$eq as QueryOp)(selector, null, options) : (queryOperators[op] as QueryOp)(selector, value, options)

const queryFixes = {
  // MongoDB: { $gte: null } and { $lte: null } match null and a missing field, like { $eq: null }
  $gte: (selector: string, value: unknown, options: Options) => nullOrMissing(selector, value, options, '$gte'),
  $lte: (selector: string, value: unknown, options: Options) => nullOrMissing(selector, value, options, '$lte'),
  // CloudBase validates with MongoDB's draft-4 dialect (bsonType …); the emulator has no such
  // validator, so it refuses the operator rather than answer differently.
  $jsonSchema: () => fail('$jsonSchema is not supported by the local cloud (docs/emulator-conformance.md)'),
}

export const operatorContext = Context.init({
  accumulator: { ...accumulatorOperators } as never,
  expression: { ...expressionOperators, ...expressionFixes } as never,
  pipeline: { ...pipelineOperators, ...pipelineFixes } as never,
  projection: { ...projectionOperators } as never,
  query: { ...queryOperators, ...geoQueryOperators, ...queryFixes } as never,
  window: { ...windowOperators } as never,
})
