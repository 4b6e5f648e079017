// The translation hook for components: `t(key, params)` in the session's current language, and
// the localized message for a failed cloud call (never its stack or raw server text).
import { useCallback } from 'react'
import { translate, type MessageKey, type MessageParams } from '../i18n'
import { zhHans } from '../i18n/zh-Hans'
import type { CloudCallError } from './cloud'
import { useSession } from './session'

export type Translate = (key: MessageKey, params?: MessageParams) => string

export function useT(): Translate {
  const { language } = useSession()
  return useCallback((key: MessageKey, params?: MessageParams) => translate(language, key, params), [language])
}

const isMessageKey = (key: string): key is MessageKey => key in zhHans

/**
 * The message key for an error: a screen may word a code for its own context
 * (`<context>.error.<CODE>`, e.g. an invite that expired); otherwise the general `error.<CODE>`.
 */
export function errorMessageKey(error: Pick<CloudCallError, 'code'>, context?: string): MessageKey {
  const specific = context ? `${context}.error.${error.code}` : ''
  return isMessageKey(specific) ? specific : `error.${error.code}`
}
