// Who the appointment or visit is for: oneself or a family member, name, mobile and optionally the
// identity number (stored encrypted by the backend; only its masked form comes back). Each field
// is labelled and refused on its own, with a message that names it and says what is expected.
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FormField, mobileFieldMessage, textFieldMessage } from '../../components/form-field'
import { idNumberProblem, normalizeIdNumber } from '../../core/booking/id-number'
import { isLegalName } from '../../core/person-name'
import type { CloudCallError } from '../../services/cloud'
import type { CatalogTranslate } from '../../services/use-catalog-t'
import * as z from 'zod/mini'
import { Language } from '../../core/ids'
import { useBookingT, type BookingMessageKey } from './i18n'

export interface PersonDraft {
  relation: 'self' | 'family'
  name: string
  phone: string
  idNumber: string
}

export type PersonField = 'name' | 'phone' | 'idNumber'
export type PersonErrors = Partial<Record<PersonField, string>>

const NAME_MAX = 32

export const PersonDraftSchema = z.object({ relation: z.enum(['self', 'family']), name: z.string(), phone: z.string(), idNumber: z.string() })

/** The booking form as kept on the device (services/drafts.ts); read back with this schema. */
export const BookingDraft = z.object({
  serviceId: z.nullable(z.string()),
  counterLanguage: Language,
  slot: z.nullable(z.object({ id: z.string(), localDate: z.string(), localTime: z.string(), counterName: z.string() })),
  person: PersonDraftSchema,
})
export type BookingDraft = z.infer<typeof BookingDraft>

/** An identity number is never written to the device: it is typed again after a reload (docs/offline.md). */
export const keepOnDevice = <T extends { person: PersonDraft }>(draft: T): T => ({ ...draft, person: { ...draft.person, idNumber: '' } })

export const emptyPerson = (name = ''): PersonDraft => ({ relation: 'self', name, phone: '', idNumber: '' })

/** Every field's problem at once, in the resident's words; empty when the person can be sent. */
export function personErrors(t: CatalogTranslate<BookingMessageKey>, person: PersonDraft): PersonErrors {
  const errors: PersonErrors = {}
  const name = textFieldMessage(t, t('booking.form.name'), person.name, { required: true, max: NAME_MAX })
  if (name) errors.name = name
  else if (!isLegalName(person.name.trim())) errors.name = t('form.nameCharacters', { field: t('booking.form.name') })
  const phone = mobileFieldMessage(t, t('booking.form.phone'), person.phone)
  if (phone) errors.phone = phone
  const id = normalizeIdNumber(person.idNumber)
  const idProblem = id ? idNumberProblem(id) : null
  if (idProblem) errors.idNumber = t(`booking.form.idNumber.${idProblem}`)
  return errors
}

/** A refusal from the backend that names an applicant field (INVALID_ARGUMENT issues), placed on that field. */
export function personErrorsFromRefusal(t: CatalogTranslate<BookingMessageKey>, error: CloudCallError, root: 'applicant' | 'person'): PersonErrors {
  const errors: PersonErrors = {}
  for (const issue of error.issues ?? []) {
    const [first, field] = issue.path
    if (first !== root) continue
    if (field === 'name') errors.name = t('form.nameCharacters', { field: t('booking.form.name') })
    if (field === 'phone') errors.phone = t('form.mobileInvalid', { field: t('booking.form.phone') })
    if (field === 'idNumber') errors.idNumber = t('booking.form.idNumber.format')
  }
  return errors
}

/** The applicant as the contract takes it: the identity number only when given. */
export const personInput = (person: PersonDraft) => ({
  relation: person.relation,
  name: person.name.trim(),
  phone: person.phone.trim(),
  ...(person.idNumber.trim() ? { idNumber: normalizeIdNumber(person.idNumber) } : {}),
})

export interface PersonFieldsProps {
  value: PersonDraft
  errors: PersonErrors
  onChange: (next: PersonDraft, edited: PersonField | 'relation') => void
}

export function PersonFields({ value, errors, onChange }: PersonFieldsProps) {
  const t = useBookingT()
  const set = (field: PersonField | 'relation', patch: Partial<PersonDraft>) => onChange({ ...value, ...patch }, field)
  return (
    <View className="booking-person">
      <View className="fq-actions">
        <Button className="booking-relation-self" type={value.relation === 'self' ? 'primary' : 'default'} onClick={() => set('relation', { relation: 'self' })}>
          {t('booking.form.self')}
        </Button>
        <Button className="booking-relation-family" type={value.relation === 'family' ? 'primary' : 'default'} onClick={() => set('relation', { relation: 'family' })}>
          {t('booking.form.family')}
        </Button>
      </View>
      <FormField className="booking-field-name" label={t('booking.form.name')} hint={t('booking.form.nameHint')} required error={errors.name}>
        <Input className="booking-name" value={value.name} onChange={(name) => set('name', { name })} />
      </FormField>
      <FormField className="booking-field-phone" label={t('booking.form.phone')} required error={errors.phone}>
        <Input className="booking-phone" type="text" value={value.phone} onChange={(phone) => set('phone', { phone })} />
      </FormField>
      <FormField className="booking-field-id-number" label={t('booking.form.idNumber')} hint={t('booking.form.idNumberHint')} error={errors.idNumber}>
        <Input className="booking-id-number" type="idcard" value={value.idNumber} onChange={(idNumber) => set('idNumber', { idNumber })} />
      </FormField>
    </View>
  )
}
