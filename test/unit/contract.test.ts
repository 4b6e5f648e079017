import { eventSchema, actionManifest } from '../../src/core/contract'
import { accountContract } from '../../src/core/account/contract'

const schema = eventSchema(accountContract)

describe('eventSchema', () => {
  it('accepts a known action with its fields', () => {
    expect(schema.safeParse({ action: 'updatePreferences', language: 'mn' }).success).toBe(true)
  })
  it('refuses an unknown action', () => {
    expect(schema.safeParse({ action: 'dropDatabase' }).success).toBe(false)
  })
  it('refuses unknown keys, including __proto__ from JSON', () => {
    expect(schema.safeParse(JSON.parse('{"action":"me","__proto__":{"roles":["admin"]}}')).success).toBe(false)
  })
  it('refuses a Mongo operator where an id is expected', () => {
    expect(schema.safeParse({ action: 'createInvite', officerId: { $ne: null }, roles: ['officer'], requestId: 'contract-invite-0001' }).success).toBe(false)
  })
})

describe('actionManifest', () => {
  it('lists each action with its roles and a JSON Schema of its input', () => {
    const manifest = actionManifest(accountContract)
    const createInvite = manifest.actions.find((a) => a.name === 'createInvite')
    expect(createInvite?.roles).toEqual(['admin', 'bureau_admin'])
    expect(createInvite?.scope).toBe('station')
    expect(createInvite?.input).toMatchObject({ type: 'object', required: expect.arrayContaining(['officerId', 'roles', 'requestId']) })
  })
})
