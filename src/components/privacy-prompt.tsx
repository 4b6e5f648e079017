// Before the privacy agreement is accepted, this is all a screen offers besides calling 110.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_PAGE } from '../services/wechat-privacy'
import { useT } from '../services/use-t'
import { SectionCard } from './section-card'

export function PrivacyPrompt() {
  const t = useT()
  return (
    <SectionCard className="privacy-prompt" title={t('privacyPrompt.title')} tone="police">
      <View className="fq-text">{t('privacyPrompt.body')}</View>
      <View className="fq-actions">
        <Button className="privacy-prompt-open" type="primary" size="large" onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE })}>
          {t('privacyPrompt.action')}
        </Button>
      </View>
    </SectionCard>
  )
}
