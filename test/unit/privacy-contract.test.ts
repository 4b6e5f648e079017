import { AuditQuery, AuditRetentionDays, auditCutoff } from '../../src/core/privacy/contract'
import { dayjs } from '../../src/core/time'

describe('the audit query', () => {
  it('searches a record only within its collection', () => {
    expect(AuditQuery.safeParse({ recordId: 'bk_1' }).success).toBe(false)
    expect(AuditQuery.parse({ recordId: 'bk_1', collection: 'bookings' })).toEqual({ recordId: 'bk_1', collection: 'bookings', page: 0 })
  })

  it('refuses a period that ends before it starts, and operators or paths where a token is expected', () => {
    expect(AuditQuery.safeParse({ from: '2026-05-21T00:00:00Z', to: '2026-05-20T00:00:00Z' }).success).toBe(false)
    expect(AuditQuery.safeParse({ actorOpenid: { $ne: null } }).success).toBe(false)
    expect(AuditQuery.safeParse({ actionName: 'reveal:applicant.phone' }).success).toBe(true)
    expect(AuditQuery.safeParse({ actionName: 'a b' }).success).toBe(false)
  })
})

describe('retention', () => {
  it('is a year by default and never below the six months the Cybersecurity Law asks', () => {
    expect(AuditRetentionDays.parse(undefined)).toBe(365)
    expect(AuditRetentionDays.parse('200')).toBe(200)
    expect(AuditRetentionDays.safeParse('30').success).toBe(false)
    expect(AuditRetentionDays.safeParse('a year').success).toBe(false)
  })

  it('cuts off entries older than the retention', () => {
    expect(auditCutoff(dayjs('2026-05-21T00:00:00Z'), 365).toISOString()).toBe('2025-05-21T00:00:00.000Z')
  })
})
