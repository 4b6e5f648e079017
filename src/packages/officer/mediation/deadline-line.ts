// What a case's deadline line says: the deadline that applies, "close it" once settled or not
// settled (nothing is due, the officer still has to close), and nothing once closed or withdrawn.
import type { CaseSummary } from '../../../core/mediation/contract'
import { formatStationTime } from '../../../services/station-time'
import type { CatalogTranslate } from '../../../services/use-catalog-t'
import type { CaseworkMessageKey } from './i18n'

export function deadlineLine(t: CatalogTranslate<CaseworkMessageKey>, item: Pick<CaseSummary, 'status' | 'deadlineAt' | 'deadlineKind'>): string {
  if (item.deadlineAt && item.deadlineKind) return t(`casework.deadline.${item.deadlineKind}`, { time: formatStationTime(item.deadlineAt) })
  return item.status === 'settled' || item.status === 'not_settled' ? t('casework.noDeadline') : ''
}
