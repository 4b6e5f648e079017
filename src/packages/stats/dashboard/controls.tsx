// The period and scope pickers. Periods are presets ending today; scopes are the ones the
// function offered this viewer (bureau leaders: the bureau and every station with its districts,
// communities and officers; station leaders: their station's; officers: their own figures and the
// communities they cover).
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PERIOD_PRESETS, type PeriodPreset, type StatsScope } from '../../../core/stats'
import type { DashboardView } from '../../../core/stats/contract'
import { localizedName } from '../../../i18n/localized-name'
import { SectionCard } from '../../../components/section-card'
import { useSession } from '../../../services/session'
import { useDashboardT } from './i18n'

export function PeriodPicker({ preset, onPick }: { preset: PeriodPreset; onPick: (preset: PeriodPreset) => void }) {
  const t = useDashboardT()
  return (
    <View className="fq-actions dash-periods">
      {PERIOD_PRESETS.map((p) => (
        <Button key={p} size="small" className={`dash-period-${p}`} type={preset === p ? 'primary' : 'default'} onClick={() => onPick(p)}>
          {t(`dash.period.${p}`)}
        </Button>
      ))}
    </View>
  )
}

const sameScope = (a: StatsScope, b: StatsScope) => a.kind === b.kind && (a.kind === 'bureau' || (b.kind !== 'bureau' && a.id === b.id))
const scopeClass = (scope: StatsScope) =>
  scope.kind === 'bureau' ? 'dash-scope-bureau' : scope.kind === 'station' ? `dash-scope-station dash-scope-station-${scope.id ?? 'own'}` : `dash-scope-${scope.kind}-${scope.id}`

/** The scope's name as the screen and the CSV show it. */
export function useScopeName() {
  const t = useDashboardT()
  const { language } = useSession()
  return (scope: StatsScope, choices: DashboardView['choices']) => {
    if (scope.kind === 'bureau') return t('dash.scope.bureau')
    const list = scope.kind === 'station' ? choices.stations : scope.kind === 'district' ? choices.districts : scope.kind === 'community' ? choices.communities : []
    const place = list.find((c) => c.id === scope.id)
    if (place) return localizedName(place.name, language)
    if (scope.kind === 'station') return t('dash.scope.station')
    return choices.officers.find((o) => o.id === scope.id)?.name ?? scope.id
  }
}

export function ScopePicker({ scope, choices, onPick }: { scope: StatsScope; choices: DashboardView['choices']; onPick: (scope: StatsScope) => void }) {
  const t = useDashboardT()
  const nameOf = useScopeName()
  const groups: Array<{ title: string; scopes: StatsScope[] }> = [
    { title: t('dash.scope.bureau'), scopes: choices.bureau ? [{ kind: 'bureau' as const }] : [] },
    { title: t('dash.scope.station'), scopes: choices.stations.map((s) => ({ kind: 'station' as const, id: s.id })) },
    { title: t('dash.scope.district'), scopes: choices.districts.map((d) => ({ kind: 'district' as const, id: d.id })) },
    { title: t('dash.scope.community'), scopes: choices.communities.map((c) => ({ kind: 'community' as const, id: c.id })) },
    { title: t('dash.scope.officer'), scopes: choices.officers.map((o) => ({ kind: 'officer' as const, id: o.id })) },
  ].filter((g) => g.scopes.length > 0)
  return (
    <SectionCard className="dash-scopes" title={t('dash.scope.title')}>
      {groups.map((group) => (
        <View key={group.title} className="dash-scope-group">
          <View className="fq-muted dash-scope-group-title">{group.title}</View>
          <View className="fq-actions">
            {group.scopes.map((s) => (
              <Button key={scopeClass(s)} size="small" className={scopeClass(s)} type={sameScope(s, scope) ? 'primary' : 'default'} onClick={() => onPick(s)}>
                {nameOf(s, choices)}
              </Button>
            ))}
          </View>
        </View>
      ))}
    </SectionCard>
  )
}
