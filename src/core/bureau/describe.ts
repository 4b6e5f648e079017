// Why a request went to its station, as the first part of the stored routing sentence
// (`routeReason`), in Chinese or traditional Mongolian; the station's own steps follow
// (../routing/describe.ts). Only what the station's steps do not already say: a position inside a
// community, or the resident's community, is said by the station's first step. The Mongolian
// phrases follow ../routing/describe.ts's and await the same review (MONGOLIAN_PHRASES_REVIEWED).
import type { Language } from '../ids'
import type { Jurisdiction } from '../jurisdiction/schema'
import { describeRoute } from '../routing/describe'
import type { RouteResult } from '../routing/result'
import type { StationReason } from './route'
import type { BureauJurisdiction } from './schema'

const PHRASES = {
  zh: {
    nearest: (station: string, km: string) => `不在任何派出所辖区内，归最近的${station}（${km}公里）`,
    beyond: (maxKm: number) => `位置距各派出所辖区均超过${maxKm}公里`,
    none: '未提供位置',
  },
  mn: {
    nearest: (station: string, km: string) => `ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠶᠢᠷ᠎ᠠ ${station} (${km} ᠺᠢᠯᠣᠮᠧᠲ᠋ᠷ)`,
    beyond: (maxKm: number) => `ᠪᠦᠬᠦ ᠰᠠᠯᠪᠤᠷᠢ ᠠᠴᠠ ${maxKm} ᠺᠢᠯᠣᠮᠧᠲ᠋ᠷ ᠡᠴᠡ ᠬᠡᠲᠦᠷᠡᠩᠭᠦᠢ ᠬᠣᠯᠠ`,
    none: 'ᠪᠠᠶᠢᠷᠢᠰᠢᠯ ᠦᠭᠡᠢ',
  },
} satisfies Record<Language, { nearest: (station: string, km: string) => string; beyond: (maxKm: number) => string; none: string }>

/** The station part, or null when the station's own steps say it all. */
export function describeStationChoice(reason: StationReason, stationId: string | null, bureau: BureauJurisdiction, language: Language): string | null {
  const p = PHRASES[language]
  switch (reason.kind) {
    case 'nearest_station': {
      const name = bureau.stations.find((s) => s.station.id === stationId)?.station.name
      const local = name ? (language === 'mn' ? (name.mn ?? name.zh) : name.zh) : (stationId ?? '')
      return p.nearest(local, String(Math.round(reason.distanceKm * 10) / 10))
    }
    // A station that routes such a request itself (a bureau of one) says so in its own steps.
    case 'beyond_limit':
      return stationId === null ? p.beyond(reason.maxKm) : null
    case 'unlocated':
      return stationId === null ? p.none : null
    default:
      return null
  }
}

/** The whole stored sentence: why this station, then the station's (or the duty desk's) steps. */
export function describeBureauRoute(decision: RouteResult, reason: StationReason, stationId: string | null, bureau: BureauJurisdiction, whole: Jurisdiction, language: Language): string {
  return [describeStationChoice(reason, stationId, bureau, language), describeRoute(decision, whole, language)].filter((part) => part).join(' → ')
}
