// How personal data is shown to someone who does not own it: masked, with only enough left to
// tell two records apart on a call or at the counter. Staff see the whole value only through an
// explicit, audited reveal (cloudfunctions/_shared/personal-data.ts › reveal).

/** `138****5678`: a Chinese mobile keeps its network prefix and last four digits; any other number only its last four. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  return `${'*'.repeat(Math.max(digits.length - 4, 4))}${digits.slice(-4)}`
}

/**
 * `1502**********1234`: the first four characters name only the province and city (GB 11643's
 * region code), never the birth date (characters 7–14), which stays hidden.
 */
export const maskIdNumber = (idNumber: string) => `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(-4)}`

/** The normalised form an exact-match lookup hashes: digits only for phones (the +86 prefix dropped), upper case for ID numbers. */
export const phoneLookupForm = (phone: string) => phone.replace(/\D/g, '').replace(/^(86|0086)(1[3-9]\d{9})$/, '$2')
export const idNumberLookupForm = (idNumber: string) => idNumber.replace(/\s+/g, '').toUpperCase()
