// The officer's one inbox (今日待办): everything waiting for the caller across the product —
// their open requests, door-to-door visits, mediation cases, and today's counter queue at their
// station — in ONE database request: an aggregation rooted at the caller's record in `officers`,
// with one $lookup sub-pipeline per source (uncorrelated: the officer id is a literal, so each sub-pipeline's
// leading $match is served by that collection's index, named beside it) and one $count per
// source for the totals. Lines are merged here: overdue first, then by due time.
// A page p reads the first (p+1)·20+1 lines of each source, enough to place page p exactly.
import * as z from 'zod/mini'
import { OPEN_HOME_VISIT } from '../../../src/core/booking/home-visit'
import { INBOX_PAGE_SIZE, type InboxItem, type InboxSource } from '../../../src/core/requests/contract'
import { stationIdOfOfficer } from '../../../src/core/bureau/views'
import { STATION_TIME_ZONE, dayjs } from '../../../src/core/time'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { subPipeline } from '../../_shared/pipeline'
import type { Ctx } from '../../_shared/runtime'

const StoredDate = z.coerce.date()
const Row = z.object({ _id: z.string(), kind: z.optional(z.string()), type: z.optional(z.string()), serviceId: z.optional(z.string()), status: z.string(), communityId: z.optional(z.nullable(z.string())), deadlineAt: z.optional(z.nullable(StoredDate)), startsAt: z.optional(StoredDate), createdAt: z.optional(StoredDate), scheduled: z.optional(z.nullable(z.object({ startsAt: StoredDate }))), overdue: z.optional(z.boolean()) })
const Count = z.array(z.object({ n: z.number() }))
const Rooted = z.object({
  requests: z.array(Row),
  visits: z.array(Row),
  mediation: z.array(Row),
  bookings: z.array(Row),
  requestsCount: Count,
  visitsCount: Count,
  mediationCount: Count,
  bookingsCount: Count,
})

export async function inbox(ctx: Ctx, input: { page: number }) {
  const officerId = ctx.user.officerId
  const counts: Record<InboxSource, number> = { request: 0, home_visit: 0, mediation: 0, booking: 0 }
  if (!officerId) return { items: [], page: input.page, hasMore: false, counts }
  const now = ctx.now()
  const dayStart = dayjs(now).tz(STATION_TIME_ZONE).startOf('day').toDate()
  const dayEnd = dayjs(now).tz(STATION_TIME_ZONE).endOf('day').toDate()
  const take = (input.page + 1) * INBOX_PAGE_SIZE + 1

  // Each source's filter, once for its lines and once for its count.
  const requestsWhere = { open: true, officerIds: officerId } // requests.open_by_officer
  const visitsWhere = { status: _.in([...OPEN_HOME_VISIT]), assigneeOfficerId: officerId } // home_visits.open_by_assignee
  const mediationWhere = { open: true, officerIds: officerId } // mediation_cases.open_by_officer
  // Today's counter queue is the officer's station's (bureau staff: every station's), as the desk's
  // lists are; the jurisdiction comes with the user read (ctx.current), so this costs no request.
  const { bureau } = await ctx.current()
  const station = stationIdOfOfficer(bureau, officerId)
  const firstStationId = bureau.stations[0]?.station.id ?? null
  const ofStation = station === null ? {} : { stationId: station === firstStationId ? _.in([station, null]) : station }
  const bookingsWhere = { status: 'booked', startsAt: _.gte(dayStart).and(_.lte(dayEnd)), ...ofStation } // bookings.by_status_start
  const lookup = (from: string, where: unknown, sort: Record<string, 1 | -1>, fields: Record<string, true>, as: string) => ({ from, pipeline: subPipeline().match(where).sort(sort).limit(take).project(fields).done(), as })
  const counting = (from: string, where: unknown, as: string) => ({ from, pipeline: subPipeline().match(where).count('n').done(), as })

  const { list } = (await db
    .collection(COLLECTIONS.officers)
    .aggregate()
    .match({ _id: officerId })
    .limit(1)
    .project({ _id: true })
    .lookup(lookup(COLLECTIONS.requests, requestsWhere, { deadlineAt: 1 }, { kind: true, status: true, communityId: true, deadlineAt: true, overdue: true }, 'requests'))
    .lookup(lookup(COLLECTIONS.homeVisits, visitsWhere, { createdAt: -1 }, { serviceId: true, status: true, communityId: true, createdAt: true, scheduled: true }, 'visits'))
    .lookup(lookup(COLLECTIONS.mediationCases, mediationWhere, { priority: -1, deadlineAt: 1 }, { type: true, status: true, communityId: true, deadlineAt: true, overdue: true }, 'mediation'))
    .lookup(lookup(COLLECTIONS.bookings, bookingsWhere, { startsAt: 1 }, { serviceId: true, status: true, startsAt: true }, 'bookings'))
    .lookup(counting(COLLECTIONS.requests, requestsWhere, 'requestsCount'))
    .lookup(counting(COLLECTIONS.homeVisits, visitsWhere, 'visitsCount'))
    .lookup(counting(COLLECTIONS.mediationCases, mediationWhere, 'mediationCount'))
    .lookup(counting(COLLECTIONS.bookings, bookingsWhere, 'bookingsCount'))
    .end()) as { list: unknown[] }
  if (list.length === 0) return { items: [], page: input.page, hasMore: false, counts }
  const rooted = Rooted.parse(list[0])
  const t = now.valueOf()
  const line = (source: InboxSource, row: z.infer<typeof Row>, kind: string, due: Date | null, overdue: boolean): InboxItem => ({
    source,
    id: row._id,
    kind,
    status: row.status,
    communityId: row.communityId ?? null,
    dueAt: due ? due.toISOString() : null,
    overdue,
  })
  const passed = (d: Date | null | undefined) => !!d && d.valueOf() < t
  const all: InboxItem[] = [
    ...rooted.requests.map((r) => line('request', r, r.kind ?? '', r.deadlineAt ?? null, !!r.overdue || passed(r.deadlineAt))),
    // A visit has no deadline: it is due at its agreed time, or has been waiting since it was asked for.
    ...rooted.visits.map((v) => line('home_visit', v, v.serviceId ?? '', v.scheduled?.startsAt ?? v.createdAt ?? null, passed(v.scheduled?.startsAt))),
    ...rooted.mediation.map((m) => line('mediation', m, m.type ?? '', m.deadlineAt ?? null, !!m.overdue || passed(m.deadlineAt))),
    ...rooted.bookings.map((b) => line('booking', b, b.serviceId ?? '', b.startsAt ?? null, false)),
  ]
  const rank = (i: InboxItem) => (i.overdue ? 0 : 1)
  const dueOf = (i: InboxItem) => (i.dueAt ? Date.parse(i.dueAt) : Number.MAX_SAFE_INTEGER)
  all.sort((a, b) => rank(a) - rank(b) || dueOf(a) - dueOf(b) || a.id.localeCompare(b.id))
  const start = input.page * INBOX_PAGE_SIZE
  counts.request = rooted.requestsCount[0]?.n ?? 0
  counts.home_visit = rooted.visitsCount[0]?.n ?? 0
  counts.mediation = rooted.mediationCount[0]?.n ?? 0
  counts.booking = rooted.bookingsCount[0]?.n ?? 0
  const total = counts.request + counts.home_visit + counts.mediation + counts.booking
  return { items: all.slice(start, start + INBOX_PAGE_SIZE), page: input.page, hasMore: total > start + INBOX_PAGE_SIZE, counts }
}
