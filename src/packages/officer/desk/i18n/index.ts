// The counter desk's catalog and its translate hook (app keys remain available beside it).
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { counterMnMong } from './mn-Mong'
import { counterZhHans, type CounterMessageKey } from './zh-Hans'

export type { CounterMessageKey }
export const counterCatalog: Catalog<CounterMessageKey> = { zh: counterZhHans, mn: counterMnMong }
export const useCounterT = () => useCatalogT(counterCatalog)
