// The mediation workbench's catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { caseworkMnMong } from './mn-Mong'
import { caseworkZhHans, type CaseworkMessageKey } from './zh-Hans'

export type { CaseworkMessageKey }
export const caseworkCatalog: Catalog<CaseworkMessageKey> = { zh: caseworkZhHans, mn: caseworkMnMong }
export const useCaseworkT = () => useCatalogT(caseworkCatalog)
