// The residents' rights screens' catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { rightsMnMong } from './mn-Mong'
import { rightsZhHans, type RightsMessageKey } from './zh-Hans'

export type { RightsMessageKey }
export const rightsCatalog: Catalog<RightsMessageKey> = { zh: rightsZhHans, mn: rightsMnMong }
export const useRightsT = () => useCatalogT(rightsCatalog)
