// Per team and month: activities, hours served and attendance rate, drawn as two bars per team
// (hours against the month's busiest team, attendance against 100 %).
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { TeamMonthView, TeamView } from '../../../core/volunteers/contract'
import { SectionCard } from '../../../components/section-card'
import { localizedName } from '../../../i18n/localized-name'
import { useSession } from '../../../services/session'
import { hoursOf } from '../../volunteer/parts'
import { useOfficerVolunteersT } from './i18n'

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function TeamFigures({ month, figures, teams, onMonth }: { month: string; figures: TeamMonthView[]; teams: TeamView[]; onMonth: (month: string) => void }) {
  const t = useOfficerVolunteersT()
  const { language } = useSession()
  const most = Math.max(1, ...figures.map((f) => f.minutes))
  return (
    <SectionCard className="ov-figures" title={t('ov.figures.title', { month })} tone="police">
      <View className="fq-actions">
        <Button className="ov-month-prev" onClick={() => onMonth(shiftMonth(month, -1))}>
          {t('ov.figures.prev')}
        </Button>
        <Button className="ov-month-next" onClick={() => onMonth(shiftMonth(month, 1))}>
          {t('ov.figures.next')}
        </Button>
      </View>
      {figures.map((f) => {
        const team = teams.find((x) => x.id === f.teamId)
        return (
          <View key={f.teamId} className={`fq-list-item ov-team-figures ov-team-${f.teamId}`}>
            <View className="fq-option-name">{team ? localizedName(team.name, language) : f.teamId}</View>
            <View className="fq-muted">{t('ov.figures.row', { activities: f.activities, hours: hoursOf(f.minutes), attended: f.attended, places: f.places })}</View>
            <View className="ov-bar-label">{t('ov.figures.hours')}</View>
            <View className="ov-bar">
              <View className="ov-bar-fill is-hours" style={{ inlineSize: `${(100 * f.minutes) / most}%` }} />
            </View>
            <View className="ov-bar-label">{f.attendanceRate === null ? t('ov.figures.noRate') : t('ov.figures.rate', { rate: `${Math.round(f.attendanceRate * 100)}%` })}</View>
            <View className="ov-bar">
              <View className="ov-bar-fill is-rate" style={{ inlineSize: `${Math.round((f.attendanceRate ?? 0) * 100)}%` }} />
            </View>
          </View>
        )
      })}
    </SectionCard>
  )
}
