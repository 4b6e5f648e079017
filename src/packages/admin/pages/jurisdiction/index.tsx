// Admin: the jurisdiction. Whose document it is (the bureau admin's whole bureau, a station admin's
// own station) and what they may do with it; the current version on a map (the communities
// exported, their officers, and the remote gacha that have no surveyed boundary), importing a new
// version from a file, exporting the current one, and the version history with rollback.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import * as z from 'zod/mini'
import { DocId } from '../../../../core/ids'
import { jurisdictionContract, type JurisdictionExport } from '../../../../core/jurisdiction/contract'
import { Boundary, LocalizedName } from '../../../../core/jurisdiction/schema'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call, CloudCallError } from '../../../../services/cloud'
import { useSession } from '../../../../services/session'
import { useRemote } from '../../../../services/use-remote'
import { AuditEntry } from '../../audit-entry'
import { useAdminT } from '../../i18n'
import './jurisdiction.css'
import { ImportCard } from './import-card'
import { JurisdictionMap } from './jurisdiction-map'
import { formatBytes, handOutJson } from './json-file'
import { VersionsCard } from './versions-card'

const MapOfficer = z.object({ id: DocId, name: z.string() })
const MapStation = z.object({
  communities: z.array(
    z.object({ id: DocId, kind: z.enum(['community', 'gacha']), name: LocalizedName, officerId: DocId, boundary: z.nullable(Boundary), aliases: z.array(z.string()) }),
  ),
  officers: z.array(MapOfficer),
})
/**
 * What the map reads from the export (the cloud validated all of it on import): bureau staff get
 * the bureau document, every station's communities on one map with the stations' officers and
 * the bureau staff; a station's admin gets their station's document, their communities only.
 */
const MapDocument = z.union([
  z.pipe(
    z.object({ stations: z.array(MapStation), officers: z.array(MapOfficer) }),
    z.transform((bureau) => ({ communities: bureau.stations.flatMap((s) => s.communities), officers: [...bureau.stations.flatMap((s) => s.officers), ...bureau.officers] })),
  ),
  MapStation,
])

async function loadCurrent() {
  const exported = await call(jurisdictionContract, 'exportJurisdiction', {})
  const parsed = MapDocument.safeParse(exported.document)
  if (!parsed.success) throw new CloudCallError('INTERNAL', 'The current jurisdiction document cannot be drawn.')
  return { ...exported, map: parsed.data }
}
const loadVersions = () => call(jurisdictionContract, 'listJurisdictionVersions', {})

function ExportCard({ version, document }: { version: number; document: unknown }) {
  const t = useAdminT()
  const toast = usePageToast()
  const exportIt = async () => {
    const text = JSON.stringify(document, null, 2)
    const name = `jurisdiction-v${version}.json`
    try {
      const how = await handOutJson(name, text)
      toast(how === 'saved' ? t('jurisdiction.export.saved', { name }) : t('jurisdiction.export.copied', { size: formatBytes(text.length) }))
    } catch {
      toast(t('jurisdiction.export.failed'))
    }
  }
  return (
    <SectionCard className="jurisdiction-export" title={t('jurisdiction.export.title')}>
      <View className="fq-text">{t('jurisdiction.export.hint')}</View>
      <View className="fq-actions">
        <Button className="jurisdiction-export-action" type="primary" onClick={() => void exportIt()}>
          {t('jurisdiction.export.action')}
        </Button>
      </View>
    </SectionCard>
  )
}

/**
 * Whose document this is and what the caller may do with it, said before anything else: a
 * station's admin looks at, exports and imports their station's document only and cannot roll
 * back; the bureau admin works on the whole bureau and any station's document (docs/bureau.md).
 */
function ScopeCard({ exported }: { exported: Pick<JurisdictionExport, 'scope' | 'stationId' | 'bureau'> }) {
  const t = useAdminT()
  const { language } = useSession()
  const station = exported.bureau.stations.find((s) => s.id === exported.stationId)
  const bureauName = localizedName(exported.bureau.name, language)
  return exported.scope === 'station' ? (
    <SectionCard className="jurisdiction-scope jurisdiction-scope-station" title={t('jurisdiction.scope.stationTitle', { station: station ? localizedName(station.name, language) : (exported.stationId ?? '') })} tone="police">
      <View className="fq-muted">{t('jurisdiction.scope.ofBureau', { bureau: bureauName })}</View>
      <View className="fq-text">{t('jurisdiction.scope.stationBody')}</View>
    </SectionCard>
  ) : (
    <SectionCard className="jurisdiction-scope jurisdiction-scope-bureau" title={t('jurisdiction.scope.bureauTitle', { bureau: bureauName })} tone="police">
      <View className="fq-text">{t('jurisdiction.scope.bureauBody')}</View>
    </SectionCard>
  )
}

function JurisdictionScreen({ canRollBack }: { canRollBack: boolean }) {
  const current = useRemote(loadCurrent)
  const versions = useRemote(loadVersions)
  // After an import or a rollback the map and the history both change.
  const changed = () => {
    void current.reload()
    void versions.reload()
  }
  return (
    <>
      {current.state.status === 'loading' ? <LoadingView /> : null}
      {current.state.status === 'error' ? <ErrorView error={current.state.error} onRetry={() => void current.reload({ showLoading: true })} /> : null}
      {current.state.status === 'ready' ? <ScopeCard exported={current.state.data} /> : null}
      {current.state.status === 'ready' ? (
        <JurisdictionMap
          communities={current.state.data.map.communities}
          officers={current.state.data.map.officers}
          version={current.state.data.version}
          importedAt={current.state.data.importedAt}
        />
      ) : null}
      <ImportCard onImported={changed} />
      {current.state.status === 'ready' ? <ExportCard version={current.state.data.version} document={current.state.data.document} /> : null}
      <VersionsCard canRollBack={canRollBack} versions={versions.state} onRetry={() => void versions.reload({ showLoading: true })} onRolledBack={changed} />
      <AuditEntry />
    </>
  )
}

export default function AdminJurisdictionPage() {
  const t = useAdminT()
  return (
    <PageShell name="admin-jurisdiction" title={t('jurisdiction.title')}>
      {/* Rolling back changes every station: the bureau admin's (docs/bureau.md). */}
      <SessionGate roles={['admin', 'bureau_admin']}>{(profile) => <JurisdictionScreen canRollBack={profile.roles.includes('bureau_admin')} />}</SessionGate>
    </PageShell>
  )
}
