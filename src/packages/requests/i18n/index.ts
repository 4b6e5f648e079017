// The residents' requests screens' catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { requestsMnMong } from './mn-Mong'
import { requestsZhHans, type RequestsMessageKey } from './zh-Hans'

export type { RequestsMessageKey }
export const requestsCatalog: Catalog<RequestsMessageKey> = { zh: requestsZhHans, mn: requestsMnMong }
export const useRequestsT = () => useCatalogT(requestsCatalog)
