// What a screen shows while it waits, when a call failed (localized message and a retry, never a
// stack), and when there is nothing yet (an honest empty state that says what happens next).
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
import type { CloudCallError } from '../services/cloud'
import { errorMessageKey, useT } from '../services/use-t'
import { SectionCard } from './section-card'

export function LoadingView() {
  const t = useT()
  return (
    <SectionCard className="fq-loading">
      <Loading type="circular" direction="vertical">
        {t('common.loading')}
      </Loading>
    </SectionCard>
  )
}

export interface ErrorViewProps {
  error: Pick<CloudCallError, 'code'>
  onRetry?: () => void
  /** Message context, see errorMessageKey. */
  context?: string
}

export function ErrorView({ error, onRetry, context }: ErrorViewProps) {
  const t = useT()
  return (
    <SectionCard className="fq-error" title={t('common.loadFailed')}>
      <View className="fq-text fq-error-message">{t(errorMessageKey(error, context))}</View>
      {onRetry ? (
        <View className="fq-actions">
          <Button className="fq-retry" type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </View>
      ) : null}
    </SectionCard>
  )
}

export interface EmptyViewProps {
  className?: string
  title: string
  description: string
  action?: ReactNode
}

export function EmptyView({ className, title, description, action }: EmptyViewProps) {
  return (
    <SectionCard className={['fq-empty', className ?? ''].join(' ')}>
      {/* Our own mark: NutUI's default picture is on a third-party CDN the mini-program may not reach. */}
      <Empty image={<View className="fq-empty-mark" />} title={title} description={description} />
      {action ? <View className="fq-actions">{action}</View> : null}
    </SectionCard>
  )
}
