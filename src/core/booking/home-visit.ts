// Door-to-door service (上门办理): who qualifies, and the life of a visit. The station serves at
// home those who cannot come: the elderly (by age), the disabled, the ill, and herders far from
// the station (pastoral gacha, 30–70 km away). Pure: the age is computed at `now`.
import * as z from 'zod/mini'
import type { Dayjs } from '../time'
import { STATION_TIME_ZONE } from '../time'
import type { BookingConfig } from './config'
import { ageAt, birthDateOf } from './id-number'
import type { Refusal } from './rules'

export const HomeVisitReason = z.enum(['age', 'disability', 'illness', 'distance'])
export type HomeVisitReason = z.infer<typeof HomeVisitReason>

/** requested → proposed (officer offers times) → scheduled (resident accepts one) → done. */
export const HomeVisitStatus = z.enum(['requested', 'proposed', 'scheduled', 'done', 'cancelled'])
export type HomeVisitStatus = z.infer<typeof HomeVisitStatus>
export const OPEN_HOME_VISIT: readonly HomeVisitStatus[] = ['requested', 'proposed', 'scheduled']

export const HomeVisitOutcome = z.enum(['completed', 'materials_missing', 'not_home', 'referred_to_counter'])
export type HomeVisitOutcome = z.infer<typeof HomeVisitOutcome>

export interface EligibilityInput {
  reason: HomeVisitReason
  /** From the identity number or as given (YYYY-MM-DD). */
  idNumber?: string
  birthDate?: string
  note?: string
  /** The kind of community the request was routed to; null when the place was not found. */
  communityKind: 'gacha' | 'community' | null
}

/** Why the person does not qualify for door-to-door service on this ground, or null when they do. */
export function homeVisitEligibilityRefusal(input: EligibilityInput, now: Dayjs, config: BookingConfig): Refusal | null {
  switch (input.reason) {
    case 'age': {
      const birthDate = input.idNumber ? birthDateOf(input.idNumber) : (input.birthDate ?? null)
      if (!birthDate) return { code: 'INVALID_ARGUMENT', why: 'age_unknown', message: 'Give the identity number or the birth date of the person to visit.', details: { path: ['person', 'birthDate'] } }
      const age = ageAt(birthDate, now, STATION_TIME_ZONE)
      if (age < config.homeVisitMinAge) {
        return { code: 'FAILED_PRECONDITION', why: 'too_young', message: `Door-to-door service by age is for people aged ${config.homeVisitMinAge} or over.`, details: { age, minAge: config.homeVisitMinAge } }
      }
      return null
    }
    case 'disability':
    case 'illness':
      if (!input.note?.trim()) return { code: 'INVALID_ARGUMENT', why: 'note_missing', message: 'Say briefly why the person cannot come to the counter.', details: { path: ['note'] } }
      return null
    case 'distance':
      // Distance is the herders' ground: the place must lie in a pastoral gacha of the station.
      if (input.communityKind !== 'gacha') {
        return { code: 'FAILED_PRECONDITION', why: 'not_remote', message: 'Door-to-door service for distance is for herders living in a gacha; give the place of the visit.', details: { communityKind: input.communityKind } }
      }
      return null
  }
}
