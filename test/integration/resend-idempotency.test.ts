// The outbox resends a submission whose answer never came (docs/offline.md), so every creating
// action a resident can queue must answer a repeat of the same requestId with the first result
// and store one record. Booking, home visits, dispute filing and publishing have their own tests;
// these are the actions that gained a requestId for the outbox.
import type { VolunteerView } from '../../src/core/volunteers/contract'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

describe('volunteers.apply', () => {
  const profile = { name: '其其格', phone: '139 0000 2222', skills: ['mongolian'], availability: ['weekend'], communityId: 'gacha-bayanbulag', teamId: 'team-herder-police' }

  describe('when the same requestId comes again (a resend after a lost answer)', () => {
    it('answers the first application and stores one profile', async () => {
      const requestId = 'resend-apply-0000000001'
      const first = expectOk(await cloud.call<VolunteerView>('resender-1', 'volunteers', { action: 'apply', ...profile, requestId }))
      cloud.resetWrites()
      const again = expectOk(await cloud.call<VolunteerView>('resender-1', 'volunteers', { action: 'apply', ...profile, requestId }))
      expect(again).toEqual(first)
      expect(cloud.writes()).toBe(0)
      expect(await cloud.stored('volunteers', { _id: 'resender-1' })).toHaveLength(1)
    })
  })

  describe('when a second application comes with another requestId', () => {
    it('still answers CONFLICT: one pending application per person', async () => {
      await cloud.call('resender-2', 'volunteers', { action: 'apply', ...profile, requestId: 'resend-apply-0000000002' })
      expectError(await cloud.call('resender-2', 'volunteers', { action: 'apply', ...profile, requestId: 'resend-apply-0000000003' }), 'CONFLICT')
    })
  })
})

