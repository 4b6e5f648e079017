// The booking screens' catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { bookingMnMong } from './mn-Mong'
import { bookingZhHans, type BookingMessageKey } from './zh-Hans'

export type { BookingMessageKey }
export const bookingCatalog: Catalog<BookingMessageKey> = { zh: bookingZhHans, mn: bookingMnMong }
export const useBookingT = () => useCatalogT(bookingCatalog)
