// A refused mediation action in the resident's words: by the backend's `details.why` when the
// catalog words it, else by the error code.
import type { CloudCallError } from '../../services/cloud'
import { retryTimeOf } from '../../services/retry-time'
import { errorMessageKeyIn, type CatalogTranslate } from '../../services/use-catalog-t'
import { mediationCatalog, type MediationMessageKey } from './i18n'

const isMediationKey = (key: string): key is MediationMessageKey => Object.prototype.hasOwnProperty.call(mediationCatalog.zh, key)

export function refusalMessage(t: CatalogTranslate<MediationMessageKey>, error: CloudCallError): string {
  const key = `mediation.why.${String(error.details?.why)}`
  if (isMediationKey(key)) return t(key, retryTimeOf(error))
  return t(errorMessageKeyIn(mediationCatalog, error, 'mediation'))
}
