// The small labels above a notice: category, urgent, edited, expired, unread.
import { View } from '@tarojs/components'
import type { NoticeCard } from '../../core/notices/contract'
import { useNoticesT } from './i18n'
import { categoryLabel } from './labels'

export interface NoticeTagsProps {
  notice: NoticeCard
}

export function NoticeTags({ notice }: NoticeTagsProps) {
  const t = useNoticesT()
  return (
    <View className="notice-tags">
      {notice.urgency === 'urgent' ? <View className="notice-tag is-urgent">{t('notices.urgent')}</View> : null}
      <View className="notice-tag">{categoryLabel(t, notice.category)}</View>
      {notice.edited ? <View className="notice-tag is-muted">{t('notices.edited')}</View> : null}
      {notice.expired ? <View className="notice-tag is-muted">{t('notices.expired')}</View> : null}
      {notice.read ? null : <View className="notice-tag notice-unread-tag">{t('notices.unreadMark')}</View>}
    </View>
  )
}
