// The resident's community and the people who answer for it: how the community was chosen, the
// community officer's contact card, asking them (children), then the auxiliary officers. While
// the resident changes community, only the current choice stays on screen above the options.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { MyCommunity } from '../../core/jurisdiction/contract'
import { localizedName } from '../../i18n/localized-name'
import { OfficerContactCard } from '../../components/officer-contact-card'
import { SectionCard } from '../../components/section-card'
import { useSession } from '../../services/session'
import { formatStationTime } from '../../services/station-time'
import { useT } from '../../services/use-t'

export interface MyCommunityViewProps {
  mine: MyCommunity
  changing: boolean
  onChange: () => void
  /** Asking the officer, right under their card. */
  children?: ReactNode
}

export function MyCommunityView({ mine, changing, onChange, children }: MyCommunityViewProps) {
  const t = useT()
  const { language } = useSession()
  const { community, located } = mine
  const name = localizedName(community.name, language)
  return (
    <>
      <SectionCard className={`community-current community-current-${community.id}`} tone="police">
        <View className="fq-muted">{t('community.current')}</View>
        <View className="fq-hero community-current-name">{name}</View>
        <View className="fq-tags">
          <Tag className="fq-tag" type="primary">
            {t(`community.kind.${community.kind}`)}
          </Tag>
        </View>
        <View className="fq-muted community-current-via">
          {t('community.boundVia', { via: t(`community.via.${mine.via}`), time: formatStationTime(mine.boundAt) })}
        </View>
        {located?.method === 'nearest' ? (
          <View className="fq-notice is-warning community-current-located">
            {t('community.located.nearest', { community: name, km: Math.round((located.distanceKm ?? 0) * 10) / 10 })}
          </View>
        ) : null}
        {changing ? null : (
          <View className="fq-actions">
            <Button className="community-change-start" onClick={onChange}>
              {t('community.change')}
            </Button>
          </View>
        )}
      </SectionCard>

      {changing ? null : (
        <SectionCard className="community-officer">
          <OfficerContactCard officer={community.officer} role={t('community.officer.role')} />
        </SectionCard>
      )}
      {changing ? null : children}
      {!changing && community.auxiliaries.length > 0 ? (
        <SectionCard className="community-auxiliaries" title={t('community.auxiliaries')}>
          {community.auxiliaries.map((officer) => (
            <OfficerContactCard key={officer.id} officer={officer} compact />
          ))}
        </SectionCard>
      ) : null}
    </>
  )
}
