// The scope checks handlers make on the record they load, for each declared scope.
import { AppError } from '../../src/core/envelope'
import { MAX_EVENT_DEPTH, nestsDeeperThan } from '../../src/core/contract'
import { scopeChecks, type Caller } from '../../src/core/scope'
import type { Role } from '../../src/core/roles'

const caller = (roles: Role[], officerId: string | null = null): Caller => ({ openid: 'o-me', roles, officerId })
const covers = (ids: Record<string, string[]>) => {
  const asked: string[] = []
  const load = async (officerId: string) => {
    asked.push(officerId)
    return ids[officerId] ?? []
  }
  return { load, asked }
}
const none = covers({}).load

function denied(run: () => unknown) {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a refusal')
}

const expectNotYours = (error: unknown) => {
  expect(error).toBeInstanceOf(AppError)
  expect(error).toMatchObject({ code: 'PERMISSION_DENIED', details: { why: 'not_yours' } })
  // The message is the same for every record: it names nobody.
  expect((error as AppError).message).toBe('This record is not among those you may see or change.')
}

describe('requireOwner', () => {
  it('passes the owner of an own-scoped record', () => {
    expect(() => scopeChecks('own', caller(['resident']), none).requireOwner('o-me')).not.toThrow()
  })

  it.each([['someone else', 'o-other'], ['no owner', null], ['an empty owner', '']])('refuses a record with %s', (_label, owner) => {
    expectNotYours(denied(() => scopeChecks('own', caller(['resident']), none).requireOwner(owner)))
  })

  it('refuses even a leader or an admin a record of an own-scoped action they do not own', () => {
    expectNotYours(denied(() => scopeChecks('own', caller(['station_leader', 'admin']), none).requireOwner('o-other')))
  })

  it('passes leaders and admins on a communities-scoped action, and refuses other officers', () => {
    expect(() => scopeChecks('communities', caller(['station_leader']), none).requireOwner('o-other')).not.toThrow()
    expect(() => scopeChecks('communities', caller(['admin']), none).requireOwner('o-other')).not.toThrow()
    expectNotYours(denied(() => scopeChecks('communities', caller(['officer'], 'officer-a'), none).requireOwner('o-other')))
  })

  it('is a declaration error in a station-scoped action (the handler enforces more than its contract says)', () => {
    const error = denied(() => scopeChecks('station', caller(['officer']), none).requireOwner('o-me'))
    expect(error).not.toBeInstanceOf(AppError)
    expect(String(error)).toMatch(/scope 'station'/)
  })
})

describe('requireCovered', () => {
  it('passes an officer on a record routed to them without looking up their communities', async () => {
    const { load, asked } = covers({})
    await expect(scopeChecks('communities', caller(['officer'], 'officer-a'), load).requireCovered({ officerIds: ['officer-b', 'officer-a'] })).resolves.toBeUndefined()
    expect(asked).toEqual([])
  })

  it('passes an officer on a record of a community they cover', async () => {
    const { load, asked } = covers({ 'officer-a': ['community-1', 'gacha-2'] })
    await expect(scopeChecks('communities', caller(['officer'], 'officer-a'), load).requireCovered({ communityId: 'gacha-2', officerIds: ['officer-b'] })).resolves.toBeUndefined()
    expect(asked).toEqual(['officer-a'])
  })

  it.each([
    ['a community the officer does not cover', { communityId: 'community-9' }],
    ['a record routed to another officer', { officerIds: ['officer-b'] }],
    ['a record with no community', { communityId: null }],
  ])('refuses %s', async (_label, record) => {
    const checks = scopeChecks('communities', caller(['officer'], 'officer-a'), covers({ 'officer-a': ['community-1'] }).load)
    await expect(checks.requireCovered(record)).rejects.toMatchObject({ code: 'PERMISSION_DENIED', details: { why: 'not_yours' } })
  })

  it('refuses staff without an officer record', async () => {
    await expect(scopeChecks('communities', caller(['officer']), none).requireCovered({ communityId: 'community-1' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' })
  })

  it('passes station leaders and admins on every community, without a lookup', async () => {
    const { load, asked } = covers({})
    for (const roles of [['station_leader'], ['admin']] as Role[][]) {
      const checks = scopeChecks('communities', caller(roles), load)
      expect(checks.stationWide).toBe(true)
      await expect(checks.requireCovered({ communityId: 'community-9' })).resolves.toBeUndefined()
    }
    expect(asked).toEqual([])
  })

  it.each(['own', 'station'] as const)('is a declaration error in a %s-scoped action', async (scope) => {
    await expect(scopeChecks(scope, caller(['station_leader']), none).requireCovered({ communityId: 'community-1' })).rejects.toThrow(`scope '${scope}'`)
  })
})

describe('nestsDeeperThan', () => {
  const nested = (depth: number) => {
    let value: unknown = 'leaf'
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
    return value
  }

  it('accepts every depth up to the limit and refuses one more', () => {
    expect(nestsDeeperThan(nested(MAX_EVENT_DEPTH), MAX_EVENT_DEPTH)).toBe(false)
    expect(nestsDeeperThan(nested(MAX_EVENT_DEPTH + 1), MAX_EVENT_DEPTH)).toBe(true)
  })

  it('measures a million levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(1_000_000), MAX_EVENT_DEPTH)).toBe(true)
  })

  it('counts the deepest branch of a wide value', () => {
    expect(nestsDeeperThan({ a: 1, b: [1, 2, { c: nested(MAX_EVENT_DEPTH) }] }, MAX_EVENT_DEPTH)).toBe(true)
    expect(nestsDeeperThan({ a: 'x'.repeat(1000), b: Array.from({ length: 10_000 }, (_, i) => ({ i })) }, MAX_EVENT_DEPTH)).toBe(false)
  })
})
