// Volunteers in a bureau of stations (src/core/volunteers/stations.ts): who manages what, which
// station an activity takes from its teams, which activities a volunteer may join, and the order
// teams are shown in.
import { dayjs } from '../../src/core/time'
import { openToTeam, signUpRefusal } from '../../src/core/volunteers/rules'
import { activityStation, manages, recordStation, teamsFor, volunteerReach } from '../../src/core/volunteers/stations'

const A = 'station-a'
const B = 'station-b'

describe('volunteerReach', () => {
  it('gives bureau roles and bureau staff every station, a station’s staff their station', () => {
    expect(volunteerReach({ roles: ['officer', 'bureau_leader'], officerId: 'chief', stationId: null }, { known: true, stationId: null }, A)).toEqual({ kind: 'bureau' })
    expect(volunteerReach({ roles: ['officer'], officerId: 'desk-1', stationId: null }, { known: true, stationId: null }, A)).toEqual({ kind: 'bureau' })
    expect(volunteerReach({ roles: ['officer'], officerId: 'bb-1', stationId: null }, { known: true, stationId: B }, A)).toEqual({ kind: 'station', stationId: B })
    expect(volunteerReach({ roles: ['officer', 'station_leader'], officerId: 'bb-chief', stationId: B }, { known: true, stationId: B }, A)).toEqual({ kind: 'station', stationId: B })
  })

  it('gives staff with no officer record of the bureau the station the runtime resolved, else the first', () => {
    expect(volunteerReach({ roles: ['station_leader'], officerId: null, stationId: A }, { known: false, stationId: null }, A)).toEqual({ kind: 'station', stationId: A })
    expect(volunteerReach({ roles: ['officer'], officerId: 'gone', stationId: null }, { known: false, stationId: null }, A)).toEqual({ kind: 'station', stationId: A })
    expect(volunteerReach({ roles: ['officer'], officerId: null, stationId: null }, { known: false, stationId: null }, null)).toEqual({ kind: 'none' })
  })
})

describe('recordStation and manages', () => {
  it('reads a missing stationId as the first station’s and null as the bureau’s', () => {
    expect(recordStation(undefined, A)).toBe(A)
    expect(recordStation(null, A)).toBeNull()
    expect(recordStation(B, A)).toBe(B)
  })

  it('lets a station manage only its own records, never the bureau’s; the bureau everything', () => {
    expect(manages({ kind: 'station', stationId: B }, B)).toBe(true)
    expect(manages({ kind: 'station', stationId: B }, A)).toBe(false)
    expect(manages({ kind: 'station', stationId: B }, null)).toBe(false)
    expect(manages({ kind: 'bureau' }, A)).toBe(true)
    expect(manages({ kind: 'bureau' }, null)).toBe(true)
    expect(manages({ kind: 'none' }, A)).toBe(false)
  })
})

describe('activityStation', () => {
  const teams = [
    { id: 'a-1', stationId: A },
    { id: 'a-2', stationId: A },
    { id: 'b-1', stationId: B },
    { id: 'bureau-1', stationId: null },
  ]

  it('takes the teams’ station when the caller manages it', () => {
    expect(activityStation(['a-1', 'a-2'], teams, { kind: 'station', stationId: A })).toEqual({ ok: true, stationId: A })
    expect(activityStation(['bureau-1'], teams, { kind: 'bureau' })).toEqual({ ok: true, stationId: null })
    expect(activityStation(['b-1'], teams, { kind: 'bureau' })).toEqual({ ok: true, stationId: B })
  })

  it('refuses unknown teams, teams of two stations, and teams the caller does not manage', () => {
    expect(activityStation(['a-1', 'nope'], teams, { kind: 'bureau' })).toEqual({ ok: false, why: 'unknown_team', teamIds: ['nope'] })
    expect(activityStation(['a-1', 'b-1'], teams, { kind: 'bureau' })).toMatchObject({ ok: false, why: 'mixed_stations' })
    expect(activityStation(['a-1', 'bureau-1'], teams, { kind: 'bureau' })).toMatchObject({ ok: false, why: 'mixed_stations' })
    expect(activityStation(['a-1'], teams, { kind: 'station', stationId: B })).toMatchObject({ ok: false, why: 'other_station' })
    // Station staff may not publish for a bureau-wide team: that activity would be the bureau's.
    expect(activityStation(['bureau-1'], teams, { kind: 'station', stationId: A })).toMatchObject({ ok: false, why: 'other_station' })
  })
})

describe('who may join', () => {
  const now = dayjs('2026-12-01T00:00:00Z')
  const activity = (stationId: string | null | undefined) => ({
    id: 'act',
    status: 'open' as const,
    startsAt: new Date('2026-12-05T10:00:00Z'),
    endsAt: new Date('2026-12-05T12:00:00Z'),
    deadline: new Date('2026-12-05T08:00:00Z'),
    teamIds: ['a-1'],
    ...(stationId === undefined ? {} : { stationId }),
    skills: [],
    entries: [],
  })
  const volunteer = (teamId: string) => ({ status: 'active' as const, teamId, skills: [], holds: [] })

  it('opens a bureau-wide activity to every team, a station’s (or an old one’s) only to the teams it names', () => {
    expect(openToTeam({ stationId: null, teamIds: ['bureau-1'] }, 'b-1')).toBe(true)
    expect(openToTeam({ stationId: A, teamIds: ['a-1'] }, 'b-1')).toBe(false)
    expect(openToTeam({ teamIds: ['a-1'] }, 'a-1')).toBe(true)
    expect(signUpRefusal({ activity: activity(null), volunteer: volunteer('b-1') }, now)).toBeNull()
    expect(signUpRefusal({ activity: activity(A), volunteer: volunteer('b-1') }, now)).toMatchObject({ why: 'team' })
    expect(signUpRefusal({ activity: activity(undefined), volunteer: volunteer('b-1') }, now)).toMatchObject({ why: 'team' })
  })
})

describe('teamsFor', () => {
  const teams = [
    { id: 'bureau-1', stationId: null, order: 1 },
    { id: 'b-2', stationId: B, order: 3 },
    { id: 'a-1', stationId: A, order: 2 },
    { id: 'b-1', stationId: B, order: 2 },
  ]

  it('shows a station’s viewer their station’s teams, then the bureau’s', () => {
    expect(teamsFor(teams, { kind: 'station', stationId: B }, [A, B]).map((t) => t.id)).toEqual(['b-1', 'b-2', 'bureau-1'])
    expect(teamsFor(teams, { kind: 'station', stationId: A }, [A, B]).map((t) => t.id)).toEqual(['a-1', 'bureau-1'])
  })

  it('shows the bureau every team, grouped by station in the bureau’s order, the bureau’s last', () => {
    expect(teamsFor(teams, { kind: 'bureau' }, [A, B]).map((t) => t.id)).toEqual(['a-1', 'b-1', 'b-2', 'bureau-1'])
  })
})
