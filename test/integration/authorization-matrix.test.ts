// Every action of `npm run cloud -- actions --json` × every role × owner / non-owner, generated
// from the declarations: a caller outside an action's roles, or reaching a record outside its
// declared scope, gets PERMISSION_DENIED, the database is not written, and the error carries none
// of the record's personal data. Everyone else gets anything but PERMISSION_DENIED.
//
// One emulator for the suite. Within each role, the refusals run first, on the world as it was
// made; the allowed calls then change it freely (they only have to pass the scope checks, which
// come before any state check).
import type { Envelope } from '../../src/core/envelope'
import { ROLES, type Role } from '../../src/core/roles'
import { isStationWide } from '../../src/core/scope'
import type { TestCloud } from '../support/cloud'
import { listActions, type ListedAction } from '../support/action-list'
import { CALLERS, INPUTS, inputFor, PERSONAL_STRINGS, setRoles, startAuthorizationWorld, type World } from './authorization-support'

const actions = listActions()

type Variant = 'owner' | 'non-owner' | 'any'
interface Case {
  action: ListedAction
  role: Role
  variant: Variant
  caller: string
  allowed: boolean
}

const STAFF: readonly Role[] = ['officer', 'station_leader', 'admin']

/**
 * Who calls: the record's owner or a stranger (own); the covering officer or another officer
 * (communities, as staff), or a resident of the community or of another (communities, as anyone else).
 */
function callerOf(action: ListedAction, role: Role, variant: Variant): string {
  if (action.scope === 'station') return CALLERS.IN
  if (action.scope === 'own' || !STAFF.includes(role)) return variant === 'owner' ? CALLERS.A : CALLERS.B
  return variant === 'owner' ? CALLERS.IN : CALLERS.OUT
}

function casesFor(role: Role): Case[] {
  return actions
    .filter((action) => INPUTS[action.key])
    .flatMap((action) => {
      const variants: Variant[] = action.scope === 'station' ? ['any'] : ['owner', 'non-owner']
      const { reaches, caller } = inputFor(action.key)
      return variants.map((variant) => {
        const inScope = !reaches || variant === 'owner' || (action.scope === 'communities' && isStationWide([role]))
        return { action, role, variant, caller: caller ?? callerOf(action, role, variant), allowed: action.roles.includes(role) && inScope }
      })
    })
}

let cloud: TestCloud
let world: World
beforeAll(async () => {
  ;({ cloud, world } = await startAuthorizationWorld())
})
afterAll(() => cloud?.stop())

const call = (c: Case) => cloud.call(c.caller, c.action.function, { action: c.action.action, ...inputFor(c.action.key).input(world) })
const describeError = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : `${envelope.error.code}: ${envelope.error.message}`)

it('has an input factory for every action the action list names', () => {
  const missing = actions.filter((a) => !INPUTS[a.key]).map((a) => a.key)
  expect(missing).toEqual([])
})

it('declares `reaches` only on actions scoped to owners or communities', () => {
  expect(actions.filter((a) => a.scope === 'station' && INPUTS[a.key]?.reaches).map((a) => a.key)).toEqual([])
})

describe.each(ROLES)('as %s', (role) => {
  const cases = casesFor(role)
  const refused = cases.filter((c) => !c.allowed)
  const allowed = cases.filter((c) => c.allowed)
  const label = (c: Case) => [`${c.action.key} (${c.action.scope}) by ${c.variant === 'any' ? 'a' : `the ${c.variant}`} ${role}`, c] as const

  beforeAll(() => setRoles(cloud, [role]))

  if (refused.length > 0) {
    it.each(refused.map(label))('%s: PERMISSION_DENIED, nothing written, nothing leaked', async (_label, c) => {
      cloud.resetWrites()
      const envelope = await call(c)
      expect(describeError(envelope)).toMatch(/^PERMISSION_DENIED: /)
      expect(cloud.writes()).toBe(0)
      const said = JSON.stringify(envelope)
      for (const secret of [...PERSONAL_STRINGS, CALLERS.A]) expect(said).not.toContain(secret)
    })
  }

  it.each(allowed.map(label))('%s: allowed', async (_label, c) => {
    expect(describeError(await call(c))).not.toMatch(/^PERMISSION_DENIED/)
  })
})
