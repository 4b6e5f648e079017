// The admin subpackage's catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { adminMnMong } from './mn-Mong'
import { adminZhHans, type AdminMessageKey } from './zh-Hans'

export type { AdminMessageKey }
export const adminCatalog: Catalog<AdminMessageKey> = { zh: adminZhHans, mn: adminMnMong }
export const useAdminT = () => useCatalogT(adminCatalog)
