// The communities an officer answers for, by name in the reader's language: each with its kind,
// the officer's part there (the responsible community officer, or assisting as an auxiliary)
// and who else works it.
import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { CommunityCard } from '../../../core/jurisdiction/contract'
import { localizedName } from '../../../i18n/localized-name'
import { SectionCard } from '../../../components/section-card'
import { ErrorView, LoadingView } from '../../../components/status-views'
import { useSession } from '../../../services/session'
import type { Remote } from '../../../services/use-remote'
import { useOfficerT } from '../i18n'

export interface CoveredCommunitiesProps {
  communities: Remote<CommunityCard[]>
  officerId: string
  onRetry: () => void
}

export function CoveredCommunities({ communities, officerId, onRetry }: CoveredCommunitiesProps) {
  const t = useOfficerT()
  const { language } = useSession()
  if (communities.status === 'loading') return <LoadingView />
  if (communities.status === 'error') return <ErrorView error={communities.error} onRetry={onRetry} />
  return (
    <SectionCard className="covered-communities" title={t('workbench.covered.title')}>
      {communities.data.length === 0 ? <View className="fq-muted covered-empty">{t('workbench.covered.empty')}</View> : null}
      {communities.data.map((community) => {
        const mine = community.officer.id === officerId
        const others = community.auxiliaries.filter((a) => a.id !== officerId).map((a) => a.name)
        return (
          <View key={community.id} className={`fq-list-item covered-community covered-community-${community.id}`}>
            <View className="covered-community-name">{localizedName(community.name, language)}</View>
            <View className="fq-tags">
              <Tag className="fq-tag" type="default">
                {t(`community.kind.${community.kind}`)}
              </Tag>
              <Tag className={`fq-tag covered-role-${mine ? 'officer' : 'auxiliary'}`} type={mine ? 'primary' : 'default'}>
                {t(mine ? 'workbench.covered.asOfficer' : 'workbench.covered.asAuxiliary')}
              </Tag>
              {community.hasBoundary ? null : (
                <Tag className="fq-tag" type="warning">
                  {t('workbench.covered.noBoundary')}
                </Tag>
              )}
            </View>
            {mine ? null : <View className="fq-muted">{t('workbench.covered.officer', { name: community.officer.name })}</View>}
            {others.length > 0 ? <View className="fq-muted">{t('workbench.covered.auxiliaries', { names: others.join(t('common.listSeparator')) })}</View> : null}
          </View>
        )
      })}
    </SectionCard>
  )
}
