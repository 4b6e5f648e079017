// A question that needs an explicit yes before something changes (binding to a scanned
// community, restoring an old jurisdiction). Drawn inside the page rather than with WeChat's
// native modal, so in Mongolian it is set vertically like the rest of the screen and elder mode
// enlarges it; it costs no extra NutUI component in the main package.
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

export interface ConfirmDialogProps extends PropsWithChildren {
  /** Stable class for tests, e.g. `community-qr-confirm`. */
  className: string
  title: string
  confirmLabel: string
  cancelLabel: string
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog({ className, title, confirmLabel, cancelLabel, busy = false, onConfirm, onCancel, children }: ConfirmDialogProps) {
  return (
    <View className={`fq-dialog-mask ${className}`} catchMove onClick={busy ? undefined : onCancel}>
      <View className="fq-card fq-dialog" role="dialog" aria-modal="true" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <View className="fq-card-title">{title}</View>
        <View className="fq-text">{children}</View>
        <View className="fq-actions">
          <Button className="fq-dialog-confirm" type="primary" loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button className="fq-dialog-cancel" disabled={busy} onClick={onCancel}>
            {cancelLabel}
          </Button>
        </View>
      </View>
    </View>
  )
}
