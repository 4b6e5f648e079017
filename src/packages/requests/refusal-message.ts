// A refused requests action in the resident's words: by the backend's `details.why` when the
// catalog words it, else by the error code.
import type { CloudCallError } from '../../services/cloud'
import { retryTimeOf } from '../../services/retry-time'
import { errorMessageKeyIn, type CatalogTranslate } from '../../services/use-catalog-t'
import { requestsCatalog, type RequestsMessageKey } from './i18n'

const isRequestsKey = (key: string): key is RequestsMessageKey => Object.prototype.hasOwnProperty.call(requestsCatalog.zh, key)

export function refusalMessage(t: CatalogTranslate<RequestsMessageKey>, error: CloudCallError): string {
  const key = `rq.why.${String(error.details?.why)}`
  if (isRequestsKey(key)) return t(key, retryTimeOf(error))
  return t(errorMessageKeyIn(requestsCatalog, error, 'rq'))
}
