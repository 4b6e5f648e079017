// The period and scope pickers. Periods are presets ending today; scopes are the ones the
// function offered this viewer (leaders: the station, its districts, communities and officers;
// officers: their own figures and the communities they cover).
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

const sameScope = (a: StatsScope, b: StatsScope) => a.kind === b.kind && (a.kind === 'station' || (b.kind !== 'station' && a.id === b.id))
const scopeClass = (scope: StatsScope) => (scope.kind === 'station' ? 'dash-scope-station' : `dash-scope-${scope.kind}-${scope.id}`)

/** The scope's name as the screen and the CSV show it. */
export function useScopeName() {
  const t = useDashboardT()
  const { language } = useSession()
  return (scope: StatsScope, choices: DashboardView['choices']) => {
    if (scope.kind === 'station') return t('dash.scope.station')
    const list = scope.kind === 'district' ? choices.districts : scope.kind === 'community' ? choices.communities : []
    const place = list.find((c) => c.id === scope.id)
    if (place) return localizedName(place.name, language)
    return choices.officers.find((o) => o.id === scope.id)?.name ?? scope.id
  }
}

export function ScopePicker({ scope, choices, stationWide, onPick }: { scope: StatsScope; choices: DashboardView['choices']; stationWide: boolean; onPick: (scope: StatsScope) => void }) {
  const t = useDashboardT()
  const nameOf = useScopeName()
  const groups: Array<{ title: string; scopes: StatsScope[] }> = [
    ...(stationWide ? [{ title: t('dash.scope.station'), scopes: [{ kind: 'station' } as const] }] : []),
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
