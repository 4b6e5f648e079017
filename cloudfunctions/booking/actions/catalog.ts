// The catalog and the counters, as residents see them; admins maintain the catalog.
import type { Service } from '../../../src/core/booking/catalog'
import { localDateOf } from '../../../src/core/booking/slots'
import type { Ctx } from '../../_shared/runtime'
import { counterOf, counterView, serviceView } from '../records'
import { activeCounters, allServices, saveService } from '../store/catalog'

export async function listServices() {
  return (await allServices()).filter((s) => s.active).map(serviceView)
}

export async function listCounters(ctx: Ctx) {
  const today = localDateOf(ctx.now())
  return (await activeCounters()).map((doc) => counterView(counterOf(doc), today))
}

/** Replaces the entry whole: the admin screen always sends the complete service. */
export async function upsertService(_ctx: Ctx, input: { service: Service }) {
  await saveService(input.service)
  return serviceView(input.service)
}
