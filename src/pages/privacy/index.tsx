// The privacy agreement, read before any personal data is asked for: what is collected, why, how
// long it is kept and who sees it. Accepting records the policy version in the backend and, in
// WeChat, is the explicit tap WeChat requires before privacy APIs may run.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_POLICY_VERSION, accountContract } from '../../core/account/contract'
import type { MessageKey } from '../../i18n'
import { EmergencyCall } from '../../components/emergency-call'
import { PageShell, usePageToast } from '../../components/page-shell'
import { SectionCard } from '../../components/section-card'
import { hasAcceptedPrivacy } from '../../components/session-gate'
import { DemoIdentityPicker } from '../../components/demo-identity-picker'
import { ErrorView, LoadingView } from '../../components/status-views'
import { call } from '../../services/cloud'
import { asCloudError, useSession } from '../../services/session'
import { errorMessageKey, useT } from '../../services/use-t'
import { PRIVACY_AGREE_BUTTON_ID, reportWechatPrivacyExposure, resolveWechatPrivacy } from '../../services/wechat-privacy'

const SECTIONS: ReadonlyArray<{ id: string; title: MessageKey; body: MessageKey }> = [
  { id: 'collect', title: 'privacy.collect.title', body: 'privacy.collect.body' },
  { id: 'why', title: 'privacy.why.title', body: 'privacy.why.body' },
  { id: 'keep', title: 'privacy.keep.title', body: 'privacy.keep.body' },
  { id: 'who', title: 'privacy.who.title', body: 'privacy.who.body' },
  { id: 'rights', title: 'privacy.rights.title', body: 'privacy.rights.body' },
]

function leave() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.reLaunch({ url: '/pages/index/index' })
}

function Decision() {
  const { state, refresh, applyProfile } = useSession()
  const t = useT()
  const toast = usePageToast()
  const [busy, setBusy] = useState(false)

  if (state.status === 'needs-identity') return process.env.TARO_ENV === 'h5' ? <DemoIdentityPicker /> : null
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void refresh()} />
  if (hasAcceptedPrivacy(state.profile)) {
    return (
      <SectionCard className="privacy-accepted" tone="police">
        <View className="fq-text">{t('privacy.accepted')}</View>
        <View className="fq-actions">
          <Button className="privacy-back" onClick={leave}>
            {t('common.back')}
          </Button>
        </View>
      </SectionCard>
    )
  }

  const accept = async () => {
    setBusy(true)
    try {
      applyProfile(await call(accountContract, 'acceptPrivacy', { version: PRIVACY_POLICY_VERSION }))
      leave()
    } catch (err) {
      toast(t(errorMessageKey(asCloudError(err))))
    } finally {
      setBusy(false)
    }
  }
  const decline = () => {
    resolveWechatPrivacy(false)
    leave()
  }

  return (
    <SectionCard className="privacy-decision" tone="police">
      <View className="fq-text">{t('privacy.decide')}</View>
      <View className="fq-actions">
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className="privacy-accept"
          type="primary"
          size="large"
          loading={busy}
          openType={process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined}
          onAgreePrivacyAuthorization={() => resolveWechatPrivacy(true)}
          onClick={() => void accept()}
        >
          {t('privacy.accept')}
        </Button>
        <Button className="privacy-decline" onClick={decline}>
          {t('privacy.decline')}
        </Button>
      </View>
    </SectionCard>
  )
}

export default function PrivacyPage() {
  const t = useT()
  useEffect(() => reportWechatPrivacyExposure(), [])
  return (
    <PageShell name="privacy" titleKey="privacy.title">
      <SectionCard className="privacy-intro" title={t('privacy.title')}>
        <View className="fq-muted privacy-version">{t('privacy.version', { version: PRIVACY_POLICY_VERSION })}</View>
        <View className="fq-text">{t('privacy.intro')}</View>
      </SectionCard>
      {SECTIONS.map((section) => (
        <SectionCard key={section.id} className={`privacy-section privacy-${section.id}`} title={t(section.title)}>
          <View className="fq-text">{t(section.body)}</View>
        </SectionCard>
      ))}
      <Decision />
      <EmergencyCall compact />
    </PageShell>
  )
}
