// The small shapes a jurisdiction's public views share with the import document. Kept apart from
// ./schema.ts so that screens (which only show names, phones and places) do not bundle the whole
// document schema with its geometry checks.
import * as z from 'zod'
import { ShortText } from '../ids'

export const LocalizedName = z.strictObject({
  zh: ShortText(64),
  // Traditional Mongolian spells long: vowel separators and variation selectors count as characters.
  mn: ShortText(128).optional(),
})
export type LocalizedName = z.infer<typeof LocalizedName>

export const Phone = z.string().trim().regex(/^[0-9+\-() ]{3,24}$/, 'must be a phone number of digits, spaces, +, - or brackets')

export const Longitude = z.number().min(-180, 'longitude must be between -180 and 180').max(180, 'longitude must be between -180 and 180')
export const Latitude = z.number().min(-90, 'latitude must be between -90 and 90').max(90, 'latitude must be between -90 and 90')

export const JointPanelMember = z.strictObject({
  kind: z.enum(['community_committee', 'judicial_office', 'town_government']),
  name: LocalizedName,
  phone: Phone.optional(),
})
export type JointPanelMember = z.infer<typeof JointPanelMember>
