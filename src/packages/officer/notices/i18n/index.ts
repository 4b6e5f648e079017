// The officer notice screens' catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { officerNoticesMnMong } from './mn-Mong'
import { officerNoticesZhHans, type OfficerNoticesMessageKey } from './zh-Hans'

export type { OfficerNoticesMessageKey }
export const officerNoticesCatalog: Catalog<OfficerNoticesMessageKey> = { zh: officerNoticesZhHans, mn: officerNoticesMnMong }
export const useOfficerNoticesT = () => useCatalogT(officerNoticesCatalog)
