// The dashboard: for a period (this month, the last 90 days, this year) and a split (station,
// community, officer, dispute type), each group's cases, settled rate, satisfaction rate as bars,
// the levels that settled them, the median days, overdue and high-risk counts.
import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { DISPUTE_TYPES, mediationContract } from '../../../core/mediation/contract'
import type { StatsDimension, StatsFigures } from '../../../core/mediation/statistics'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { ErrorView, LoadingView } from '../../../components/status-views'
import { call } from '../../../services/cloud'
import { useRemote } from '../../../services/use-remote'
import { useCaseworkT } from './i18n'
import type { Names } from './names'

type Period = 'month' | 'days90' | 'year' | 'custom'
const PERIODS: Period[] = ['month', 'days90', 'year', 'custom']
const DIMENSIONS: StatsDimension[] = ['station', 'community', 'officer', 'type']
const STATION_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

/** A day typed as YYYY-MM-DD, as the instant its station-time midnight (UTC+8) begins, or null. */
function stationDayStart(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!match) return null
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - STATION_OFFSET_MS
  return Number.isNaN(ms) ? null : ms
}

/** A typed range of days, both included; null until both days are valid and in order. */
function customRange(fromText: string, toText: string): { from: string; to: string } | null {
  const from = stationDayStart(fromText)
  const to = stationDayStart(toText)
  if (from === null || to === null || to < from) return null
  return { from: new Date(from).toISOString(), to: new Date(to + DAY_MS).toISOString() }
}

/** The preset period in the station's calendar (UTC+8), ending now. */
function periodRange(period: Exclude<Period, 'custom'>, now = Date.now()): { from: string; to: string } {
  const local = new Date(now + STATION_OFFSET_MS)
  const start =
    period === 'days90'
      ? now - 90 * DAY_MS
      : Date.UTC(local.getUTCFullYear(), period === 'month' ? local.getUTCMonth() : 0, 1) - STATION_OFFSET_MS
  return { from: new Date(start).toISOString(), to: new Date(now + 60_000).toISOString() }
}

const percent = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 100)}%`)

function Bar({ className, label, rate }: { className: string; label: string; rate: number | null }) {
  const t = useCaseworkT()
  return (
    <View className={`casework-bar ${className}`}>
      <View className="casework-bar-label">{`${label} ${percent(rate) ?? t('casework.stats.none')}`}</View>
      <View className="casework-bar-track">
        <View className="casework-bar-fill" style={{ inlineSize: `${Math.round((rate ?? 0) * 100)}%` }} />
      </View>
    </View>
  )
}

function Figures({ row, title }: { row: StatsFigures; title: string }) {
  const t = useCaseworkT()
  const [l1, l2, l3] = row.settledAtLevel
  return (
    <SectionCard className={`casework-stats-row casework-stats-${row.key ?? 'station'}`} title={title}>
      <View className="fq-hero casework-stats-cases">{t('casework.stats.cases', { count: row.cases })}</View>
      <Bar className="casework-stats-settled" label={t('casework.stats.settledRate')} rate={row.settledRate} />
      <Bar className="casework-stats-satisfaction" label={`${t('casework.stats.satisfaction')} · ${t('casework.stats.rated', { count: row.rated })}`} rate={row.satisfactionRate} />
      <View className="fq-muted">{t('casework.stats.levels', { l1, l2, l3 })}</View>
      <View className="fq-muted">{row.medianDaysToSettle === null ? t('casework.stats.none') : t('casework.stats.median', { days: row.medianDaysToSettle })}</View>
      <View className="fq-muted">{`${t('casework.stats.overdue', { count: row.overdue })} · ${t('casework.stats.highRisk', { count: row.highRisk })}`}</View>
    </SectionCard>
  )
}

export function Statistics({ names }: { names: Names }) {
  const t = useCaseworkT()
  const toast = usePageToast()
  const [period, setPeriod] = useState<Period>('year')
  const [dimension, setDimension] = useState<StatsDimension>('station')
  const [fromText, setFromText] = useState('')
  const [toText, setToText] = useState('')
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null)
  const range = period === 'custom' ? custom : periodRange(period)
  const applyCustom = () => {
    const next = customRange(fromText, toText)
    if (next) setCustom(next)
    else toast(t('casework.stats.badRange'))
  }
  const load = useCallback(
    () => (range ? call(mediationContract, 'statistics', { ...range, dimension }) : Promise.resolve({ from: '', to: '', dimension, rows: [] })),
    // The range's strings, not its object: a new object each render must not reload.
    [range?.from, range?.to, dimension],
  )
  const stats = useRemote(load)
  const titleOf = (row: StatsFigures) => {
    if (dimension === 'station' || row.key === null) return t('casework.stats.station')
    if (dimension === 'community') return names.community(row.key)
    if (dimension === 'officer') return names.officer(row.key)
    const type = DISPUTE_TYPES.find((x) => x === row.key)
    return type ? t(`casework.type.${type}`) : row.key
  }
  return (
    <>
      <View className="fq-actions casework-stats-periods">
        {PERIODS.map((p) => (
          <Button key={p} className={`casework-period-${p}`} type={period === p ? 'primary' : 'default'} onClick={() => setPeriod(p)}>
            {t(`casework.stats.period.${p}`)}
          </Button>
        ))}
      </View>
      {period === 'custom' ? (
        <View className="casework-stats-custom">
          <Input className="casework-stats-from" placeholder={t('casework.stats.from')} value={fromText} maxLength={10} onChange={setFromText} />
          <Input className="casework-stats-to" placeholder={t('casework.stats.to')} value={toText} maxLength={10} onChange={setToText} />
          <View className="fq-actions">
            <Button className="casework-stats-apply" type="primary" onClick={applyCustom}>
              {t('casework.stats.apply')}
            </Button>
          </View>
        </View>
      ) : null}
      <View className="fq-actions casework-stats-dimensions">
        {DIMENSIONS.map((d) => (
          <Button key={d} className={`casework-by-${d}`} type={dimension === d ? 'primary' : 'default'} onClick={() => setDimension(d)}>
            {t(`casework.stats.by.${d}`)}
          </Button>
        ))}
      </View>
      {stats.state.status === 'loading' ? <LoadingView /> : null}
      {stats.state.status === 'error' ? <ErrorView error={stats.state.error} onRetry={() => void stats.reload({ showLoading: true })} /> : null}
      {period === 'custom' && !custom ? <View className="fq-notice">{t('casework.stats.customHint')}</View> : null}
      {range && stats.state.status === 'ready' && stats.state.data.rows.length === 0 ? <View className="fq-notice casework-stats-empty">{t('casework.stats.empty')}</View> : null}
      {stats.state.status === 'ready' ? stats.state.data.rows.map((row) => <Figures key={row.key ?? 'station'} row={row} title={titleOf(row)} />) : null}
    </>
  )
}
