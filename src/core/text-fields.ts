// Checks of what a person typed into a form, before it is sent: shared by every form so that a
// limit is counted the same way and a slip is named the same way everywhere.

/** Counted as a person sees them: an emoji or a Mongolian letter with its variation selector is one. */
export const charCount = (value: string) => Array.from(value).length

export type TextProblem = 'missing' | 'tooLong' | null

/** What is wrong with a text field's value, before sending. */
export function textProblem(value: string, rule: { required?: boolean; max: number }): TextProblem {
  if (rule.required && !value.trim()) return 'missing'
  if (charCount(value.trim()) > rule.max) return 'tooLong'
  return null
}

/** Typed into a phone field: digits (and, for landlines, + - spaces) only, kept as typed so a slip shows. */
export const hasNonPhoneCharacters = (value: string) => /[^0-9+\- ]/.test(value)
