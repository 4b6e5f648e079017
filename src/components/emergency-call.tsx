// Calling 110 must always be one tap away, on every state of the home screen, before any login
// or agreement: it is what a police app owes someone in danger.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useT } from '../services/use-t'
import { usePageToast } from './page-shell'
import { SectionCard } from './section-card'

export const EMERGENCY_NUMBER = '110'

export interface EmergencyCallProps {
  /** Compact: one line with the button, for screens that are not the home. */
  compact?: boolean
}

export function EmergencyCall({ compact = false }: EmergencyCallProps) {
  const t = useT()
  const toast = usePageToast()
  const dial = () =>
    Taro.makePhoneCall({ phoneNumber: EMERGENCY_NUMBER }).catch((err: { errMsg?: string }) => {
      // Closing WeChat's call sheet is the person's choice, not a failure worth a message.
      if (!err?.errMsg?.includes('cancel')) toast(t('emergency.callFailed'))
    })
  return (
    <SectionCard className="emergency-call" tone="alarm" title={compact ? undefined : t('emergency.title')}>
      {/* The button comes before the hint: in vertical Mongolian with large text the hint's columns
          would otherwise push it past the first screen's edge. */}
      <View className="fq-actions">
        <Button className="emergency-call-110" type="danger" size="large" block onClick={dial}>
          {t('emergency.call110')}
        </Button>
      </View>
      {compact ? null : <View className="fq-text">{t('emergency.hint')}</View>}
    </SectionCard>
  )
}
