// Message lookup for both catalogs. `{name}` placeholders are filled from params.
import type { Language } from '../core/ids'
import { zhHans, type MessageKey } from './zh-Hans'
import { mnMong } from './mn-Mong'

export type { MessageKey }
export type MessageParams = Record<string, string | number>

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = language === 'mn' ? mnMong[key].text : zhHans[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** Keys whose Mongolian text still waits for a native speaker's review. */
export const unreviewedMongolianKeys = (): MessageKey[] =>
  (Object.keys(mnMong) as MessageKey[]).filter((key) => !mnMong[key].reviewed)
