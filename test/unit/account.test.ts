import { InviteCode } from '../../src/core/account/contract'
import { decideRedeem, inviteRefusal, rolesAfterRedeem } from '../../src/core/account/invite'
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

describe('inviteRefusal', () => {
  const stationAdmin = { roles: ['resident', 'admin'] as const, stationId: 'station-a' }
  const bureauAdmin = { roles: ['resident', 'bureau_admin'] as const, stationId: null }
  it("lets a station admin invite their station's officers to station roles", () => {
    expect(inviteRefusal(stationAdmin, 'station-a', ['officer', 'station_leader'])).toBeNull()
  })
  it("refuses a station admin another station's officer, and the bureau's staff", () => {
    expect(inviteRefusal(stationAdmin, 'station-b', ['officer'])).toMatchObject({ code: 'PERMISSION_DENIED', why: 'other_station' })
    expect(inviteRefusal(stationAdmin, null, ['officer'])).toMatchObject({ code: 'PERMISSION_DENIED', why: 'other_station' })
  })
  it('refuses a station admin any bureau role, even for bureau staff', () => {
    for (const role of ['bureau_leader', 'bureau_admin'] as const) {
      expect(inviteRefusal(stationAdmin, 'station-a', ['officer', role])).toMatchObject({ code: 'PERMISSION_DENIED', why: 'bureau_role' })
      expect(inviteRefusal(stationAdmin, null, [role])).toMatchObject({ code: 'PERMISSION_DENIED', why: 'bureau_role' })
    }
  })
  it('refuses a bureau leader who is also a station admin a bureau role: only the bureau admin grants one', () => {
    expect(inviteRefusal({ roles: ['admin', 'bureau_leader'], stationId: null }, null, ['bureau_leader'])).toMatchObject({ why: 'bureau_role' })
  })
  it('lets the bureau admin invite any station officer to station roles, and bureau staff to bureau roles', () => {
    expect(inviteRefusal(bureauAdmin, 'station-b', ['officer', 'station_leader'])).toBeNull()
    expect(inviteRefusal(bureauAdmin, null, ['officer', 'bureau_leader'])).toBeNull()
    expect(inviteRefusal(bureauAdmin, null, ['officer', 'bureau_admin'])).toBeNull()
  })
  it("refuses a bureau role for a station's officer: they are moved to the bureau's staff first", () => {
    expect(inviteRefusal(bureauAdmin, 'station-a', ['officer', 'bureau_leader'])).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'not_bureau_staff' })
  })
})
