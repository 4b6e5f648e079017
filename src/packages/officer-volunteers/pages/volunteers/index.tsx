// Officers' volunteer management: applications and members (approve, decline, suspend),
// activities (publish, open one for its roster) and per-team monthly figures with bars.
import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { volunteersContract } from '../../../../core/volunteers/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call } from '../../../../services/cloud'
import { useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { useRemote } from '../../../../services/use-remote'
import { useVolunteerT } from '../../../volunteer/i18n'
import { ActivityForm } from '../../volunteers/activity-form'
import { Applications } from '../../volunteers/applications'
import { TeamFigures } from '../../volunteers/figures'
import { useOfficerVolunteersT } from '../../volunteers/i18n'
import '../../../officer/officer.css'

type Tab = 'applications' | 'activities' | 'figures'
const TABS: Tab[] = ['applications', 'activities', 'figures']
export const ROSTER_PAGE = '/packages/officer-volunteers/pages/volunteers-activity/index'

const loadBasics = () => Promise.all([call(volunteersContract, 'teams', {}), call(jurisdictionContract, 'listCommunities', {})]).then(([teams, communities]) => ({ teams, communities }))
const loadPeople = () => call(volunteersContract, 'applications', {})
const loadActivities = () => call(volunteersContract, 'listActivities', {})
const thisMonth = () => formatStationTime(new Date().toISOString()).slice(0, 7)

function Management() {
  const t = useOfficerVolunteersT()
  const v = useVolunteerT()
  const { language } = useSession()
  const [tab, setTab] = useState<Tab>('applications')
  const [month, setMonth] = useState(thisMonth)
  const [notice, setNotice] = useState<string | null>(null)
  const basics = useRemote(loadBasics)
  const people = useRemote(loadPeople)
  const activities = useRemote(loadActivities)
  const loadFigures = useCallback(() => call(volunteersContract, 'teamMonth', { month }), [month])
  const figures = useRemote(loadFigures)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void activities.reload()
    shown.current = true
  })

  if (basics.state.status === 'loading') return <LoadingView />
  if (basics.state.status === 'error') return <ErrorView error={basics.state.error} onRetry={() => void basics.reload({ showLoading: true })} />
  const { teams, communities } = basics.state.data

  return (
    <>
      <View className="fq-actions ov-tabs">
        {TABS.map((x) => (
          <Button key={x} className={`ov-tab-${x}`} type={tab === x ? 'primary' : 'default'} onClick={() => setTab(x)}>
            {t(`ov.tab.${x}`)}
          </Button>
        ))}
      </View>
      {notice ? <View className="fq-notice ov-notice">{notice}</View> : null}
      {tab === 'applications' ? (
        people.state.status === 'loading' ? (
          <LoadingView />
        ) : people.state.status === 'error' ? (
          <ErrorView error={people.state.error} onRetry={() => void people.reload({ showLoading: true })} />
        ) : (
          <Applications people={people.state.data} teams={teams} onChanged={() => void people.reload()} />
        )
      ) : null}
      {tab === 'activities' ? (
        <>
          <ActivityForm
            teams={teams}
            communities={communities}
            onCreated={(count) => {
              setNotice(t('ov.create.done', { count }))
              void activities.reload()
            }}
          />
          {activities.state.status === 'loading' ? <LoadingView /> : null}
          {activities.state.status === 'error' ? <ErrorView error={activities.state.error} onRetry={() => void activities.reload({ showLoading: true })} /> : null}
          {activities.state.status === 'ready' ? (
            <SectionCard className="ov-activities" title={t('ov.tab.activities')}>
              {activities.state.data.length === 0 ? <View className="fq-text">{t('ov.activities.empty')}</View> : null}
              {activities.state.data.map((a) => (
                <View key={a.id} className={`fq-list-item ov-activity ov-activity-${a.id}`}>
                  <View className="fq-option-name">{localizedName(a.title, language)}</View>
                  <View className="fq-muted">{`${v(`volunteer.kind.${a.kind}`)} · ${formatStationTime(a.startsAt)}`}</View>
                  <View className="fq-text">
                    {a.status === 'cancelled' ? v('volunteer.activity.cancelled', { reason: a.cancelReason ?? '' }) : v('volunteer.activity.places', { placed: a.placed, capacity: a.capacity, waiting: a.waiting })}
                  </View>
                  <View className="fq-actions">
                    <Button className="ov-activity-open" onClick={() => Taro.navigateTo({ url: `${ROSTER_PAGE}?id=${a.id}` })}>
                      {t('ov.activity.open')}
                    </Button>
                  </View>
                </View>
              ))}
            </SectionCard>
          ) : null}
        </>
      ) : null}
      {tab === 'figures' ? (
        figures.state.status === 'loading' ? (
          <LoadingView />
        ) : figures.state.status === 'error' ? (
          <ErrorView error={figures.state.error} onRetry={() => void figures.reload({ showLoading: true })} />
        ) : (
          <TeamFigures month={month} figures={figures.state.data} teams={teams} onMonth={setMonth} />
        )
      ) : null}
    </>
  )
}

export default function OfficerVolunteersPage() {
  const t = useOfficerVolunteersT()
  return (
    <PageShell name="officer-volunteers" title={t('ov.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{() => <Management />}</SessionGate>
    </PageShell>
  )
}
