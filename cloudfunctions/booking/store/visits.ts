// Door-to-door requests (上门办理), routed like jurisdiction's requests: the decision and its
// reason are stored with the request, so the officer sees why it came to them.
import * as z from 'zod/mini'
import { ServiceName } from '../../../src/core/booking/catalog'
import { HomeVisitOutcome, HomeVisitReason, HomeVisitStatus, OPEN_HOME_VISIT } from '../../../src/core/booking/home-visit'
import { Language } from '../../../src/core/ids'
import { RouteResult } from '../../../src/core/routing'
import { StationReason } from '../../../src/core/bureau/route'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { readDoc } from '../../_shared/documents'
import { StoredPerson } from '../records'

export const visits = () => db.collection(COLLECTIONS.homeVisits)

const StoredDate = z.coerce.date()
const Proposal = z.object({ id: z.string(), startsAt: StoredDate, endsAt: StoredDate })

export const HomeVisitDoc = z.object({
  _id: z.string(),
  requesterOpenid: z.string(),
  requestDigest: z.string(),
  serviceId: z.string(),
  service: z.object({ name: ServiceName }),
  person: StoredPerson,
  reason: HomeVisitReason,
  note: z.nullable(z.string()),
  addressText: z.string(),
  location: z.nullable(z.object({ lng: z.number(), lat: z.number() })),
  communityId: z.nullable(z.string()),
  language: Language,
  status: HomeVisitStatus,
  assigneeOfficerId: z.string(),
  decision: RouteResult,
  /** The station the record belongs to and why routing chose it (docs/bureau.md); null on records from before bureaus until scripts/migrate-bureau.ts stamps them. */
  stationId: z._default(z.nullable(z.string()), null),
  stationReason: z._default(z.nullable(StationReason), null),
  routeReason: z.object({ zh: z.string(), mn: z.string() }),
  jurisdictionVersion: z.number().check(z.int()),
  proposals: z.array(Proposal),
  /** Proposal ids keep counting across rounds, so accepting a withdrawn time fails. */
  proposalSeq: z.number().check(z.int()),
  /**
   * One per round of proposals: the key from the proposing officer and the requestId, and the
   * digest of the times, so a resent round is recognised (after a later round too). Absent on
   * visits stored before; bounded by PROPOSAL_ROUNDS_KEPT.
   */
  proposalRounds: z._default(z.array(z.object({ key: z.string(), digest: z.string() })), []),
  scheduled: z.nullable(Proposal),
  outcome: z.nullable(z.object({ result: HomeVisitOutcome, note: z.string(), at: StoredDate, by: z.string() })),
  /** When an officer first proposed times: the dashboard's door-to-door accept time ends here. */
  respondedAt: z._default(z.nullable(StoredDate), null),
  createdAt: StoredDate,
  updatedAt: StoredDate,
})
export type HomeVisitDoc = z.infer<typeof HomeVisitDoc>

type Updated = { stats: { updated: number } }

export const getVisit = (id: string) => readDoc(visits(), id, HomeVisitDoc)

export async function insertVisit(doc: HomeVisitDoc) {
  await visits().add({ data: doc })
}

export async function updateVisitWhere(id: string, condition: Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
  const result = (await visits()
    .where({ ...condition, _id: id })
    .update({ data })) as Updated
  return result.stats.updated === 1
}

export async function visitsOf(openid: string): Promise<HomeVisitDoc[]> {
  const { data } = (await visits().where({ requesterOpenid: openid }).orderBy('createdAt', 'desc').limit(100).get()) as { data: unknown }
  return z.array(HomeVisitDoc).parse(data)
}

/** Open visits, for everyone (null) or for an officer: assigned to them or in a community they cover. */
export async function openVisits(scope: { officerId: string; communityIds: string[] } | null, station: Record<string, unknown> = {}): Promise<HomeVisitDoc[]> {
  const open = { status: _.in([...OPEN_HOME_VISIT]), ...station }
  const where = scope
    ? _.and([open, _.or([{ assigneeOfficerId: scope.officerId }, { communityId: _.in(scope.communityIds) }])])
    : open
  const { data } = (await visits().where(where).orderBy('createdAt', 'asc').limit(1000).get()) as { data: unknown }
  return z.array(HomeVisitDoc).parse(data)
}

/** Open visits per officer: the workload routing weighs, in one aggregation. */
export async function openVisitsByOfficer(): Promise<Record<string, number>> {
  const { list } = (await visits()
    .aggregate()
    .match({ status: _.in([...OPEN_HOME_VISIT]) })
    .group({ _id: '$assigneeOfficerId', open: { $sum: 1 } })
    .limit(1000)
    .end()) as { list: unknown }
  return Object.fromEntries(z.array(z.object({ _id: z.string(), open: z.number() })).parse(list).map((row) => [row._id, row.open]))
}
