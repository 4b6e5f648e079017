import { randomUUID } from 'node:crypto'
import { PRIVACY_POLICY_VERSION, type Profile } from '../../src/core/account/contract'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const me = async (openid: string) => expectOk(await cloud.call<Profile>(openid, 'account', { action: 'me' }))

describe('account.me', () => {
  it('returns a seeded officer’s roles and officer record', async () => {
    const profile = await me('demo-officer-1')
    expect(profile.roles).toEqual(['resident', 'officer'])
    expect(profile.officer).toMatchObject({ id: 'officer-1', languages: ['mn', 'zh'], communityIds: expect.arrayContaining(['gacha-bayanbulag']) })
  })

  describe('on a first login', () => {
    it('creates the user as a resident who has not yet accepted the privacy agreement', async () => {
      const profile = await me('new-resident-1')
      expect(profile).toMatchObject({ userId: 'new-resident-1', roles: ['resident'], privacyAcceptedVersion: null, officer: null })
    })

    it('creates exactly one user when twenty first calls race', async () => {
      cloud.resetWrites()
      const profiles = await Promise.all(Array.from({ length: 20 }, () => me('racing-resident')))
      expect(new Set(profiles.map((p) => p.userId))).toEqual(new Set(['racing-resident']))
      expect(cloud.emulator.stats().byCollection.users?.writes).toBe(1)
    })
  })

  it('answers UNAUTHENTICATED when no WeChat identity comes with the call', async () => {
    expectError(await cloud.call('', 'account', { action: 'me' }), 'UNAUTHENTICATED')
  })
})

describe('account.updatePreferences and acceptPrivacy', () => {
  it('stores the language, elder mode and the accepted agreement version', async () => {
    await me('prefs-resident')
    expectOk(await cloud.call('prefs-resident', 'account', { action: 'updatePreferences', language: 'mn', elderMode: true }))
    expectOk(await cloud.call('prefs-resident', 'account', { action: 'acceptPrivacy', version: PRIVACY_POLICY_VERSION }))
    expect(await me('prefs-resident')).toMatchObject({ language: 'mn', elderMode: true, privacyAcceptedVersion: PRIVACY_POLICY_VERSION })
  })

  it('refuses an agreement version that is not the current one', async () => {
    expectError(await cloud.call('prefs-resident', 'account', { action: 'acceptPrivacy', version: '2019-01' }), 'INVALID_ARGUMENT')
  })
})

describe('officer invites', () => {
  const createInvite = (openid: string, officerId = 'officer-3') =>
    cloud.call<{ code: string; expiresAt: string }>(openid, 'account', { action: 'createInvite', officerId, roles: ['officer'], requestId: randomUUID() })

  it('are issued by admins only', async () => {
    cloud.resetWrites()
    expectError(await createInvite('demo-resident-2'), 'PERMISSION_DENIED')
    expectError(await createInvite('demo-officer-1'), 'PERMISSION_DENIED')
    expectNothingHappened(cloud)
  })

  it('answer NOT_FOUND for an officer record that does not exist', async () => {
    expectError(await createInvite('demo-admin', 'officer-nobody'), 'NOT_FOUND')
  })

  it('bind the redeeming WeChat identity to the officer record, once', async () => {
    const { code } = expectOk(await createInvite('demo-admin'))
    await me('new-officer-3')
    const profile = expectOk(await cloud.call<Profile>('new-officer-3', 'account', { action: 'redeemInvite', code: code.toLowerCase() }))
    expect(profile.roles).toEqual(['resident', 'officer'])
    expect(profile.officer).toMatchObject({ id: 'officer-3', name: '苏和' })

    await me('someone-else')
    expectError(await cloud.call('someone-else', 'account', { action: 'redeemInvite', code }), 'FAILED_PRECONDITION')
    const officers = expectOk(await cloud.call<Array<{ id: string; bound: boolean }>>('demo-admin', 'account', { action: 'listOfficers' }))
    expect(officers.find((o) => o.id === 'officer-3')?.bound).toBe(true)
  })

  it('let exactly one of ten racing people redeem the same code', async () => {
    const { code } = expectOk(await createInvite('demo-admin', 'aux-1'))
    const racers = Array.from({ length: 10 }, (_, i) => `racer-${i}`)
    await Promise.all(racers.map(me))
    const results = await Promise.all(racers.map((openid) => cloud.call(openid, 'account', { action: 'redeemInvite', code })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const profiles = await Promise.all(racers.map(me))
    expect(profiles.filter((p) => p.roles.includes('officer'))).toHaveLength(1)
  })

  it('answer NOT_FOUND for a code nobody issued', async () => {
    await me('guesser')
    expectError(await cloud.call('guesser', 'account', { action: 'redeemInvite', code: 'ABCDEFGH' }), 'NOT_FOUND')
  })
})
