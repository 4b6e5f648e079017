// "I am an officer": an officer types the invite code an admin gave them, binding this WeChat
// identity to their officer record. The code is checked here first with the same schema the
// backend uses, so a typo is caught without a round trip.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { InviteCode, accountContract } from '../../core/account/contract'
import { usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { call } from '../../services/cloud'
import { retryTimeOf } from '../../services/retry-time'
import { asCloudError, useSession } from '../../services/session'
import { errorMessageKey, useT } from '../../services/use-t'

export function InviteRedeem() {
  const { applyProfile } = useSession()
  const t = useT()
  const toast = usePageToast()
  const [code, setCode] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const parsed = InviteCode.safeParse(code)
    if (!parsed.success) {
      setFieldError(t('me.invite.invalid'))
      return
    }
    setBusy(true)
    setFieldError(null)
    try {
      applyProfile(await call(accountContract, 'redeemInvite', { code: parsed.data }))
      setCode('')
      toast(t('me.invite.done'))
    } catch (err) {
      const error = asCloudError(err)
      const onCodeField = error.issues?.some((issue) => issue.path[0] === 'code')
      setFieldError(onCodeField ? t('me.invite.invalid') : t(errorMessageKey(error, 'me.invite'), retryTimeOf(error)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <SectionCard className="invite-redeem" title={t('me.invite.title')}>
      <View className="fq-text">{t('me.invite.hint')}</View>
      <View className="fq-horizontal invite-redeem-field">
        <Input
          className="invite-code-input"
          value={code}
          maxLength={12}
          placeholder={t('me.invite.placeholder')}
          onChange={(value) => {
            setCode(value)
            setFieldError(null)
          }}
        />
      </View>
      {fieldError ? <View className="fq-field-error invite-code-error">{fieldError}</View> : null}
      <View className="fq-actions">
        <Button className="invite-redeem-submit" type="primary" loading={busy} onClick={() => void submit()}>
          {t('me.invite.submit')}
        </Button>
      </View>
    </SectionCard>
  )
}
