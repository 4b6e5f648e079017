// The three charts: weekly trend (disputes filed and settled), settled and satisfaction rates by
// community, disputes by type. Charts draw on canvases; the same numbers are in the tiles.
import { useMemo } from 'react'
import { View } from '@tarojs/components'
import type { DashboardView } from '../../../core/stats/contract'
import { localizedName } from '../../../i18n/localized-name'
import { SectionCard } from '../../../components/section-card'
import { useSession } from '../../../services/session'
import { useCaseworkT } from '../../officer/mediation/i18n'
import { bars, groupedBars, trendLines } from './charts'
import { F2Canvas } from './f2-canvas'
import { useDashboardT } from './i18n'

const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10)

export function ChartsCard({ view }: { view: DashboardView }) {
  const t = useDashboardT()
  const casework = useCaseworkT()
  const { language } = useSession()
  const names = useMemo(() => new Map(view.choices.communities.map((c) => [c.id, localizedName(c.name, language)])), [view.choices.communities, language])
  const weekly = useMemo(
    () =>
      trendLines(
        view.weeks.flatMap((w) => [
          { x: w.week.slice(5), series: t('dash.chart.weeks.disputes'), value: w.disputes },
          { x: w.week.slice(5), series: t('dash.chart.weeks.settled'), value: w.settled },
        ]),
      ),
    [view.weeks, t],
  )
  const communities = useMemo(
    () =>
      groupedBars(
        view.communities.flatMap((c) => [
          { x: names.get(c.id) ?? c.id, series: t('dash.chart.settledRate'), value: percent(c.settledRate) },
          { x: names.get(c.id) ?? c.id, series: t('dash.chart.satisfaction'), value: percent(c.satisfactionRate) },
        ]),
      ),
    [view.communities, names, t],
  )
  const types = useMemo(() => bars(view.types.map((row) => ({ x: casework(`casework.type.${row.type}`), value: row.cases }))), [view.types, casework])
  const hasDisputes = view.types.length > 0
  return (
    <SectionCard className="dash-charts" title={t('dash.chart.weeks')}>
      {!hasDisputes ? <View className="fq-muted dash-charts-empty">{t('dash.chart.empty')}</View> : null}
      {hasDisputes ? (
        <>
          <F2Canvas id="dash-chart-weeks" className="dash-chart dash-chart-weeks" height={200} chart={weekly} />
          <View className="dash-chart-title">{t('dash.chart.communities')}</View>
          <F2Canvas id="dash-chart-communities" className="dash-chart dash-chart-communities" height={Math.max(120, 56 * view.communities.length + 40)} chart={communities} />
          <View className="dash-chart-title">{t('dash.chart.types')}</View>
          <F2Canvas id="dash-chart-types" className="dash-chart dash-chart-types" height={Math.max(100, 32 * view.types.length + 40)} chart={types} />
        </>
      ) : null}
    </SectionCard>
  )
}
