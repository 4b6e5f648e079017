// The dashboard: figures for a period and a scope (the bureau, a station, a district, a community,
// an officer). Complete days the rollup job has reached come from the rollups; the rest of the
// period (today, or days the job has not reached) is aggregated live from the records. Three
// requests (four on a cold instance), for one station as for the bureau with its stations
// compared: the caller's user (the jurisdiction pointer joined onto it); the rollup cursor with
// the period's notices; then the rollups and the live records, with the members of only the
// groups the live notices target (a notice's audience), so that a load counts those residents
// and not every resident of the bureau. A station's view reads only its own station's records.
import * as z from 'zod/mini'
import { AppError } from '../../../src/core/envelope'
import { stationIdOfCommunity, stationIdOfOfficer } from '../../../src/core/bureau/views'
import type { BureauJurisdiction } from '../../../src/core/bureau/schema'
import { addCounts, emptyCounts, foldRows, NoticeRow, sumCounts, targetedGroups, type Counts } from '../../../src/core/stats/counts'
import { appliesTo, communityRates, comparisonValues, figureValues, FIGURE_KEYS, requestFiguresOf, typeBreakdown } from '../../../src/core/stats/figures'
import { liveOnly, type Freshness } from '../../../src/core/stats/freshness'
import { addDays, dayStart, daysOf, localDay, splitPeriod, weekOf, type Period } from '../../../src/core/stats/period'
import { communityKey, mayView, resolveScope, rollupKeysOf, seesBureau, seesWholeStation, stationKey, type StatsScope, type Viewer } from '../../../src/core/stats/scope'
import type { DashboardView } from '../../../src/core/stats/contract'
import type { Jurisdiction } from '../../../src/core/jurisdiction/schema'
import type { Ctx } from '../../_shared/runtime'
import { stationMatch } from '../../_shared/station-scope'
import { activeVolunteersLookups, membersLookups, noticesLookup, recordLookups, sourceRowsOf, type Lookup } from '../sources'
import { lookupAll, rollupStateLookup, rollupStateOf, rolledKeysLookup, rolledWeeksLookup, RolledGroup } from '../store'

function viewerOf(ctx: Ctx, bureau: BureauJurisdiction, jurisdiction: Jurisdiction): Viewer {
  const officerId = ctx.user.officerId ?? null
  const covered = officerId ? jurisdiction.communities.filter((c) => c.officerId === officerId || c.auxiliaryOfficerIds.includes(officerId)).map((c) => c.id) : []
  // The caller's station is their officer record's, never anything the event says.
  const stationId = (officerId ? stationIdOfOfficer(bureau, officerId) : null) ?? bureau.stations[0].station.id
  return { roles: ctx.user.roles, officerId, stationId, coveredCommunityIds: covered }
}

const NOT_FOUND = (kind: string) => new AppError('NOT_FOUND', `No ${kind} with this id in the bureau's jurisdiction.`, undefined, { why: 'unknown_scope' })

/** The station the scope lies in (null: the bureau), or NOT_FOUND for an id the bureau does not know. */
function stationOfScope(scope: StatsScope, bureau: BureauJurisdiction): string | null {
  switch (scope.kind) {
    case 'bureau':
      return null
    case 'station':
      if (!bureau.stations.some((s) => s.station.id === scope.id)) throw NOT_FOUND('station')
      return scope.id ?? null
    case 'district': {
      const station = bureau.stations.find((s) => s.districts.some((d) => d.id === scope.id))
      if (!station) throw NOT_FOUND('district')
      return station.station.id
    }
    case 'community': {
      const station = stationIdOfCommunity(bureau, scope.id)
      if (!station) throw NOT_FOUND('community')
      return station
    }
    case 'officer': {
      if (bureau.officers.some((o) => o.id === scope.id)) return null
      const station = stationIdOfOfficer(bureau, scope.id)
      if (!station) throw NOT_FOUND('officer')
      return station
    }
  }
}

/** The communities the rates chart compares: those inside the scope (an officer's: the ones they cover). */
function chartCommunities(scope: StatsScope, bureau: BureauJurisdiction, jurisdiction: Jurisdiction): string[] {
  const all = jurisdiction.communities
  if (scope.kind === 'bureau') return all.map((c) => c.id)
  if (scope.kind === 'station') return bureau.stations.find((s) => s.station.id === scope.id)?.communities.map((c) => c.id) ?? []
  if (scope.kind === 'district') return all.filter((c) => c.districtId === scope.id).map((c) => c.id)
  if (scope.kind === 'community') return [scope.id]
  return all.filter((c) => c.officerId === scope.id || c.auxiliaryOfficerIds.includes(scope.id)).map((c) => c.id)
}

/** The scopes the viewer may pick: bureau viewers every station's, station leaders their own station's, officers what they cover. */
function choicesOf(viewer: Viewer, bureau: BureauJurisdiction, jurisdiction: Jurisdiction): DashboardView['choices'] {
  const bureauWide = seesBureau(viewer)
  const stations = bureauWide ? bureau.stations : seesWholeStation(viewer) ? bureau.stations.filter((s) => s.station.id === viewer.stationId) : []
  const communities = stations.length ? stations.flatMap((s) => s.communities) : jurisdiction.communities.filter((c) => viewer.coveredCommunityIds.includes(c.id))
  const officers = stations.length ? [...stations.flatMap((s) => s.officers), ...(bureauWide ? bureau.officers : [])] : jurisdiction.officers.filter((o) => o.id === viewer.officerId)
  return {
    bureau: bureauWide,
    stations: stations.map((s) => ({ id: s.station.id, name: s.station.name })),
    districts: stations.flatMap((s) => s.districts).map((d) => ({ id: d.id, name: d.name })),
    communities: communities.map((c) => ({ id: c.id, districtId: c.districtId, name: c.name })),
    officers: officers.map((o) => ({ id: o.id, name: o.name })),
  }
}

const countsOfGroup = ({ _id: _key, settleDays, answerMinutes, computedAt: _at, ...sums }: RolledGroup): Counts => ({ ...sums, settleDays: settleDays.flat(), answerMinutes: answerMinutes.flat() })

export async function dashboard(ctx: Ctx, input: { period: Period; scope: StatsScope }): Promise<DashboardView> {
  const now = ctx.now()
  const today = localDay(now)
  const { period } = input
  if (period.to > today) throw new AppError('INVALID_ARGUMENT', 'The period cannot end after today.', [{ path: ['period', 'to'], message: `must be ${today} or earlier` }])
  const { bureau, jurisdiction } = await ctx.current()
  const viewer = viewerOf(ctx, bureau, jurisdiction)
  const scope = resolveScope(input.scope, viewer)
  const scopeStation = stationOfScope(scope, bureau)
  if (!mayView(viewer, scope, scopeStation)) {
    throw new AppError(
      'PERMISSION_DENIED',
      seesWholeStation(viewer) ? "You can see your own station's figures; ask the bureau for other stations' and the bureau's." : 'You can see the figures of your own cases and of the communities you cover.',
      undefined,
      { why: 'scope' },
    )
  }

  const firstStationId = bureau.stations[0].station.id
  // A station's figures are its records' (those without a station: the first station's), so its
  // view reads only them, through indexes led by stationId, whatever the bureau's size.
  const station = scope.kind === 'station' && scope.id ? stationMatch({ bureauWide: false, stationId: scope.id, firstStationId }) : {}
  // The notices are read with the cursor, for the whole period since the live part is not known
  // before it: the third request then counts the members of the live notices' groups only.
  const cursorAndNotices = await lookupAll([rollupStateLookup(), noticesLookup(dayStart(period.from), dayStart(addDays(period.to, 1)), station)])
  const state = rollupStateOf(cursorAndNotices)
  const keys = rollupKeysOf(scope, jurisdiction)
  const communities = chartCommunities(scope, bureau, jurisdiction)
  // At the bureau scope every station is compared: their keys are read beside the communities'.
  const compared = scope.kind === 'bureau' ? bureau.stations.map((s) => s.station) : []
  const perKeyKeys = [...communities.map(communityKey), ...compared.map((s) => stationKey(s.id))]
  const { rolled, live } = splitPeriod(period, state.through)
  const lookups: Lookup[] = activeVolunteersLookups(dayStart(period.from), dayStart(addDays(period.to, 1)))
  if (rolled) lookups.push(rolledWeeksLookup(keys, rolled.from, rolled.to), rolledKeysLookup(perKeyKeys, rolled.from, rolled.to))
  const liveNotices = live ? z.array(NoticeRow).parse(cursorAndNotices.notices ?? []).filter((n) => n.day >= live.from && n.day <= live.to) : []
  const audienceGroups = targetedGroups(liveNotices)
  if (live) lookups.push(...recordLookups(dayStart(live.from), dayStart(addDays(live.to, 1)), station))
  if (audienceGroups.length) lookups.push(...membersLookups(audienceGroups))
  const row = await lookupAll(lookups)
  const liveAt = now.toISOString()

  // Weeks: rolled-up weeks, then the live days added to their weeks.
  const weeks = new Map<string, Counts>()
  const rolledWeeks = z.array(RolledGroup).parse(row.rolledWeeks ?? [])
  for (const group of rolledWeeks) weeks.set(group._id, addCounts(weeks.get(group._id) ?? emptyCounts(), countsOfGroup(group)))
  const perKey = new Map<string, Counts>(z.array(RolledGroup).parse(row.rolledKeys ?? []).map((g) => [g._id, countsOfGroup(g)]))
  if (live) {
    const liveDays = foldRows(sourceRowsOf({ ...row, notices: liveNotices }), now.toDate(), firstStationId, bureau.bureau.id)
    for (const day of daysOf(live.from, live.to)) {
      const dayKeys = liveDays.get(day)
      if (!dayKeys) continue
      const week = weekOf(day)
      weeks.set(week, addCounts(weeks.get(week) ?? emptyCounts(), sumCounts(keys.map((k) => dayKeys.get(k) ?? emptyCounts()))))
      for (const key of perKeyKeys) {
        const counts = dayKeys.get(key)
        if (counts) perKey.set(key, addCounts(perKey.get(key) ?? emptyCounts(), counts))
      }
    }
  }
  const total = sumCounts([...weeks.values()])
  const computed = rolledWeeks.map((g) => g.computedAt).filter((d): d is Date => d !== null)
  const freshness: Freshness = {
    rollupThrough: rolled?.to ?? null,
    rollupComputedAt: computed.length ? new Date(Math.min(...computed.map((d) => d.getTime()))).toISOString() : null,
    liveAt: live ? liveAt : null,
  }
  const activeInBureau = z.array(z.object({ n: z.number() })).parse(row.activeVolunteers ?? [])[0]?.n ?? 0
  // Volunteers whose activity has no station (written before bureaus) served the first station;
  // those of bureau-wide activities served the bureau, no station.
  const activeByStation = new Map<string, number>()
  for (const g of z.array(z.object({ _id: z.object({ s: z.optional(z.nullable(z.string())), bw: z.optional(z.nullable(z.boolean())) }), n: z.number() })).parse(row.activeVolunteersByStation ?? [])) {
    if (g._id.bw) continue
    const id = g._id.s ?? firstStationId
    activeByStation.set(id, (activeByStation.get(id) ?? 0) + g.n)
  }
  const active = scope.kind === 'station' && scope.id ? (activeByStation.get(scope.id) ?? 0) : activeInBureau
  const values = figureValues(total, scope.kind, active)

  return {
    period: { from: period.from, to: period.to },
    scope,
    figures: FIGURE_KEYS.map((key) => ({
      key,
      value: values[key],
      applies: appliesTo(key, scope.kind),
      freshness: key === 'activeVolunteers' ? liveOnly(liveAt) : freshness,
    })),
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([week, c]) => ({ week, disputes: c.cases, settled: c.settled, bookingsServed: c.bookingsServed, homeVisits: c.visits })),
    communities: communities
      .map((id) => ({ id, ...communityRates(perKey.get(communityKey(id)) ?? emptyCounts()) }))
      .filter((c) => c.cases > 0),
    types: typeBreakdown(total),
    requests: { ...requestFiguresOf(total), freshness },
    freshness,
    stations: compared.map((s) => ({ id: s.id, name: s.name, values: comparisonValues(perKey.get(stationKey(s.id)) ?? emptyCounts()) })),
    choices: choicesOf(viewer, bureau, jurisdiction),
    canExport: seesWholeStation(viewer),
  }
}
