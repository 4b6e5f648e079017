// The catalog of personal data on officers' screens and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { privacyMnMong } from './mn-Mong'
import { privacyZhHans, type PrivacyMessageKey } from './zh-Hans'

export type { PrivacyMessageKey }
export const privacyCatalog: Catalog<PrivacyMessageKey> = { zh: privacyZhHans, mn: privacyMnMong }
export const usePrivacyT = () => useCatalogT(privacyCatalog)
