// The officer's notices: write a new one, and the ones they published (leaders: the station's)
// with reach, withdraw and correct. Leaders also find the notices held for review here.
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { noticesContract, type OfficerNotice } from '../../../../core/notices/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { asCloudError } from '../../../../services/session'
import { useRemote } from '../../../../services/use-remote'
import { useOfficerNoticesT } from '../../notices/i18n'
import { OFFICER_NOTICES_PAGES, stationNamesIfMixed } from '../../notices/labels'
import { OfficerNoticeCard } from '../../notices/officer-notice-card'
import '../../officer.css'
import '../../notices/notices.css'

const loadMine = () => call(noticesContract, 'myNotices', {})
const loadGroups = () => call(noticesContract, 'groups', {})

function Notices({ profile }: { profile: Profile }) {
  const t = useOfficerNoticesT()
  const mine = useRemote(loadMine)
  const groups = useRemote(loadGroups)
  const [older, setOlder] = useState<{ items: OfficerNotice[]; more: boolean } | null>(null)
  const [olderError, setOlderError] = useState<ReturnType<typeof asCloudError> | null>(null)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) {
      setOlder(null)
      void mine.reload()
    }
    shown.current = true
  })
  useEffect(() => {
    // A ticket on the card lets the resident's detail page recognise the chat it is opened in.
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
  }, [])
  useShareAppMessage((share) => {
    const dataset = (share.target as { dataset?: Record<string, unknown> } | undefined)?.dataset ?? {}
    const { noticeId, group, title } = dataset
    if (typeof noticeId !== 'string' || typeof group !== 'string') return { title: t('on.title'), path: '/pages/index/index' }
    return { title: typeof title === 'string' ? title : t('on.title'), path: `/packages/notices/pages/detail/index?id=${noticeId}&group=${group}` }
  })
  const leader = profile.roles.includes('station_leader') || profile.roles.includes('admin')
  const owned = groups.state.status === 'ready' ? stationNamesIfMixed(groups.state.data.owned) : []

  const header = (
    <SectionCard className="on-header" tone="police">
      <View className="fq-actions">
        <Button className="on-compose" type="primary" onClick={() => Taro.navigateTo({ url: OFFICER_NOTICES_PAGES.compose })}>
          {t('on.compose')}
        </Button>
        {leader ? (
          <Button className="on-open-review" onClick={() => Taro.navigateTo({ url: OFFICER_NOTICES_PAGES.review })}>
            {t('on.review.open')}
          </Button>
        ) : null}
      </View>
    </SectionCard>
  )
  if (mine.state.status === 'loading') return <>{header}<LoadingView /></>
  if (mine.state.status === 'error') return <>{header}<ErrorView error={mine.state.error} onRetry={() => void mine.reload({ showLoading: true })} /></>
  const first = mine.state.data
  const items = [...first.items, ...(older?.items ?? [])]
  const more = older ? older.more : first.more
  const loadOlder = () => {
    const last = items.at(-1)
    if (!last) return
    setOlderError(null)
    call(noticesContract, 'myNotices', { before: last.createdAt }).then(
      (page) => setOlder((prev) => ({ items: [...(prev?.items ?? []), ...page.items], more: page.more })),
      (err: unknown) => setOlderError(asCloudError(err)),
    )
  }
  const replace = (next: OfficerNotice | null) => {
    if (!next) return void mine.reload()
    mine.set({ ...first, items: first.items.map((n) => (n.id === next.id ? next : n)) })
    setOlder((prev) => (prev ? { ...prev, items: prev.items.map((n) => (n.id === next.id ? next : n)) } : prev))
  }

  return (
    <>
      {header}
      {items.length === 0 ? <EmptyView className="on-empty" title={t('on.list.emptyTitle')} description={t('on.list.emptyBody')} /> : null}
      {items.map((n) => (
        <OfficerNoticeCard key={n.id} notice={n} groups={owned} onChanged={replace} />
      ))}
      {olderError ? <ErrorView error={olderError} onRetry={loadOlder} /> : null}
      {more ? (
        <View className="fq-actions">
          <Button className="on-older" onClick={loadOlder}>
            {t('on.list.more')}
          </Button>
        </View>
      ) : null}
    </>
  )
}

export default function OfficerNoticesPage() {
  const t = useOfficerNoticesT()
  return (
    <PageShell name="officer-notices" title={t('on.title')}>
      <SessionGate>{(profile) => <Notices profile={profile} />}</SessionGate>
    </PageShell>
  )
}
