// Leaders compare stations (issue 21): at the bureau scope, one block per station with the figures
// the bureau compares them on, in the bureau's order, each value as the function counted it.
import { View } from '@tarojs/components'
import { COMPARISON_KEYS } from '../../../core/stats'
import type { DashboardView } from '../../../core/stats/contract'
import { localizedName } from '../../../i18n/localized-name'
import { SectionCard } from '../../../components/section-card'
import { useSession } from '../../../services/session'
import { comparisonLabel, comparisonText, freshnessText } from './figures-view'
import { useDashboardT } from './i18n'

export function StationComparison({ view }: { view: DashboardView }) {
  const t = useDashboardT()
  const { language } = useSession()
  if (view.stations.length === 0) return null
  return (
    <SectionCard className="dash-compare" title={t('dash.compare.title')} tone="police">
      <View className="fq-muted fq-note dash-compare-note">{t('dash.compare.note')}</View>
      {view.stations.map((station) => (
        <View key={station.id} className={`dash-compare-station dash-compare-station-${station.id}`}>
          <View className="dash-compare-name">{localizedName(station.name, language)}</View>
          <View className="dash-tiles">
            {COMPARISON_KEYS.map((key) => (
              <View key={key} className={`dash-tile dash-compare-${key}`}>
                <View className="dash-tile-label">{comparisonLabel(t, key)}</View>
                <View className="dash-tile-value">{comparisonText(t, key, station.values[key] ?? null)}</View>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="dash-tile-fresh dash-compare-fresh">{freshnessText(t, view.freshness)}</View>
    </SectionCard>
  )
}
