// The small shapes a jurisdiction's public views share with the import document. Kept apart from
// ./schema.ts so that screens (which only show names, phones and places) do not bundle the whole
// document schema with its geometry checks.
import * as z from 'zod/mini'
import { ShortText } from '../ids'

export const LocalizedName = z.strictObject({
  zh: ShortText(64),
  // Traditional Mongolian spells long: vowel separators and variation selectors count as characters.
  mn: z.optional(ShortText(128)),
})
export type LocalizedName = z.infer<typeof LocalizedName>

export const Phone = z.string().check(z.trim(), z.regex(/^[0-9+\-() ]{3,24}$/, 'must be a phone number of digits, spaces, +, - or brackets'))

export const Longitude = z.number().check(z.gte(-180, 'longitude must be between -180 and 180'), z.lte(180, 'longitude must be between -180 and 180'))
export const Latitude = z.number().check(z.gte(-90, 'latitude must be between -90 and 90'), z.lte(90, 'latitude must be between -90 and 90'))

export const JointPanelMember = z.strictObject({
  kind: z.enum(['community_committee', 'judicial_office', 'town_government']),
  name: LocalizedName,
  phone: z.optional(Phone),
})
export type JointPanelMember = z.infer<typeof JointPanelMember>
