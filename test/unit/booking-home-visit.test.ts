import { DEFAULT_BOOKING_CONFIG, homeVisitEligibilityRefusal, homeVisitRefusal, Service, type EligibilityInput } from '../../src/core/booking'
import { dayjs } from '../../src/core/time'

const config = DEFAULT_BOOKING_CONFIG
/** 1 December 2026, 10:00 in the station. */
const NOW = dayjs('2026-12-01T02:00:00Z')

const eligible = (input: Partial<EligibilityInput>) => homeVisitEligibilityRefusal({ reason: 'age', communityKind: null, ...input }, NOW, config)

describe('door-to-door eligibility', () => {
  describe('by age', () => {
    it('qualifies from 70, reading the birth date from the identity number', () => {
      // Born 31 December 1949: 76 on 1 December 2026.
      expect(eligible({ idNumber: '11010519491231002X' })).toBeNull()
    })

    it('counts birthdays in the station’s calendar', () => {
      expect(eligible({ birthDate: '1956-12-01' })).toBeNull()
      expect(eligible({ birthDate: '1956-12-02' })).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'too_young', details: { age: 69, minAge: 70 } })
    })

    it('needs the identity number or the birth date', () => {
      expect(eligible({})).toMatchObject({ code: 'INVALID_ARGUMENT', why: 'age_unknown' })
    })
  })

  it.each(['disability', 'illness'] as const)('by %s: qualifies with a short explanation', (reason) => {
    expect(eligible({ reason, note: '卧床，无法出门' })).toBeNull()
    expect(eligible({ reason, note: '  ' })).toMatchObject({ code: 'INVALID_ARGUMENT', why: 'note_missing' })
  })

  describe('by distance', () => {
    it('qualifies herders living in a gacha', () => {
      expect(eligible({ reason: 'distance', communityKind: 'gacha' })).toBeNull()
    })

    it('does not qualify residents of a town community or an unknown place', () => {
      expect(eligible({ reason: 'distance', communityKind: 'community' })).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'not_remote' })
      expect(eligible({ reason: 'distance', communityKind: null })).toMatchObject({ why: 'not_remote' })
    })
  })
})

describe('services done at home', () => {
  const service = (mode: 'counter' | 'home' | 'none') =>
    Service.parse({ id: 's', name: { zh: '服务' }, materials: [], fee: { yuan: 0 }, processing: { typicalWorkingDays: 0, statutoryDays: null }, mode, notRequired: null, order: 1, active: true })

  it('are the ones marked home', () => {
    expect(homeVisitRefusal(service('home'))).toBeNull()
    expect(homeVisitRefusal(service('counter'))).toMatchObject({ code: 'FAILED_PRECONDITION', why: 'not_at_home' })
    expect(homeVisitRefusal(service('none'))).toMatchObject({ why: 'no_visit' })
    expect(homeVisitRefusal(null)).toMatchObject({ code: 'NOT_FOUND' })
  })
})
