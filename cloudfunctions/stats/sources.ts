// The aggregation pipelines that count each feature's records per station-local day, as $lookup
// sub-pipelines, so that every source (and the rollups, see ./store.ts) is read in one database
// request. Each groups in the database; only grouped rows (days × communities × officers) come
// back, never the records. The rows are folded into counts by src/core/stats/counts.ts.
import { COUNT_FIELDS, SourceRows } from '../../src/core/stats/counts'
import { statsGroup } from '../../src/core/mediation/statistics'
import { STATION_TIME_ZONE } from '../../src/core/time'
import { _ } from '../_shared/cloud'
import { COLLECTIONS } from '../_shared/collections'
import { subPipeline } from '../_shared/pipeline'
import { NOTICE_COLLECTIONS } from '../notices/records'

export interface Lookup {
  from: string
  pipeline: unknown
  as: string
}

/** The station-local day of a stored instant, as the rollups key it. */
const dayOf = (field: string) => ({ $dateToString: { format: '%Y-%m-%d', date: field, timezone: STATION_TIME_ZONE } })
const count = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } })
/** Milliseconds from `start` to `end` when `end` is set (older records lack the field). */
const msUntil = (end: string, start: string) => ({ $sum: { $cond: [{ $eq: [{ $ifNull: [end, null] }, null] }, 0, { $subtract: [end, start] }] } })
const isSet = (field: string) => count({ $ne: [{ $ifNull: [field, null] }, null] })
const within = (from: Date, to: Date) => _.gte(from).and(_.lt(to))

/** The first time an officer accepted the case (受理), from its timeline. */
const firstAccept = {
  $arrayElemAt: [{ $map: { input: { $filter: { input: '$timeline', as: 'e', cond: { $eq: ['$$e.kind', 'accept'] } } }, as: 'e', in: '$$e.at' } }, 0],
}

/**
 * Attendance records carry no station: their activity's is joined in (the activities' primary key),
 * inside the same sub-pipeline, so it costs no database request of its own.
 */
const activityStation = { from: COLLECTIONS.volunteerActivities, localField: 'activityId', foreignField: '_id', as: 'activity' }
const stationOfActivity = { $arrayElemAt: ['$activity.stationId', 0] }
/**
 * A bureau-wide activity stores `stationId: null` and `bureauWide: true`; the flag tells it from
 * one written before bureaus (no stationId: the first station's), which a group key cannot.
 */
const bureauWideActivity = { $arrayElemAt: ['$activity.bureauWide', 0] }

const { _id: _station, ...caseAccumulators } = statsGroup('station')
/** The sub-pipelines' names are the SourceRows fields they fill. */
type SourceName = keyof SourceRows | 'memberCommunities' | 'memberTopics'

/**
 * The `stationId` condition of a view of one station (cloudfunctions/_shared/station-scope.ts's
 * stationMatch): each source then reads only that station's records, through indexes led by
 * `stationId` (cloudfunctions/database.json), instead of every station's days. Attendance carries
 * no station (its activity's is joined in), so it is read for every station and the fold keeps the
 * station's keys.
 */
export type StationCondition = Record<string, unknown>

/**
 * The records' counts for the instants [from, to), grouped by local day: every source but the
 * notices and their groups' members (noticesLookup, membersLookups). `station`: only that
 * station's records.
 */
export function recordLookups(from: Date, to: Date, station: StationCondition = {}): Array<Lookup & { as: SourceName }> {
  const range = within(from, to)
  return [
    {
      from: COLLECTIONS.bookings, // index by_created; a station's: by_station_created
      pipeline: subPipeline().match({ ...station, createdAt: range }).group({ _id: { day: dayOf('$createdAt'), s: '$stationId' }, made: { $sum: 1 } }).done(),
      as: 'bookingsMade',
    },
    {
      from: COLLECTIONS.bookings, // index by_status_start; a station's: by_station_status_start
      pipeline: subPipeline()
        .match({ ...station, status: _.in(['checked_in', 'no_show']), startsAt: range })
        .group({ _id: { day: dayOf('$startsAt'), s: '$stationId' }, served: count({ $eq: ['$status', 'checked_in'] }), noShows: count({ $eq: ['$status', 'no_show'] }) })
        .done(),
      as: 'bookingsSlots',
    },
    {
      from: COLLECTIONS.homeVisits, // index by_created; a station's: by_station_created
      pipeline: subPipeline()
        .match({ ...station, createdAt: range })
        .group({
          _id: { day: dayOf('$createdAt'), s: '$stationId', c: '$communityId', o: '$assigneeOfficerId' },
          visits: { $sum: 1 },
          done: count({ $eq: ['$status', 'done'] }),
          acceptMs: msUntil('$respondedAt', '$createdAt'),
          accepted: isSet('$respondedAt'),
        })
        .done(),
      as: 'visits',
    },
    {
      from: COLLECTIONS.mediationCases, // index by_filing_date; a station's: by_station_created
      pipeline: subPipeline()
        .match({ ...station, createdAt: range, status: _.neq('withdrawn') })
        .addFields({ acceptedAt: firstAccept })
        .group({
          ...caseAccumulators,
          _id: { day: dayOf('$createdAt'), s: '$stationId', c: '$communityId', o: '$officerId', t: '$type' },
          // The level a case reached: levels only go up, so its current level.
          reachedL1: count({ $eq: ['$level', 1] }),
          reachedL2: count({ $eq: ['$level', 2] }),
          reachedL3: count({ $eq: ['$level', 3] }),
          acceptMs: msUntil('$acceptedAt', '$createdAt'),
          accepted: isSet('$acceptedAt'),
        })
        .done(),
      as: 'cases',
    },
    {
      from: COLLECTIONS.volunteerAttendance, // index by_start
      pipeline: subPipeline()
        .match({ startsAt: range })
        .lookup(activityStation)
        .group({ _id: { day: dayOf('$startsAt'), s: stationOfActivity, bw: bureauWideActivity }, minutes: { $sum: { $ifNull: ['$minutes', 0] } }, attended: isSet('$checkedInAt') })
        .done(),
      as: 'attendance',
    },
    {
      from: COLLECTIONS.volunteerActivities, // index by_start
      pipeline: subPipeline()
        .match({ ...station, startsAt: range, status: 'open' })
        // Entries beyond the capacity are the waiting list, not places.
        .group({ _id: { day: dayOf('$startsAt'), s: '$stationId', bw: '$bureauWide' }, placed: { $sum: { $min: [{ $size: '$entries' }, '$capacity'] } } })
        .done(),
      as: 'activities',
    },
    {
      // One row of facts per request, folded by src/core/requests/figures.ts's countRequest so the
      // figures have one definition; the filer, text and place are never read (anonymity holds).
      from: COLLECTIONS.requests, // index by_filing_date; a station's: by_station_created
      pipeline: subPipeline()
        .match({ ...station, createdAt: range, status: _.neq('withdrawn') })
        .project({
          _id: 0,
          day: dayOf('$createdAt'),
          kind: 1,
          status: 1,
          s: '$stationId',
          c: '$communityId',
          o: '$officerId',
          createdAt: 1,
          answerBy: 1,
          firstAnsweredAt: 1,
          answeredOnTime: 1,
          reopenCount: 1,
          rating: 1,
        })
        .done(),
      as: 'requests',
    },
  ]
}

/**
 * The notices published in [from, to), one row each with its groups (`targets`), readers and
 * messages delivered. `station`: only that station's notices.
 */
export function noticesLookup(from: Date, to: Date, station: StationCondition = {}): Lookup & { as: SourceName } {
  return {
    from: NOTICE_COLLECTIONS.notices, // index by_published; a station's: station_by_published
    pipeline: subPipeline()
      .match({ ...station, publishedAt: within(from, to) })
      .lookup({ from: NOTICE_COLLECTIONS.receipts, localField: '_id', foreignField: 'noticeId', as: 'receipts' })
      .lookup({ from: NOTICE_COLLECTIONS.deliveries, localField: '_id', foreignField: 'noticeId', as: 'deliveries' })
      .project({
        _id: 0,
        day: dayOf('$publishedAt'),
        s: '$stationId',
        targets: 1,
        readers: { $size: '$receipts' },
        delivered: { $size: { $filter: { input: '$deliveries', as: 'd', cond: { $eq: ['$$d.state', 'sent'] } } } },
      })
      .done(),
    as: 'notices',
  }
}

/**
 * The members of notice groups, a notice's audience: residents bound to each community and
 * readers of each topic. `groups`: count these groups' members only (the groups the counted
 * notices target); without it every group's, which the rollup job needs. A dashboard counts only
 * its live notices' groups, so that it does not count every resident of the bureau on each load.
 */
export function membersLookups(groups?: readonly string[]): Array<Lookup & { as: SourceName }> {
  return [
    {
      from: COLLECTIONS.users, // index by_community
      pipeline: subPipeline().match({ communityId: groups ? _.in([...groups]) : _.neq(null) }).group({ _id: '$communityId', n: { $sum: 1 } }).done(),
      as: 'memberCommunities',
    },
    {
      from: NOTICE_COLLECTIONS.readers, // index by_topic
      pipeline: groups
        ? subPipeline()
            .match({ topics: _.in([...groups]) })
            .unwind('$topics')
            // A reader of a counted topic may follow others too: only the counted ones are grouped.
            .match({ topics: _.in([...groups]) })
            .group({ _id: '$topics', n: { $sum: 1 } })
            .done()
        : subPipeline().match({ topics: _.exists(true) }).unwind('$topics').group({ _id: '$topics', n: { $sum: 1 } }).done(),
      as: 'memberTopics',
    },
  ]
}

/** Every source's counts for the instants [from, to), every group's members with them: the rollup job's read. */
export function sourceLookups(from: Date, to: Date): Array<Lookup & { as: SourceName }> {
  return [...recordLookups(from, to), noticesLookup(from, to), ...membersLookups()]
}

/**
 * Distinct volunteers who served in [from, to): a distinct count, so never summed from days. Per
 * station (their activity's; none stored: `s` null, the first station's) and across the bureau,
 * where a volunteer who served in two stations counts once.
 */
export function activeVolunteersLookups(from: Date, to: Date): Lookup[] {
  const served = () => subPipeline().match({ startsAt: within(from, to), minutes: _.neq(null) })
  return [
    { from: COLLECTIONS.volunteerAttendance, pipeline: served().group({ _id: '$openid' }).group({ _id: null, n: { $sum: 1 } }).done(), as: 'activeVolunteers' },
    {
      from: COLLECTIONS.volunteerAttendance, // index by_start
      pipeline: served()
        .lookup(activityStation)
        .group({ _id: { s: stationOfActivity, bw: bureauWideActivity, openid: '$openid' } })
        .group({ _id: { s: '$_id.s', bw: '$_id.bw' }, n: { $sum: 1 } })
        .done(),
      as: 'activeVolunteersByStation',
    },
  ]
}

/** SourceRows out of one answer row that carries the lookups above. */
export function sourceRowsOf(row: Record<string, unknown>): SourceRows {
  const list = (name: SourceName) => (Array.isArray(row[name]) ? (row[name] as unknown[]) : [])
  return SourceRows.parse({
    bookingsMade: list('bookingsMade'),
    bookingsSlots: list('bookingsSlots'),
    visits: list('visits'),
    cases: list('cases'),
    notices: list('notices'),
    attendance: list('attendance'),
    activities: list('activities'),
    members: [...list('memberCommunities'), ...list('memberTopics')],
    requests: list('requests'),
  })
}

// The rollup accumulators: every count summed; the settle days and answer minutes pushed (an array per day, flattened after).
export const rollupSums = Object.fromEntries(COUNT_FIELDS.map((f) => [f, { $sum: `$${f}` }]))
