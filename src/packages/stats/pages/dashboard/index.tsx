// The dashboard (issue #8): the figures a station reports for a period and a scope, as tiles with
// their freshness and three charts; leaders export them as CSV. Bureau leaders see the bureau and
// compare its stations (issue 21); station leaders see their whole station; officers see their own figures and the communities they cover ("one community, one
// officer"), since they are judged on those too, but cannot export the station's figures.
import { useCallback, useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { csvFileName, defaultScope, localDay, presetPeriod, toCsv, type PeriodPreset, type StatsScope } from '../../../../core/stats'
import { statsContract } from '../../../../core/stats/contract'
import { dayjs } from '../../../../core/time'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useRemote } from '../../../../services/use-remote'
import { localizedName } from '../../../../i18n/localized-name'
import { useSession } from '../../../../services/session'
import { ChartsCard } from '../../dashboard/charts-card'
import { PeriodPicker, ScopePicker, useScopeName } from '../../dashboard/controls'
import { saveCsv } from '../../dashboard/csv-export'
import { csvRows, rollupComputedText } from '../../dashboard/figures-view'
import { FigureTiles } from '../../dashboard/figure-tiles'
import { RequestFigureTiles } from '../../dashboard/request-figures'
import { StationComparison } from '../../dashboard/station-comparison'
import { useDashboardT } from '../../dashboard/i18n'
import '../../dashboard/dashboard.css'

function Dashboard({ initialScope }: { initialScope: StatsScope }) {
  const t = useDashboardT()
  const { language } = useSession()
  const toast = usePageToast()
  const scopeName = useScopeName()
  const [preset, setPreset] = useState<PeriodPreset>('month')
  const [scope, setScope] = useState<StatsScope>(initialScope)
  const [exporting, setExporting] = useState(false)
  const period = useMemo(() => presetPeriod(preset, localDay(dayjs())), [preset])
  const load = useCallback(() => call(statsContract, 'dashboard', { period, scope }), [period, scope])
  const remote = useRemote(load)
  const view = remote.state.status === 'ready' ? remote.state.data : null

  const exportCsv = () => {
    if (!view) return
    setExporting(true)
    const { header, rows } = csvRows(t, view, scopeName(view.scope, view.choices), (name) => localizedName(name, language))
    const name = csvFileName(view.period.from, view.period.to)
    saveCsv(name, toCsv(header, rows)).then(
      () => toast(t('dash.export.done', { name })),
      () => toast(t('dash.export.failed')),
    ).finally(() => setExporting(false))
  }

  return (
    <>
      <SectionCard className="dash-controls" title={t('dash.period.title')} tone="police">
        <PeriodPicker preset={preset} onPick={setPreset} />
        <View className="fq-muted dash-period-range">{t('dash.period.range', { from: period.from, to: period.to })}</View>
        {view && rollupComputedText(t, view.freshness) ? <View className="fq-muted fq-note dash-rollup-computed">{rollupComputedText(t, view.freshness)}</View> : null}
        {view?.canExport ? (
          <View className="fq-actions">
            <Button className="dash-export" type="primary" loading={exporting} disabled={exporting} onClick={exportCsv}>
              {exporting ? t('dash.export.working') : t('dash.export')}
            </Button>
          </View>
        ) : null}
      </SectionCard>
      {view ? <ScopePicker scope={view.scope} choices={view.choices} onPick={setScope} /> : null}
      {remote.state.status === 'loading' ? <LoadingView /> : null}
      {remote.state.status === 'error' ? <ErrorView error={remote.state.error} onRetry={() => void remote.reload({ showLoading: true })} /> : null}
      {view ? (
        <>
          <StationComparison view={view} />
          <FigureTiles figures={view.figures} />
          <RequestFigureTiles requests={view.requests} />
          <ChartsCard view={view} />
        </>
      ) : null}
    </>
  )
}

function DashboardScreen({ profile }: { profile: Profile }) {
  const t = useDashboardT()
  // The function works out the covered communities; the first scope needs only roles and officer.
  const initialScope = defaultScope({ roles: profile.roles, officerId: profile.officer?.id ?? null })
  if (!initialScope) return <EmptyView className="dash-no-officer" title={t('dash.title')} description={t('dash.noOfficer')} />
  return <Dashboard initialScope={initialScope} />
}

export default function DashboardPage() {
  const t = useDashboardT()
  return (
    <PageShell name="dashboard" title={t('dash.title')}>
      <SessionGate roles={['officer', 'station_leader', 'bureau_leader']}>{(profile) => <DashboardScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
