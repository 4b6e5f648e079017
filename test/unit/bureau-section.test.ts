import { bureauOutline, replaceStationSection, stationDocument, stationIdNamed, touchesBureau } from '../../src/core/bureau/section'
import { buildBureau, demoBureauDocument } from '../fixtures/bureau-builders'

const demo = buildBureau()
/** 巴音宝力格镇's document as its admin exports it and edits it. */
const bayanbolag = () => structuredClone(stationDocument(demo, 'station-bayanbolag')!) as unknown as {
  version: 1
  station: { id: string; leadershipOfficerIds: string[] }
  communities: Array<{ id: string; officerId: string; boundary: unknown }>
  officers: Array<{ id: string; name: string }>
  [key: string]: unknown
}

describe('stationDocument', () => {
  it('is the station’s section as a station document (format 1), nothing of other stations', () => {
    const doc = stationDocument(demo, 'station-bayanbolag')!
    expect(doc.version).toBe(1)
    expect(doc.station.id).toBe('station-bayanbolag')
    const said = JSON.stringify(doc)
    for (const other of ['officer-1', 'officer-su-1', 'gacha-bayanbulag', 'community-saiusu']) expect(said).not.toContain(`"${other}"`)
  })

  it('is null for a station the bureau has not', () => {
    expect(stationDocument(demo, 'station-nowhere')).toBeNull()
  })
})

describe('bureauOutline', () => {
  it('names the bureau and lists its stations by id and name only', () => {
    const outline = bureauOutline(demo)
    expect(outline.id).toBe(demo.bureau.id)
    expect(outline.stations.map((s) => s.id)).toEqual(['station-chaogewendur', 'station-bayanbolag', 'station-saiusu'])
    expect(Object.keys(outline.stations[0])).toEqual(['id', 'name'])
  })
})

describe('touchesBureau and stationIdNamed', () => {
  it('tells a bureau document from a station document', () => {
    expect(touchesBureau(demoBureauDocument())).toBe(true)
    expect(touchesBureau({ ...bayanbolag(), bureau: { id: 'x' } })).toBe(true)
    expect(touchesBureau(bayanbolag())).toBe(false)
    expect(stationIdNamed(bayanbolag())).toBe('station-bayanbolag')
    expect(stationIdNamed(demoBureauDocument())).toBeNull()
    expect(stationIdNamed({ station: { id: 7 } })).toBeNull()
    expect(stationIdNamed('not a document')).toBeNull()
  })
})

describe('replaceStationSection', () => {
  it('replaces only that station’s section: the bureau’s fields and the other stations stay as they were', () => {
    const doc = bayanbolag()
    doc.officers[1].name = '其木格（调整后）'
    const result = replaceStationSection(demo, doc)
    if (!result.ok) throw new Error(JSON.stringify(result))
    expect(result.stationId).toBe('station-bayanbolag')
    expect(result.value.bureau).toEqual(demo.bureau)
    expect(result.value.officers).toEqual(demo.officers)
    expect(result.value.stations[0]).toEqual(demo.stations[0])
    expect(result.value.stations[2]).toEqual(demo.stations[2])
    expect(result.value.stations[1].officers[1].name).toBe('其木格（调整后）')
  })

  it('accepts the section without its format number', () => {
    const { version: _version, ...section } = bayanbolag()
    expect(replaceStationSection(demo, section).ok).toBe(true)
  })

  it('refuses a community id another station holds, naming that station, at the path of the station document', () => {
    const doc = bayanbolag()
    doc.communities[0].id = 'gacha-bayanbulag'
    const result = replaceStationSection(demo, doc)
    expect(result.ok).toBe(false)
    if (result.ok || result.why !== 'invalid') throw new Error('expected issues')
    const issue = result.issues.find((i) => i.path.join('.') === 'communities.0.id')
    expect(issue?.message).toContain('"gacha-bayanbulag"')
    expect(issue?.message).toContain('station "station-chaogewendur"')
  })

  it('refuses an officer id another station holds, naming it', () => {
    const doc = bayanbolag()
    doc.officers[3].id = 'officer-su-1'
    const result = replaceStationSection(demo, doc)
    if (result.ok || result.why !== 'invalid') throw new Error('expected issues')
    const messages = result.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages.some((m) => m.includes('"officer-su-1"') && m.includes('station "station-saiusu"'))).toBe(true)
  })

  it('refuses a boundary that overlaps another station’s community', () => {
    const doc = bayanbolag()
    doc.communities[0].boundary = structuredClone(demo.stations[2].communities.find((c) => c.boundary)!.boundary)
    const result = replaceStationSection(demo, doc)
    if (result.ok || result.why !== 'invalid') throw new Error('expected issues')
    expect(result.issues.some((i) => /overlap/i.test(i.message))).toBe(true)
  })

  it('answers unknown_station for a station the bureau has not', () => {
    const doc = bayanbolag()
    doc.station.id = 'station-new'
    expect(replaceStationSection(demo, doc)).toEqual({ ok: false, why: 'unknown_station', stationId: 'station-new' })
  })

  it('answers not_a_station_document for a bureau document', () => {
    expect(replaceStationSection(demo, demoBureauDocument())).toMatchObject({ ok: false, why: 'not_a_station_document' })
  })
})
