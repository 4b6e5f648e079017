// The way from the admins' screens to the audit log: a station's admin searches their station's
// entries, the bureau admin every station's (account.searchAudit decides; the page is the leaders').
import { EntryCard } from '../../components/entry-card'
import { useAdminT } from './i18n'

const AUDIT_PAGE = '/packages/officer/pages/audit/index'

export function AuditEntry() {
  const t = useAdminT()
  return <EntryCard className="admin-open-audit" title={t('admin.audit.title')} description={t('admin.audit.body')} actionLabel={t('admin.audit.action')} url={AUDIT_PAGE} />
}
