// A refused booking action in the resident's words: by the backend's `details.why` when the
// catalog words it, else by the error code (STYLE.md › Strings are never hard-coded in UI).
import type { CloudCallError } from '../../services/cloud'
import { retryTimeOf } from '../../services/retry-time'
import { errorMessageKeyIn, type CatalogTranslate } from '../../services/use-catalog-t'
import { bookingCatalog, type BookingMessageKey } from './i18n'

const isBookingKey = (key: string): key is BookingMessageKey => Object.prototype.hasOwnProperty.call(bookingCatalog.zh, key)

export function refusalMessage(t: CatalogTranslate<BookingMessageKey>, error: CloudCallError): string {
  const why = error.details?.why
  const key = `booking.why.${String(why)}`
  if (typeof why === 'string' && isBookingKey(key)) return t(key, retryTimeOf(error))
  return t(errorMessageKeyIn(bookingCatalog, error))
}
