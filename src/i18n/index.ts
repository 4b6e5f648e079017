// Message lookup. `{name}` placeholders are filled from params.
// The app catalogs (zh-Hans.ts, mn-Mong.ts) hold what the main package shows; a subpackage keeps
// the strings only its own screens show in a catalog of its own (packages/<role>/i18n), so the
// residents' main package does not carry the officers' and admins' words in two scripts.
import type { Language } from '../core/ids'
import { zhHans, type MessageKey } from './zh-Hans'
import { mnMong, type MongolianEntry } from './mn-Mong'

export type { MessageKey, MongolianEntry }
export type MessageParams = Record<string, string | number>

/** A subpackage's catalog: the same keys in both languages, Mongolian marked reviewed or not. */
export interface Catalog<K extends string> {
  zh: Readonly<Record<K, string>>
  mn: Readonly<Record<K, MongolianEntry>>
}

export const fill = (template: string, params?: MessageParams) =>
  params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return fill(language === 'mn' ? mnMong[key].text : zhHans[key], params)
}

/** Keys whose Mongolian text still waits for a native speaker's review. */
export const unreviewedMongolianKeys = (): MessageKey[] =>
  (Object.keys(mnMong) as MessageKey[]).filter((key) => !mnMong[key].reviewed)
