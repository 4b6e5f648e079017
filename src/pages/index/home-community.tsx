// The resident's own community officer on the home screen: the community's name and the
// officer's, one tap to their contact card or to ask them; or, not yet chosen, the way to choose.
import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { jurisdictionContract } from '../../core/jurisdiction/contract'
import { localizedName } from '../../i18n/localized-name'
import { SectionCard } from '../../components/section-card'
import { call } from '../../services/cloud'
import { COMMUNITY_PAGE } from '../../services/resident-pages'
import { useSession } from '../../services/session'
import { errorMessageKey, useT } from '../../services/use-t'
import { useRemote } from '../../services/use-remote'

const loadMine = () => call(jurisdictionContract, 'myCommunity', {})

export function HomeCommunity() {
  const t = useT()
  const { language } = useSession()
  const mine = useRemote(loadMine)
  // Back from the community page the choice may have changed; the first show is the mount's load.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void mine.reload()
    shown.current = true
  })

  const open = (
    <Button className="home-community-open" type="primary" onClick={() => Taro.navigateTo({ url: COMMUNITY_PAGE })}>
      {t(mine.state.status === 'ready' && mine.state.data === null ? 'home.community.choose' : 'home.community.open')}
    </Button>
  )
  let text: string
  let bound = false
  if (mine.state.status === 'loading') text = t('common.loading')
  else if (mine.state.status === 'error') text = t(errorMessageKey(mine.state.error))
  else if (mine.state.data === null) text = t('community.unbound.title')
  else {
    bound = true
    const { community } = mine.state.data
    text = t('home.community.bound', { community: localizedName(community.name, language), officer: community.officer.name })
  }
  return (
    <SectionCard className="home-community" title={t('community.title')} tone="police">
      <View className={bound ? 'fq-text home-community-name' : 'fq-muted'}>{text}</View>
      <View className="fq-actions">
        {open}
      </View>
    </SectionCard>
  )
}
