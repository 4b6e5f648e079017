// Elder mode: larger type and tap targets for older residents, switched in one tap.
import { View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { useSession } from '../services/session'
import { useT } from '../services/use-t'

export function ElderModeSwitch() {
  const { elderMode, setElderMode } = useSession()
  const t = useT()
  return (
    <View className="elder-mode-switch" onClick={() => setElderMode(!elderMode)}>
      <View className="elder-mode-text">
        <View className="elder-mode-label">{t('elder.label')}</View>
        <View className="fq-muted">{t('elder.hint')}</View>
      </View>
      {/* The whole row toggles; the switch only shows the state, so a tap is never counted twice. */}
      <View className="elder-mode-control" onClick={(e) => e.stopPropagation()}>
        <Switch className="elder-mode-toggle" checked={elderMode} onChange={(on) => setElderMode(on)} />
      </View>
    </View>
  )
}
