// One labelled field of a form, the same on every screen: a visible label (a placeholder vanishes
// as one types, which first-time users and elders lose track of), a required mark, the field's
// own message when it is refused (red border, the label named in the message), and a counter
// where the text has a limit. Text past a limit is kept and flagged, never cut: a resident who
// pasted a long account should see what is too much and decide what to remove.
//
// Decision for vertical Mongolian pages: the label is set vertically like the page, the box
// itself is horizontal (people type digits, Latin and Mongolian with a horizontal IME line, and
// WeChat's native input cannot be vertical), at least as wide as the Chinese field and, for
// multi-line text, tall enough for a sentence (see .fq-field-control in app.css).
import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { charCount, hasNonPhoneCharacters, textProblem } from '../core/text-fields'
import { useT, type Translate } from '../services/use-t'

export interface FormFieldProps extends PropsWithChildren {
  /** Stable class for tests and the form audit, e.g. `mediation-field-phone`. */
  className: string
  label: string
  required?: boolean
  /** The message shown under the field when it is refused; the field turns red. */
  error?: string | null
  /** A line of help under the field, e.g. who sees the number. */
  hint?: string
  /** Characters typed and the limit, shown as "12/500"; red past the limit. */
  count?: { length: number; max: number }
}

export function FormField({ className, label, required = false, error, hint, count, children }: FormFieldProps) {
  const t = useT()
  const over = count ? count.length > count.max : false
  return (
    <View className={['fq-field', className, error ? 'is-invalid' : ''].filter(Boolean).join(' ')}>
      <View className="fq-field-label">
        <Text>{label}</Text>
        {required ? (
          <Text className="fq-field-required" aria-label={t('form.required')}>
            {` * ${t('form.required')}`}
          </Text>
        ) : null}
      </View>
      <View className="fq-field-control">
        {children}
        {count ? <View className={`fq-field-count${over ? ' is-over' : ''}`}>{`${count.length}/${count.max}`}</View> : null}
      </View>
      {hint ? <View className="fq-muted fq-field-hint">{hint}</View> : null}
      {error ? (
        <View className="fq-field-error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  )
}

/** The message for a text field's problem, naming the field; null when the value is fine. */
export function textFieldMessage(t: Translate, label: string, value: string, rule: { required?: boolean; max: number }): string | null {
  const problem = textProblem(value, rule)
  if (problem === 'missing') return t('form.missing', { field: label })
  if (problem === 'tooLong') return t('form.tooLong', { field: label, max: rule.max, over: charCount(value.trim()) - rule.max })
  return null
}

/** A Chinese mobile number (11 digits from 1); letters are named rather than silently dropped. */
export function mobileFieldMessage(t: Translate, label: string, value: string, required = true): string | null {
  const trimmed = value.trim()
  if (!trimmed) return required ? t('form.missing', { field: label }) : null
  if (hasNonPhoneCharacters(trimmed)) return t('form.digitsOnly', { field: label })
  if (!/^1[3-9]\d{9}$/.test(trimmed)) return t('form.mobileInvalid', { field: label })
  return null
}
