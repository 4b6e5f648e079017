// Slot documents. A place is taken or given back with one conditional single-document update
// that changes `remaining` and `holders` together, so remaining = capacity − holders always, and
// two residents racing for the last place cannot both get it. Releasing is conditional on the
// holder being there, so every release is idempotent and can be retried or repeated by a job.
import * as z from 'zod/mini'
import type { BookingConfig } from '../../../src/core/booking/config'
import { generateSlots, startOfLocalDay } from '../../../src/core/booking/slots'
import type { Dayjs } from '../../../src/core/time'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey, readDoc } from '../../_shared/documents'
import { CounterDoc, counterOf, SlotDoc, slotRecord, type Holder } from '../records'
import { markGenerated } from './catalog'
import { expr, subPipeline } from '../../_shared/pipeline'

export const slots = () => db.collection(COLLECTIONS.bookingSlots)
const $ = db.command.aggregate

type Updated = { stats: { updated: number } }

export const getSlot = (id: string) => readDoc(slots(), id, SlotDoc)

/**
 * Takes a place for `holder` if the slot is open, has a place left, starts no earlier than
 * `earliestStart` and the holder's account holds no place in it yet. One atomic update.
 */
export async function takePlace(slotId: string, holder: Holder, earliestStart: Date): Promise<boolean> {
  const result = (await slots()
    .where({ _id: slotId, closed: false, remaining: _.gt(0), startsAt: _.gte(earliestStart), 'holders.openid': _.neq(holder.openid) })
    .update({ data: { remaining: _.inc(-1), holders: _.push([holder]) } })) as Updated
  return result.stats.updated === 1
}

/** Gives the booking's place back; a no-op when it does not hold one. */
export async function releasePlace(slotId: string, bookingId: string): Promise<boolean> {
  const result = (await slots()
    .where({ _id: slotId, 'holders.bookingId': bookingId })
    .update({ data: { remaining: _.inc(1), holders: _.pull({ bookingId }) } })) as Updated
  return result.stats.updated === 1
}

const SlotWithoutHolders = z.omit(SlotDoc, { holders: true })

/** The next open slots of a counter with a place the caller could take, soonest first. */
export async function nextFreeSlots(counterId: string, from: Date, openid: string, limit = 5) {
  const { data } = (await slots()
    .where({ counterId, closed: false, remaining: _.gt(0), startsAt: _.gte(from), 'holders.openid': _.neq(openid) })
    .field({ holders: false })
    .orderBy('startsAt', 'asc')
    .limit(limit)
    .get()) as { data: unknown }
  return z.array(SlotWithoutHolders).parse(data)
}

const CounterWithSlots = z.extend(CounterDoc, { slots: z.array(SlotWithoutHolders) })
export type CounterWithSlots = z.infer<typeof CounterWithSlots>

/**
 * The matching counters, each with its slots starting in [from, to): one aggregation request
 * however many slots and bookings there are (holders are left out).
 */
export async function countersWithSlots(match: Record<string, unknown>, from: Date, to: Date): Promise<CounterWithSlots[]> {
  const { list } = (await db
    .collection(COLLECTIONS.bookingCounters)
    .aggregate()
    .match({ active: true, ...match })
    .sort({ _id: 1 })
    .limit(50)
    .lookup({
      from: COLLECTIONS.bookingSlots,
      let: { counterId: '$_id' },
      pipeline: subPipeline()
        .match(expr($.and([$.eq(['$counterId', '$$counterId']), $.gte(['$startsAt', from]), $.lt(['$startsAt', to])])))
        .project({ holders: 0 })
        .sort({ startsAt: 1 })
        .done(),
      as: 'slots',
    })
    .end()) as { list: unknown }
  return z.array(CounterWithSlots).parse(list)
}

/** Ids of a counter's slots starting in [from, to). */
async function existingSlotIds(counterId: string, from: Date, to: Date): Promise<Set<string>> {
  const ids = new Set<string>()
  const page = 1000
  for (let skip = 0; ; skip += page) {
    const { data } = (await slots()
      .where({ counterId, startsAt: _.gte(from).and(_.lt(to)) })
      .field({ _id: true })
      .orderBy('startsAt', 'asc')
      .skip(skip)
      .limit(page)
      .get()) as { data: Array<{ _id: string }> }
    for (const doc of data) ids.add(doc._id)
    if (data.length < page) return ids
  }
}

/** Inserts slot documents; ones another generator inserted first are skipped. */
async function insertSlots(records: Array<ReturnType<typeof slotRecord>>) {
  for (let i = 0; i < records.length; i += 200) {
    const batch = records.slice(i, i + 200)
    try {
      await slots().add({ data: batch })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // A concurrent run inserted some of them: the batch failed whole, so insert one by one.
      for (const record of batch) {
        try {
          await slots().add({ data: record })
        } catch (inner) {
          if (!isDuplicateKey(inner)) throw inner
        }
      }
    }
  }
}

/**
 * Materializes the counter's slots for the booking window plus one day (so a late timer never
 * leaves the window short). Idempotent: existing slots, with their bookings, are left alone.
 */
export async function materializeSlots(counter: CounterDoc, now: Dayjs, config: BookingConfig): Promise<number> {
  const days = config.windowDays + 1
  const through = startOfLocalDay(now).add(days, 'day')
  const generated = generateSlots(counterOf(counter), now, days, now)
  const existing = await existingSlotIds(counter._id, now.toDate(), through.toDate())
  const missing = generated.filter((s) => !existing.has(s.id)).map((s) => slotRecord(s, now.toDate()))
  await insertSlots(missing)
  await markGenerated(counter._id, through.toDate())
  return missing.length
}

/** Materializes one slot on demand (a slot id the rules produce but no job has written yet). */
export async function materializeSlot(counter: CounterDoc, slotId: string, start: Dayjs, now: Dayjs): Promise<SlotDoc | null> {
  const generated = generateSlots(counterOf(counter), start, 1, now).find((s) => s.id === slotId)
  if (!generated) return null
  await insertSlots([slotRecord(generated, now.toDate())])
  return getSlot(slotId)
}

/** Closes every slot of a counter on a local day (already closed ones stay as they are). */
export async function closeSlotsOfDay(counterId: string, localDate: string, reason: string): Promise<number> {
  const result = (await slots().where({ counterId, localDate, closed: false }).update({ data: { closed: true, closedReason: reason } })) as Updated
  return result.stats.updated
}

/** Slots from `since` on with a holder older than `before`: the reconcile job checks each. */
export async function slotsHeldBefore(since: Date, before: Date): Promise<SlotDoc[]> {
  const found: SlotDoc[] = []
  const page = 500
  for (let skip = 0; ; skip += page) {
    const { data } = (await slots()
      .where({ startsAt: _.gte(since), 'holders.at': _.lt(before) })
      .orderBy('startsAt', 'asc')
      .skip(skip)
      .limit(page)
      .get()) as { data: unknown }
    const docs = z.array(SlotDoc).parse(data)
    found.push(...docs)
    if (docs.length < page) return found
  }
}
