import { buildJurisdictionIndex, describeRoute, route, RouteRequest, RouteResult } from '../../src/core/routing'
import type { Jurisdiction } from '../../src/core/jurisdiction/schema'
import type { RouteRoster } from '../../src/core/routing/contract'
import { dayjs } from '../../src/core/time'
import { buildJurisdiction, buildRoster } from '../fixtures/jurisdiction-builders'

/** Tuesday 1 December 2026, 10:00 in the station: officer-2 holds station duty, officer-1 the pastoral day shift, 苏和 is on leave. */
const DAY = dayjs('2026-12-01T02:00:00Z')
/** The same day at 20:00: the day shifts are over, officer-2 still holds station duty. */
const EVENING = dayjs('2026-12-01T12:00:00Z')

const demo = buildJurisdiction()
const demoIndex = buildJurisdictionIndex(demo)

// Places in the demo jurisdiction.
const IN_BAYANBULAG = { lng: 106.35, lat: 41.62 }
const IN_BORONDOR = { lng: 106.3, lat: 41.42 }
const ON_CHAOGE_WENDUR_BOUNDARY = { lng: 106.48, lat: 41.52 }
const IN_CHAOGE_OLD_STREET = { lng: 106.475, lat: 41.515 }
const EAST_OF_ULAANHAD_3KM = { lng: 106.8, lat: 41.55 }
const FAR_EAST_37KM = { lng: 107.2, lat: 41.5 }

function routeIn(request: RouteRequest, options: { now?: typeof DAY; roster?: Partial<RouteRoster>; jurisdiction?: Jurisdiction } = {}) {
  const jurisdiction = options.jurisdiction ?? demo
  const index = options.jurisdiction ? buildJurisdictionIndex(jurisdiction) : demoIndex
  return route(request, index, buildRoster(jurisdiction, options.roster), options.now ?? DAY)
}

const assigned = (result: RouteResult) => result.assignee

describe('route', () => {
  describe('locating the community', () => {
    it('finds the community whose polygon holds the point', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BAYANBULAG })
      expect(result.steps).toEqual([
        { kind: 'located_in', communityId: 'gacha-bayanbulag', method: 'polygon' },
        { kind: 'assigned', officerId: 'officer-1', as: 'community_officer' },
      ])
      expect(result).toMatchObject({ communityId: 'gacha-bayanbulag', districtId: 'district-pastoral', assignee: { officerId: 'officer-1', as: 'community_officer' } })
    })
    it('counts a point on an outer boundary as inside', () => {
      const result = routeIn({ kind: 'home_visit', location: { lng: 106.33, lat: 41.72 } })
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: 'gacha-bayanbulag', method: 'polygon' })
    })
    it('gives a point on the boundary two communities share to the lowest id, and says so', () => {
      const result = routeIn({ kind: 'home_visit', location: ON_CHAOGE_WENDUR_BOUNDARY })
      expect(result.steps[0]).toMatchObject({
        kind: 'located_in',
        communityId: 'community-chaoge',
        method: 'polygon',
        boundaryOf: ['community-chaoge', 'community-wendur'],
      })
      expect(assigned(result)).toEqual({ officerId: 'officer-2', as: 'community_officer' })
    })
    it('names the grid cell holding the point', () => {
      const result = routeIn({ kind: 'consultation', location: IN_CHAOGE_OLD_STREET })
      expect(result.gridCellId).toBe('grid-chaoge-laojie')
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: 'community-chaoge', method: 'polygon', gridCellId: 'grid-chaoge-laojie' })
    })
    it('gives a point outside every boundary to the nearest community within the station limit', () => {
      const result = routeIn({ kind: 'home_visit', location: EAST_OF_ULAANHAD_3KM })
      expect(result.steps[0]).toMatchObject({ kind: 'located_in', communityId: 'gacha-ulaanhad', method: 'nearest' })
      const step = result.steps[0]
      expect(step.kind === 'located_in' && step.distanceKm).toBeGreaterThan(3)
      expect(step.kind === 'located_in' && step.distanceKm).toBeLessThan(4)
      expect(assigned(result)).toEqual({ officerId: 'officer-1', as: 'community_officer' })
    })
    it('honours the configured distance limit', () => {
      const nearby = buildJurisdiction((doc) => {
        doc.station.nearestCommunityMaxKm = 2
      })
      const result = routeIn({ kind: 'home_visit', location: EAST_OF_ULAANHAD_3KM }, { jurisdiction: nearby })
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: null, method: 'none', why: 'outside_max_distance', maxKm: 2 })
      expect(assigned(result)).toEqual({ officerId: 'officer-2', as: 'station_duty' })
    })
    it('sends a point beyond the limit to the station duty officer', () => {
      const result = routeIn({ kind: 'home_visit', location: FAR_EAST_37KM })
      expect(result.steps).toEqual([
        { kind: 'located_in', communityId: null, method: 'none', why: 'outside_max_distance', maxKm: 10 },
        { kind: 'assigned', officerId: 'officer-2', as: 'station_duty' },
      ])
      expect(result).toMatchObject({ communityId: null, districtId: null, communityOfficerId: null })
    })
    it('uses the community id given', () => {
      const result = routeIn({ kind: 'mediation', communityId: 'community-wendur' })
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: 'community-wendur', method: 'given' })
      expect(assigned(result)).toEqual({ officerId: 'officer-2', as: 'community_officer' })
    })
    it('falls back to the community id when the location is beyond the limit', () => {
      const result = routeIn({ kind: 'mediation', location: FAR_EAST_37KM, communityId: 'gacha-tsagaanobo' })
      expect(result.steps.slice(0, 2)).toEqual([
        { kind: 'located_in', communityId: null, method: 'none', why: 'outside_max_distance', maxKm: 10 },
        { kind: 'located_in', communityId: 'gacha-tsagaanobo', method: 'given' },
      ])
    })
    it('prefers the location over the registered community', () => {
      const result = routeIn({ kind: 'mediation', location: IN_BAYANBULAG, communityId: 'community-wendur' })
      expect(result.communityId).toBe('gacha-bayanbulag')
    })
    it('reports an unknown community id and goes to station duty', () => {
      const result = routeIn({ kind: 'consultation', communityId: 'gacha-nowhere' })
      expect(result.steps).toEqual([
        { kind: 'located_in', communityId: null, method: 'none', why: 'unknown_community' },
        { kind: 'assigned', officerId: 'officer-2', as: 'station_duty' },
      ])
    })
    it('with nothing to go on, goes to the station duty officer', () => {
      const result = routeIn({ kind: 'consultation' })
      expect(result.steps).toEqual([
        { kind: 'located_in', communityId: null, method: 'none', why: 'no_location' },
        { kind: 'assigned', officerId: 'officer-2', as: 'station_duty' },
      ])
    })
  })

  describe('matching the address text', () => {
    it('matches a community name exactly, whatever the suffix and spacing', () => {
      const result = routeIn({ kind: 'home_visit', addressText: ' 乌兰布拉格 村 ' })
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: 'gacha-ulaanbulag', method: 'alias', alias: '乌兰布拉格嘎查' })
    })
    it('finds the longest alias inside a sentence', () => {
      // "温都尔" (温都尔社区) is inside "宝日温都尔" (宝日温都尔嘎查 without its suffix): the longer one wins.
      const result = routeIn({ kind: 'home_visit', addressText: '家在宝日温都尔那边，离哈日井不远' })
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: 'gacha-borondor', method: 'alias', alias: '宝日温都尔嘎查' })
    })
    it('matches the names herders use: a spring, or the Mongolian spelling', () => {
      expect(routeIn({ kind: 'home_visit', addressText: '我在红泉那边放羊' }).communityId).toBe('gacha-ulaanbulag')
      expect(routeIn({ kind: 'home_visit', addressText: 'ᠤᠯᠠᠭᠠᠨᠪᠤᠯᠠᠭ ᠭᠠᠴᠠᠭ᠎ᠠ' }).communityId).toBe('gacha-ulaanbulag')
    })
    it('reports text that matches nothing and goes to station duty', () => {
      const result = routeIn({ kind: 'home_visit', addressText: '呼和浩特' })
      expect(result.steps[0]).toEqual({ kind: 'located_in', communityId: null, method: 'none', why: 'no_alias_match' })
      expect(assigned(result).as).toBe('station_duty')
    })
  })

  describe('a remote gacha without a boundary', () => {
    it('is reachable by alias and by id, and its community officer answers', () => {
      expect(routeIn({ kind: 'home_visit', addressText: '边防哨所' })).toMatchObject({ communityId: 'gacha-ulaanbulag', assignee: { officerId: 'officer-1' } })
      expect(routeIn({ kind: 'home_visit', communityId: 'gacha-ulaanbulag' })).toMatchObject({ communityId: 'gacha-ulaanbulag', assignee: { officerId: 'officer-1' } })
    })
  })

  describe('choosing the officer', () => {
    it('skips a community officer on leave for the district officer on duty, with the leave end', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BORONDOR })
      expect(result.steps).toEqual([
        { kind: 'located_in', communityId: 'gacha-borondor', method: 'polygon' },
        { kind: 'skipped', officerId: 'officer-3', as: 'community_officer', why: 'on_leave', until: '2026-12-04T16:00:00.000Z' },
        { kind: 'assigned', officerId: 'officer-1', as: 'district_duty' },
      ])
      expect(result.communityOfficerId).toBe('officer-3')
    })
    it('goes to the station duty officer when nobody in the district is on duty', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BORONDOR }, { now: EVENING })
      expect(result.steps.slice(1)).toEqual([
        { kind: 'skipped', officerId: 'officer-3', as: 'community_officer', why: 'on_leave', until: '2026-12-04T16:00:00.000Z' },
        { kind: 'none_on_duty', scope: 'district', districtId: 'district-pastoral' },
        { kind: 'assigned', officerId: 'officer-2', as: 'station_duty' },
      ])
    })
    it('goes to the station leadership when nobody is on duty at all', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BORONDOR }, { roster: { duty: [] } })
      expect(result.steps.slice(2)).toEqual([
        { kind: 'none_on_duty', scope: 'district', districtId: 'district-pastoral' },
        { kind: 'none_on_duty', scope: 'station' },
        { kind: 'assigned', officerId: 'officer-chief', as: 'leadership' },
      ])
    })
    it('skips an officer at capacity for the community’s auxiliary officer', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BAYANBULAG }, { roster: { openCases: { 'officer-1': 10 } } })
      expect(result.steps.slice(1)).toEqual([
        { kind: 'skipped', officerId: 'officer-1', as: 'community_officer', why: 'at_capacity', openCases: 10, capacity: 10 },
        { kind: 'assigned', officerId: 'aux-1', as: 'auxiliary_officer' },
      ])
    })
    it('weighs each officer once, even when they are also on duty further down the line', () => {
      // officer-1 holds the pastoral day shift but was already skipped as community officer.
      const result = routeIn({ kind: 'home_visit', location: IN_BAYANBULAG }, { roster: { openCases: { 'officer-1': 10, 'aux-1': 8 } } })
      expect(result.steps.filter((s) => s.kind === 'skipped')).toHaveLength(2)
      expect(result.steps.slice(-2)).toEqual([
        { kind: 'none_on_duty', scope: 'district', districtId: 'district-pastoral' },
        { kind: 'assigned', officerId: 'officer-2', as: 'station_duty' },
      ])
    })
    it('takes the community officer back once the leave is over', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BORONDOR }, { now: dayjs('2026-12-05T01:00:00Z') })
      expect(assigned(result)).toEqual({ officerId: 'officer-3', as: 'community_officer' })
    })
    it('reports back-to-back leaves as one, until the officer returns', () => {
      const result = routeIn(
        { kind: 'home_visit', location: IN_BORONDOR },
        { roster: { leave: [...demo.roster.leave, { officerId: 'officer-3', start: '2026-12-04T16:00:00.000Z', end: '2026-12-09T16:00:00.000Z' }] } },
      )
      expect(result.steps[1]).toMatchObject({ why: 'on_leave', until: '2026-12-09T16:00:00.000Z' })
    })
    it('sends an urgent request past officers who are not on duty now', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BAYANBULAG, urgency: 'urgent' }, { now: EVENING })
      expect(result.steps.slice(1)).toEqual([
        { kind: 'skipped', officerId: 'officer-1', as: 'community_officer', why: 'off_duty' },
        { kind: 'skipped', officerId: 'aux-1', as: 'auxiliary_officer', why: 'off_duty' },
        { kind: 'none_on_duty', scope: 'district', districtId: 'district-pastoral' },
        { kind: 'assigned', officerId: 'officer-2', as: 'station_duty' },
      ])
    })
    it('gives an urgent request to the community officer when on duty', () => {
      expect(assigned(routeIn({ kind: 'home_visit', location: IN_BAYANBULAG, urgency: 'urgent' }))).toEqual({ officerId: 'officer-1', as: 'community_officer' })
    })
    it('never leaves a request without someone: the first leader answers when nobody is available', () => {
      const result = routeIn({ kind: 'home_visit', location: IN_BAYANBULAG }, { roster: { duty: [], openCases: { 'officer-1': 10, 'aux-1': 8, 'officer-chief': 20 } } })
      expect(result.steps.at(-2)).toEqual({ kind: 'skipped', officerId: 'officer-chief', as: 'leadership', why: 'at_capacity', openCases: 20, capacity: 20 })
      expect(result.steps.at(-1)).toEqual({ kind: 'assigned', officerId: 'officer-chief', as: 'leadership', forced: true })
    })
  })

  describe('with a Mongolian-language preference', () => {
    it('prefers the community’s Mongolian-speaking auxiliary over a community officer who does not speak it', () => {
      const result = routeIn({ kind: 'consultation', communityId: 'community-chaoge', language: 'mn' })
      expect(result.steps.slice(1)).toEqual([
        { kind: 'language', language: 'mn', honoured: true, officerId: 'aux-1', passedOver: ['officer-2', 'aux-2'] },
        { kind: 'assigned', officerId: 'aux-1', as: 'auxiliary_officer' },
      ])
    })
    it('keeps the community officer when they speak it', () => {
      const result = routeIn({ kind: 'consultation', location: IN_BAYANBULAG, language: 'mn' })
      expect(result.steps.map((s) => s.kind)).toEqual(['located_in', 'assigned'])
      expect(assigned(result).officerId).toBe('officer-1')
    })
    it('prefers the Mongolian-speaking district duty officer', () => {
      const withZhang = buildJurisdiction((doc) => {
        doc.officers.unshift({ id: 'officer-4', name: '张伟', title: '社区民警', kind: 'community', districtId: 'district-pastoral', languages: ['zh'], capacity: 10 })
        doc.roster.duty.push({ officerId: 'officer-4', start: '2026-12-01T00:30:00Z', end: '2026-12-01T09:30:00Z', scope: 'district' })
      })
      const mn = routeIn({ kind: 'home_visit', location: IN_BORONDOR, language: 'mn' }, { jurisdiction: withZhang })
      expect(mn.steps.slice(-2)).toEqual([
        { kind: 'language', language: 'mn', honoured: true, officerId: 'officer-1', passedOver: ['officer-4'] },
        { kind: 'assigned', officerId: 'officer-1', as: 'district_duty' },
      ])
      const zh = routeIn({ kind: 'home_visit', location: IN_BORONDOR, language: 'zh' }, { jurisdiction: withZhang })
      expect(assigned(zh)).toEqual({ officerId: 'officer-4', as: 'district_duty' })
    })
    it('never crosses levels for language: says nobody at this level speaks it and keeps the line', () => {
      const result = routeIn({ kind: 'consultation', communityId: 'community-wendur', language: 'mn' })
      expect(result.steps.slice(1)).toEqual([
        { kind: 'language', language: 'mn', honoured: false, officerId: 'officer-2', passedOver: [] },
        { kind: 'assigned', officerId: 'officer-2', as: 'community_officer' },
      ])
    })
  })

  describe('the result', () => {
    it('carries the escalation chain: station leadership, then the joint panel', () => {
      const result = routeIn({ kind: 'mediation', location: IN_BORONDOR })
      expect(result.escalation.level2).toEqual(['officer-chief'])
      expect(result.escalation.level3.map((m) => [m.kind, m.name.zh])).toEqual([
        ['community_committee', '嘎查委员会/社区居委会'],
        ['judicial_office', '潮格温都尔镇司法所'],
        ['town_government', '潮格温都尔镇人民政府'],
      ])
    })
    it('is plain JSON that the stored-decision schema accepts unchanged', () => {
      const result = routeIn({ kind: 'mediation', location: IN_BORONDOR, language: 'mn' }, { now: EVENING })
      const stored = JSON.parse(JSON.stringify(result))
      expect(RouteResult.parse(stored)).toEqual(result)
    })
    it('is the same for the same roster object routed twice', () => {
      const roster = buildRoster(demo)
      expect(route({ kind: 'home_visit', location: IN_BORONDOR }, demoIndex, roster, DAY)).toEqual(route({ kind: 'home_visit', location: IN_BORONDOR }, demoIndex, roster, DAY))
    })
    it('works for a jurisdiction where no community has a boundary', () => {
      const unmapped = buildJurisdiction((doc) => {
        for (const c of doc.communities) {
          c.boundary = null
          c.gridCells = []
        }
      })
      const result = routeIn({ kind: 'home_visit', location: IN_BAYANBULAG, addressText: '巴音井' }, { jurisdiction: unmapped })
      expect(result.steps[0]).toMatchObject({ method: 'none', why: 'outside_max_distance' })
      expect(result.communityId).toBe('gacha-bayanbulag')
    })
  })
})

describe('RouteRequest', () => {
  it('defaults to Chinese and normal urgency', () => {
    expect(RouteRequest.parse({ kind: 'home_visit' })).toEqual({ kind: 'home_visit', language: 'zh', urgency: 'normal' })
  })
  it('refuses a location out of range', () => {
    expect(RouteRequest.safeParse({ kind: 'home_visit', location: { lng: 206, lat: 41 } }).success).toBe(false)
  })
})

describe('describeRoute', () => {
  it('tells in Chinese who was skipped until when, and who answers', () => {
    const result = routeIn({ kind: 'home_visit', location: IN_BORONDOR })
    expect(describeRoute(result, demo, 'zh')).toBe('位于宝日温都尔嘎查 → 社区民警苏和休假至12月5日 → 由牧区警务区值班民警巴特尔负责')
  })
  it('explains a shared boundary and the grid cell', () => {
    const result = routeIn({ kind: 'home_visit', location: ON_CHAOGE_WENDUR_BOUNDARY })
    expect(describeRoute(result, demo, 'zh')).toBe('位于潮格社区中心街网格（地处潮格社区与温都尔社区交界，按编号顺序归潮格社区） → 由社区民警王磊负责')
  })
  it('explains the nearest community, capacity, language and station duty', () => {
    expect(describeRoute(routeIn({ kind: 'home_visit', location: EAST_OF_ULAANHAD_3KM }), demo, 'zh')).toMatch(/^不在任何社区边界内，归最近的乌兰哈达嘎查（3\.\d公里） → 由社区民警巴特尔负责$/)
    expect(describeRoute(routeIn({ kind: 'home_visit', location: IN_BAYANBULAG }, { roster: { openCases: { 'officer-1': 10 } } }), demo, 'zh')).toBe(
      '位于巴音布拉格嘎查 → 社区民警巴特尔在办事项已满（10/10） → 由辅警乌日娜负责',
    )
    expect(describeRoute(routeIn({ kind: 'consultation', communityId: 'community-chaoge', language: 'mn' }), demo, 'zh')).toBe('属于潮格社区 → 王磊、李强不会蒙古语 → 由辅警乌日娜负责')
    expect(describeRoute(routeIn({ kind: 'consultation' }), demo, 'zh')).toBe('未提供位置 → 由所值班民警王磊负责')
    expect(describeRoute(routeIn({ kind: 'home_visit', location: IN_BORONDOR }, { roster: { duty: [] } }), demo, 'zh')).toBe(
      '位于宝日温都尔嘎查 → 社区民警苏和休假至12月5日 → 牧区警务区此刻无人值班 → 全所此刻无人值班 → 由所领导胡建军负责',
    )
  })
  it('renders the leave date in the station’s zone, not UTC', () => {
    // The leave ends at 00:00 on 5 December in Asia/Shanghai, which is still 4 December in UTC.
    const result = routeIn({ kind: 'home_visit', location: IN_BORONDOR })
    expect(describeRoute(result, demo, 'zh')).toContain('12月5日')
    expect(describeRoute(result, demo, 'zh')).not.toContain('12月4日')
  })
  it('tells it in traditional Mongolian with the Mongolian community name', () => {
    const text = describeRoute(routeIn({ kind: 'home_visit', location: IN_BORONDOR }), demo, 'mn')
    expect(text).toContain('ᠪᠣᠷᠣ ᠥᠨᠳᠦᠷ ᠭᠠᠴᠠᠭ᠎ᠠ')
    expect(text).toContain('12 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 5')
    expect(text).toContain('苏和')
    expect(text).not.toMatch(/[位于由负责]/)
  })
})
