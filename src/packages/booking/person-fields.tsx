// Who the appointment or visit is for: oneself or a family member, name, mobile and optionally the
// identity number (stored encrypted by the backend; only its masked form comes back).
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import * as z from 'zod'
import { Language } from '../../core/ids'
import { useBookingT } from './i18n'

export interface PersonDraft {
  relation: 'self' | 'family'
  name: string
  phone: string
  idNumber: string
}

export const PersonDraftSchema = z.object({ relation: z.enum(['self', 'family']), name: z.string(), phone: z.string(), idNumber: z.string() })

/** The booking form as kept on the device (services/drafts.ts); read back with this schema. */
export const BookingDraft = z.object({
  serviceId: z.string().nullable(),
  counterLanguage: Language,
  slot: z.object({ id: z.string(), localDate: z.string(), localTime: z.string(), counterName: z.string() }).nullable(),
  person: PersonDraftSchema,
})
export type BookingDraft = z.infer<typeof BookingDraft>

/** An identity number is never written to the device: it is typed again after a reload (docs/offline.md). */
export const keepOnDevice = <T extends { person: PersonDraft }>(draft: T): T => ({ ...draft, person: { ...draft.person, idNumber: '' } })

export const emptyPerson = (name = ''): PersonDraft => ({ relation: 'self', name, phone: '', idNumber: '' })

/** The first problem a resident can fix before sending, as a catalog key; null when fine. */
export function personProblem(person: PersonDraft): 'booking.form.nameMissing' | 'booking.form.phoneInvalid' | null {
  if (!person.name.trim()) return 'booking.form.nameMissing'
  if (!/^1\d{10}$/.test(person.phone.trim())) return 'booking.form.phoneInvalid'
  return null
}

/** The applicant as the contract takes it: the identity number only when given. */
export const personInput = (person: PersonDraft) => ({
  relation: person.relation,
  name: person.name.trim(),
  phone: person.phone.trim(),
  ...(person.idNumber.trim() ? { idNumber: person.idNumber.trim().toUpperCase() } : {}),
})

export interface PersonFieldsProps {
  value: PersonDraft
  onChange: (next: PersonDraft) => void
}

export function PersonFields({ value, onChange }: PersonFieldsProps) {
  const t = useBookingT()
  const set = (patch: Partial<PersonDraft>) => onChange({ ...value, ...patch })
  return (
    <View className="booking-person">
      <View className="fq-actions">
        <Button className="booking-relation-self" type={value.relation === 'self' ? 'primary' : 'default'} onClick={() => set({ relation: 'self' })}>
          {t('booking.form.self')}
        </Button>
        <Button className="booking-relation-family" type={value.relation === 'family' ? 'primary' : 'default'} onClick={() => set({ relation: 'family' })}>
          {t('booking.form.family')}
        </Button>
      </View>
      <View className="fq-muted">{t('booking.form.name')}</View>
      <View className="fq-horizontal">
        <Input className="booking-name" placeholder={t('booking.form.name')} value={value.name} maxLength={32} onChange={(name) => set({ name })} />
      </View>
      <View className="fq-muted">{t('booking.form.phone')}</View>
      <View className="fq-horizontal">
        <Input className="booking-phone" type="number" placeholder={t('booking.form.phone')} value={value.phone} maxLength={11} onChange={(phone) => set({ phone })} />
      </View>
      <View className="fq-muted">{t('booking.form.idNumber')}</View>
      <View className="fq-horizontal">
        <Input className="booking-id-number" type="idcard" placeholder={t('booking.form.idNumber')} value={value.idNumber} maxLength={18} onChange={(idNumber) => set({ idNumber })} />
      </View>
      <View className="fq-muted fq-note">{t('booking.form.idNumberHint')}</View>
    </View>
  )
}
