// Names the officer notice screens show for categories, statuses and groups, from the catalog.
import type { GroupView } from '../../../core/notices/contract'
import { topicGroupOf } from '../../../core/notices/groups'
import type { Language } from '../../../core/ids'
import { localizedName } from '../../../i18n/localized-name'
import type { CatalogTranslate } from '../../../services/use-catalog-t'
import type { OfficerNoticesMessageKey } from './i18n'
import { officerNoticesZhHans } from './i18n/zh-Hans'

type T = CatalogTranslate<OfficerNoticesMessageKey>

const isKey = (key: string): key is OfficerNoticesMessageKey => Object.prototype.hasOwnProperty.call(officerNoticesZhHans, key)

/**
 * A group by id: a community's name from the server, a topic's from the catalog, marked when it
 * is bureau-wide and, when the server names it (a station's topic group), with its station: a
 * bureau leader publishes to every station's herders.
 */
export function groupName(t: T, language: Language, groupId: string, known?: (Pick<GroupView, 'name'> & Partial<Pick<GroupView, 'bureauWide' | 'station'>>) | null): string {
  if (known?.name) return localizedName(known.name, language)
  const topic = topicGroupOf(groupId)
  const key = topic ? `on.topic.topic-${topic.topic}` : ''
  if (!topic || !isKey(key)) return groupId
  if (topic.bureauWide) return t('on.topic.bureauWide', { group: t(key) })
  return known?.station ? t('on.topic.ofStation', { group: t(key), station: localizedName(known.station, language) }) : t(key)
}

/** Station names help only when the groups span stations (bureau roles); a station's staff see their own groups unnamed. */
export function stationNamesIfMixed(groups: GroupView[]): GroupView[] {
  const stations = new Set(groups.flatMap((g) => (g.station ? [g.station.zh] : [])))
  return stations.size > 1 ? groups : groups.map((g) => ({ ...g, station: null }))
}

export const OFFICER_NOTICES_PAGES = {
  list: '/packages/officer/pages/notices/index',
  compose: '/packages/officer/pages/notices-compose/index',
  review: '/packages/officer/pages/notices-review/index',
} as const
