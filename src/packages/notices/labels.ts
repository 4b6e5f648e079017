// Names the screens show for notice categories and topic groups, from the catalog.
import { topicGroupOf, type Topic } from '../../core/notices/groups'
import type { Category } from '../../core/notices/rules'
import type { CatalogTranslate } from '../../services/use-catalog-t'
import type { NoticesMessageKey } from './i18n'

export const categoryLabel = (t: CatalogTranslate<NoticesMessageKey>, category: Category) => t(`notices.category.${category}`)

const TOPIC_KEYS: Record<Topic, NoticesMessageKey> = {
  herders: 'notices.topic.topic-herders',
  'shop-owners': 'notices.topic.topic-shop-owners',
  landlords: 'notices.topic.topic-landlords',
  schools: 'notices.topic.topic-schools',
  delivery: 'notices.topic.topic-delivery',
  drivers: 'notices.topic.topic-drivers',
  volunteers: 'notices.topic.topic-volunteers',
  'anti-fraud': 'notices.topic.topic-anti-fraud',
}

/** A topic group's name (a station's groups are named by their topic: a resident sees only their station's); a community's name comes with the group from the server. */
export function topicLabel(t: CatalogTranslate<NoticesMessageKey>, groupId: string): string {
  const topic = topicGroupOf(groupId)?.topic
  return topic ? t(TOPIC_KEYS[topic]) : groupId
}

export const NOTICES_PAGES = {
  feed: '/packages/notices/pages/feed/index',
  detail: '/packages/notices/pages/detail/index',
  groups: '/packages/notices/pages/groups/index',
} as const
