// The resident's notice groups: their community's (automatic) and the trade or topic groups they
// can join or leave; and the urgent-alert subscription (WeChat one-time grants).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { noticesContract, type GroupsAnswer, type GroupView } from '../../../../core/notices/contract'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call } from '../../../../services/cloud'
import { newRequestId } from '../../../../services/request-id'
import { COMMUNITY_PAGE } from '../../../../services/resident-pages'
import { asCloudError, useSession } from '../../../../services/session'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { useRemote } from '../../../../services/use-remote'
import { askForAlert } from '../../alert-grant'
import { noticesCatalog, useNoticesT } from '../../i18n'
import { topicLabel } from '../../labels'
import '../../notices.css'

const loadGroups = () => call(noticesContract, 'groups', {})

function Groups() {
  const t = useNoticesT()
  const toast = usePageToast()
  const { language } = useSession()
  const groups = useRemote(loadGroups)
  const [busy, setBusy] = useState<string | null>(null)

  if (groups.state.status === 'loading') return <LoadingView />
  if (groups.state.status === 'error') return <ErrorView error={groups.state.error} onRetry={() => void groups.reload({ showLoading: true })} />
  const data: GroupsAnswer = groups.state.data
  const nameOf = (g: GroupView) => (g.name ? localizedName(g.name, language) : topicLabel(t, g.id))
  // Bureau-wide groups are marked; a station's are the resident's own station's and go unmarked.
  const placeOf = (g: GroupView) => (g.bureauWide ? ` · ${t('notices.groups.bureauWide')}` : '')
  const community = data.mine.find((g) => g.kind !== 'topic')

  const toggle = (g: GroupView) => {
    setBusy(g.id)
    call(noticesContract, g.joined ? 'leaveGroup' : 'joinGroup', { groupId: g.id })
      .then(
        () => groups.reload(),
        (err: unknown) => toast(t(errorMessageKeyIn(noticesCatalog, asCloudError(err), 'notices.groups'))),
      )
      .then(() => setBusy(null))
  }

  const allowAlerts = () => {
    setBusy('alerts')
    askForAlert()
      .then((accepted) => {
        if (accepted === null) return toast(t('notices.alerts.weappOnly'))
        if (accepted === 0) return toast(t('notices.alerts.declined'))
        // Each acceptance is a grant of its own; the client's retry of this one carries its key.
        return call(noticesContract, 'grantAlerts', { accepted, requestId: newRequestId() }).then(
          ({ alertGrants }) => groups.set({ ...data, alertGrants }),
          (err: unknown) => toast(t(errorMessageKeyIn(noticesCatalog, asCloudError(err)))),
        )
      })
      .then(() => setBusy(null))
  }

  return (
    <>
      <SectionCard className="notices-my-groups" title={t('notices.groups.mine')}>
        {community ? (
          <View className="notice-group">
            <View className="fq-text">{nameOf(community)}</View>
          </View>
        ) : (
          <>
            <View className="fq-text">{t('notices.groups.noCommunity')}</View>
            <View className="fq-actions">
              <Button type="primary" onClick={() => Taro.navigateTo({ url: COMMUNITY_PAGE })}>
                {t('notices.feed.chooseCommunity')}
              </Button>
            </View>
          </>
        )}
      </SectionCard>
      <SectionCard className="notices-topics" title={t('notices.groups.topics')}>
        <View className="fq-muted">{t('notices.groups.topicsHint')}</View>
        {data.topics.map((g) => (
          <View key={g.id} className={`notice-group topic-${g.id}`}>
            <View className="fq-text">
              {nameOf(g)}
              {placeOf(g)}
              {g.joined ? ` · ${t('notices.groups.joined')}` : ''}
            </View>
            <Button className={g.joined ? 'topic-leave' : 'topic-join'} type={g.joined ? 'default' : 'primary'} loading={busy === g.id} disabled={busy !== null} onClick={() => toggle(g)}>
              {g.joined ? t('notices.groups.leave') : t('notices.groups.join')}
            </Button>
          </View>
        ))}
      </SectionCard>
      <SectionCard className="notices-alerts" title={t('notices.alerts.title')} tone="alarm">
        <View className="fq-text">{t('notices.alerts.body')}</View>
        <View className="fq-muted notices-alert-count">{data.alertGrants > 0 ? t('notices.alerts.count', { count: data.alertGrants }) : t('notices.alerts.none')}</View>
        <View className="fq-actions">
          <Button className="notices-allow-alerts" type="primary" loading={busy === 'alerts'} disabled={busy !== null} onClick={allowAlerts}>
            {t('notices.alerts.allow')}
          </Button>
        </View>
      </SectionCard>
    </>
  )
}

export default function NoticeGroupsPage() {
  const t = useNoticesT()
  return (
    <PageShell name="notice-groups" title={t('notices.groups.title')}>
      <SessionGate>{() => <Groups />}</SessionGate>
    </PageShell>
  )
}
