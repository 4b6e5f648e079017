// The station dashboard's catalog and its translate hook.
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { dashboardMnMong } from './mn-Mong'
import { dashboardZhHans, type DashboardMessageKey } from './zh-Hans'

export type { DashboardMessageKey }
export const dashboardCatalog: Catalog<DashboardMessageKey> = { zh: dashboardZhHans, mn: dashboardMnMong }
export const useDashboardT = () => useCatalogT(dashboardCatalog)
