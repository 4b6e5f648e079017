// Every action refuses malformed events with INVALID_ARGUMENT and field issues, and changes nothing
// (no write, no message sent, no file stored).
import { contracts } from '../../src/core/functions'
import { expectError, expectNothingHappened, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const MEGABYTE = 'x'.repeat(1024 * 1024)

const malformedEvents: Array<[string, unknown]> = [
  ['no action', {}],
  ['an unknown action', { action: 'dropDatabase' }],
  ['an action that is not a string', { action: { $ne: null } }],
  ['a wrong type', { action: 'updatePreferences', elderMode: 'yes' }],
  ['an unknown language', { action: 'updatePreferences', language: 'en' }],
  ['a missing field', { action: 'redeemInvite' }],
  ['a string of a megabyte', { action: 'redeemInvite', code: MEGABYTE }],
  ['an unknown key', { action: 'me', roles: ['admin'] }],
  ['a __proto__ key', JSON.parse('{"action":"updatePreferences","__proto__":{"roles":["admin"]}}')],
  ['a Mongo operator where an id is expected', { action: 'createInvite', officerId: { $ne: null }, roles: ['officer'], requestId: 'bad-input-invite-0001' }],
  ['an operator-shaped id string', { action: 'createInvite', officerId: '$where', roles: ['officer'], requestId: 'bad-input-invite-0002' }],
  ['an array instead of an object', [{ action: 'me' }]],
]

describe.each(Object.keys(contracts))('%s', (fn) => {
  describe.each(malformedEvents)('given %s', (_label, event) => {
    it('answers INVALID_ARGUMENT and changes nothing, even for an admin', async () => {
      cloud.resetWrites()
      const error = expectError(await cloud.call('demo-admin', fn, event), 'INVALID_ARGUMENT')
      expect(error?.message).toEqual(expect.any(String))
      expectNothingHappened(cloud)
    })
  })

  it('does not create a user for a stranger whose event is malformed', async () => {
    cloud.resetWrites()
    expectError(await cloud.call('stranger', fn, { action: 'nope' }), 'INVALID_ARGUMENT')
    expectNothingHappened(cloud)
  })
})

describe('account field issues', () => {
  it('name each bad field by its path', async () => {
    const envelope = await cloud.call('demo-admin', 'account', { action: 'updatePreferences', language: 'en', elderMode: 'yes' })
    const error = expectError(envelope, 'INVALID_ARGUMENT')
    expect(error?.issues?.map((i) => i.path.join('.')).sort()).toEqual(['elderMode', 'language'])
  })

  // The contracts use zod/mini, which loads no locale: the functions load zod's English texts
  // (src/core/issue-messages.ts), so an issue says what is wrong rather than "Invalid input".
  it('say what is wrong with each field in words', async () => {
    const envelope = await cloud.call('demo-admin', 'account', { action: 'updatePreferences', language: 'en', elderMode: 'yes' })
    const error = expectError(envelope, 'INVALID_ARGUMENT')
    expect(error?.issues).toEqual(
      expect.arrayContaining([
        { path: ['language'], message: 'Invalid option: expected one of "zh"|"mn"' },
        { path: ['elderMode'], message: 'Invalid input: expected boolean, received string' },
      ]),
    )
  })
})
