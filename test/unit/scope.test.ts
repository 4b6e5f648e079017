// The scope checks handlers make on the record they load, for each declared scope.
import { AppError } from '../../src/core/envelope'
import { MAX_EVENT_DEPTH, nestsDeeperThan } from '../../src/core/contract'
import { scopeChecks, type Caller } from '../../src/core/scope'
import type { Role } from '../../src/core/roles'

const caller = (roles: Role[], officerId: string | null = null, stationId: string | null = 'station-a'): Caller => ({ openid: 'o-me', roles, officerId, stationId })
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
    expect(() => scopeChecks('communities', caller(['station_leader']), none, 'station-a').requireOwner('o-other')).not.toThrow()
    expect(() => scopeChecks('communities', caller(['admin']), none, 'station-a').requireOwner('o-other')).not.toThrow()
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

  it('passes station leaders and admins on every community of their station, without a lookup', async () => {
    const { load, asked } = covers({})
    for (const roles of [['station_leader'], ['admin']] as Role[][]) {
      const checks = scopeChecks('communities', caller(roles), load, 'station-a')
      expect(checks.stationWide).toBe(true)
      await expect(checks.requireCovered({ communityId: 'community-9' })).resolves.toBeUndefined()
    }
    expect(asked).toEqual([])
  })

  it.each(['own', 'station'] as const)('is a declaration error in a %s-scoped action', async (scope) => {
    await expect(scopeChecks(scope, caller(['station_leader']), none).requireCovered({ communityId: 'community-1' })).rejects.toThrow(`scope '${scope}'`)
  })
})

describe('roles with a place', () => {
  // station-a is the bureau's first station: records with no stationId (written before bureaus) are its.
  const check = (scope: 'own' | 'communities', roles: Role[], officerId: string | null = null, stationId: string | null = 'station-a') => scopeChecks(scope, caller(roles, officerId, stationId), none, 'station-a')

  it.each([['station_leader'], ['admin']] as Role[][])('passes a %s of station A on A’s records and on records from before bureaus', async (role) => {
    await expect(check('communities', [role]).requireCovered({ stationId: 'station-a', communityId: 'c-1' })).resolves.toBeUndefined()
    await expect(check('communities', [role]).requireCovered({ communityId: 'c-1' })).resolves.toBeUndefined()
    await expect(check('communities', [role]).requireCovered({ stationId: null })).resolves.toBeUndefined()
    expect(() => check('communities', [role]).requireOwner('o-other', 'station-a')).not.toThrow()
  })

  it.each([['station_leader'], ['admin']] as Role[][])('refuses a %s of station B A’s records, and records from before bureaus', async (role) => {
    const b = () => check('communities', [role], null, 'station-b')
    await expect(b().requireCovered({ stationId: 'station-a', communityId: 'c-1' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED', details: { why: 'not_yours' } })
    await expect(b().requireCovered({ communityId: 'c-1' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' })
    expectNotYours(denied(() => b().requireOwner('o-other', 'station-a')))
    expectNotYours(denied(() => b().requireOwner('o-other', undefined)))
    // Their own records stay theirs wherever they are.
    expect(() => b().requireOwner('o-me', 'station-a')).not.toThrow()
  })

  it('refuses a station leader whose station is unknown every station’s records', async () => {
    await expect(check('communities', ['station_leader'], null, null).requireCovered({ stationId: 'station-a' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' })
  })

  it('lets a leader of B who is also an officer reach a record of A only as its covering officer', async () => {
    const checks = scopeChecks('communities', caller(['officer', 'station_leader'], 'officer-b', 'station-b'), covers({ 'officer-b': ['c-b'] }).load, 'station-a')
    await expect(checks.requireCovered({ stationId: 'station-a', communityId: 'c-1', officerIds: ['officer-a'] })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' })
    await expect(checks.requireCovered({ stationId: 'station-a', officerIds: ['officer-b'] })).resolves.toBeUndefined()
  })

  it.each([['bureau_leader'], ['bureau_admin']] as Role[][])('passes a %s on every station’s records, with no station of their own', async (role) => {
    const checks = check('communities', [role], null, null)
    expect(checks.bureauWide).toBe(true)
    expect(checks.stationId).toBeNull()
    for (const stationId of ['station-a', 'station-b', null, undefined]) {
      await expect(checks.requireCovered({ stationId, communityId: 'c-1' })).resolves.toBeUndefined()
      expect(() => checks.requireOwner('o-other', stationId)).not.toThrow()
    }
  })

  it('still refuses bureau roles a record of an own-scoped action they do not own', () => {
    expectNotYours(denied(() => check('own', ['bureau_leader', 'bureau_admin'], null, null).requireOwner('o-other', 'station-a')))
  })

  it('says who leads a record’s station: its station leader and bureau leaders, not admins or other stations’ leaders', () => {
    expect(check('communities', ['station_leader']).leads('station-a')).toBe(true)
    expect(check('communities', ['station_leader']).leads(null)).toBe(true)
    expect(check('communities', ['station_leader'], null, 'station-b').leads('station-a')).toBe(false)
    expect(check('communities', ['admin']).leads('station-a')).toBe(false)
    expect(check('communities', ['bureau_leader'], null, null).leads('station-b')).toBe(true)
    expect(check('communities', ['bureau_admin'], null, null).leads('station-b')).toBe(false)
  })

  it('limits station-level lists to the caller’s station, and bureau roles to none', () => {
    expect(check('communities', ['admin'], null, 'station-b')).toMatchObject({ stationWide: true, bureauWide: false, stationId: 'station-b', firstStationId: 'station-a' })
    expect(check('communities', ['officer'], 'officer-a')).toMatchObject({ stationWide: false, stationId: null })
    expect(check('communities', ['station_leader', 'bureau_admin'])).toMatchObject({ stationWide: true, bureauWide: true, stationId: null })
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
