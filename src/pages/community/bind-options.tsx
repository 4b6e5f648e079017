// The three ways to tell the station where one lives: the phone's position (the usual way at
// home), the list (always works, also far from home), and a community's QR code (weapp: WeChat's
// scanner; a code scanned outside the app opens the page with ?bind= instead).
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SectionCard } from '../../components/section-card'
import { useT } from '../../services/use-t'

export type LocateProblem = 'outside' | 'denied' | 'unavailable'

export interface BindOptionsProps {
  locating: boolean
  locateProblem: LocateProblem | null
  listOpen: boolean
  onLocate: () => void
  onOpenList: () => void
  onScan: () => void
  /** Shown while changing an existing choice: keep it after all. */
  onCancel?: () => void
}

export function BindOptions({ locating, locateProblem, listOpen, onLocate, onOpenList, onScan, onCancel }: BindOptionsProps) {
  const t = useT()
  const problemText =
    locateProblem === 'outside'
      ? t('community.locate.error.FAILED_PRECONDITION')
      : locateProblem === 'denied'
        ? t('community.locate.denied')
        : locateProblem === 'unavailable'
          ? t('community.locate.unavailable')
          : null
  return (
    <SectionCard className="community-bind" title={t('community.bind.title')} tone="police">
      <View className="community-bind-location">
        <View className="fq-muted">{t('community.bind.locationHint')}</View>
        <View className="fq-actions">
          <Button className="community-bind-locate" type="primary" loading={locating} onClick={onLocate}>
            {t('community.bind.location')}
          </Button>
        </View>
        {problemText ? (
          <View className={`fq-notice is-warning community-locate-problem community-locate-${locateProblem}`} role="alert">
            {problemText}
          </View>
        ) : null}
      </View>
      <View className="fq-actions">
        <Button className="community-bind-list" type={listOpen ? 'default' : 'primary'} onClick={onOpenList}>
          {t('community.bind.list')}
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="community-bind-scan" type="primary" onClick={onScan}>
            {t('community.bind.scan')}
          </Button>
        ) : null}
        {onCancel ? (
          <Button className="community-change-keep" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </View>
    </SectionCard>
  )
}
