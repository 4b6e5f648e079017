// The requests desk's figures (群众诉求, issue 15) as a tile group: received, answered on time,
// median time to the first answer, reopened, satisfaction, and how many of each kind. The figures
// are src/core/requests/figures.ts's, counted by the stats function like the dashboard's others.
import { View } from '@tarojs/components'
import type { RequestFiguresView } from '../../../core/stats/contract'
import { SectionCard } from '../../../components/section-card'
import { useOfficerRequestsT } from '../../officer/requests/i18n'
import { freshnessText, requestFigureTexts } from './figures-view'
import { useDashboardT } from './i18n'

export interface RequestFigureTilesProps {
  requests: RequestFiguresView
}

export function RequestFigureTiles({ requests }: RequestFigureTilesProps) {
  const t = useDashboardT()
  const kindT = useOfficerRequestsT()
  const fresh = freshnessText(t, requests.freshness)
  return (
    <SectionCard className="dash-group dash-group-requests" title={t('dash.group.requests')}>
      <View className="dash-tiles">
        {requestFigureTexts(t, requests).map((tile) => (
          <View key={tile.key} className={`dash-tile dash-request-${tile.key}`}>
            <View className="dash-tile-label">{tile.label}</View>
            <View className="dash-tile-value">{tile.value}</View>
            {tile.key === 'meanRating' ? <View className="dash-tile-fresh dash-request-ratings">{t('dash.requests.ratings', { count: requests.ratings })}</View> : null}
            <View className="dash-tile-fresh">{fresh}</View>
          </View>
        ))}
      </View>
      {requests.byKind.length > 0 ? (
        <View className="dash-request-kinds">
          <View className="dash-chart-title">{t('dash.requests.byKind')}</View>
          {requests.byKind.map((row) => (
            <View key={row.kind} className={`dash-request-kind dash-request-kind-${row.kind}`}>
              {t('dash.requests.kindCount', { kind: kindT(`oq.kind.${row.kind}`), count: row.received })}
            </View>
          ))}
        </View>
      ) : null}
      <View className="fq-muted fq-note dash-request-note">{t('dash.requests.note')}</View>
    </SectionCard>
  )
}
