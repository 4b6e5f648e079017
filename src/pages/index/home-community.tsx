// The resident's own community officer on the home screen: the community's name and the
// officer's with their contact card (kept for reading offline), one tap to the community page;
// or, not yet chosen, the way to choose.
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
import { OfflineAsOf } from '../../components/offline-state'
import { OfficerContactCard } from '../../components/officer-contact-card'
import { useOfflineRemote } from '../../services/offline-cache'

const loadMine = () => call(jurisdictionContract, 'myCommunity', {}, { readOnly: true })

export function HomeCommunity() {
  const t = useT()
  const { language } = useSession()
  // The officer's number is what a herder needs most when the signal is gone: kept for offline.
  const mine = useOfflineRemote('jurisdiction.myCommunity', jurisdictionContract.actions.myCommunity.output, loadMine)
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
      <OfflineAsOf at={mine.asOf} />
      <View className={bound ? 'fq-text home-community-name' : 'fq-muted'}>{text}</View>
      {mine.state.status === 'ready' && mine.state.data ? <OfficerContactCard officer={mine.state.data.community.officer} role={t('community.officer.role')} /> : null}
      <View className="fq-actions">
        {open}
      </View>
    </SectionCard>
  )
}
