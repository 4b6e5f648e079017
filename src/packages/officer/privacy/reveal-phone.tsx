// A phone number as staff see it: masked, with a tap to reveal it in full. The reveal is its own
// call to the backend, which writes the audit entry before answering, so each number seen in full
// is on record; once revealed, the officer can call it.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RevealedContact } from '../../../core/privacy/contract'
import { usePageToast } from '../../../components/page-shell'
import { asCloudError } from '../../../services/session'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { privacyCatalog, usePrivacyT } from './i18n'

export interface RevealPhoneProps {
  /** Distinguishes several on one screen (tests, styles). */
  className?: string
  reveal: () => Promise<RevealedContact>
}

export function RevealPhone({ className = '', reveal }: RevealPhoneProps) {
  const t = usePrivacyT()
  const toast = usePageToast()
  const [phone, setPhone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const show = () => {
    setBusy(true)
    reveal()
      .then(
        (answer) => (answer.phone ? setPhone(answer.phone) : toast(t('reveal.erased'))),
        (err: unknown) => toast(t(errorMessageKeyIn(privacyCatalog, asCloudError(err), 'reveal'))),
      )
      .then(() => setBusy(false))
  }
  if (phone) {
    return (
      <View className={`fq-actions reveal-phone is-revealed ${className}`}>
        <View className="fq-text reveal-phone-number">{phone}</View>
        <Button size="small" className="reveal-phone-call" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
          {t('reveal.call')}
        </Button>
      </View>
    )
  }
  return (
    <View className={`reveal-phone ${className}`}>
      <Button size="small" className="reveal-phone-show" loading={busy} onClick={show}>
        {t('reveal.show')}
      </Button>
      <View className="fq-muted fq-note">{t('reveal.audited')}</View>
    </View>
  )
}
