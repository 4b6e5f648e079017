// The catalog and the counters, as residents see them (their station's counters first, then the
// other stations' nearest first) and as the desk sees them (the caller's station's); admins
// maintain the catalog.
import type { Service } from '../../../src/core/booking/catalog'
import { DESK } from '../../../src/core/booking/contract'
import { localDateOf } from '../../../src/core/booking/slots'
import { countersForDesk, countersForResident } from '../../../src/core/booking/stations'
import { AppError } from '../../../src/core/envelope'
import { hasAnyRole } from '../../../src/core/roles'
import type { Ctx } from '../../_shared/runtime'
import { counterOf, counterView, serviceView } from '../records'
import { activeCounters, allServices, saveService } from '../store/catalog'
import { residentStationId, staffStationId, stationPlaces } from '../stations'

export async function listServices() {
  return (await allServices()).filter((s) => s.active).map(serviceView)
}

export const listCounters = async (ctx: Ctx, input: { desk?: boolean }) => {
  if (input.desk && !hasAnyRole(ctx.user.roles, DESK)) throw new AppError('PERMISSION_DENIED', `The counter desk needs one of the roles: ${DESK.join(', ')}.`)
  const today = localDateOf(ctx.now())
  const [{ bureau }, docs] = await Promise.all([ctx.current(), activeCounters()])
  const counters = docs.map(counterOf)
  const places = stationPlaces(bureau)
  const placed = input.desk ? countersForDesk(counters, places, staffStationId(ctx.user, bureau)) : countersForResident(counters, places, residentStationId(ctx.user, bureau))
  return placed.map((p) => counterView(p.counter, today, p))
}

/** Replaces the entry whole: the admin screen always sends the complete service. */
export async function upsertService(_ctx: Ctx, input: { service: Service }) {
  await saveService(input.service)
  return serviceView(input.service)
}
