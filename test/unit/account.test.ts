import { InviteCode } from '../../src/core/account/contract'
import { decideRedeem, rolesAfterRedeem } from '../../src/core/account/invite'
import { dayjs } from '../../src/core/time'

const now = dayjs('2026-05-21T00:00:00Z')
const buildInvite = (overrides: Partial<Parameters<typeof decideRedeem>[0] & object> = {}) => ({
  officerId: 'officer-1',
  roles: ['officer' as const],
  expiresAt: new Date('2026-05-28T00:00:00Z'),
  redeemedBy: null,
  ...overrides,
})

describe('decideRedeem', () => {
  it('accepts an unused invite before it expires', () => {
    expect(decideRedeem(buildInvite(), now)).toEqual({ ok: true })
  })
  it('answers NOT_FOUND when no invite has the code', () => {
    expect(decideRedeem(null, now)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
  it('refuses an invite that was used', () => {
    expect(decideRedeem(buildInvite({ redeemedBy: 'someone' }), now)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })
  it('refuses an invite at the instant it expires', () => {
    expect(decideRedeem(buildInvite({ expiresAt: now.toDate() }), now)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })
})

describe('rolesAfterRedeem', () => {
  it('adds the granted roles once', () => {
    expect(rolesAfterRedeem(['resident', 'officer'], ['officer', 'station_leader'])).toEqual(['resident', 'officer', 'station_leader'])
  })
})

describe('InviteCode', () => {
  it('accepts the code as people type it: lower case, spaces, a dash', () => {
    expect(InviteCode.parse(' abcd-efgh ')).toBe('ABCDEFGH')
  })
  it('refuses look-alike characters that codes never contain', () => {
    expect(InviteCode.safeParse('ABCD0EF1').success).toBe(false)
  })
})
