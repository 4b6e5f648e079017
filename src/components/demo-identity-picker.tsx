// h5 local demo only: there is no WeChat login in a browser, so a developer or tester picks one of
// the seeded identities. Pages render it only under `process.env.TARO_ENV === 'h5'`, so the
// mini-program build drops it.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DEMO_IDENTITIES, getDemoOpenid } from '../services/demo-identity'
import { useSession } from '../services/session'
import { useT } from '../services/use-t'
import { ROLE_NAME_KEYS } from './role-tags'
import { SectionCard } from './section-card'

export interface DemoIdentityPickerProps {
  /** Called after the session reloaded as the chosen identity. */
  onChosen?: () => void
}

export function DemoIdentityPicker({ onChosen }: DemoIdentityPickerProps) {
  const { chooseDemoIdentity } = useSession()
  const t = useT()
  const current = getDemoOpenid()
  return (
    <SectionCard className="demo-identity-picker" title={t('demo.title')}>
      <View className="fq-text">{t('demo.hint')}</View>
      <View className="fq-actions demo-identity-list">
        {DEMO_IDENTITIES.map(({ openid, role }) => (
          <Button
            key={openid}
            id={`demo-identity-${openid}`}
            className={`demo-identity demo-identity-${openid}`}
            type={openid === current ? 'primary' : 'default'}
            onClick={() => void chooseDemoIdentity(openid).then(() => onChosen?.())}
          >
            <View className="demo-identity-role">{t(ROLE_NAME_KEYS[role])}</View>
            <View className="demo-identity-openid fq-latin">{openid}</View>
          </Button>
        ))}
      </View>
    </SectionCard>
  )
}
