// One notice, in the reader's language when it was written in it. Opening it records the
// receipt (once per person, server-side); opened from a WeChat group chat's share card, it also
// links that chat to the group the card was shared for, so reach can be counted per chat.
import { useCallback, useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { noticesContract } from '../../../../core/notices/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { OfflineAsOf } from '../../../../components/offline-state'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { enableShareWithTicket, groupChatOfEntry } from '../../group-chat'
import { noticesCatalog, useNoticesT } from '../../i18n'
import { NOTICES_PAGES } from '../../labels'
import { NoticeTags } from '../../notice-tags'
import '../../notices.css'

function Detail({ noticeId, sharedFor }: { noticeId: string; sharedFor: string | null }) {
  const t = useNoticesT()
  const { language } = useSession()
  const load = useCallback(
    () =>
      groupChatOfEntry().then((chat) => {
        if (!chat) return call(noticesContract, 'read', { noticeId })
        // The link is a courtesy for reach figures: reading never waits on its outcome.
        if (sharedFor) void call(noticesContract, 'linkChat', { groupId: sharedFor, chat }).catch(() => undefined)
        return call(noticesContract, 'read', { noticeId, chat })
      }),
    [noticeId, sharedFor],
  )
  // Each opened notice stays readable offline, with the time it was loaded.
  const notice = useOfflineRemote(`notices.read.${noticeId}`, noticesContract.actions.read.output, load)
  useEffect(enableShareWithTicket, [])
  useShareAppMessage(() => {
    const data = notice.state.status === 'ready' ? notice.state.data : null
    const group = data?.groups[0]
    return { title: data?.title ?? t('notices.title'), path: `${NOTICES_PAGES.detail}?id=${noticeId}${group ? `&group=${group}` : ''}` }
  })

  if (notice.state.status === 'loading') return <LoadingView />
  if (notice.state.status === 'error') {
    const { error } = notice.state
    return (
      <SectionCard className="notice-error" title={t('common.loadFailed')}>
        <View className="fq-text">{t(errorMessageKeyIn(noticesCatalog, error, 'notices.detail'))}</View>
        <View className="fq-actions">
          {error.code === 'INTERNAL' ? <Button onClick={() => void notice.reload({ showLoading: true })}>{t('common.retry')}</Button> : null}
          <Button className="notice-back" onClick={() => Taro.redirectTo({ url: NOTICES_PAGES.feed })}>
            {t('notices.detail.back')}
          </Button>
        </View>
      </SectionCard>
    )
  }
  const data = notice.state.data
  return (
    <>
      <OfflineAsOf at={notice.asOf} />
      <SectionCard className={`notice-detail ${data.pinned ? 'notice-pinned' : ''}`} title={data.title}>
        <NoticeTags notice={data} />
        {language === 'mn' && data.language === 'zh' ? <View className="fq-muted notice-in-chinese">{t('notices.inChinese')}</View> : null}
        <View className={`notice-body ${data.language === 'zh' ? 'fq-horizontal' : ''}`}>{data.body}</View>
        {data.images.map((url) => (
          <Image key={url} className="notice-image" src={url} mode="widthFix" />
        ))}
        <View className="fq-muted">{t('notices.publishedAt', { date: formatStationTime(data.publishedAt) })}</View>
        <View className="fq-muted">{t('notices.validUntil', { date: formatStationTime(data.validUntil) })}</View>
      </SectionCard>
      {process.env.TARO_ENV === 'weapp' ? (
        <SectionCard className="notice-share">
          <View className="fq-text">{t('notices.detail.shareHint')}</View>
          <View className="fq-actions">
            <Button openType="share" type="primary">
              {t('notices.detail.share')}
            </Button>
          </View>
        </SectionCard>
      ) : null}
      <View className="fq-actions">
        <Button className="notice-back" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: NOTICES_PAGES.feed }))}>
          {t('notices.detail.back')}
        </Button>
      </View>
    </>
  )
}

export default function NoticeDetailPage() {
  const t = useNoticesT()
  const { params } = useRouter()
  return (
    <PageShell name="notice-detail" title={t('notices.title')}>
      <SessionGate>{() => <Detail noticeId={params.id ?? ''} sharedFor={params.group ?? null} />}</SessionGate>
    </PageShell>
  )
}
