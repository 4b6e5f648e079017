// The resident's notice feed: one list across their community and topic groups, urgent warnings
// pinned while valid, then newest first; an unread count; more pages on demand (cursor).
import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { noticesContract, type FeedPage, type NoticeCard } from '../../../../core/notices/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { COMMUNITY_PAGE } from '../../../../services/resident-pages'
import { asCloudError } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { OfflineAsOf } from '../../../../components/offline-state'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { useNoticesT } from '../../i18n'
import { NOTICES_PAGES } from '../../labels'
import { NoticeTags } from '../../notice-tags'
import '../../notices.css'

const PAGE_SIZE = 10
const loadFirst = () => call(noticesContract, 'feed', { limit: PAGE_SIZE }, { readOnly: true })

function NoticeRow({ notice }: { notice: NoticeCard }) {
  const t = useNoticesT()
  return (
    <View className={`notice-row ${notice.read ? '' : 'is-unread'}`} onClick={() => Taro.navigateTo({ url: `${NOTICES_PAGES.detail}?id=${notice.id}` })}>
      <View className="notice-row-title">{notice.title}</View>
      <NoticeTags notice={notice} />
      <View className="fq-text">{notice.excerpt}</View>
      <View className="fq-muted">{t('notices.publishedAt', { date: formatStationTime(notice.publishedAt) })}</View>
    </View>
  )
}

function Feed({ profile }: { profile: Profile }) {
  const t = useNoticesT()
  // The first page stays readable offline, with the time it was loaded.
  const first = useOfflineRemote('notices.feed', noticesContract.actions.feed.output, loadFirst)
  const [more, setMore] = useState<{ items: NoticeCard[]; cursor: string | null } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ReturnType<typeof asCloudError> | null>(null)
  // Coming back from a notice: its unread mark and the count change.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) {
      setMore(null)
      void first.reload()
    }
    shown.current = true
  })
  usePullDownRefresh(() => {
    setMore(null)
    void first.reload().then(() => Taro.stopPullDownRefresh())
  })

  const page: FeedPage | null = first.state.status === 'ready' ? first.state.data : null
  const cursor = more ? more.cursor : (page?.nextCursor ?? null)
  const loadMore = useCallback(() => {
    if (!cursor) return
    setLoadingMore(true)
    setMoreError(null)
    call(noticesContract, 'feed', { limit: PAGE_SIZE, cursor })
      .then(
        (next) => setMore((prev) => ({ items: [...(prev?.items ?? []), ...next.items], cursor: next.nextCursor })),
        (err: unknown) => setMoreError(asCloudError(err)),
      )
      .then(() => setLoadingMore(false))
  }, [cursor])

  if (first.state.status === 'loading') return <LoadingView />
  if (first.state.status === 'error') return <ErrorView error={first.state.error} onRetry={() => void first.reload({ showLoading: true })} />
  const data = first.state.data
  const items = [...data.items, ...(more?.items ?? [])]
  const pinned = items.filter((n) => n.pinned)
  const latest = items.filter((n) => !n.pinned)
  const groupsButton = (
    <Button className="notices-open-groups" onClick={() => Taro.navigateTo({ url: NOTICES_PAGES.groups })}>
      {t('notices.feed.groups')}
    </Button>
  )

  if (items.length === 0) {
    return profile.communityId ? (
      <EmptyView className="notices-empty" title={t('notices.feed.emptyTitle')} description={t('notices.feed.emptyBody')} action={groupsButton} />
    ) : (
      <EmptyView
        className="notices-empty"
        title={t('notices.feed.emptyTitle')}
        description={t('notices.feed.noCommunity')}
        action={
          <>
            <Button type="primary" className="notices-choose-community" onClick={() => Taro.navigateTo({ url: COMMUNITY_PAGE })}>
              {t('notices.feed.chooseCommunity')}
            </Button>
            {groupsButton}
          </>
        }
      />
    )
  }

  return (
    <>
      <OfflineAsOf at={first.asOf} />
      <SectionCard className="notices-summary-card">
        <View className="notices-summary">
          <View className="notices-unread">{data.unread > 0 ? t('notices.feed.unread', { count: data.unread }) : t('notices.feed.allRead')}</View>
          {groupsButton}
        </View>
      </SectionCard>
      {pinned.length > 0 ? (
        <SectionCard className="notice-pinned" title={t('notices.feed.pinned')}>
          {pinned.map((n) => (
            <NoticeRow key={n.id} notice={n} />
          ))}
        </SectionCard>
      ) : null}
      {latest.length > 0 ? (
        <SectionCard className="notices-latest" title={t('notices.feed.latest')}>
          {latest.map((n) => (
            <NoticeRow key={n.id} notice={n} />
          ))}
        </SectionCard>
      ) : null}
      {moreError ? <ErrorView error={moreError} onRetry={loadMore} /> : null}
      <View className="fq-actions">
        {cursor ? (
          <Button className="notices-more" loading={loadingMore} disabled={loadingMore} onClick={loadMore}>
            {loadingMore ? t('notices.feed.loadingMore') : t('notices.feed.more')}
          </Button>
        ) : (
          <View className="fq-muted notices-end">{t('notices.feed.end')}</View>
        )}
      </View>
    </>
  )
}

export default function NoticesFeedPage() {
  const t = useNoticesT()
  return (
    <PageShell name="notices" title={t('notices.title')}>
      <SessionGate>{(profile) => <Feed profile={profile} />}</SessionGate>
    </PageShell>
  )
}
