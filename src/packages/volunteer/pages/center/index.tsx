// The volunteer centre: activities open to the volunteer's team with their standing, their hours,
// points and history with the year's service certificate, and the team leaderboard (which they
// may leave). Activities open on their own page (../activity).
import { useRef, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { volunteersContract, type Leaderboard, type MyRecord } from '../../../../core/volunteers/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { useRemote } from '../../../../services/use-remote'
import { localizedName } from '../../../../i18n/localized-name'
import { useVolunteerT } from '../../i18n'
import { CertificateShare } from '../../certificate-share'
import { ActivityCard, hoursOf, type VolunteerT } from '../../parts'
import '../../volunteer.css'

type Tab = 'activities' | 'record' | 'board'
const TABS: Tab[] = ['activities', 'record', 'board']

const loadActivities = () => call(volunteersContract, 'listActivities', {})
const loadRecord = () => call(volunteersContract, 'myRecord', {})
const loadBoard = () => call(volunteersContract, 'leaderboard', {})

function Figures({ record, t }: { record: MyRecord; t: VolunteerT }) {
  return (
    <View className="volunteer-figures">
      <View className="volunteer-figure volunteer-hours">
        <View className="fq-muted">{t('volunteer.record.hours')}</View>
        <View className="volunteer-figure-value">{t('volunteer.record.hoursValue', { hours: hoursOf(record.minutes) })}</View>
      </View>
      <View className="volunteer-figure volunteer-points">
        <View className="fq-muted">{t('volunteer.record.points')}</View>
        <View className="volunteer-figure-value">{record.points}</View>
      </View>
      <View className="volunteer-figure">
        <View className="fq-muted">{t('volunteer.record.activities')}</View>
        <View className="volunteer-figure-value">{t('volunteer.record.count', { count: record.activities })}</View>
      </View>
    </View>
  )
}

function RecordTab({ record, t }: { record: MyRecord; t: VolunteerT }) {
  const { language } = useSession()
  return (
    <>
      <SectionCard className="volunteer-record" title={t('volunteer.record.title', { year: record.year })} tone="police">
        <Figures record={record} t={t} />
        {record.history.length === 0 ? <View className="fq-text volunteer-record-empty">{t('volunteer.record.empty')}</View> : null}
        {record.history.map((h) => (
          <View key={h.activityId} className="fq-list-item volunteer-history-row">
            {t('volunteer.record.row', { date: formatStationTime(h.startsAt).slice(0, 10), title: localizedName(h.title, language), hours: hoursOf(h.minutes), points: h.points })}
            {h.corrected ? t('volunteer.record.corrected') : ''}
          </View>
        ))}
      </SectionCard>
      {record.activities > 0 ? (
        <SectionCard className="volunteer-certificate-card">
          <View className="volunteer-certificate">
            <View className="volunteer-certificate-title">{t('volunteer.certificate.title')}</View>
            <View className="fq-text">{t('volunteer.certificate.body', { name: record.name, year: record.year, count: record.activities, hours: hoursOf(record.minutes), points: record.points })}</View>
            <View className="fq-muted">{t('volunteer.certificate.station')}</View>
          </View>
          <CertificateShare
            t={t}
            text={{
              title: t('volunteer.certificate.title'),
              body: t('volunteer.certificate.body', { name: record.name, year: record.year, count: record.activities, hours: hoursOf(record.minutes), points: record.points }),
              station: t('volunteer.certificate.station'),
              date: formatStationTime(new Date().toISOString()).slice(0, 10),
              vertical: language === 'mn',
            }}
          />
        </SectionCard>
      ) : null}
    </>
  )
}

function BoardTab({ board, t, onChanged }: { board: Leaderboard; t: VolunteerT; onChanged: (next: Leaderboard) => void }) {
  const [busy, setBusy] = useState(false)
  const toggle = () => {
    setBusy(true)
    call(volunteersContract, 'setLeaderboardOptOut', { optOut: !board.optedOut })
      .then(() => call(volunteersContract, 'leaderboard', {}))
      .then(onChanged, () => undefined)
      .then(() => setBusy(false))
  }
  return (
    <SectionCard className="volunteer-board" title={t('volunteer.board.title', { year: board.year })} tone="police">
      {board.optedOut ? <View className="fq-notice volunteer-board-left">{t('volunteer.board.left')}</View> : null}
      {board.rows.length === 0 ? <View className="fq-text">{t('volunteer.board.empty')}</View> : null}
      {board.rows.map((row) => (
        <View key={`${row.rank}-${row.name}`} className={`fq-list-item volunteer-board-row ${row.me ? 'is-me' : ''}`}>
          {t('volunteer.board.row', { rank: row.rank, name: row.name, points: row.points })}
          {row.me ? t('volunteer.board.me') : ''}
        </View>
      ))}
      <View className="fq-actions">
        <Button className="volunteer-board-toggle" loading={busy} onClick={toggle}>
          {board.optedOut ? t('volunteer.board.join') : t('volunteer.board.leave')}
        </Button>
      </View>
    </SectionCard>
  )
}

function Center() {
  const t = useVolunteerT()
  const { language } = useSession()
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(() => TABS.find((x) => x === params.tab) ?? 'activities')
  const activities = useRemote(loadActivities)
  const record = useRemote(loadRecord)
  const board = useRemote(loadBoard)
  // Coming back from an activity (signed up, checked out): show the new standing and hours.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) {
      void activities.reload()
      void record.reload()
    }
    shown.current = true
  })
  return (
    <>
      <View className="fq-actions volunteer-tabs">
        {TABS.map((x) => (
          <Button key={x} className={`volunteer-tab-${x}`} type={tab === x ? 'primary' : 'default'} onClick={() => setTab(x)}>
            {t(`volunteer.tab.${x}`)}
          </Button>
        ))}
      </View>
      {tab === 'activities' ? (
        activities.state.status === 'loading' ? (
          <LoadingView />
        ) : activities.state.status === 'error' ? (
          <ErrorView error={activities.state.error} onRetry={() => void activities.reload({ showLoading: true })} />
        ) : activities.state.data.length === 0 ? (
          <EmptyView className="volunteer-activities-empty" title={t('volunteer.empty.title')} description={t('volunteer.empty.body')} />
        ) : (
          <>
            <SectionCard className="volunteer-intro" title={t('volunteer.title')} tone="police">
              <View className="fq-text">{t('volunteer.intro')}</View>
            </SectionCard>
            {activities.state.data.map((a) => (
              <ActivityCard key={a.id} activity={a} language={language} t={t} />
            ))}
          </>
        )
      ) : null}
      {tab === 'record' ? (
        record.state.status === 'loading' ? (
          <LoadingView />
        ) : record.state.status === 'error' ? (
          <ErrorView error={record.state.error} onRetry={() => void record.reload({ showLoading: true })} />
        ) : (
          <RecordTab record={record.state.data} t={t} />
        )
      ) : null}
      {tab === 'board' ? (
        board.state.status === 'loading' ? (
          <LoadingView />
        ) : board.state.status === 'error' ? (
          <ErrorView error={board.state.error} onRetry={() => void board.reload({ showLoading: true })} />
        ) : (
          <BoardTab board={board.state.data} t={t} onChanged={board.set} />
        )
      ) : null}
    </>
  )
}

export default function VolunteerCenterPage() {
  const t = useVolunteerT()
  return (
    <PageShell name="volunteer" title={t('volunteer.title')}>
      <SessionGate roles={['volunteer']}>{() => <Center />}</SessionGate>
    </PageShell>
  )
}
