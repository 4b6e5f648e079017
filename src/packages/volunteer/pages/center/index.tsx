// The volunteer centre (volunteer police and volunteers). Activities arrive with the volunteers
// feature; until then the screen says plainly that there are none and who will publish them.
import { View } from '@tarojs/components'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView } from '../../../../components/status-views'
import { useVolunteerT } from '../../i18n'

export default function VolunteerCenterPage() {
  const t = useVolunteerT()
  return (
    <PageShell name="volunteer" title={t('volunteer.title')}>
      <SessionGate roles={['volunteer']}>
        {() => (
          <>
            <SectionCard className="volunteer-intro" title={t('volunteer.title')} tone="police">
              <View className="fq-text">{t('volunteer.intro')}</View>
            </SectionCard>
            <EmptyView className="volunteer-activities-empty" title={t('volunteer.empty.title')} description={t('volunteer.empty.body')} />
          </>
        )}
      </SessionGate>
    </PageShell>
  )
}
