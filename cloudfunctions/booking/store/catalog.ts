// The service catalog and the counters.
import * as z from 'zod/mini'
import type { Service } from '../../../src/core/booking/catalog'
import type { Closure } from '../../../src/core/booking/counter'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { readDoc } from '../../_shared/documents'
import { CounterDoc, ServiceDoc, serviceOf, serviceRecord } from '../records'

export const services = () => db.collection(COLLECTIONS.bookingServices)
export const counters = () => db.collection(COLLECTIONS.bookingCounters)

type Updated = { stats: { updated: number } }

export async function allServices(): Promise<Service[]> {
  const { data } = (await services().orderBy('order', 'asc').limit(1000).get()) as { data: unknown }
  return z.array(ServiceDoc).parse(data).map(serviceOf)
}

export const getService = async (id: string) => {
  const doc = await readDoc(services(), id, ServiceDoc)
  return doc ? serviceOf(doc) : null
}

export async function saveService(service: Service) {
  const { _id, ...data } = serviceRecord(service)
  await services().doc(_id).set({ data })
}

export async function activeCounters(): Promise<CounterDoc[]> {
  const { data } = (await counters().where({ active: true }).orderBy('_id', 'asc').limit(1000).get()) as { data: unknown }
  return z.array(CounterDoc).parse(data)
}

export const getCounter = (id: string) => readDoc(counters(), id, CounterDoc)

/** Records a closure once: a second closure of the same day changes nothing. */
export async function addClosure(counterId: string, closure: Closure): Promise<boolean> {
  const result = (await counters()
    .where({ _id: counterId, 'closures.date': _.neq(closure.date) })
    .update({ data: { closures: _.push([closure]) } })) as Updated
  return result.stats.updated === 1
}

/** Slots exist up to `through`; only ever moves forward, whoever generates concurrently. */
export async function markGenerated(counterId: string, through: Date) {
  await counters()
    .where({ _id: counterId, generatedThrough: _.lt(through) })
    .update({ data: { generatedThrough: through } })
}
