// What the functions read of a bureau (src/core/bureau/views.ts): the whole bureau as one
// jurisdiction, station positions, officer records with their station, and the routing
// decision as stored on a record (including the duty desk's).
import { buildBureauIndex, routeInBureau, splitRoster } from '../../src/core/bureau'
import { describeBureauRoute } from '../../src/core/bureau/describe'
import { bureauOfficerRecords, stationIdOfCommunity, stationPosition, storedDecision, wholeBureau } from '../../src/core/bureau/views'
import { describeRoute } from '../../src/core/routing'
import { dayjs } from '../../src/core/time'
import { buildBureau } from '../fixtures/bureau-builders'

const DAY = dayjs('2026-12-01T02:00:00Z')
const demo = buildBureau()
const index = buildBureauIndex(demo)
const EMPTY = { duty: [], leave: [], openCases: {} }

describe('wholeBureau', () => {
  it('reads every station’s places and people, and the bureau staff, as one jurisdiction of the first station', () => {
    const whole = wholeBureau(demo)
    expect(whole.station.id).toBe('station-chaogewendur')
    expect(whole.communities).toHaveLength(12)
    expect(whole.officers.map((o) => o.id)).toEqual(expect.arrayContaining(['officer-1', 'officer-bb-1', 'officer-su-chief', 'bureau-chief', 'bureau-duty-1']))
    expect(whole.roster.duty.length).toBe(demo.stations.reduce((n, s) => n + s.roster.duty.length, 0))
  })

  it('finds the station of a community, null for one it does not have', () => {
    expect(stationIdOfCommunity(demo, 'gacha-khokhondor')).toBe('station-saiusu')
    expect(stationIdOfCommunity(demo, 'gacha-elsewhere')).toBeNull()
  })
})

describe('stationPosition', () => {
  it('places a station at the mean centre of its mapped communities', () => {
    expect(stationPosition(demo.stations[2])).toEqual({ lng: 106.7975, lat: 41.3275 })
  })

  it('is null for a station with no mapped community', () => {
    expect(stationPosition({ ...demo.stations[2], communities: demo.stations[2].communities.map((c) => ({ ...c, boundary: null })) })).toBeNull()
  })
})

describe('bureauOfficerRecords', () => {
  it('gives every officer the station they serve, and bureau staff none', () => {
    const records = new Map(bureauOfficerRecords(demo).map((r) => [r.id, r]))
    expect(records.get('officer-bb-1')).toMatchObject({ stationId: 'station-bayanbolag', communityIds: ['community-altan'] })
    expect(records.get('bureau-duty-1')).toMatchObject({ stationId: null, communityIds: [], districtId: null })
  })
})

describe('storedDecision', () => {
  it('is the station’s own routing when its people answer', () => {
    const result = routeInBureau({ kind: 'help', communityId: 'community-altan' }, index, splitRoster(index, EMPTY), [], DAY)
    expect(storedDecision(result, demo)).toBe(result.route)
  })

  it('records the duty desk’s assignment, with the bureau leadership above it, when no station could answer', () => {
    const result = routeInBureau({ kind: 'help', location: { lng: 108.5, lat: 42.5 } }, index, splitRoster(index, EMPTY), [], DAY)
    const decision = storedDecision(result, demo)
    expect(decision).toEqual({
      communityId: null,
      districtId: null,
      gridCellId: null,
      assignee: { officerId: 'bureau-duty-1', as: 'bureau_duty_desk' },
      communityOfficerId: null,
      escalation: { level2: ['bureau-chief'], level3: [] },
      steps: [{ kind: 'assigned', officerId: 'bureau-duty-1', as: 'bureau_duty_desk' }],
    })
    expect(describeRoute(decision, wholeBureau(demo), 'zh')).toBe('由局指挥中心值班民警额尔敦负责')
  })

  it('replaces a station’s forced last resort with the desk, keeping the station’s steps', () => {
    // Everybody of 赛乌素镇 on leave: the station could only force its leader.
    const away = (officerId: string) => ({ officerId, start: '2026-11-30T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z' })
    const roster = { duty: [], leave: ['officer-su-1', 'aux-su-1', 'officer-su-chief'].map(away), openCases: {} }
    const result = routeInBureau({ kind: 'help', communityId: 'community-saiusu' }, index, splitRoster(index, roster), roster.leave, DAY)
    expect(result.dutyDesk?.why).toBe('nobody_available_in_station')
    const decision = storedDecision(result, demo)
    expect(decision.communityId).toBe('community-saiusu')
    expect(decision.steps.some((s) => s.kind === 'skipped')).toBe(true)
    expect(decision.steps.some((s) => s.kind === 'assigned' && s.forced)).toBe(false)
    expect(decision.steps.at(-1)).toEqual({ kind: 'assigned', officerId: 'bureau-duty-1', as: 'bureau_duty_desk' })
  })
})

describe('describeBureauRoute', () => {
  const sentence = (request: Parameters<typeof routeInBureau>[0], language: 'zh' | 'mn' = 'zh') => {
    const result = routeInBureau(request, index, splitRoster(index, EMPTY), [], DAY)
    return describeBureauRoute(storedDecision(result, demo), result.station, result.stationId, demo, wholeBureau(demo), language)
  }

  it('says why a position outside every station went to the nearest one, then the station’s steps', () => {
    const text = sentence({ kind: 'help', location: { lng: 106.95, lat: 41.2 } })
    expect(text).toMatch(/^不在任何派出所辖区内，归最近的巴音宝力格镇派出所（\d+(\.\d)?公里） → /)
    expect(text).toContain('刘洋')
  })

  it('says nothing more when the community settled the station', () => {
    expect(sentence({ kind: 'help', communityId: 'community-altan' })).toBe(describeRoute(storedDecision(routeInBureau({ kind: 'help', communityId: 'community-altan' }, index, splitRoster(index, EMPTY), [], DAY), demo), wholeBureau(demo), 'zh'))
  })

  it('says why the duty desk answers, in Chinese and Mongolian', () => {
    expect(sentence({ kind: 'help', location: { lng: 108.5, lat: 42.5 } })).toBe('位置距各派出所辖区均超过30公里 → 由局指挥中心值班民警额尔敦负责')
    expect(sentence({ kind: 'help' })).toBe('未提供位置 → 由局指挥中心值班民警额尔敦负责')
    expect(sentence({ kind: 'help', location: { lng: 108.5, lat: 42.5 } }, 'mn')).toContain('ᠰᠠᠯᠪᠤᠷᠢ\u202fᠠᠴᠠ 30 ᠺᠢᠯᠣᠮᠧᠲ᠋ᠷ')
  })
})
