// The language switch, Chinese / Mongolian. Each option is written in its own language and
// script, so a person finds theirs whatever the screen shows; the Mongolian one is always vertical.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Language } from '../core/ids'
import { translate } from '../i18n'
import { useSession } from '../services/session'
import { useT } from '../services/use-t'

const LANGUAGES: readonly Language[] = ['zh', 'mn']

export function LanguageSwitch() {
  const { language, setLanguage } = useSession()
  const t = useT()
  return (
    <View className="language-switch" aria-label={t('language.switchLabel')}>
      {LANGUAGES.map((option) => (
        <Button
          key={option}
          className={`language-option language-option-${option} ${option === language ? 'is-current' : ''}`}
          type={option === language ? 'primary' : 'default'}
          fill={option === language ? 'solid' : 'outline'}
          onClick={() => setLanguage(option)}
        >
          <View className={option === 'mn' ? 'fq-mong' : 'fq-zh'}>{translate(option, 'language.self')}</View>
        </Button>
      ))}
    </View>
  )
}
