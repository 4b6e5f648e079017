// The officers' inbox and request page catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { officerRequestsMnMong } from './mn-Mong'
import { officerRequestsZhHans, type OfficerRequestsMessageKey } from './zh-Hans'

export type { OfficerRequestsMessageKey }
export const officerRequestsCatalog: Catalog<OfficerRequestsMessageKey> = { zh: officerRequestsZhHans, mn: officerRequestsMnMong }
export const useOfficerRequestsT = () => useCatalogT(officerRequestsCatalog)
