// The resident mediation screens' catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { mediationMnMong } from './mn-Mong'
import { mediationZhHans, type MediationMessageKey } from './zh-Hans'

export type { MediationMessageKey }
export const mediationCatalog: Catalog<MediationMessageKey> = { zh: mediationZhHans, mn: mediationMnMong }
export const useMediationT = () => useCatalogT(mediationCatalog)
