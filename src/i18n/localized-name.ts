// Place names carry Chinese and, where the admin gave one, traditional Mongolian. Mongolian
// readers see the Mongolian name when there is one, the Chinese name otherwise.
import type { Language } from '../core/ids'

export interface LocalizedText {
  zh: string
  mn?: string
}

export const localizedName = (name: LocalizedText, language: Language): string => (language === 'mn' && name.mn ? name.mn : name.zh)
