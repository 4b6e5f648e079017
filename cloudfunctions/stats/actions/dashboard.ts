// The dashboard: figures for a period and a scope. Complete days the rollup job has reached come
// from the rollups; the rest of the period (today, or days the job has not reached) is aggregated
// live from the records. Both parts are read in one aggregation request; with the caller's user,
// the jurisdiction pointer and the rollup cursor that is four requests (five on a cold instance).
import * as z from 'zod/mini'
import { AppError } from '../../../src/core/envelope'
import { addCounts, emptyCounts, foldRows, sumCounts, type Counts } from '../../../src/core/stats/counts'
import { appliesTo, communityRates, figureValues, FIGURE_KEYS, requestFiguresOf, typeBreakdown } from '../../../src/core/stats/figures'
import { liveOnly, type Freshness } from '../../../src/core/stats/freshness'
import { addDays, dayStart, daysOf, localDay, splitPeriod, weekOf, type Period } from '../../../src/core/stats/period'
import { communityKey, mayView, rollupKeysOf, seesWholeStation, type StatsScope, type Viewer } from '../../../src/core/stats/scope'
import type { DashboardView } from '../../../src/core/stats/contract'
import type { Jurisdiction } from '../../../src/core/jurisdiction/schema'
import { loadCurrent } from '../../_shared/jurisdiction-store'
import type { Ctx } from '../../_shared/runtime'
import { activeVolunteersLookup, sourceLookups, sourceRowsOf, type Lookup } from '../sources'
import { lookupAll, readRollupState, rolledCommunitiesLookup, rolledWeeksLookup, RolledGroup } from '../store'

function viewerOf(ctx: Ctx, jurisdiction: Jurisdiction): Viewer {
  const officerId = ctx.user.officerId ?? null
  const covered = officerId ? jurisdiction.communities.filter((c) => c.officerId === officerId || c.auxiliaryOfficerIds.includes(officerId)).map((c) => c.id) : []
  return { roles: ctx.user.roles, officerId, coveredCommunityIds: covered }
}

function checkScope(scope: StatsScope, jurisdiction: Jurisdiction) {
  const known =
    scope.kind === 'station' ||
    (scope.kind === 'district' && jurisdiction.districts.some((d) => d.id === scope.id)) ||
    (scope.kind === 'community' && jurisdiction.communities.some((c) => c.id === scope.id)) ||
    (scope.kind === 'officer' && jurisdiction.officers.some((o) => o.id === scope.id))
  if (!known) throw new AppError('NOT_FOUND', `No ${scope.kind} with this id in the station's jurisdiction.`, undefined, { why: 'unknown_scope' })
}

/** The communities the rates chart compares: those inside the scope (an officer's: the ones they cover). */
function chartCommunities(scope: StatsScope, jurisdiction: Jurisdiction): string[] {
  const all = jurisdiction.communities
  if (scope.kind === 'station') return all.map((c) => c.id)
  if (scope.kind === 'district') return all.filter((c) => c.districtId === scope.id).map((c) => c.id)
  if (scope.kind === 'community') return [scope.id]
  return all.filter((c) => c.officerId === scope.id || c.auxiliaryOfficerIds.includes(scope.id)).map((c) => c.id)
}

const countsOfGroup = ({ _id: _key, settleDays, answerMinutes, computedAt: _at, ...sums }: RolledGroup): Counts => ({ ...sums, settleDays: settleDays.flat(), answerMinutes: answerMinutes.flat() })

export async function dashboard(ctx: Ctx, input: { period: Period; scope: StatsScope }): Promise<DashboardView> {
  const now = ctx.now()
  const today = localDay(now)
  const { period, scope } = input
  if (period.to > today) throw new AppError('INVALID_ARGUMENT', 'The period cannot end after today.', [{ path: ['period', 'to'], message: `must be ${today} or earlier` }])
  const [{ jurisdiction }, state] = await Promise.all([loadCurrent(), readRollupState()])
  const viewer = viewerOf(ctx, jurisdiction)
  checkScope(scope, jurisdiction)
  if (!mayView(viewer, scope)) throw new AppError('PERMISSION_DENIED', 'You can see the figures of your own cases and of the communities you cover.', undefined, { why: 'scope' })

  const keys = rollupKeysOf(scope, jurisdiction)
  const communities = chartCommunities(scope, jurisdiction)
  const { rolled, live } = splitPeriod(period, state.through)
  const lookups: Lookup[] = [activeVolunteersLookup(dayStart(period.from), dayStart(addDays(period.to, 1)))]
  if (rolled) lookups.push(rolledWeeksLookup(keys, rolled.from, rolled.to), rolledCommunitiesLookup(communities.map(communityKey), rolled.from, rolled.to))
  if (live) lookups.push(...sourceLookups(dayStart(live.from), dayStart(addDays(live.to, 1))))
  const row = await lookupAll(lookups)
  const liveAt = now.toISOString()

  // Weeks: rolled-up weeks, then the live days added to their weeks.
  const weeks = new Map<string, Counts>()
  const rolledWeeks = z.array(RolledGroup).parse(row.rolledWeeks ?? [])
  for (const group of rolledWeeks) weeks.set(group._id, addCounts(weeks.get(group._id) ?? emptyCounts(), countsOfGroup(group)))
  const perCommunity = new Map<string, Counts>(z.array(RolledGroup).parse(row.rolledCommunities ?? []).map((g) => [g._id, countsOfGroup(g)]))
  if (live) {
    const liveDays = foldRows(sourceRowsOf(row), now.toDate())
    for (const day of daysOf(live.from, live.to)) {
      const dayKeys = liveDays.get(day)
      if (!dayKeys) continue
      const week = weekOf(day)
      weeks.set(week, addCounts(weeks.get(week) ?? emptyCounts(), sumCounts(keys.map((k) => dayKeys.get(k) ?? emptyCounts()))))
      for (const id of communities) {
        const counts = dayKeys.get(communityKey(id))
        if (counts) perCommunity.set(communityKey(id), addCounts(perCommunity.get(communityKey(id)) ?? emptyCounts(), counts))
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
  const active = z.array(z.object({ n: z.number() })).parse(row.activeVolunteers ?? [])[0]?.n ?? 0
  const values = figureValues(total, scope.kind, active)
  const stationWide = seesWholeStation(viewer)
  const visibleCommunities = stationWide ? jurisdiction.communities : jurisdiction.communities.filter((c) => viewer.coveredCommunityIds.includes(c.id))

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
      .map((id) => ({ id, ...communityRates(perCommunity.get(communityKey(id)) ?? emptyCounts()) }))
      .filter((c) => c.cases > 0),
    types: typeBreakdown(total),
    requests: { ...requestFiguresOf(total), freshness },
    freshness,
    choices: {
      districts: stationWide ? jurisdiction.districts.map((d) => ({ id: d.id, name: d.name })) : [],
      communities: visibleCommunities.map((c) => ({ id: c.id, districtId: c.districtId, name: c.name })),
      officers: jurisdiction.officers.filter((o) => stationWide || o.id === viewer.officerId).map((o) => ({ id: o.id, name: o.name })),
    },
    canExport: stationWide,
  }
}
