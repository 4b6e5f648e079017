import { buildBureauIndex, chooseStation, routeInBureau, splitRoster, validateBureau, type BureauJurisdiction } from '../../src/core/bureau'
import { buildJurisdictionIndex, route, type RouteRequest, type RouteRoster } from '../../src/core/routing'
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance'
import { dayjs } from '../../src/core/time'
import { buildBureau, demoBureauDocument } from '../fixtures/bureau-builders'
import { buildJurisdiction, buildRoster, demoDocument, square } from '../fixtures/jurisdiction-builders'

/** Tuesday 1 December 2026, 10:00 in the stations. */
const DAY = dayjs('2026-12-01T02:00:00Z')
const EMPTY: RouteRoster = { duty: [], leave: [], openCases: {} }

const demo = buildBureau()
const demoIndex = buildBureauIndex(demo)

// Places in the demo bureau.
const IN_BAYANBULAG = { lng: 106.35, lat: 41.62 } // 潮格温都尔镇's gacha
const IN_ALTAN = { lng: 107.06, lat: 41.09 } // 巴音宝力格镇's 阿拉坦社区
const IN_KHOKHONDOR = { lng: 106.8, lat: 41.35 } // 赛乌素镇's 呼和温都尔嘎查
const BETWEEN_STATIONS = { lng: 106.95, lat: 41.2 } // in no community, ~9 km from 巴音宝力格镇's 巴彦乌拉嘎查
const FAR_AWAY = { lng: 108.5, lat: 42.5 } // 100+ km from every station

function routeIn(request: RouteRequest, bureau: BureauJurisdiction = demo, roster: RouteRoster = EMPTY) {
  const index = bureau === demo ? demoIndex : buildBureauIndex(bureau)
  return routeInBureau(request, index, splitRoster(index, roster), roster.leave, DAY)
}

describe('validateBureau', () => {
  it('accepts the demo bureau of three stations', () => {
    expect(demo.stations.map((s) => s.station.id)).toEqual(['station-chaogewendur', 'station-bayanbolag', 'station-saiusu'])
  })

  describe('when given a single-station document (format 1)', () => {
    it('converts it to a bureau of that one station, keeping every id', () => {
      const result = validateBureau(demoDocument())
      if (!result.ok) throw new Error(JSON.stringify(result.issues))
      expect(result.converted).toBe(true)
      expect(result.value.bureau).toMatchObject({ id: 'bureau-station-chaogewendur', nearestStationMaxKm: 10, dutyDesk: { phone: '0478-6200110', officerIds: ['officer-chief'] } })
      expect(result.value.stations).toHaveLength(1)
      expect({ version: 1, ...result.value.stations[0] }).toEqual(buildJurisdiction())
    })

    it('reports problems at the paths the admin wrote', () => {
      const doc = demoDocument()
      delete (doc.station as { dutyPhone?: string }).dutyPhone
      const result = validateBureau(doc)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.issues.map((i) => i.path)).toEqual([['station', 'dutyPhone']])
      const again = validateBureau({ ...demoDocument(), communities: [{ ...demoDocument().communities[0], officerId: 'nobody' }, ...demoDocument().communities.slice(1)] })
      expect(again).toMatchObject({ ok: false, issues: [{ path: ['communities', 0, 'officerId'], message: 'no officer has id "nobody"' }] })
    })

    it('routes every demo place to the same officer as the single station did', () => {
      const station = buildJurisdiction()
      const stationIndex = buildJurisdictionIndex(station)
      const result = validateBureau(demoDocument())
      if (!result.ok) throw new Error('demo does not convert')
      const index = buildBureauIndex(result.value)
      const roster = buildRoster(station)
      for (let lng = 106.1; lng <= 106.9; lng += 0.05) {
        for (let lat = 41.35; lat <= 41.7; lat += 0.05) {
          const request: RouteRequest = { kind: 'help', location: { lng, lat } }
          const before = route(request, stationIndex, roster, DAY)
          const after = routeInBureau(request, index, splitRoster(index, roster), roster.leave, DAY)
          if (after.dutyDesk === null) expect(after.assignee).toEqual(before.assignee)
          else expect(after.station.kind).toBe('beyond_limit')
        }
      }
    })
  })

  it('refuses an id used by two stations, naming both places', () => {
    const result = validateBureau({
      ...demoBureauDocument(),
      stations: demoBureauDocument().stations.map((s, i) => (i === 2 ? { ...s, communities: [{ ...s.communities[0], id: 'community-altan' }, ...s.communities.slice(1)] } : s)),
    })
    expect(result).toMatchObject({ ok: false, issues: [{ path: ['stations', 2, 'communities', 0, 'id'], message: 'duplicate community id "community-altan": already used at stations.1.communities.0' }] })
  })

  it('refuses an officer id shared by the bureau staff and a station', () => {
    const doc = demoBureauDocument()
    doc.officers![0].id = 'officer-bb-1'
    doc.bureau.leadershipOfficerIds = ['officer-bb-1']
    const result = validateBureau(doc)
    expect(result).toMatchObject({ ok: false, issues: [{ path: ['stations', 1, 'officers', 1, 'id'], message: 'duplicate officer id "officer-bb-1": already used at officers.0' }] })
  })

  it('refuses communities of different stations that overlap', () => {
    const doc = demoBureauDocument()
    // Over 阿拉坦社区 of 巴音宝力格镇.
    doc.stations[2].communities[0].boundary = square(107.055, 41.085, 0.01)
    const result = validateBureau(doc)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0].path).toEqual(['stations', 2, 'communities', 0, 'boundary'])
    expect(result.issues[0].message).toMatch(/^overlaps 阿拉坦社区 of 巴音宝力格镇派出所 \(stations\.1\.communities\.0\) by about [\d.]+ km²$/)
  })

  it('allows communities of different stations to share an edge', () => {
    expect(() =>
      buildBureau((doc) => {
        doc.stations[2].communities[0].boundary = square(107.03, 41.08, 0.02) // its east edge is 阿拉坦社区's west edge
      }),
    ).not.toThrow()
  })

  it('refuses a duty desk naming an unknown officer and bureau staff with a district', () => {
    const doc = demoBureauDocument()
    doc.bureau.dutyDesk.officerIds = ['bureau-duty-9']
    doc.officers![1].districtId = 'district-town'
    const result = validateBureau(doc)
    expect(result).toMatchObject({
      ok: false,
      issues: [
        { path: ['bureau', 'dutyDesk', 'officerIds', 0], message: 'no officer has id "bureau-duty-9"' },
        { path: ['officers', 1, 'districtId'], message: '额尔敦 is bureau staff and belongs to no district; set districtId to null' },
      ],
    })
  })

  it('refuses a misspelt key in a station section rather than ignoring it', () => {
    const doc = demoBureauDocument()
    Object.assign(doc.stations[1].station, { nearestCommunityMaxKM: 5 })
    expect(validateBureau(doc)).toMatchObject({ ok: false, issues: [{ path: ['stations', 1, 'station'] }] })
  })

  it('places a station’s own issues under its index', () => {
    const doc = demoBureauDocument()
    doc.stations[1].communities[1].districtId = 'district-nowhere'
    expect(validateBureau(doc)).toMatchObject({ ok: false, issues: [{ path: ['stations', 1, 'communities', 1, 'districtId'], message: 'no district has id "district-nowhere"' }] })
  })
})

describe('routeInBureau', () => {
  it('routes a position in a station’s community to that station’s community officer', () => {
    expect(routeIn({ kind: 'home_visit', location: IN_ALTAN })).toMatchObject({
      stationId: 'station-bayanbolag',
      station: { kind: 'inside', communityId: 'community-altan' },
      assignee: { officerId: 'officer-bb-1', as: 'community_officer' },
      dutyDesk: null,
    })
    expect(routeIn({ kind: 'home_visit', location: IN_KHOKHONDOR })).toMatchObject({ stationId: 'station-saiusu', assignee: { officerId: 'officer-su-1' } })
    expect(routeIn({ kind: 'home_visit', location: IN_BAYANBULAG })).toMatchObject({ stationId: 'station-chaogewendur', assignee: { officerId: 'officer-1' } })
  })

  it('uses the station’s own fallbacks: an officer on leave hands over to the community’s auxiliary', () => {
    const leave = [{ officerId: 'officer-bb-1', start: '2026-11-30T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z' }]
    const result = routeIn({ kind: 'help', location: IN_ALTAN }, demo, { ...EMPTY, leave })
    expect(result.assignee).toEqual({ officerId: 'aux-bb-1', as: 'auxiliary_officer' })
    expect(result.route?.steps).toContainEqual(expect.objectContaining({ kind: 'skipped', officerId: 'officer-bb-1', why: 'on_leave' }))
  })

  it('never lets one station’s duty officer answer for another station', () => {
    const duty = [{ officerId: 'officer-1', start: '2026-12-01T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z', scope: 'station' as const }]
    const leave = [{ officerId: 'officer-su-1', start: '2026-11-30T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z' }, { officerId: 'aux-su-1', start: '2026-11-30T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z' }]
    const result = routeIn({ kind: 'help', location: IN_KHOKHONDOR }, demo, { duty, leave, openCases: {} })
    expect(result.stationId).toBe('station-saiusu')
    expect(result.assignee).toEqual({ officerId: 'officer-su-chief', as: 'leadership' })
  })

  it('goes to the bureau duty desk when nobody in the station is available', () => {
    const away = (officerId: string) => ({ officerId, start: '2026-11-30T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z' })
    const result = routeIn({ kind: 'help', location: IN_KHOKHONDOR }, demo, { duty: [], leave: ['officer-su-1', 'aux-su-1', 'officer-su-chief'].map(away), openCases: {} })
    expect(result).toMatchObject({ stationId: 'station-saiusu', assignee: { officerId: 'bureau-duty-1', as: 'bureau_duty_desk' }, dutyDesk: { why: 'nobody_available_in_station', skippedOnLeave: [] } })
  })

  it('sends a position outside every station to the nearest one within the limit, with the distance', () => {
    const result = routeIn({ kind: 'help', location: BETWEEN_STATIONS })
    expect(result.stationId).toBe('station-bayanbolag')
    expect(result.station).toEqual({ kind: 'nearest_station', distanceKm: expect.any(Number), maxKm: 30 })
    if (result.station.kind !== 'nearest_station') return
    expect(result.station.distanceKm).toBeGreaterThan(5)
    expect(result.station.distanceKm).toBeLessThan(10)
    // Within the station's own nearest-community limit (10 km): that community's officer answers.
    expect(result.assignee).toEqual({ officerId: 'officer-bb-2', as: 'community_officer' })
    expect(result.route?.steps[0]).toMatchObject({ kind: 'located_in', communityId: 'gacha-bayanuul', method: 'nearest' })
  })

  it('sends a position beyond the bureau’s limit to the duty desk, with the reason', () => {
    const result = routeIn({ kind: 'help', location: FAR_AWAY })
    expect(result).toMatchObject({ stationId: null, route: null, assignee: { officerId: 'bureau-duty-1', as: 'bureau_duty_desk' }, dutyDesk: { why: 'no_station' } })
    expect(result.station).toEqual({ kind: 'beyond_limit', distanceKm: expect.any(Number), maxKm: 30 })
  })

  it('passes over duty-desk officers on leave', () => {
    const bureau = buildBureau((doc) => {
      doc.bureau.dutyDesk.officerIds = ['bureau-duty-1', 'bureau-chief']
    })
    const leave = [{ officerId: 'bureau-duty-1', start: '2026-11-30T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z' }]
    const result = routeIn({ kind: 'help' }, bureau, { ...EMPTY, leave })
    expect(result).toMatchObject({ station: { kind: 'unlocated' }, assignee: { officerId: 'bureau-chief' }, dutyDesk: { skippedOnLeave: ['bureau-duty-1'] } })
  })

  it('finds the station from the resident’s community or an address alias', () => {
    expect(routeIn({ kind: 'consultation', communityId: 'gacha-bayanuul' })).toMatchObject({ stationId: 'station-bayanbolag', station: { kind: 'community', method: 'given' }, assignee: { officerId: 'officer-bb-2' } })
    expect(routeIn({ kind: 'consultation', addressText: '赛乌素社区东头' })).toMatchObject({ stationId: 'station-saiusu', station: { kind: 'community', communityId: 'community-saiusu', method: 'alias' } })
  })

  it('chooses, for every point on a grid over the bureau, a station that holds it or is within the limit', () => {
    for (let lng = 106.0; lng <= 107.6; lng += 0.08) {
      for (let lat = 40.9; lat <= 41.8; lat += 0.08) {
        const choice = chooseStation({ kind: 'help', location: { lng, lat } }, demoIndex)
        if (choice.reason.kind === 'inside') {
          const station = demo.stations[choice.station!]
          expect(station.communities.some((c) => c.id === (choice.reason as { communityId: string }).communityId)).toBe(true)
        } else if (choice.reason.kind === 'nearest_station') expect(choice.reason.distanceKm).toBeLessThanOrEqual(30)
        else expect(choice).toMatchObject({ station: null, reason: { kind: 'beyond_limit' } })
      }
    }
  })

  it('finds the nearest station through the bureau-wide flatbush as measuring every community would', () => {
    // Brute force: the geodesic distance to every mapped community of every station.
    const bruteForce = (point: number[]) => {
      let best = { station: -1, km: Infinity }
      demo.stations.forEach((st, s) => {
        for (const c of st.communities) {
          if (!c.boundary) continue
          const km = Math.max(0, pointToPolygonDistance(point, c.boundary, { units: 'kilometers' }))
          if (km < best.km) best = { station: s, km }
        }
      })
      return best
    }
    let compared = 0
    for (let lng = 105.6; lng <= 108.0; lng += 0.17) {
      for (let lat = 40.6; lat <= 42.2; lat += 0.17) {
        const choice = chooseStation({ kind: 'help', location: { lng, lat } }, demoIndex)
        if (choice.reason.kind !== 'nearest_station' && choice.reason.kind !== 'beyond_limit') continue
        const truth = bruteForce([lng, lat])
        const km = choice.reason.distanceKm!
        // Candidates are ranked by turf's planar distance (a few percent long at 41°N): the winner is
        // the true nearest, or one whose distance is within that margin of it.
        expect(km).toBeGreaterThanOrEqual(truth.km - 0.001)
        expect(km).toBeLessThanOrEqual(truth.km * 1.05 + 0.001)
        if (choice.reason.kind === 'nearest_station') expect(choice.station === truth.station || km <= truth.km * 1.05).toBe(true)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(50)
  })
})
