// Who answers a request. Residents never pick an officer ("一社区一民警"): the place decides the
// community, and the line of fallbacks decides the person:
//   1. the community: its community officer, then its auxiliary officers;
//   2. another officer of the community's district who is on duty now;
//   3. the station duty officer on duty now;
//   4. the station leadership (also when nobody is on duty at all).
// Officers on leave or at capacity are skipped, each with a step saying so; an urgent request
// also skips community-level officers who are not on duty now (it must not wait for tomorrow's
// day shift), so it reaches whoever is on duty. Within one level a
// requested language is honoured by preferring an available officer who speaks it; levels are
// never reordered for language. Pure: the clock is `now`, the workload comes with the roster.
import type { Language } from '../ids'
import type { Dayjs } from '../time'
import type { AssignedAs, RouteRequest, RouteResult, RouteRoster, RouteStep } from './contract'
import type { JurisdictionIndex } from './jurisdiction-index'
import { locate } from './locate'
import { isOnDuty, onLeaveUntil, prepareRoster, type PreparedRoster } from './roster'

interface Context {
  index: JurisdictionIndex
  roster: PreparedRoster
  t: number
  language: Language
  steps: RouteStep[]
  /** Officers already weighed: each is skipped (and reported) at most once. */
  considered: Set<string>
}

/**
 * Route one request. `index` comes from buildJurisdictionIndex (build it once per jurisdiction);
 * `roster` is the current duty/leave roster with open cases per officer, treated as immutable:
 * it is prepared once per object, so pass a new object when it changes.
 */
export function route(request: RouteRequest, index: JurisdictionIndex, roster: RouteRoster, now: Dayjs): RouteResult {
  const steps: RouteStep[] = []
  const located = locate(request, index, steps)
  const community = located.community === -1 ? null : index.jurisdiction.communities[located.community]
  const ctx: Context = { index, roster: prepareRoster(roster), t: now.valueOf(), language: request.language ?? 'zh', steps, considered: new Set() }

  let assignee: { officerId: string; as: AssignedAs } | null = null
  if (community) {
    const line = index.communityLine[located.community]
    const urgent = request.urgency === 'urgent'
    assignee = pick(ctx, line, (k) => (k === 0 ? 'community_officer' : 'auxiliary_officer'), urgent)
    if (!assignee) {
      const onDuty = (index.districtOfficers.get(community.districtId) ?? []).filter((id) => !ctx.considered.has(id) && isOnDuty(ctx.roster, id, ctx.t))
      if (onDuty.length === 0) steps.push({ kind: 'none_on_duty', scope: 'district', districtId: community.districtId })
      else assignee = pick(ctx, onDuty, () => 'district_duty', false)
    }
  }
  if (!assignee) {
    const onDuty = stationDutyNow(ctx)
    if (onDuty.length === 0) steps.push({ kind: 'none_on_duty', scope: 'station' })
    else assignee = pick(ctx, onDuty, () => 'station_duty', false)
  }
  if (!assignee) {
    assignee = pick(ctx, index.level2, () => 'leadership', false)
    if (!assignee) {
      // A request is never left with nobody: the first leader answers even when unavailable.
      assignee = { officerId: index.level2[0], as: 'leadership' }
      steps.push({ kind: 'assigned', officerId: assignee.officerId, as: 'leadership', forced: true })
    }
  }

  return {
    communityId: community?.id ?? null,
    districtId: community?.districtId ?? null,
    gridCellId: located.gridCellId,
    assignee,
    communityOfficerId: community?.officerId ?? null,
    escalation: { level2: [...index.level2], level3: [...index.level3] },
    steps,
  }
}

/** Station-scope shifts covering now, each officer once, in document order. */
function stationDutyNow(ctx: Context): string[] {
  const ids = new Set<string>()
  for (const shift of ctx.roster.stationDuty) {
    if (shift.start <= ctx.t && ctx.t < shift.end && !ctx.considered.has(shift.officerId)) ids.add(shift.officerId)
  }
  const order = ctx.index.officerOrder
  return [...ids].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
}

/** One fallback level: skip who cannot take it, then prefer a speaker of the requested language. */
function pick(ctx: Context, line: readonly string[], asOf: (position: number) => AssignedAs, requireOnDuty: boolean): { officerId: string; as: AssignedAs } | null {
  const available: Array<{ officerId: string; as: AssignedAs; speaks: boolean }> = []
  line.forEach((officerId, position) => {
    const officer = ctx.index.officerById.get(officerId)
    if (!officer || ctx.considered.has(officerId)) return
    ctx.considered.add(officerId)
    const as = asOf(position)
    const until = onLeaveUntil(ctx.roster, officerId, ctx.t)
    const openCases = ctx.roster.openCases[officerId] ?? 0
    if (until !== null) ctx.steps.push({ kind: 'skipped', officerId, as, why: 'on_leave', until: new Date(until).toISOString() })
    else if (openCases >= officer.capacity) ctx.steps.push({ kind: 'skipped', officerId, as, why: 'at_capacity', openCases, capacity: officer.capacity })
    else if (requireOnDuty && !isOnDuty(ctx.roster, officerId, ctx.t)) ctx.steps.push({ kind: 'skipped', officerId, as, why: 'off_duty' })
    else available.push({ officerId, as, speaks: officer.languages.includes(ctx.language) })
  })
  if (available.length === 0) return null
  const chosen = available.find((a) => a.speaks)
  if (!chosen || chosen !== available[0]) {
    const choice = chosen ?? available[0]
    ctx.steps.push({
      kind: 'language',
      language: ctx.language,
      honoured: chosen !== undefined,
      officerId: choice.officerId,
      passedOver: chosen ? available.slice(0, available.indexOf(chosen)).map((a) => a.officerId) : [],
    })
  }
  const { officerId, as } = chosen ?? available[0]
  ctx.steps.push({ kind: 'assigned', officerId, as })
  return { officerId, as }
}
