// The notices subpackage's catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../i18n'
import { useCatalogT } from '../../../services/use-catalog-t'
import { noticesMnMong } from './mn-Mong'
import { noticesZhHans, type NoticesMessageKey } from './zh-Hans'

export type { NoticesMessageKey }
export const noticesCatalog: Catalog<NoticesMessageKey> = { zh: noticesZhHans, mn: noticesMnMong }
export const useNoticesT = () => useCatalogT(noticesCatalog)
