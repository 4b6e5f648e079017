// Hostile input against every action of `npm run cloud -- actions --json`, generated from each
// input's JSON Schema and the valid input of authorization-support.ts: wrong types, missing and
// extra fields, megabyte strings, deep nesting, __proto__ / constructor / prototype keys, Mongo
// operators wherever a string is expected, and other people's record ids. Each must get its error
// code, change nothing (no write, no message sent, no file stored), carry none of the world's
// personal data (the matrix's leak check), and leave the function serving (a normal call succeeds
// right after).
//
// Nesting: the emulator hands an event to its function thread by structured clone, which cannot
// copy much more than 2,000 levels (deeper events fail the call at once, see emulator/README.md),
// so 2,000 levels go through the emulator and 10,000 and 1,000,000 levels, which the cloud would
// deliver (it parses the event from JSON text), go straight into each function's entry point.
import { ROLES } from '../../src/core/roles'
import type { Envelope } from '../../src/core/envelope'
import { happenings, type TestCloud } from '../support/cloud'
import { listActions, type JsonSchema, type ListedAction } from '../support/action-list'
import { CALLERS, INPUTS, inputFor, personalDataIn, setRoles, startAuthorizationWorld, type World } from './authorization-support'

const actions = listActions().filter((a) => INPUTS[a.key])

type Input = Record<string, unknown>
interface Attack {
  name: string
  event: (valid: Input) => unknown
  /** Codes that are right for it. */
  codes: string[]
}

const MEGABYTE = 'x'.repeat(1024 * 1024)
const TRANSFERABLE_DEPTH = 2_000
const OPERATORS = [{ $ne: null }, { $regex: '.*' }, { $gt: '' }]

function deeplyNested(levels: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value }
  return value
}

/** The schema of a value, seen through nullable/optional unions. */
function concrete(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf
  return options?.find((o) => o.type !== 'null') ?? schema
}

function typeOf(schema: JsonSchema): string | undefined {
  const s = concrete(schema)
  if (typeof s.type === 'string') return s.type
  if (s.enum || s.const !== undefined) return 'string'
  return undefined
}

const WRONG: Record<string, unknown> = { string: 12345, number: 'twelve', integer: 'twelve', boolean: 'yes', object: 'not an object', array: { not: 'an array' }, null: 'x' }

/** Paths (up to three levels deep) of every string the input holds, with whether it sits in an array. */
function stringPaths(schema: JsonSchema, path: string[] = []): string[][] {
  if (path.length > 3) return []
  const s = concrete(schema)
  const type = typeOf(s)
  if (type === 'string') return [path]
  if (type === 'object' && s.properties) return Object.entries(s.properties).flatMap(([key, child]) => stringPaths(child, [...path, key]))
  if (type === 'array' && s.items && typeOf(s.items) === 'string') return [[...path, '0']]
  return []
}

function setAt(input: Input, path: string[], value: unknown): Input {
  const copy = structuredClone(input)
  let node = copy as Record<string, unknown>
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(key) ? [] : {}
    node = node[key] as Record<string, unknown>
  }
  // Defined, not assigned: assigning `__proto__` would set the prototype, as JSON.parse never does.
  Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true })
  return copy
}

/** Strict objects nested in the input (they refuse unknown keys, like the event itself). */
function strictObjectPaths(schema: JsonSchema, path: string[] = []): string[][] {
  const s = concrete(schema)
  if (typeOf(s) !== 'object' || !s.properties) return []
  const here = s.additionalProperties === false && path.length > 0 ? [path] : []
  return [...here, ...Object.entries(s.properties).flatMap(([key, child]) => strictObjectPaths(child, [...path, key]))]
}

const fromJson = (json: string) => JSON.parse(json) as Input

function attacksOn(action: ListedAction): Attack[] {
  const schema = action.input
  const properties = Object.entries(schema.properties ?? {})
  const withAction = (input: Input) => ({ action: action.action, ...input })
  const invalid = ['INVALID_ARGUMENT']
  const attacks: Attack[] = []
  for (const [key, property] of properties) {
    const type = typeOf(property)
    if (type) attacks.push({ name: `${key} of the wrong type`, event: (v) => withAction({ ...v, [key]: WRONG[type] }), codes: invalid })
  }
  for (const key of schema.required ?? []) {
    attacks.push({ name: `${key} missing`, event: (v) => withAction(Object.fromEntries(Object.entries(v).filter(([k]) => k !== key))), codes: invalid })
  }
  attacks.push({ name: 'an extra field', event: (v) => withAction({ ...v, isAdmin: true }), codes: invalid })
  attacks.push({ name: 'an extra field of a megabyte', event: (v) => withAction({ ...v, padding: MEGABYTE }), codes: invalid })
  attacks.push({ name: `${TRANSFERABLE_DEPTH} levels of nesting`, event: (v) => withAction({ ...v, [properties[0]?.[0] ?? 'nested']: deeplyNested(TRANSFERABLE_DEPTH) }), codes: invalid })
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    attacks.push({ name: `a ${key} key`, event: (v) => ({ ...fromJson(`{"${key}":{"roles":["admin"],"isAdmin":true}}`), ...withAction(v) }), codes: invalid })
    for (const path of strictObjectPaths(schema)) {
      attacks.push({ name: `a ${key} key in ${path.join('.')}`, event: (v) => withAction(setAt(v, [...path, key], { polluted: true })), codes: invalid })
    }
  }
  for (const path of stringPaths(schema)) {
    attacks.push({ name: `${path.join('.')} of a megabyte`, event: (v) => withAction(setAt(v, path, MEGABYTE)), codes: invalid })
    for (const operator of OPERATORS) {
      attacks.push({ name: `${path.join('.')} = ${JSON.stringify(operator)}`, event: (v) => withAction(setAt(v, path, operator)), codes: invalid })
    }
  }
  return attacks
}

let cloud: TestCloud
let world: World
let tried = 0
beforeAll(async () => {
  ;({ cloud, world } = await startAuthorizationWorld())
})
afterAll(async () => {
  console.log(`adversarial suite: ${tried} hostile calls tried, each followed by a normal call`)
  await cloud?.stop()
})

/**
 * Per function, a normal call that must still answer after each attack: its first action without
 * required fields, or else its first action with the input table's valid input.
 */
const probes = new Map<string, ListedAction>()
for (const a of listActions()) if (!probes.has(a.function) && !(a.input.required ?? []).length) probes.set(a.function, a)
for (const a of listActions()) if (!probes.has(a.function) && INPUTS[a.key] && !INPUTS[a.key].caller) probes.set(a.function, a)

const outcome = (e: Envelope<unknown>) => (e.ok ? 'ok' : e.error.code)

async function attack(action: ListedAction, caller: string, name: string, event: unknown, codes: string[]): Promise<string | null> {
  tried++
  cloud.resetWrites()
  let envelope: Envelope<unknown>
  try {
    envelope = await cloud.call(caller, action.function, event)
  } catch (error) {
    return `${name}: the call failed (${(error as Error).message})`
  }
  const happened = happenings(cloud)
  const probeAction = probes.get(action.function)!
  const probeEvent = { action: probeAction.action, ...inputFor(probeAction.key).input(world) }
  // A, or else the covering officer (when A holds only the resident role and the probe is for staff).
  let probe = await cloud.call(CALLERS.A, action.function, probeEvent)
  if (!probe.ok && probe.error.code === 'PERMISSION_DENIED') probe = await cloud.call(CALLERS.IN, action.function, probeEvent)
  if (!codes.includes(outcome(envelope))) return `${name}: answered ${envelope.ok ? 'ok' : `${envelope.error.code} (${envelope.error.message})`}, expected ${codes.join(' or ')}`
  if (happened.writes + happened.messages + happened.files !== 0) return `${name}: changed the world (${JSON.stringify(happened)})`
  const leaked = personalDataIn(envelope)
  if (leaked.length > 0) return `${name}: the answer carries personal data (${leaked.join(', ')})`
  if (!probe.ok) return `${name}: the function did not answer a normal call afterwards (${outcome(probe)})`
  return null
}

it.each([...new Set(actions.map((a) => a.function))])('%s: the entry point refuses 10,000 and 1,000,000 levels of nesting before anything else', async (fn) => {
  const { main } = (await import(`../../cloudfunctions/${fn}/index`)) as { main: (event: unknown) => Promise<Envelope<unknown>> }
  const action = actions.find((a) => a.function === fn)!.action
  for (const levels of [10_000, 1_000_000]) {
    tried++
    expect(await main({ action, nested: deeplyNested(levels) })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  }
})

it('has an input for every listed action and a probe for every function', () => {
  expect(listActions().filter((a) => !INPUTS[a.key]).map((a) => a.key)).toEqual([])
  expect([...new Set(listActions().map((a) => a.function))].filter((f) => !probes.has(f))).toEqual([])
})

describe('malformed input, from a caller holding every role', () => {
  beforeAll(() => setRoles(cloud, [...ROLES]))

  it.each(actions.map((a) => [a.key, a] as const))('%s refuses every attack, changes nothing, leaks nothing and stays up', async (_key, action) => {
    const valid = inputFor(action.key).input(world)
    const failures: string[] = []
    for (const { name, event, codes } of attacksOn(action)) {
      const failure = await attack(action, CALLERS.A, name, event(valid), codes)
      if (failure) failures.push(failure)
    }
    expect(failures).toEqual([])
  })
})

describe('other people’s record ids', () => {
  beforeAll(() => setRoles(cloud, { A: ['resident'], B: ['resident', 'volunteer'], IN: ['officer'], OUT: ['officer'] }))

  const reaching = actions.filter((a) => inputFor(a.key).reaches)
  it.each(reaching.map((a) => [a.key, a] as const))('%s refuses a stranger', async (_key, action) => {
    const stranger = action.scope === 'own' || !action.roles.includes('officer') ? CALLERS.B : CALLERS.OUT
    const failure = await attack(action, stranger, 'a stranger', { action: action.action, ...inputFor(action.key).input(world) }, ['PERMISSION_DENIED', 'NOT_FOUND'])
    expect(failure).toBeNull()
  })
})
