// The leaders' audit-log search: who read or changed which record and when — every full phone
// number staff revealed, every case opened, residents' account deletions and the retention job's
// removals — filtered by actor, record, kind of data, action and period, 20 entries a page.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { accountFunctionContract, type AuditEntryView } from '../../../../core/privacy/contract'
import { dayjs, STATION_TIME_ZONE } from '../../../../core/time'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { asCloudError } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { privacyCatalog, usePrivacyT, type PrivacyMessageKey } from '../../privacy/i18n'
import '../../officer.css'

const COLLECTIONS = ['bookings', 'home_visits', 'mediation_cases', 'mediation_rectifications', 'volunteers', 'users', 'audit_log'] as const
const ACTIONS = ['read', 'reveal:applicant.phone', 'reveal:otherParty.phone', 'reveal:person.phone', 'reveal:phone', 'deleteMyAccount', 'pruneAuditLog'] as const
const PERIODS = ['today', '7d', '30d'] as const
type Period = (typeof PERIODS)[number] | null

/** The period's start, in the station's calendar (today = since local midnight). */
function periodFrom(period: Period): string | undefined {
  if (!period) return undefined
  const today = dayjs().tz(STATION_TIME_ZONE).startOf('day')
  return (period === 'today' ? today : today.subtract(period === '7d' ? 6 : 29, 'day')).toISOString()
}

interface Filters {
  actorOpenid: string
  recordId: string
  collection: string | null
  actionName: string | null
  period: Period
}

function Choices<V extends string>({ name, options, value, label, onChange }: { name: string; options: readonly V[]; value: V | null; label: (v: V) => string; onChange: (v: V | null) => void }) {
  const t = usePrivacyT()
  return (
    <View className={`fq-actions audit-choices audit-${name}`}>
      <Button size="small" type={value === null ? 'primary' : 'default'} onClick={() => onChange(null)}>
        {t('audit.any')}
      </Button>
      {options.map((option) => (
        <Button key={option} size="small" className={`audit-${name}-${option.replace(/[^a-z]/gi, '-')}`} type={value === option ? 'primary' : 'default'} onClick={() => onChange(option)}>
          {label(option)}
        </Button>
      ))}
    </View>
  )
}

function EntryRow({ entry }: { entry: AuditEntryView }) {
  const t = usePrivacyT()
  const known = (key: string): key is PrivacyMessageKey => Object.hasOwn(privacyCatalog.zh, key)
  const label = (prefix: string, value: string) => (known(`${prefix}.${value}`) ? t(`${prefix}.${value}` as PrivacyMessageKey) : value)
  const actor = entry.actorName ?? (entry.actorOpenid === 'system' ? t('audit.system') : entry.actorOpenid.startsWith('erased_') ? t('audit.resident') : entry.actorOpenid)
  return (
    <View className={`fq-list-item audit-entry audit-entry-${entry.id}`}>
      <View className="fq-option-name">{`${formatStationTime(entry.at)} · ${actor}`}</View>
      <View className="fq-text audit-entry-action">{`${label('audit.action', entry.action)} · ${label('audit.collection', entry.collection)}`}</View>
      <View className="fq-muted audit-entry-record">{entry.count !== null ? `${entry.recordId} · ${t('audit.count', { count: entry.count })}` : entry.recordId}</View>
    </View>
  )
}

function AuditSearch() {
  const t = usePrivacyT()
  const [filters, setFilters] = useState<Filters>({ actorOpenid: '', recordId: '', collection: null, actionName: null, period: '7d' })
  const [page, setPage] = useState(0)
  const [result, setResult] = useState<{ status: 'idle' | 'loading' } | { status: 'ready'; entries: AuditEntryView[]; hasMore: boolean; retentionDays: number } | { status: 'error'; message: string }>({ status: 'idle' })
  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }))
  const needsCollection = filters.recordId.trim() !== '' && !filters.collection

  const search = (to: number) => {
    if (needsCollection) return
    setPage(to)
    setResult({ status: 'loading' })
    const query = {
      ...(filters.actorOpenid.trim() ? { actorOpenid: filters.actorOpenid.trim() } : {}),
      ...(filters.recordId.trim() ? { recordId: filters.recordId.trim() } : {}),
      ...(filters.collection ? { collection: filters.collection } : {}),
      ...(filters.actionName ? { actionName: filters.actionName } : {}),
      ...(filters.period ? { from: periodFrom(filters.period) } : {}),
      page: to,
    }
    call(accountFunctionContract, 'searchAudit', query).then(
      (answer) => setResult({ status: 'ready', ...answer }),
      (err: unknown) => setResult({ status: 'error', message: t(errorMessageKeyIn(privacyCatalog, asCloudError(err), 'audit')) }),
    )
  }

  return (
    <>
      <SectionCard className="audit-filters" title={t('audit.filters')}>
        <View className="fq-muted">{t('audit.period')}</View>
        <Choices name="period" options={PERIODS} value={filters.period} label={(p) => t(`audit.period.${p}`)} onChange={(period) => set({ period })} />
        <View className="fq-muted">{t('audit.action')}</View>
        <Choices name="action" options={ACTIONS} value={filters.actionName as (typeof ACTIONS)[number] | null} label={(a) => t(`audit.action.${a}`)} onChange={(actionName) => set({ actionName })} />
        <View className="fq-muted">{t('audit.collection')}</View>
        <Choices name="collection" options={COLLECTIONS} value={filters.collection as (typeof COLLECTIONS)[number] | null} label={(c) => t(`audit.collection.${c}`)} onChange={(collection) => set({ collection })} />
        <View className="fq-horizontal">
          <Input className="audit-actor" placeholder={t('audit.actor')} value={filters.actorOpenid} maxLength={64} onChange={(actorOpenid) => set({ actorOpenid })} />
        </View>
        <View className="fq-horizontal">
          <Input className="audit-record" placeholder={t('audit.record')} value={filters.recordId} maxLength={64} onChange={(recordId) => set({ recordId })} />
        </View>
        {needsCollection ? <View className="fq-field-error">{t('audit.recordNeedsCollection')}</View> : null}
        <View className="fq-actions">
          <Button className="audit-search" type="primary" disabled={needsCollection} loading={result.status === 'loading'} onClick={() => search(0)}>
            {t('audit.search')}
          </Button>
        </View>
      </SectionCard>
      {result.status === 'loading' ? <LoadingView /> : null}
      {result.status === 'error' ? <View className="fq-notice is-warning audit-error">{result.message}</View> : null}
      {result.status === 'ready' && result.entries.length === 0 ? <EmptyView className="audit-empty" title={t('audit.title')} description={t('audit.empty')} /> : null}
      {result.status === 'ready' && result.entries.length > 0 ? (
        <SectionCard className="audit-results" title={t('audit.page', { page: page + 1 })}>
          {result.entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
          <View className="fq-actions">
            {page > 0 ? (
              <Button className="audit-previous" onClick={() => search(page - 1)}>
                {t('audit.previous')}
              </Button>
            ) : null}
            {result.hasMore ? (
              <Button className="audit-next" onClick={() => search(page + 1)}>
                {t('audit.next')}
              </Button>
            ) : null}
          </View>
        </SectionCard>
      ) : null}
      {result.status === 'ready' ? <View className="fq-muted fq-note audit-retention">{t('audit.retention', { days: result.retentionDays })}</View> : null}
    </>
  )
}

export default function AuditPage() {
  const t = usePrivacyT()
  return (
    <PageShell name="audit" title={t('audit.title')}>
      {/* A station's leaders and admins search their station's entries, the bureau's all (the function decides). */}
      <SessionGate roles={['station_leader', 'admin', 'bureau_leader', 'bureau_admin']}>{() => <AuditSearch />}</SessionGate>
    </PageShell>
  )
}
