// Describes a cloud function's actions once, for the function (parsing, role checks), the typed
// client and the generated action manifest. After tcb-router's shape, with zod in place of strings.
import * as z from 'zod/mini'
import type { Role } from './roles'

/**
 * Which records an action may touch, beyond the role check: the caller's own (`own`), those of the
 * communities an officer covers (leaders and admins: all; a resident: their own community's)
 * (`communities`), or station-wide data that the allowed roles may all see or change (`station`).
 */
export const SCOPES = ['own', 'communities', 'station'] as const
export type Scope = (typeof SCOPES)[number]

export interface ActionSpec<I extends z.ZodMiniObject = z.ZodMiniObject, O extends z.ZodMiniType = z.ZodMiniType> {
  /** What the action does, for the action list and the README. */
  summary: string
  input: I
  output: O
  /** Roles allowed to call it; checked against the roles stored for the caller. */
  roles: readonly Role[]
  /** Which records the action reaches (see Scope); the runtime's scope checks follow it. */
  scope: Scope
  /** Largest event accepted, in bytes of JSON; most actions keep the small default. */
  maxBytes?: number
}

/** Events larger than this are refused before parsing: an attack or a bug, not a request. */
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024

/**
 * Deeper than any contract nests: refused before JSON.stringify or zod recurse into it (on Node's
 * default stack a 10,000-level array already makes JSON.stringify throw RangeError).
 */
export const MAX_EVENT_DEPTH = 32

/** Whether `value` nests deeper than `max` objects/arrays; iterative, so any depth is safe to measure. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    if (depth >= max) return true
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return false
}

export interface FunctionContract<N extends string = string, A extends Record<string, ActionSpec> = Record<string, ActionSpec>> {
  name: N
  actions: A
}

export function defineFunction<const N extends string, const A extends Record<string, ActionSpec>>(name: N, actions: A): FunctionContract<N, A> {
  return { name, actions }
}

export type ActionName<F extends FunctionContract> = keyof F['actions'] & string
export type InputOf<F extends FunctionContract, A extends ActionName<F>> = z.input<F['actions'][A]['input']>
export type OutputOf<F extends FunctionContract, A extends ActionName<F>> = z.output<F['actions'][A]['output']>

/**
 * The event a function accepts: a discriminated union on `action`, each member strict, so an
 * unknown action, an unknown key (including `__proto__`) or a bad payload fails before any handler.
 */
export function eventSchema(contract: FunctionContract) {
  const members = Object.entries(contract.actions).map(([name, spec]) =>
    z.strictObject({ ...spec.input.shape, action: z.literal(name) }),
  )
  const [first, ...rest] = members
  if (!first) throw new Error(`${contract.name} declares no actions`)
  return z.discriminatedUnion('action', [first, ...rest])
}

/** The machine-readable list of a function's actions (written beside each built function). */
export function actionManifest(contract: FunctionContract) {
  return {
    function: contract.name,
    actions: Object.entries(contract.actions).map(([name, spec]) => ({
      name,
      summary: spec.summary,
      roles: [...spec.roles],
      scope: spec.scope,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
    })),
  }
}

/** An enum of `schema`'s values but `excluded` (classic zod's `.exclude`, which zod/mini has not). */
export function enumWithout<T extends string, const X extends T>(schema: z.ZodMiniEnum<{ [K in T]: K }>, excluded: readonly X[]) {
  return z.enum(schema.options.filter((value): value is Exclude<T, X> => !(excluded as readonly string[]).includes(value)))
}
