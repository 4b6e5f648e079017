// The mediation workbench for officers and leaders: open cases sorted high-risk first,
// then by deadline, 20 a page; for leaders also the level-2/3 cases, high-risk alerts until
// acknowledged and rectification tasks; statistics for everyone on staff.
import { useCallback, useRef, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { mediationContract } from '../../../../core/mediation/contract'
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useRemote } from '../../../../services/use-remote'
import { CaseSummaryCard } from '../../mediation/case-summary-card'
import { useCaseworkT } from '../../mediation/i18n'
import { Alerts, Rectifications } from '../../mediation/leadership-lists'
import { useNames, type Names } from '../../mediation/names'
import { Statistics } from '../../mediation/statistics'
import '../../officer.css'
import '../../mediation/casework.css'

type Tab = 'inbox' | 'escalated' | 'alerts' | 'rectify' | 'stats'
const LEADER_TABS: Tab[] = ['inbox', 'escalated', 'alerts', 'rectify', 'stats']
const OFFICER_TABS: Tab[] = ['inbox', 'stats']

function Inbox({ scope, names }: { scope: 'mine' | 'escalated'; names: Names }) {
  const t = useCaseworkT()
  const [page, setPage] = useState(0)
  const load = useCallback(() => call(mediationContract, 'inbox', { scope, page }), [scope, page])
  const inbox = useRemote(load)
  // Cases change while the officer is on a case page: look again on return.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void inbox.reload()
    shown.current = true
  })
  if (inbox.state.status === 'loading') return <LoadingView />
  if (inbox.state.status === 'error') return <ErrorView error={inbox.state.error} onRetry={() => void inbox.reload({ showLoading: true })} />
  const { items, hasMore } = inbox.state.data
  if (items.length === 0 && page === 0) {
    return <EmptyView className="casework-inbox-empty" title={t('casework.inbox.empty.title')} description={scope === 'escalated' ? t('casework.escalated.empty.body') : t('casework.inbox.empty.body')} />
  }
  return (
    <>
      {items.map((item) => (
        <CaseSummaryCard key={item.id} item={item} names={names} />
      ))}
      <View className="fq-actions casework-pages">
        {page > 0 ? (
          <Button className="casework-previous" onClick={() => setPage(page - 1)}>
            {t('casework.inbox.previous')}
          </Button>
        ) : null}
        <View className="fq-muted">{t('casework.inbox.page', { page: page + 1 })}</View>
        {hasMore ? (
          <Button className="casework-next" onClick={() => setPage(page + 1)}>
            {t('casework.inbox.next')}
          </Button>
        ) : null}
      </View>
    </>
  )
}

const loadAlerts = () => call(mediationContract, 'highRiskAlerts', {})
const loadTasks = () => call(mediationContract, 'rectifications', {})

function LeaderAlerts({ names }: { names: Names }) {
  const alerts = useRemote(loadAlerts)
  if (alerts.state.status === 'loading') return <LoadingView />
  if (alerts.state.status === 'error') return <ErrorView error={alerts.state.error} onRetry={() => void alerts.reload({ showLoading: true })} />
  return <Alerts alerts={alerts.state.data} names={names} onChanged={() => void alerts.reload()} />
}

function LeaderRectifications() {
  const tasks = useRemote(loadTasks)
  if (tasks.state.status === 'loading') return <LoadingView />
  if (tasks.state.status === 'error') return <ErrorView error={tasks.state.error} onRetry={() => void tasks.reload({ showLoading: true })} />
  return <Rectifications tasks={tasks.state.data} onChanged={() => void tasks.reload()} />
}

function Workbench({ profile }: { profile: Profile }) {
  const t = useCaseworkT()
  const { params } = useRouter()
  const names = useNames()
  const tabs = profile.roles.includes('station_leader') ? LEADER_TABS : OFFICER_TABS
  const [tab, setTab] = useState<Tab>(() => tabs.find((x) => x === params.tab) ?? 'inbox')
  return (
    <>
      <View className="fq-actions casework-tabs">
        {tabs.map((x) => (
          <Button key={x} className={`casework-tab-${x}`} type={tab === x ? 'primary' : 'default'} onClick={() => setTab(x)}>
            {t(`casework.tab.${x}`)}
          </Button>
        ))}
      </View>
      {tab === 'inbox' ? <Inbox scope="mine" names={names} /> : null}
      {tab === 'escalated' ? <Inbox scope="escalated" names={names} /> : null}
      {tab === 'alerts' ? <LeaderAlerts names={names} /> : null}
      {tab === 'rectify' ? <LeaderRectifications /> : null}
      {tab === 'stats' ? <Statistics names={names} /> : null}
    </>
  )
}

export default function MediationWorkbenchPage() {
  const t = useCaseworkT()
  return (
    <PageShell name="casework" title={t('casework.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{(profile) => <Workbench profile={profile} />}</SessionGate>
    </PageShell>
  )
}
