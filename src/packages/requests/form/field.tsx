// A form field with its label always visible (never a placeholder standing in for it), a
// required or optional mark, a counter when a limit applies, and the error naming the field.
// Kept small and prop-driven so the shared form pieces (issue 19) can replace it one for one.
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useRequestsT } from '../i18n'

export interface FieldProps extends PropsWithChildren {
  /** Stable class for tests, e.g. `rq-field-text`. */
  className: string
  label: string
  required: boolean
  hint?: string
  /** Shown as `length/max` once the text reaches 80% of the limit. */
  counter?: { length: number; max: number }
  error?: string | null
}

export function Field({ className, label, required, hint, counter, error, children }: FieldProps) {
  const t = useRequestsT()
  const nearLimit = counter && counter.length >= counter.max * 0.8
  return (
    <View className={`rq-field ${className} ${error ? 'has-error' : ''}`}>
      <View className="rq-field-label">
        <View className="rq-field-name">{label}</View>
        <View className={`rq-field-mark ${required ? 'is-required' : 'is-optional'}`}>{t(required ? 'rq.field.required' : 'rq.field.optional')}</View>
      </View>
      {hint ? <View className="fq-muted rq-field-hint">{hint}</View> : null}
      {children}
      {/* Digits only: the same in both languages. */}
      {nearLimit ? <View className={`fq-muted rq-field-counter ${counter.length > counter.max ? 'is-over' : ''}`}>{`${counter.length}/${counter.max}`}</View> : null}
      {error ? <View className="fq-field-error rq-field-error">{error}</View> : null}
    </View>
  )
}
