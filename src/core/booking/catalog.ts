// The service catalog of the household-registration counter (户政业务): what residents can book,
// what to bring, what it costs, how long it takes, and whether it needs a visit at all. Admins
// maintain it; an entry the station no longer issues (a certificate abolished by the 证明事项清理)
// stays in the catalog marked `notRequired`, so residents read why instead of booking it.
import * as z from 'zod/mini'
import { DocId, type Language } from '../ids'

/** Longer bilingual text (materials, explanations). Mongolian may be added after review. */
export const LocalizedText = z.object({ zh: z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(300),
), mn: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(600))) })
export type LocalizedText = z.infer<typeof LocalizedText>

export const ServiceName = z.object({ zh: z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(40),
), mn: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))) })
export type ServiceName = z.infer<typeof ServiceName>

/**
 * counter: only at a counter (fingerprints, original documents checked on the spot);
 * home: at a counter, or door-to-door (上门办理) for those who cannot come;
 * none: needs no visit (done online or with documents the resident already holds).
 */
export const ServiceMode = z.enum(['counter', 'home', 'none'])
export type ServiceMode = z.infer<typeof ServiceMode>

export const Service = z.object({
  id: DocId,
  name: ServiceName,
  summary: z.optional(LocalizedText),
  /** The checklist residents see before booking. */
  materials: z.array(LocalizedText).check(z.maxLength(30)),
  /** 工本费 in yuan; 0 = free. */
  fee: z.object({ yuan: z.number().check(z.gte(0), z.lte(10_000)), note: z.optional(LocalizedText) }),
  processing: z.object({
    /** Usual working days until the result is ready; 0 = done while the resident waits (当场办结). */
    typicalWorkingDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
    /** The legal time limit in days, where a regulation sets one. */
    statutoryDays: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(365))),
  }),
  mode: ServiceMode,
  /** Set when the station no longer issues this: the explanation and the rule behind it. */
  notRequired: z.nullable(z.object({ reason: LocalizedText, basis: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)) })),
  /** Position in the list residents see. */
  order: z.number().check(z.int(), z.gte(0), z.lte(10_000)),
  active: z.boolean(),
})
export type Service = z.infer<typeof Service>

export type ServiceRefusal = { code: 'NOT_FOUND' | 'FAILED_PRECONDITION'; why: 'unknown' | 'inactive' | 'not_required' | 'no_visit' | 'not_at_counter' | 'not_at_home'; message: string }

/** Whether a service can be booked at a counter that offers `offered`; null when it can. */
export function counterBookingRefusal(service: Service | null, offered: readonly string[]): ServiceRefusal | null {
  if (!service) return { code: 'NOT_FOUND', why: 'unknown', message: 'No such service in the catalog.' }
  if (!service.active) return { code: 'FAILED_PRECONDITION', why: 'inactive', message: `${service.name.zh} is not offered at the moment.` }
  if (service.notRequired) return { code: 'FAILED_PRECONDITION', why: 'not_required', message: `${service.name.zh} is no longer issued: ${service.notRequired.reason.zh}` }
  if (service.mode === 'none') return { code: 'FAILED_PRECONDITION', why: 'no_visit', message: `${service.name.zh} needs no visit to the counter.` }
  if (!offered.includes(service.id)) return { code: 'FAILED_PRECONDITION', why: 'not_at_counter', message: `${service.name.zh} is not handled at this counter; choose another counter.` }
  return null
}

/** Whether a service can be done door-to-door; null when it can. */
export function homeVisitRefusal(service: Service | null): ServiceRefusal | null {
  const refusal = counterBookingRefusal(service, service ? [service.id] : [])
  if (refusal) return refusal
  if (service!.mode !== 'home') return { code: 'FAILED_PRECONDITION', why: 'not_at_home', message: `${service!.name.zh} can only be done at the counter.` }
  return null
}

export const localized = (text: { zh: string; mn?: string }, language: Language) => (language === 'mn' ? (text.mn ?? text.zh) : text.zh)
