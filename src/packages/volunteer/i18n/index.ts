// The volunteer subpackage's catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { volunteerMnMong } from './mn-Mong'
import { volunteerZhHans, type VolunteerMessageKey } from './zh-Hans'

export type { VolunteerMessageKey }

export const volunteerCatalog: Catalog<VolunteerMessageKey> = { zh: volunteerZhHans, mn: volunteerMnMong }
export const useVolunteerT = () => useCatalogT(volunteerCatalog)
