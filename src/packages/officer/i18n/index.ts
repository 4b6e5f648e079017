// The officer subpackage's catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { officerMnMong } from './mn-Mong'
import { officerZhHans, type OfficerMessageKey } from './zh-Hans'

export type { OfficerMessageKey }
export const officerCatalog: Catalog<OfficerMessageKey> = { zh: officerZhHans, mn: officerMnMong }
export const useOfficerT = () => useCatalogT(officerCatalog)
