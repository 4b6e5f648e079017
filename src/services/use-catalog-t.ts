// Translation for subpackage screens: their own catalog (packages/<role>/i18n) first, every app
// key beside it. Only subpackages import this module, so the build leaves it out of the main package.
import { useCallback } from 'react'
import { fill, translate, type Catalog, type MessageKey, type MessageParams } from '../i18n'
import type { Language } from '../core/ids'
import type { CloudCallError } from './cloud'
import { useSession } from './session'
import { errorMessageKey } from './use-t'

export type CatalogTranslate<K extends string> = (key: K | MessageKey, params?: MessageParams) => string

function isCatalogKey<K extends string>(catalog: Catalog<K>, key: string): key is K {
  return Object.prototype.hasOwnProperty.call(catalog.zh, key)
}

export function translateIn<K extends string>(catalog: Catalog<K>, language: Language, key: K, params?: MessageParams): string {
  return fill(language === 'mn' ? catalog.mn[key].text : catalog.zh[key], params)
}

export function useCatalogT<K extends string>(catalog: Catalog<K>): CatalogTranslate<K> {
  const { language } = useSession()
  return useCallback(
    (key: K | MessageKey, params?: MessageParams) => (isCatalogKey(catalog, key) ? translateIn(catalog, language, key, params) : translate(language, key, params)),
    [catalog, language],
  )
}

/** errorMessageKey for a subpackage: its own catalog may word a code for a context too. */
export function errorMessageKeyIn<K extends string>(catalog: Catalog<K>, error: Pick<CloudCallError, 'code'>, context?: string): K | MessageKey {
  const specific = context ? `${context}.error.${error.code}` : ''
  return isCatalogKey(catalog, specific) ? specific : errorMessageKey(error, context)
}
