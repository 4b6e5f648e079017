// The figures as tiles, grouped as the station reports them, each with how fresh it is.
import { View } from '@tarojs/components'
import { FIGURE_GROUPS, FIGURES } from '../../../core/stats'
import type { FigureValue } from '../../../core/stats/contract'
import { SectionCard } from '../../../components/section-card'
import { useDashboardT } from './i18n'
import { freshnessText, valueText } from './figures-view'

export function FigureTiles({ figures }: { figures: FigureValue[] }) {
  const t = useDashboardT()
  return (
    <>
      {FIGURE_GROUPS.map((group) => {
        const inGroup = figures.filter((f) => FIGURES[f.key].group === group)
        const shown = inGroup.filter((f) => f.applies)
        return (
          <SectionCard key={group} className={`dash-group dash-group-${group}`} title={t(`dash.group.${group}`)}>
            {shown.length < inGroup.length ? <View className="fq-muted dash-station-only">{t('dash.stationOnly')}</View> : null}
            <View className="dash-tiles">
              {shown.map((figure) => (
                <View key={figure.key} className={`dash-tile dash-figure-${figure.key}`}>
                  <View className="dash-tile-label">{t(`dash.figure.${figure.key}`)}</View>
                  <View className="dash-tile-value">{valueText(t, figure)}</View>
                  <View className="dash-tile-fresh">{freshnessText(t, figure.freshness)}</View>
                </View>
              ))}
            </View>
          </SectionCard>
        )
      })}
    </>
  )
}
