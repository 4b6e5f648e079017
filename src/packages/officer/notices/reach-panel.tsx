// A notice's reach: readers of members per target group as bars (the small chart), readers who
// opened it from each linked WeChat chat, and the urgent subscription messages' outcome.
import { useCallback } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { noticesContract } from '../../../core/notices/contract'
import { ErrorView, LoadingView } from '../../../components/status-views'
import { call } from '../../../services/cloud'
import { useSession } from '../../../services/session'
import { useRemote } from '../../../services/use-remote'
import { useOfficerNoticesT } from './i18n'
import { groupName } from './labels'

export interface ReachPanelProps {
  noticeId: string
  urgent: boolean
}

export function ReachPanel({ noticeId, urgent }: ReachPanelProps) {
  const t = useOfficerNoticesT()
  const { language } = useSession()
  const load = useCallback(() => call(noticesContract, 'reach', { noticeId }), [noticeId])
  const reach = useRemote(load)
  if (reach.state.status === 'loading') return <LoadingView />
  if (reach.state.status === 'error') return <ErrorView error={reach.state.error} onRetry={() => void reach.reload({ showLoading: true })} />
  const data = reach.state.data
  const nameOf = (groupId: string) => groupName(t, language, groupId, data.groups.find((g) => g.groupId === groupId))
  const { messages } = data
  return (
    <View className="on-reach">
      <View className="fq-text on-reach-total">{t('on.reach.total', { members: data.members, readers: data.readers, percent: data.percent })}</View>
      {data.groups.map((g) => (
        <View key={g.groupId} className="on-bar-row">
          <View className="fq-muted">
            {t('on.reach.group', { name: nameOf(g.groupId), readers: g.readers, members: g.members })} · {g.percent}%
          </View>
          <View className="on-bar-track">
            <View className="on-bar-fill" style={language === 'mn' ? { blockSize: `${g.percent}%` } : { inlineSize: `${g.percent}%` }} />
          </View>
        </View>
      ))}
      <View className="on-field-label">{t('on.reach.chats')}</View>
      {data.chats.length === 0 ? <View className="fq-muted">{t('on.reach.noChats')}</View> : null}
      {data.chats.map((c) => (
        <View key={c.opengid} className="fq-muted on-reach-chat">
          {t('on.reach.chat', { id: c.opengid.slice(-6), group: nameOf(c.groupId), readers: c.readers })}
        </View>
      ))}
      <View className="fq-text on-reach-messages">
        {!urgent ? t('on.reach.noMessages') : messages.state === 'pending' || messages.state === 'running' ? t('on.reach.sending') : null}
      </View>
      {urgent ? <View className="fq-text on-reach-messages-counts">{t('on.reach.messages', { sent: messages.sent, failed: messages.failed, refused: messages.refused, capped: messages.capped, inDoubt: messages.inDoubt })}</View> : null}
      <View className="fq-actions">
        <Button className="on-reach-refresh" onClick={() => void reach.reload()}>
          {t('on.reach.refresh')}
        </Button>
      </View>
    </View>
  )
}
