import { validateJurisdiction, type ValidationResult } from '../../src/core/jurisdiction/validate'
import { normalizeAddress } from '../../src/core/jurisdiction/alias'
import type { JurisdictionInput } from '../../src/core/jurisdiction/schema'
import { demoDocument, square } from '../fixtures/jurisdiction-builders'

function validateWith(change: (doc: JurisdictionInput) => void): ValidationResult {
  const doc = demoDocument()
  change(doc)
  return validateJurisdiction(doc)
}

function expectIssue(result: ValidationResult, path: Array<string | number>, message: RegExp) {
  expect(result.ok).toBe(false)
  const issues = result.ok ? [] : result.issues
  expect(issues).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]))
}

const communityIndex = (doc: JurisdictionInput, id: string) => doc.communities.findIndex((c) => c.id === id)

describe('validateJurisdiction', () => {
  describe('the demo jurisdiction of 潮格温都尔镇派出所', () => {
    it('passes', () => {
      const result = validateJurisdiction(demoDocument())
      expect(result).toMatchObject({ ok: true })
    })
    it('has 5 gacha and 2 communities, one of them without a boundary', () => {
      const result = validateJurisdiction(demoDocument())
      if (!result.ok) throw new Error('demo must pass')
      expect(result.value.communities.filter((c) => c.kind === 'gacha')).toHaveLength(5)
      expect(result.value.communities.filter((c) => c.kind === 'community')).toHaveLength(2)
      expect(result.value.communities.find((c) => c.boundary === null)?.id).toBe('gacha-ulaanbulag')
    })
    it('round-trips: an export of the parsed document imports to the same value', () => {
      const first = validateJurisdiction(demoDocument())
      if (!first.ok) throw new Error('demo must pass')
      expect(validateJurisdiction(JSON.parse(JSON.stringify(first.value)))).toEqual(first)
    })
    it('stores roster instants in UTC whatever offset was typed', () => {
      const result = validateJurisdiction(demoDocument())
      if (!result.ok) throw new Error('demo must pass')
      expect(result.value.roster.leave[0].end).toBe('2026-12-04T16:00:00.000Z')
    })
  })

  describe('when two community boundaries overlap', () => {
    it('reports the later one with the overlap area, naming the other', () => {
      const result = validateWith((doc) => {
        // Shift 温都尔社区 half its width west, into 潮格社区.
        const wendur = doc.communities[communityIndex(doc, 'community-wendur')]
        wendur.boundary = square(106.475, 41.512, 0.012)
      })
      expectIssue(result, ['communities', 6, 'boundary'], /overlaps 潮格社区 \(communities\.5\) by about/)
    })
    it('accepts boundaries that only touch along an edge', () => {
      const result = validateWith((doc) => {
        doc.communities[5].boundary = square(106.47, 41.512, 0.01)
        doc.communities[6].boundary = square(106.48, 41.512, 0.01)
      })
      expect(result).toMatchObject({ ok: true })
    })
  })

  describe('when officers are missing or unknown', () => {
    it('reports a community officer id that no officer has', () => {
      const result = validateWith((doc) => {
        doc.communities[0].officerId = 'officer-9'
      })
      expectIssue(result, ['communities', 0, 'officerId'], /no officer has id "officer-9"/)
    })
    it('reports a community without an officer', () => {
      const result = validateWith((doc) => {
        delete (doc.communities[1] as Partial<JurisdictionInput['communities'][number]>).officerId
      })
      expectIssue(result, ['communities', 1, 'officerId'], /responsible community officer/)
    })
    it('reports a community whose officer is an empty string', () => {
      const result = validateWith((doc) => {
        doc.communities[1].officerId = ''
      })
      expectIssue(result, ['communities', 1, 'officerId'], /responsible community officer/)
    })
    it('refuses an auxiliary officer as the responsible officer', () => {
      const result = validateWith((doc) => {
        doc.communities[2].officerId = 'aux-1'
      })
      expectIssue(result, ['communities', 2, 'officerId'], /auxiliary officer/)
    })
    it('reports unknown auxiliaries, leaders and roster officers', () => {
      const result = validateWith((doc) => {
        doc.communities[0].auxiliaryOfficerIds = ['aux-9']
        doc.station.leadershipOfficerIds = ['officer-boss']
        doc.roster.duty[0].officerId = 'officer-ghost'
        doc.roster.leave[0].officerId = 'officer-away'
      })
      expectIssue(result, ['communities', 0, 'auxiliaryOfficerIds', 0], /aux-9/)
      expectIssue(result, ['station', 'leadershipOfficerIds', 0], /officer-boss/)
      expectIssue(result, ['roster', 'duty', 0, 'officerId'], /officer-ghost/)
      expectIssue(result, ['roster', 'leave', 0, 'officerId'], /officer-away/)
    })
  })

  describe('when ids do not resolve or repeat', () => {
    it('reports unknown district ids of communities and officers', () => {
      const result = validateWith((doc) => {
        doc.communities[3].districtId = 'district-sea'
        doc.officers[0].districtId = 'district-moon'
      })
      expectIssue(result, ['communities', 3, 'districtId'], /district-sea/)
      expectIssue(result, ['officers', 0, 'districtId'], /district-moon/)
    })
    it('reports a grid cell naming a grid worker the community does not have', () => {
      const result = validateWith((doc) => {
        doc.communities[5].gridCells[0].gridWorker = '赵六'
      })
      expectIssue(result, ['communities', 5, 'gridCells', 0, 'gridWorker'], /no grid worker named "赵六"/)
    })
    it('reports duplicate ids, grid cells across communities included', () => {
      const result = validateWith((doc) => {
        doc.communities[1].id = 'gacha-bayanbulag'
        doc.communities[6].gridCells = [{ id: 'grid-chaoge-laojie', name: '重复网格', boundary: null }]
      })
      expectIssue(result, ['communities', 1, 'id'], /duplicate id "gacha-bayanbulag"/)
      expectIssue(result, ['communities', 6, 'gridCells', 0, 'id'], /duplicate id "grid-chaoge-laojie"/)
    })
    it('reports district duty for an officer who belongs to no district', () => {
      const result = validateWith((doc) => {
        doc.roster.duty.push({ officerId: 'officer-chief', start: '2026-12-01T00:00:00Z', end: '2026-12-01T08:00:00Z', scope: 'district' })
      })
      expectIssue(result, ['roster', 'duty', demoDocument().roster.duty.length, 'scope'], /belongs to no district/)
    })
  })

  describe('when a key is misspelt', () => {
    it('refuses it instead of silently applying a default', () => {
      const result = validateWith((doc) => {
        ;(doc.station as Record<string, unknown>).nearestCommunityMaxKM = 3
      })
      expectIssue(result, ['station'], /nearestCommunityMaxKM/)
    })
    it('refuses a grid cell that tries to name its community', () => {
      const result = validateWith((doc) => {
        ;(doc.communities[5].gridCells[0] as Record<string, unknown>).communityId = 'community-nowhere'
      })
      expectIssue(result, ['communities', 5, 'gridCells', 0], /communityId/)
    })
    it('drops GeoJSON foreign members such as bbox rather than trusting them', () => {
      const doc = demoDocument()
      ;(doc.communities[0].boundary as Record<string, unknown>).bbox = [0, 0, 1, 1]
      const result = validateJurisdiction(doc)
      expect(result.ok && result.value.communities[0].boundary).not.toHaveProperty('bbox')
    })
  })

  describe('when a polygon is malformed', () => {
    it('reports an unclosed ring', () => {
      const result = validateWith((doc) => {
        doc.communities[0].boundary = { type: 'Polygon', coordinates: [[[106.2, 41.5], [106.3, 41.5], [106.3, 41.6], [106.2, 41.6]]] }
      })
      expectIssue(result, ['communities', 0, 'boundary', 'coordinates', 0], /not closed/)
    })
    it('reports a ring with too few positions', () => {
      const result = validateWith((doc) => {
        doc.communities[0].boundary = { type: 'Polygon', coordinates: [[[106.2, 41.5], [106.3, 41.5], [106.2, 41.5]]] }
      })
      expectIssue(result, ['communities', 0, 'boundary', 'coordinates', 0], /at least 4 positions/)
    })
    it('reports a ring whose corners lie on one line', () => {
      const result = validateWith((doc) => {
        doc.communities[0].boundary = { type: 'Polygon', coordinates: [[[106.2, 41.5], [106.3, 41.5], [106.4, 41.5], [106.2, 41.5]]] }
      })
      expectIssue(result, ['communities', 0, 'boundary', 'coordinates', 0], /no area/)
    })
    it('reports an unknown geometry type', () => {
      const result = validateWith((doc) => {
        ;(doc.communities[0] as { boundary: unknown }).boundary = { type: 'Circle', center: [106.3, 41.6], radius: 5 }
      })
      expectIssue(result, ['communities', 0, 'boundary', 'type'], /Polygon/)
    })
    it('reports a self-intersecting (bow-tie) ring where it crosses', () => {
      const result = validateWith((doc) => {
        doc.communities[6].boundary = { type: 'Polygon', coordinates: [[[106.48, 41.512], [106.49, 41.524], [106.49, 41.512], [106.48, 41.524], [106.48, 41.512]]] }
      })
      expectIssue(result, ['communities', 6, 'boundary', 'coordinates', 0], /crosses itself near \[106\.485000, 41\.518000\]/)
    })
    it('reports a bow-tie inside a MultiPolygon with the part index', () => {
      const result = validateWith((doc) => {
        doc.communities[6].boundary = {
          type: 'MultiPolygon',
          coordinates: [square(106.9, 41.9, 0.01).coordinates, [[[107, 42], [107.01, 42.01], [107.01, 42], [107, 42.01], [107, 42]]]],
        }
      })
      expectIssue(result, ['communities', 6, 'boundary', 'coordinates', 1, 0], /crosses itself/)
    })
    it('tolerates a repeated consecutive position', () => {
      const result = validateWith((doc) => {
        doc.communities[6].boundary = { type: 'Polygon', coordinates: [[[106.48, 41.512], [106.49, 41.512], [106.49, 41.512], [106.49, 41.524], [106.48, 41.524], [106.48, 41.512]]] }
      })
      expect(result).toMatchObject({ ok: true })
    })
  })

  describe('when coordinates are out of range', () => {
    it('reports longitude and latitude at the exact position', () => {
      const result = validateWith((doc) => {
        doc.communities[0].boundary = { type: 'Polygon', coordinates: [[[106.2, 41.5], [186.3, 41.5], [106.3, 91.6], [106.2, 41.5]]] }
      })
      expectIssue(result, ['communities', 0, 'boundary', 'coordinates', 0, 1, 0], /longitude must be between -180 and 180/)
      expectIssue(result, ['communities', 0, 'boundary', 'coordinates', 0, 2, 1], /latitude must be between -90 and 90/)
    })
  })

  describe('when the roster has impossible periods', () => {
    it('reports a shift or leave that ends before it starts', () => {
      const result = validateWith((doc) => {
        doc.roster.duty[0].end = doc.roster.duty[0].start
        doc.roster.leave[0].end = '2026-11-01T00:00:00Z'
      })
      expectIssue(result, ['roster', 'duty', 0, 'end'], /end after it starts/)
      expectIssue(result, ['roster', 'leave', 0, 'end'], /end after it starts/)
    })
    it('reports an instant that is not ISO 8601', () => {
      const result = validateWith((doc) => {
        doc.roster.leave[0].start = '12月1日'
      })
      expectIssue(result, ['roster', 'leave', 0, 'start'], /.+/)
    })
  })

  describe('when aliases are ambiguous', () => {
    it('reports an alias another community already answers to, after normalization', () => {
      const result = validateWith((doc) => {
        doc.communities[3].aliases.push('巴音布拉格 嘎查')
      })
      expectIssue(result, ['communities', 3, 'aliases', 5], /also names 巴音布拉格嘎查/)
    })
    it('reports an alias too short to match', () => {
      const result = validateWith((doc) => {
        doc.communities[3].aliases.push('井')
      })
      expectIssue(result, ['communities', 3, 'aliases', 5], /too short/)
    })
  })

  describe('with several mistakes at once', () => {
    it('reports every one of them, not just the first', () => {
      const result = validateWith((doc) => {
        doc.communities[0].officerId = 'officer-9'
        doc.communities[1].districtId = 'district-sea'
        doc.roster.duty[0].end = doc.roster.duty[0].start
        doc.communities[6].boundary = square(106.475, 41.512, 0.012)
      })
      expect(result.ok ? [] : result.issues.map((i) => i.path.join('.'))).toEqual([
        'communities.0.officerId',
        'communities.1.districtId',
        'roster.duty.0.end',
        'communities.6.boundary',
      ])
    })
    it('refuses megabyte strings at the edge', () => {
      const result = validateWith((doc) => {
        doc.communities[0].name.zh = '巴'.repeat(1_000_000)
      })
      expectIssue(result, ['communities', 0, 'name', 'zh'], /.+/)
    })
    it('answers field issues for input that is not even an object', () => {
      expect(validateJurisdiction('not a document')).toMatchObject({ ok: false, issues: [{ path: [] }] })
    })
  })
})

describe('normalizeAddress', () => {
  it('folds width and case, drops spaces and one administrative suffix', () => {
    expect(normalizeAddress(' 巴音布拉格　嘎查 ')).toBe('巴音布拉格')
    expect(normalizeAddress('ＡＢＣ村')).toBe('abc')
    expect(normalizeAddress('乌兰哈达社区')).toBe('乌兰哈达')
    expect(normalizeAddress('三队')).toBe('三')
  })
  it('ignores Mongolian variation selectors and strips the Mongolian word for gacha', () => {
    expect(normalizeAddress('ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ ᠭᠠᠴᠠᠭ᠎ᠠ')).toBe(normalizeAddress('ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ'))
  })
  it('keeps a bare suffix rather than leaving nothing', () => {
    expect(normalizeAddress('社区')).toBe('社区')
  })
})
