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

  describe('to a bureau role', () => {
    const bureauAdmin = 'bureau-admin-of-test'
    beforeAll(async () => {
      const at = new Date('2026-11-01T00:00:00Z')
      await cloud.emulator.seed({ users: [{ _id: bureauAdmin, roles: ['resident', 'bureau_admin'], displayName: '局管理员', language: 'zh', elderMode: false, privacyAcceptedVersion: null, privacyAcceptedAt: null, communityId: null, communityBinding: null, officerId: null, createdAt: at, updatedAt: at }] })
    })
    const invite = (openid: string, officerId: string, roles: string[]) => cloud.call<{ code: string }>(openid, 'account', { action: 'createInvite', officerId, roles, requestId: randomUUID() })

    it('are refused to a station admin, with nothing written', async () => {
      cloud.resetWrites()
      const refused = await invite('demo-admin', 'bureau-chief', ['officer', 'bureau_leader'])
      expectError(refused, 'PERMISSION_DENIED')
      expect(refused.ok ? null : refused.error.details).toMatchObject({ why: 'bureau_role' })
      expectError(await invite('demo-admin', 'officer-2', ['officer', 'bureau_admin']), 'PERMISSION_DENIED')
      expectNothingHappened(cloud)
    })

    it("are refused for a station's officer, with nothing written: bureau roles go to the bureau's staff", async () => {
      cloud.resetWrites()
      const refused = await invite(bureauAdmin, 'officer-2', ['officer', 'bureau_leader'])
      expectError(refused, 'FAILED_PRECONDITION')
      expect(refused.ok ? null : refused.error.details).toMatchObject({ why: 'not_bureau_staff' })
      expectNothingHappened(cloud)
    })

    it("grant the bureau role when the bureau admin invites the bureau's staff", async () => {
      const { code } = expectOk(await invite(bureauAdmin, 'bureau-duty-1', ['officer', 'bureau_admin']))
      await me('new-bureau-duty')
      const profile = expectOk(await cloud.call<Profile>('new-bureau-duty', 'account', { action: 'redeemInvite', code }))
      expect(profile.roles).toEqual(['resident', 'officer', 'bureau_admin'])
      expect(profile.officer).toMatchObject({ id: 'bureau-duty-1' })
      // The bureau admin lists every officer, the bureau's staff included; a station admin its station's only.
      const listed = expectOk(await cloud.call<Array<{ id: string; bound: boolean; stationId: string | null }>>(bureauAdmin, 'account', { action: 'listOfficers' }))
      expect(listed.find((o) => o.id === 'bureau-duty-1')?.bound).toBe(true)
      // Each with its station, so the screen offers a bureau role only for the bureau's staff.
      const stationOf = (id: string) => listed.find((o) => o.id === id)?.stationId
      expect([stationOf('bureau-chief'), stationOf('officer-1'), stationOf('officer-bb-1')]).toEqual([null, 'station-chaogewendur', 'station-bayanbolag'])
      expect(listed.map((o) => o.id)).toEqual(expect.arrayContaining(['officer-1', 'officer-bb-1', 'officer-su-1', 'bureau-chief']))
      const ofStationListed = expectOk(await cloud.call<Array<{ id: string; stationId: string | null }>>('demo-admin', 'account', { action: 'listOfficers' }))
      expect(new Set(ofStationListed.map((o) => o.stationId))).toEqual(new Set(['station-chaogewendur']))
      const ofStation = ofStationListed.map((o) => o.id)
      expect(ofStation).toEqual(expect.arrayContaining(['officer-1', 'officer-chief', 'aux-2']))
      expect(ofStation.filter((id) => id.startsWith('bureau-') || id.includes('-bb-') || id.includes('-su-'))).toEqual([])
    })
  })

  it('answer NOT_FOUND for a code nobody issued', async () => {
    await me('guesser')
    expectError(await cloud.call('guesser', 'account', { action: 'redeemInvite', code: 'ABCDEFGH' }), 'NOT_FOUND')
  })
})
