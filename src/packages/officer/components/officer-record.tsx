// The officer's own record as the backend holds it (bound through an invite). Shared by the
// workbench and the leadership screen; lives in the officer subpackage with them. The
// communities the officer covers are listed by name beside it (covered-communities.tsx).
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import type { OfficerSummary } from '../../../core/account/contract'
import { LANGUAGE_NAME_KEYS } from '../../../components/officer-contact-card'
import { EmptyView } from '../../../components/status-views'
import { SectionCard } from '../../../components/section-card'
import { useOfficerT } from '../i18n'

export interface OfficerRecordProps {
  officer: OfficerSummary | null
}

export function OfficerRecord({ officer }: OfficerRecordProps) {
  const t = useOfficerT()
  if (!officer) {
    return (
      <EmptyView
        className="officer-record-empty"
        title={t('workbench.empty.title')}
        description={t('workbench.empty.body')}
        action={
          <Button className="officer-record-redeem" type="primary" onClick={() => Taro.navigateTo({ url: '/pages/me/index' })}>
            {t('workbench.empty.action')}
          </Button>
        }
      />
    )
  }
  return (
    <SectionCard className="officer-record" title={t('workbench.record.title')}>
      <Cell className="officer-record-name" title={t('workbench.name')} extra={officer.name} />
      <Cell className="officer-record-title" title={t('workbench.jobTitle')} extra={officer.title} />
      <Cell
        className="officer-record-languages"
        title={t('workbench.languages')}
        description={
          <View className="fq-tags">
            {officer.languages.map((language) => (
              <Tag key={language} className="fq-tag" type="primary">
                {t(LANGUAGE_NAME_KEYS[language])}
              </Tag>
            ))}
          </View>
        }
      />
    </SectionCard>
  )
}
