// How to reach one officer: a round mark with the initial (no photos are kept of officers),
// name and title, office hours, the languages they speak, and a button that dials them.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { OfficerContact } from '../core/jurisdiction/contract'
import type { Language } from '../core/ids'
import type { MessageKey } from '../i18n'
import { useT } from '../services/use-t'
import { usePageToast } from './page-shell'

export const LANGUAGE_NAME_KEYS: Record<Language, MessageKey> = { zh: 'language.name.zh', mn: 'language.name.mn' }

/** Digits and a leading + only: "139-0478-2001" dials as 13904782001. */
export const dialable = (phone: string) => phone.replace(/[^\d+]/g, '')

export function useDial() {
  const t = useT()
  const toast = usePageToast()
  return (phone: string) =>
    Taro.makePhoneCall({ phoneNumber: dialable(phone) }).catch((err: { errMsg?: string }) => {
      // Closing WeChat's call sheet is the person's choice, not a failure worth a message.
      if (!err?.errMsg?.includes('cancel')) toast(t('community.officer.callFailed', { phone }))
    })
}

export interface OfficerContactCardProps {
  officer: OfficerContact
  /** What this officer is to the reader, e.g. "your community officer"; omitted where a title says it. */
  role?: string
  /** Auxiliaries, listed under a title that says what they are: no role line, no office hours, a smaller mark. */
  compact?: boolean
}

export function OfficerContactCard({ officer, role, compact = false }: OfficerContactCardProps) {
  const t = useT()
  const dial = useDial()
  const initial = Array.from(officer.name)[0] ?? ''
  return (
    <View className={`officer-contact officer-contact-${officer.id} ${compact ? 'is-compact' : ''}`}>
      <View className="officer-contact-head">
        <View className="officer-contact-mark" aria-hidden="true">
          {initial}
        </View>
        <View className="officer-contact-who">
          {role && !compact ? <View className="fq-muted officer-contact-role">{role}</View> : null}
          <View className="officer-contact-name">{officer.name}</View>
          {officer.title ? <View className="fq-muted officer-contact-title">{officer.title}</View> : null}
        </View>
      </View>
      {compact ? null : (
        <View className="officer-contact-row">
          <View className="fq-muted">{t('community.officer.officeHours')}</View>
          <View className="fq-text officer-contact-hours">{officer.officeHours ?? t('community.officer.officeHoursNone')}</View>
        </View>
      )}
      {officer.languages.length > 0 ? (
        <View className="officer-contact-row">
          <View className="fq-muted">{t('community.officer.languages')}</View>
          <View className="fq-tags officer-contact-languages">
            {officer.languages.map((language) => (
              <Tag key={language} className="fq-tag" type="default">
                {t(LANGUAGE_NAME_KEYS[language])}
              </Tag>
            ))}
          </View>
        </View>
      ) : null}
      <View className="officer-contact-row">
        <View className="fq-muted">{t('community.officer.phone')}</View>
        {officer.phone ? (
          <View className="fq-text officer-contact-phone">{officer.phone}</View>
        ) : (
          <View className="fq-text">{t('community.officer.noPhone')}</View>
        )}
      </View>
      {officer.phone ? (
        <View className="fq-actions">
          <Button className="officer-contact-call" type={compact ? 'default' : 'primary'} onClick={() => void dial(officer.phone ?? '')}>
            {t('community.officer.call')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
