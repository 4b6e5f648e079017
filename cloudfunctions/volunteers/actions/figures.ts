// What volunteers and officers read off the attendance records: a volunteer's year (the service
// certificate's figures), the team leaderboard, and officers' per-team monthly figures.
import { AppError } from '../../../src/core/envelope'
import type { Leaderboard, MyRecord, TeamMonthView } from '../../../src/core/volunteers/contract'
import { leaderboard as rank, localYear, placedEntries, teamMonthFigures } from '../../../src/core/volunteers/rules'
import { dayjs, STATION_TIME_ZONE } from '../../../src/core/time'
import { _ } from '../../_shared/cloud'
import type { Ctx } from '../../_shared/runtime'
import { manages } from '../../../src/core/volunteers/stations'
import { placeOfCaller, teamStation } from '../stations'
import type { AttendanceDoc } from '../records'
import { activitiesWhere, allTeams, attendanceWhere, getVolunteer, volunteersWhere } from '../store'

const served = (records: AttendanceDoc[]) => records.filter((r) => r.minutes !== null).map((r) => ({ openid: r.openid, teamId: r.teamId, activityId: r.activityId, minutes: r.minutes!, points: r.points ?? 0 }))

async function me(openid: string) {
  const doc = await getVolunteer(openid)
  if (!doc) throw new AppError('NOT_FOUND', 'You have no volunteer profile.', undefined, { why: 'not_volunteer' })
  return doc
}

export async function myRecord(ctx: Ctx, input: { year?: number }): Promise<MyRecord> {
  const year = input.year ?? localYear(ctx.now().toDate())
  const [profile, records] = await Promise.all([me(ctx.openid), attendanceWhere({ openid: ctx.openid, year })])
  const counted = records.filter((r) => r.minutes !== null)
  return {
    year,
    name: profile.name,
    teamId: profile.teamId,
    minutes: counted.reduce((sum, r) => sum + r.minutes!, 0),
    points: counted.reduce((sum, r) => sum + (r.points ?? 0), 0),
    activities: counted.length,
    history: records.map((r) => ({ activityId: r.activityId, title: r.title, kind: r.kind, startsAt: r.startsAt.toISOString(), minutes: r.minutes ?? 0, points: r.points ?? 0, corrected: r.corrections.length > 0 })),
  }
}

export async function leaderboard(ctx: Ctx, input: { year?: number }): Promise<Leaderboard> {
  const year = input.year ?? localYear(ctx.now().toDate())
  const profile = await me(ctx.openid)
  const [members, records] = await Promise.all([volunteersWhere({ teamId: profile.teamId }), attendanceWhere({ teamId: profile.teamId, year, minutes: _.neq(null) })])
  const names = new Map(members.map((m) => [m._id, m.name]))
  const optedOut = new Set(members.filter((m) => m.leaderboardOptOut).map((m) => m._id))
  return {
    teamId: profile.teamId,
    year,
    optedOut: profile.leaderboardOptOut,
    rows: rank(served(records), optedOut).map((row) => ({ rank: row.rank, name: names.get(row.openid) ?? '—', points: row.points, minutes: row.minutes, me: row.openid === ctx.openid })),
  }
}

/** The month's figures of the teams the caller manages: their station's (bureau staff: every team). */
export const teamMonth = async (ctx: Ctx, input: { month: string }): Promise<TeamMonthView[]> => {
  const from = dayjs.tz(`${input.month}-01`, STATION_TIME_ZONE)
  const to = from.add(1, 'month')
  const [place, teams] = await Promise.all([placeOfCaller(ctx), allTeams()])
  const teamIds = teams.filter((t) => manages(place.reach, teamStation(t, place.firstStationId))).map((t) => t._id)
  const ofTeams = place.reach.kind === 'bureau' ? {} : { teamId: _.in(teamIds) }
  const [docs, records] = await Promise.all([
    activitiesWhere({ status: 'open', startsAt: _.gte(from.toDate()).and(_.lt(to.toDate())), ...(place.reach.kind === 'bureau' ? {} : { teamIds: _.in(teamIds) }) }, 1000),
    attendanceWhere({ month: input.month, ...ofTeams }),
  ])
  const now = ctx.now().toDate()
  const activities = docs.map((a) => ({ id: a._id, teamIds: a.teamIds, ended: a.endsAt <= now, placed: placedEntries(a.entries, a.capacity) }))
  return teamMonthFigures(teamIds, activities, served(records))
}
