// One choice among a few (a topic, a fraud channel, yes or no), as buttons under a visible label.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Field } from './field'

export interface ChoiceFieldProps<T extends string> {
  /** Stable class for tests; each option gets `<className>-<value>`. */
  className: string
  label: string
  required: boolean
  hint?: string
  options: readonly T[]
  labelOf: (value: T) => string
  value: T | null
  onChange: (value: T) => void
  error?: string | null
}

export function ChoiceField<T extends string>({ className, label, required, hint, options, labelOf, value, onChange, error }: ChoiceFieldProps<T>) {
  return (
    <Field className={className} label={label} required={required} hint={hint} error={error}>
      <View className="fq-actions rq-choices">
        {options.map((option) => (
          <Button key={option} className={`${className}-${option} ${value === option ? 'is-chosen' : ''}`} type={value === option ? 'primary' : 'default'} onClick={() => onChange(option)}>
            {labelOf(option)}
          </Button>
        ))}
      </View>
    </Field>
  )
}
