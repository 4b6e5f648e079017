// One line of the inbox or the alert list: type, place, level, status and the deadline that
// applies, high-risk marked; opens the case. No description or contact: listing is not a read.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CaseSummary } from '../../../core/mediation/contract'
import { SectionCard } from '../../../components/section-card'
import { deadlineLine } from './deadline-line'
import { useCaseworkT } from './i18n'
import type { Names } from './names'

export const CASE_PAGE = '/packages/officer/pages/mediation-case/index'

export function CaseSummaryCard({ item, names, extra }: { item: CaseSummary; names: Names; extra?: React.ReactNode }) {
  const t = useCaseworkT()
  return (
    <SectionCard className={`casework-summary casework-summary-${item.id} ${item.highRisk ? 'is-high-risk' : ''}`} title={`${t(`casework.type.${item.type}`)} · ${names.community(item.communityId)}`}>
      <View className="fq-tags">
        {item.highRisk ? <View className="casework-tag is-alarm">{t('casework.highRisk')}</View> : null}
        <View className="casework-tag">{t('casework.level', { level: item.level })}</View>
        <View className="casework-tag">{t(`casework.status.${item.status}`)}</View>
        {item.overdue ? <View className="casework-tag is-alarm">{t('casework.overdue')}</View> : null}
      </View>
      <View className="fq-muted casework-deadline">{deadlineLine(t, item)}</View>
      <View className="fq-actions">
        <Button className="casework-open" type="primary" onClick={() => Taro.navigateTo({ url: `${CASE_PAGE}?id=${item.id}` })}>
          {t('casework.open')}
        </Button>
        {extra}
      </View>
    </SectionCard>
  )
}
