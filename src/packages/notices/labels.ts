// Names the screens show for notice categories and topic groups, from the catalog.
import type { Category } from '../../core/notices/rules'
import type { CatalogTranslate } from '../../services/use-catalog-t'
import type { NoticesMessageKey } from './i18n'

export const categoryLabel = (t: CatalogTranslate<NoticesMessageKey>, category: Category) => t(`notices.category.${category}`)

const TOPIC_KEYS: Record<string, NoticesMessageKey> = {
  'topic-herders': 'notices.topic.topic-herders',
  'topic-shop-owners': 'notices.topic.topic-shop-owners',
  'topic-landlords': 'notices.topic.topic-landlords',
  'topic-schools': 'notices.topic.topic-schools',
  'topic-delivery': 'notices.topic.topic-delivery',
  'topic-drivers': 'notices.topic.topic-drivers',
  'topic-volunteers': 'notices.topic.topic-volunteers',
}

/** A topic group's name; a community's name comes with the group from the server. */
export const topicLabel = (t: CatalogTranslate<NoticesMessageKey>, groupId: string) => (TOPIC_KEYS[groupId] ? t(TOPIC_KEYS[groupId]) : groupId)

export const NOTICES_PAGES = {
  feed: '/packages/notices/pages/feed/index',
  detail: '/packages/notices/pages/detail/index',
  groups: '/packages/notices/pages/groups/index',
} as const
