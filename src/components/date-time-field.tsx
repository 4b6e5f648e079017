// Dates and times chosen with WeChat's own pickers (a wheel on weapp, Taro's equivalent on h5),
// never typed: a typed "2026-2-3" or "下午三点" is a refusal waiting to happen. The chosen value is
// shown with its weekday, in the station's calendar (Asia/Shanghai), because people plan by
// weekday ("next Tuesday"), not by date.
import { Picker, View } from '@tarojs/components'
import { useT } from '../services/use-t'

export interface DateTimeFieldProps {
  /** Stable class for tests, e.g. `mediation-session-date`. */
  className: string
  mode: 'date' | 'time'
  /** YYYY-MM-DD or HH:mm; '' when nothing is chosen yet. */
  value: string
  onChange: (value: string) => void
  /** Bounds in the same format (a date picker for a birth date starts in 1900, a session's today). */
  start?: string
  end?: string
  /** Where the wheel opens while nothing is chosen (tomorrow for a session, 10:00 for its time). */
  opensAt?: string
}

/** ISO weekday of a station date: the date is already local, so its UTC reading is the right day. */
export const weekdayOf = (localDate: string) => new Date(`${localDate}T00:00:00Z`).getUTCDay()

export function DateTimeField({ className, mode, value, onChange, start, end, opensAt }: DateTimeFieldProps) {
  const t = useT()
  const shown = !value ? t('form.choose') : mode === 'date' ? `${value} ${t(`form.weekday.${weekdayOf(value)}` as 'form.weekday.0')}` : value
  return (
    // textProps words the h5 picker's own buttons (WeChat's native picker uses the phone's language).
    <Picker mode={mode} value={value || opensAt || ''} start={start} end={end} textProps={{ okText: t('common.confirm'), cancelText: t('common.cancel') }} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`fq-picker ${className}${value ? '' : ' is-empty'}`} role="button">
        {shown}
      </View>
    </Picker>
  )
}
