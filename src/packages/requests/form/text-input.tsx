// Text inputs for the request form: a multi-line box and a one-line field, each bordered, with the
// label outside (Field) and the platform's own length cap one past the limit, so the counter can
// show that the text is over rather than silently cutting it.
import { Input, Textarea } from '@tarojs/components'

export interface TextInputProps {
  className: string
  value: string
  max: number
  onChange: (value: string) => void
  multiline?: boolean
  /** Digits only (phone numbers, amounts): the phone shows its number pad. */
  numeric?: boolean
}

export function TextInput({ className, value, max, onChange, multiline = false, numeric = false }: TextInputProps) {
  return multiline ? (
    <Textarea className={`rq-input rq-textarea fq-horizontal ${className}`} value={value} maxlength={max + 1} autoHeight onInput={(e) => onChange(e.detail.value)} />
  ) : (
    <Input className={`rq-input fq-horizontal ${className}`} value={value} maxlength={max + 1} type={numeric ? 'digit' : 'text'} onInput={(e) => onChange(e.detail.value)} />
  )
}
