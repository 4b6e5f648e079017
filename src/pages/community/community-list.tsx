// Every community of the station, gacha first (most of the station's area and people), each with
// its community officer, to pick one's own. Names in the reader's language.
import { View } from '@tarojs/components'
import type { CommunityCard } from '../../core/jurisdiction/contract'
import { localizedName } from '../../i18n/localized-name'
import { SectionCard } from '../../components/section-card'
import { EmptyView } from '../../components/status-views'
import { useSession } from '../../services/session'
import { useT } from '../../services/use-t'

const KINDS = ['gacha', 'community'] as const

export interface CommunityListProps {
  communities: CommunityCard[]
  currentId: string | null
  /** While a choice is being stored, the chosen id (others stay tappable only after). */
  busyId: string | null
  onChoose: (community: CommunityCard) => void
}

export function CommunityList({ communities, currentId, busyId, onChoose }: CommunityListProps) {
  const t = useT()
  const { language } = useSession()
  if (communities.length === 0) return <EmptyView className="community-list-empty" title={t('community.list.title')} description={t('community.list.empty')} />
  return (
    <SectionCard className="community-list" title={t('community.list.title')}>
      {KINDS.map((kind) => {
        const ofKind = communities.filter((c) => c.kind === kind)
        if (ofKind.length === 0) return null
        return (
          <View key={kind} className={`community-list-group community-list-${kind}`}>
            <View className="fq-muted community-list-kind">{t(`community.kind.${kind}`)}</View>
            {ofKind.map((community) => {
              const current = community.id === currentId
              return (
                <View
                  key={community.id}
                  className={`fq-option community-option-${community.id} ${current ? 'is-current' : ''} ${busyId === community.id ? 'is-busy' : ''}`}
                  role="button"
                  aria-pressed={current}
                  onClick={() => (busyId ? undefined : onChoose(community))}
                >
                  <View className="fq-option-name">{localizedName(community.name, language)}</View>
                  <View className="fq-muted community-option-officer">{t('community.list.officer', { officer: community.officer.name })}</View>
                  {current ? <View className="fq-option-current">{t('community.list.current')}</View> : null}
                </View>
              )
            })}
          </View>
        )
      })}
    </SectionCard>
  )
}
