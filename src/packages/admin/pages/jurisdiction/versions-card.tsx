// Every imported version, newest first, the current one marked; the bureau admin can make any
// other current again after a confirmation that says what changes.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { OutputOf } from '../../../../core/contract'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { asCloudError } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import type { Remote } from '../../../../services/use-remote'
import { adminCatalog, useAdminT } from '../../i18n'

export type JurisdictionVersion = OutputOf<typeof jurisdictionContract, 'listJurisdictionVersions'>[number]

export interface VersionsCardProps {
  /** Only the bureau admin rolls back: an earlier version changes every station's section. */
  canRollBack: boolean
  versions: Remote<JurisdictionVersion[]>
  onRetry: () => void
  onRolledBack: () => void
}

export function VersionsCard({ canRollBack, versions, onRetry, onRolledBack }: VersionsCardProps) {
  const t = useAdminT()
  const toast = usePageToast()
  const [asked, setAsked] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)

  const rollback = async (version: number) => {
    setBusy(true)
    try {
      const result = await call(jurisdictionContract, 'rollbackJurisdiction', { version })
      toast(t('jurisdiction.rollback.done', { version: result.version }))
      setAsked(null)
      onRolledBack()
    } catch (err) {
      toast(t(errorMessageKeyIn(adminCatalog, asCloudError(err), 'jurisdiction.rollback')))
    } finally {
      setBusy(false)
    }
  }

  if (versions.status === 'loading') return <LoadingView />
  if (versions.status === 'error') return <ErrorView error={versions.error} onRetry={onRetry} />
  return (
    <SectionCard className="jurisdiction-versions" title={t('jurisdiction.versions.title')}>
      {versions.data.map((v) => (
        <View key={v.version} className={`fq-list-item jurisdiction-version jurisdiction-version-${v.version} ${v.current ? 'is-current' : ''}`}>
          <View className="fq-tags">
            <View className="jurisdiction-version-name">{t('jurisdiction.versions.item', { version: v.version })}</View>
            {v.current ? (
              <Tag className="fq-tag jurisdiction-version-current" type="primary">
                {t('jurisdiction.versions.current')}
              </Tag>
            ) : null}
          </View>
          <View className="fq-muted">{t('jurisdiction.versions.meta', { time: formatStationTime(v.importedAt), by: v.importedBy })}</View>
          <View className="fq-muted">{t('jurisdiction.versions.counts', { communities: v.communities, officers: v.officers })}</View>
          {v.current || !canRollBack ? null : (
            <View className="fq-actions">
              <Button className="jurisdiction-version-rollback" onClick={() => setAsked(v.version)}>
                {t('jurisdiction.versions.rollback')}
              </Button>
            </View>
          )}
        </View>
      ))}
      {asked !== null ? (
        <ConfirmDialog
          className="jurisdiction-rollback-confirm"
          title={t('jurisdiction.rollback.title', { version: asked })}
          confirmLabel={t('jurisdiction.rollback.confirm')}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onConfirm={() => void rollback(asked)}
          onCancel={() => setAsked(null)}
        >
          {t('jurisdiction.rollback.body', { version: asked })}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}
