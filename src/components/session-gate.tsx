// Screens other than the home need a loaded profile, an accepted privacy agreement and, for staff
// screens, a role. This gate shows the right state for each case and renders the screen only then.
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PRIVACY_POLICY_VERSION, type Profile } from '../core/account/contract'
import { hasAnyRole, type Role } from '../core/roles'
import { useSession } from '../services/session'
import { useT } from '../services/use-t'
import { DemoIdentityPicker } from './demo-identity-picker'
import { PrivacyPrompt } from './privacy-prompt'
import { EmptyView, ErrorView, LoadingView } from './status-views'

export interface SessionGateProps {
  /** Roles allowed to see the screen; omitted = anyone. The backend checks again on every call. */
  roles?: readonly Role[]
  children: (profile: Profile) => ReactNode
}

export const hasAcceptedPrivacy = (profile: Profile) => profile.privacyAcceptedVersion === PRIVACY_POLICY_VERSION

export function SessionGate({ roles, children }: SessionGateProps) {
  const { state, refresh } = useSession()
  const t = useT()
  if (state.status === 'needs-identity') return process.env.TARO_ENV === 'h5' ? <DemoIdentityPicker /> : null
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void refresh()} />
  const { profile } = state
  if (!hasAcceptedPrivacy(profile)) return <PrivacyPrompt />
  if (roles && !hasAnyRole(profile.roles, roles)) {
    return (
      <EmptyView
        className="no-access"
        title={t('noAccess.title')}
        description={t('error.PERMISSION_DENIED')}
        action={
          <Button type="primary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
            {t('common.backHome')}
          </Button>
        }
      />
    )
  }
  return <>{children(profile)}</>
}
