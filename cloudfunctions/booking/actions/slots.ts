// listSlots: free places per slot for the booking window. One aggregation reads the counters
// with their slots; only when a counter's slots were never generated that far (a new counter,
// a timer that has not run yet) are they generated on the spot and read again.
import { isBookable, windowEnd } from '../../../src/core/booking/rules'
import { localDateOf } from '../../../src/core/booking/slots'
import { countersForResident } from '../../../src/core/booking/stations'
import type { Ctx } from '../../_shared/runtime'
import { counterOf, counterView, slotView } from '../records'
import { residentStationId, stationPlaces } from '../stations'
import { bookingSettings } from '../settings'
import { countersWithSlots, materializeSlots } from '../store/slots'

export const listSlots = async (ctx: Ctx, input: { counterId?: string; language?: 'zh' | 'mn'; serviceId?: string; days?: number }) => {
  const config = bookingSettings()
  const now = ctx.now()
  const days = Math.min(input.days ?? config.windowDays, config.windowDays)
  const to = windowEnd(now, { ...config, windowDays: days })
  const match = {
    ...(input.counterId ? { _id: input.counterId } : {}),
    ...(input.language ? { languages: input.language } : {}),
    ...(input.serviceId ? { serviceIds: input.serviceId } : {}),
  }
  let rows = await countersWithSlots(match, now.toDate(), to.toDate())
  const behind = rows.filter((row) => row.generatedThrough < to.toDate())
  if (behind.length > 0) {
    await Promise.all(behind.map((row) => materializeSlots(row, now, config)))
    rows = await countersWithSlots(match, now.toDate(), to.toDate())
  }
  const today = localDateOf(now)
  const { bureau } = await ctx.current()
  const placed = countersForResident(rows.map(counterOf), stationPlaces(bureau), residentStationId(ctx.user, bureau))
  const listed = new Set(placed.map((p) => p.counter.id))
  return {
    from: now.toISOString(),
    to: to.toISOString(),
    counters: placed.map((p) => counterView(p.counter, today, p)),
    slots: rows
      .filter((row) => listed.has(row._id))
      .flatMap((row) => row.slots)
      .sort((a, b) => a.startsAt.valueOf() - b.startsAt.valueOf() || a.counterId.localeCompare(b.counterId))
      .map((slot) => slotView(slot, isBookable(slot, now, config))),
  }
}
