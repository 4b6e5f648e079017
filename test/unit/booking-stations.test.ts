// Counters across a bureau (src/core/booking/stations.ts and countersForLanguage): a resident's
// own station first, then the others by distance; the desk's station only; the Chinese-only rule
// applied station by station.
import { countersForLanguage } from '../../src/core/booking/counter'
import { countersForDesk, countersForResident, kmBetween, servesStation, type StationPlace } from '../../src/core/booking/stations'
import { stationPosition } from '../../src/core/bureau/views'
import { buildBureau } from '../fixtures/bureau-builders'

const demo = buildBureau()
const STATIONS: StationPlace[] = demo.stations.map((s) => ({ id: s.station.id, name: s.station.name, position: stationPosition(s) }))
const [FIRST, BB, SU] = STATIONS.map((s) => s.id)

const counter = (id: string, stationId: string | null, languages: Array<'zh' | 'mn'> = ['mn', 'zh']) => ({ id, stationId, languages })
const COUNTERS = [
  counter('counter-bilingual', FIRST),
  counter('counter-chinese', FIRST, ['zh']),
  counter('counter-bb-bilingual', BB),
  counter('counter-su-bilingual', SU),
  // Written before bureaus: the first station's.
  counter('counter-old', null, ['zh']),
]

const ids = (list: Array<{ counter: { id: string } }>) => list.map((c) => c.counter.id)

describe('countersForResident', () => {
  it('lists a resident’s own station first, then the other stations nearest first', () => {
    const forBb = countersForResident(COUNTERS, STATIONS, BB)
    expect(forBb[0]).toMatchObject({ counter: { id: 'counter-bb-bilingual' }, own: true, distanceKm: 0, station: { id: BB } })
    const others = forBb.slice(1)
    expect(others.every((c) => !c.own && c.distanceKm !== null && c.distanceKm > 0)).toBe(true)
    expect(others.map((c) => c.distanceKm)).toEqual([...others.map((c) => c.distanceKm)].sort((a, b) => a! - b!))
  })

  it('gives each station’s distance from the resident’s station, the same in both directions', () => {
    const fromFirst = countersForResident(COUNTERS, STATIONS, FIRST).find((c) => c.station.id === BB)!
    const fromBb = countersForResident(COUNTERS, STATIONS, BB).find((c) => c.station.id === FIRST)!
    expect(fromFirst.distanceKm).toBe(fromBb.distanceKm)
    expect(fromFirst.distanceKm).toBe(Math.round(kmBetween(STATIONS[0].position!, STATIONS[1].position!) * 10) / 10)
  })

  it('places a counter without a station at the first station', () => {
    const forFirst = countersForResident(COUNTERS, STATIONS, FIRST)
    expect(ids(forFirst).slice(0, 3)).toEqual(['counter-bilingual', 'counter-chinese', 'counter-old'])
    expect(forFirst.find((c) => c.counter.id === 'counter-old')).toMatchObject({ own: true, station: { id: FIRST } })
  })

  it('lists a resident without a station by the bureau’s station order, with no distances', () => {
    const unbound = countersForResident(COUNTERS, STATIONS, null)
    expect(unbound.map((c) => c.station.id)).toEqual([FIRST, FIRST, FIRST, BB, SU])
    expect(unbound.every((c) => !c.own && c.distanceKm === null)).toBe(true)
  })

  it('leaves out counters of a station the bureau no longer has', () => {
    expect(ids(countersForResident([...COUNTERS, counter('counter-gone', 'station-gone')], STATIONS, BB))).not.toContain('counter-gone')
  })
})

describe('countersForDesk', () => {
  it('shows a station’s staff their station’s counters only', () => {
    expect(ids(countersForDesk(COUNTERS, STATIONS, BB))).toEqual(['counter-bb-bilingual'])
    expect(ids(countersForDesk(COUNTERS, STATIONS, FIRST))).toEqual(['counter-bilingual', 'counter-chinese', 'counter-old'])
  })

  it('shows bureau staff every station’s counters, each with its station', () => {
    const all = countersForDesk(COUNTERS, STATIONS, null)
    expect(all).toHaveLength(COUNTERS.length)
    expect(new Set(all.map((c) => c.station.id))).toEqual(new Set([FIRST, BB, SU]))
  })

  it('lets staff serve their own station, bureau staff every station', () => {
    expect(servesStation(BB, BB)).toBe(true)
    expect(servesStation(FIRST, BB)).toBe(false)
    expect(servesStation(null, SU)).toBe(true)
  })
})

describe('countersForLanguage, station by station', () => {
  it('keeps a station’s bilingual window for Chinese when that station has no Chinese-only counter', () => {
    const zh = countersForLanguage(COUNTERS, 'zh').map((c) => c.id)
    // The first station keeps its bilingual window for Mongolian speakers; the other two serve Chinese at theirs.
    expect(zh).toEqual(['counter-chinese', 'counter-bb-bilingual', 'counter-su-bilingual', 'counter-old'])
  })

  it('offers every counter speaking Mongolian for Mongolian', () => {
    expect(countersForLanguage(COUNTERS, 'mn').map((c) => c.id)).toEqual(['counter-bilingual', 'counter-bb-bilingual', 'counter-su-bilingual'])
  })
})
