// Entry point shared by every function: parse the event against the contract's discriminated
// union, find the caller from getWXContext(), load their roles from the database, check them,
// run the handler and answer with the envelope. Handlers stay thin and never see raw events.
//
// Authorization happens in two steps, both from declarations in the contract: the runtime checks
// the action's roles before the handler runs, and hands the handler scope checks that follow the
// action's declared scope (src/core/scope.ts) for the one record it loads. Both answer
// PERMISSION_DENIED with a fixed message, never the record's owner, names or contacts.
// Decision: a record that exists but is someone else's is PERMISSION_DENIED (as issue #9 asks),
// not NOT_FOUND; a missing one stays NOT_FOUND. This tells a caller that an id exists, which is
// harmless because record ids are random or keyed digests of the owner's openid, never guessable
// sequences, and it lets the app say "not yours" instead of "gone".
import * as z from 'zod/mini'
import { AppError, fail, ok, type Envelope, type FieldIssue } from '../../src/core/envelope'
import { DEFAULT_MAX_EVENT_BYTES, MAX_EVENT_DEPTH, eventSchema, nestsDeeperThan, type FunctionContract, type ActionName, type OutputOf } from '../../src/core/contract'
import '../../src/core/issue-messages'
import { hasAnyRole } from '../../src/core/roles'
import { actsForOneStation, scopeChecks, type ScopeChecks } from '../../src/core/scope'
import { stationIdOfOfficer } from '../../src/core/bureau/views'
import { dayjs, type Dayjs } from '../../src/core/time'
import { cloud } from './cloud'
import { checkFreeText } from './content-security'
import { isTransactionConflict } from './documents'
import { currentPointerJoin, loadCurrent, type Loaded } from './jurisdiction-store'
import { getOfficer } from './officers'
import { ensureUserJoined, type Joined, type Joins, type UserDoc } from './users'

export interface Ctx extends ScopeChecks {
  openid: string
  user: UserDoc
  now(): Dayjs
  /** What the handler's joins found (withJoins), by name; empty for a handler without joins. */
  joined: Joined
  /**
   * The current jurisdiction, found through the version pointer the runtime joined onto the
   * user read: on a warm instance it costs no request (loadCurrent() would read the pointer again).
   */
  current(): Promise<Loaded>
}

/**
 * A handler whose first reads are joined onto the runtime's user read, so the two are one
 * database request (every action reads the caller's user first, for the roles). The joins are
 * reads only, made before the role check; the handler runs only once that passed.
 */
export interface JoiningHandler<I, O> {
  (ctx: Ctx, input: I): Promise<O>
  joins(input: I, caller: { openid: string; now: Dayjs }): Joins
}

export function withJoins<I, O>(joins: JoiningHandler<I, O>['joins'], handler: (ctx: Ctx, input: I) => Promise<O>): JoiningHandler<I, O> {
  return Object.assign((ctx: Ctx, input: I) => handler(ctx, input), { joins })
}

/** The communities an officer covers, as the last jurisdiction import recorded on their officer record. */
const coveredCommunityIds = async (officerId: string) => (await getOfficer(officerId))?.communityIds ?? []

/**
 * Where a station leader or station admin acts: their officer record's station in the current
 * jurisdiction (never anything the caller sends), or the first station for one without a
 * station's officer record (a deployment's admin from before bureaus). Bureau roles, officers and
 * residents need no place: their reach does not depend on it. The jurisdiction comes through the
 * pointer joined onto the user read, so on a warm instance this reads nothing.
 * Before any jurisdiction is imported there is no station: the caller reaches no station's records.
 */
async function placeOf(user: UserDoc, current: () => Promise<Loaded>): Promise<{ stationId: string | null; firstStationId: string | null }> {
  if (!actsForOneStation(user.roles)) return { stationId: null, firstStationId: null }
  let bureau
  try {
    ;({ bureau } = await current())
  } catch (error) {
    if (error instanceof AppError && error.code === 'FAILED_PRECONDITION') return { stationId: null, firstStationId: null }
    throw error
  }
  const firstStationId = bureau.stations[0]?.station.id ?? null
  const own = user.officerId ? stationIdOfOfficer(bureau, user.officerId) : null
  return { stationId: own ?? firstStationId, firstStationId }
}

/**
 * The name of the runtime's own join: every call's user read carries the jurisdiction's version
 * pointer (a one-document collection read by _id), so station staff's place and a handler's
 * ctx.current() cost no request of their own. A handler's joins may not use this name.
 */
const POINTER_JOIN = 'runtimeJurisdictionPointer'

export type Handlers<F extends FunctionContract> = {
  [A in ActionName<F>]: (ctx: Ctx, input: z.output<F['actions'][A]['input']>) => Promise<OutputOf<F, A>>
}

const issuesOf = (error: z.core.$ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }))

function parseEvent(contract: FunctionContract, schema: z.ZodMiniType, event: unknown): { ok: true; value: { action: string } & Record<string, unknown> } | { ok: false; envelope: Envelope<never> } {
  if (typeof event !== 'object' || event === null) return { ok: false, envelope: fail('INVALID_ARGUMENT', 'The request must be an object with an action.') }
  // wx.cloud.callFunction adds userInfo to every event; identity never comes from it.
  const { userInfo: _ignored, ...payload } = event as Record<string, unknown>
  if (nestsDeeperThan(payload, MAX_EVENT_DEPTH)) return { ok: false, envelope: fail('INVALID_ARGUMENT', `The request nests deeper than ${MAX_EVENT_DEPTH} levels.`) }
  let size: number
  try {
    size = JSON.stringify(payload).length
  } catch {
    return { ok: false, envelope: fail('INVALID_ARGUMENT', 'The request is not plain JSON.') }
  }
  const action = payload.action
  const maxBytes = (typeof action === 'string' && Object.hasOwn(contract.actions, action) && contract.actions[action].maxBytes) || DEFAULT_MAX_EVENT_BYTES
  if (size > maxBytes) return { ok: false, envelope: fail('INVALID_ARGUMENT', `The request is larger than ${maxBytes} bytes.`) }
  const parsed = schema.safeParse(payload)
  if (!parsed.success) return { ok: false, envelope: fail('INVALID_ARGUMENT', 'The request has invalid fields.', issuesOf(parsed.error)) }
  const { action: name, ...fields } = payload as { action: string } & Record<string, unknown>
  // The union (strict keys, one member per action) is built from each input's fields and so drops
  // the input's cross-field rules (refinements): the action's own schema parses the same raw fields
  // again with them, so a field's transform never runs on its own output.
  const refined = contract.actions[name].input.safeParse(fields)
  if (!refined.success) return { ok: false, envelope: fail('INVALID_ARGUMENT', 'The request has invalid fields.', issuesOf(refined.error)) }
  return { ok: true, value: { ...(refined.data as Record<string, unknown>), action: name } }
}

export function createMain<F extends FunctionContract>(contract: F, handlers: Handlers<F>) {
  const schema = eventSchema(contract)
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const parsed = parseEvent(contract, schema, event)
    if (!parsed.ok) return parsed.envelope
    const { action, ...input } = parsed.value
    const spec = contract.actions[action]
    const openid = cloud.getWXContext().OPENID
    if (!openid) return fail('UNAUTHENTICATED', 'No WeChat identity came with this call.')
    try {
      const now = () => dayjs()
      const handler = handlers[action as ActionName<F>] as ((ctx: Ctx, input: unknown) => Promise<unknown>) & Partial<Pick<JoiningHandler<unknown, unknown>, 'joins'>>
      const joins = handler.joins?.(input, { openid, now: now() }) ?? {}
      if (Object.hasOwn(joins, POINTER_JOIN)) throw new Error(`The join name ${POINTER_JOIN} is the runtime's own.`)
      const read = await ensureUserJoined(openid, now(), { ...joins, [POINTER_JOIN]: currentPointerJoin() })
      const { [POINTER_JOIN]: pointerSeen, ...joined } = read.joined
      const user = read.user
      if (!hasAnyRole(user.roles, spec.roles)) return fail('PERMISSION_DENIED', `Action ${action} needs one of the roles: ${spec.roles.join(', ')}.`)
      await checkFreeText(contract.name, action, input, openid)
      const current = () => loadCurrent(pointerSeen)
      const place = await placeOf(user, current)
      const data = await handler({ openid, user, now, joined, current, ...scopeChecks(spec.scope, { openid, roles: user.roles, officerId: user.officerId, stationId: place.stationId }, coveredCommunityIds, place.firstStationId) }, input)
      const output = spec.output.safeParse(data)
      if (!output.success) {
        console.error(`[${contract.name}.${action}] output failed its schema`, output.error.issues)
        return fail('INTERNAL', 'The server produced an invalid answer.')
      }
      return ok(output.data)
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.issues, error.details)
      if (isTransactionConflict(error)) return fail('CONFLICT', 'Someone changed the same record at the same moment; try again.')
      console.error(`[${contract.name}.${action}]`, error)
      return fail('INTERNAL', 'Something went wrong on the server.')
    }
  }
}
