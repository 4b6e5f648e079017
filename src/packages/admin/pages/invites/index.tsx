// Admin: the officer records, whether each is bound to a WeChat identity, and issuing a one-time
// invite code for the officer to redeem. A station's admin sees their station's officers and grants
// the station roles; the bureau admin sees every station's and the bureau's own staff, and may also
// grant a bureau role, offered only for the bureau's staff: inviteRefusal (src/core/account/invite.ts)
// refuses it for a station's officer, and the screen never offers what will be refused.
import { accountContract } from '../../../../core/account/contract'
import { jurisdictionContract } from '../../../../core/jurisdiction/contract'
import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Radio, Tag } from '@nutui/nutui-react-taro'
import type { OfficerSummary } from '../../../../core/account/contract'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call, type CloudCallError } from '../../../../services/cloud'
import { useAttemptKey } from '../../../../services/request-id'
import { asCloudError } from '../../../../services/session'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { localizedName, type LocalizedText } from '../../../../i18n/localized-name'
import { useSession } from '../../../../services/session'
import { adminCatalog, useAdminT } from '../../i18n'
import { AuditEntry } from '../../audit-entry'
import { IssuedInvite, type IssuedInviteProps } from './issued-invite'

type ListedOfficer = OfficerSummary & { bound: boolean; stationId: string | null }
type Officers = { status: 'loading' } | { status: 'error'; error: CloudCallError } | { status: 'ready'; officers: ListedOfficer[]; stations: Map<string, LocalizedText> }

/** The grants an admin can choose; whoever holds a leader's or a bureau role is always an officer too. */
const GRANTS = {
  officer: ['officer'],
  leader: ['officer', 'station_leader'],
  bureauLeader: ['officer', 'bureau_leader'],
  bureauAdmin: ['officer', 'bureau_admin'],
} as const
type Grant = keyof typeof GRANTS
const isGrant = (value: unknown): value is Grant => typeof value === 'string' && Object.hasOwn(GRANTS, value)

export interface OfficerInviteCardProps {
  officer: ListedOfficer
  /** The caller is the bureau admin: the officer's station is named, and the bureau's staff may get a bureau role. */
  bureauAdmin: boolean
  /** The officer's station's name (bureau admin only); null for the bureau's staff. */
  stationName: string | null
}

export function OfficerInviteCard({ officer, bureauAdmin, stationName }: OfficerInviteCardProps) {
  const t = useAdminT()
  const bureauStaff = officer.stationId === null
  const toast = usePageToast()
  const [choosing, setChoosing] = useState(false)
  const [grant, setGrant] = useState<Grant>('officer')
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<IssuedInviteProps | null>(null)
  const attempt = useAttemptKey()

  const issue = async () => {
    setBusy(true)
    try {
      const input = { officerId: officer.id, roles: [...GRANTS[grant]] }
      const invite = await call(accountContract, 'createInvite', { ...input, requestId: attempt.keyFor(input) })
      attempt.settled()
      setIssued({ code: invite.code, expiresAt: invite.expiresAt })
      setChoosing(false)
    } catch (err) {
      toast(t(errorMessageKeyIn(adminCatalog, asCloudError(err), 'admin.invite')))
    } finally {
      setBusy(false)
    }
  }

  return (
    <SectionCard className={`admin-officer admin-officer-${officer.id}`} title={officer.name}>
      <View className="fq-text">{officer.title}</View>
      <View className="fq-tags">
        <Tag className={`fq-tag admin-officer-${officer.bound ? 'bound' : 'unbound'}`} type={officer.bound ? 'success' : 'warning'}>
          {t(officer.bound ? 'admin.officer.bound' : 'admin.officer.unbound')}
        </Tag>
        {bureauAdmin ? (
          <Tag className={`fq-tag admin-officer-station admin-officer-station-${officer.stationId ?? 'bureau'}`} type="info">
            {stationName ?? t('admin.officer.bureauStaff')}
          </Tag>
        ) : null}
      </View>
      {issued ? <IssuedInvite {...issued} /> : null}
      {choosing ? (
        <View className="admin-invite-choice">
          <View className="fq-muted">{t('admin.invite.rolesLabel')}</View>
          <Radio.Group className="admin-invite-grant" value={grant} onChange={(value) => setGrant(isGrant(value) ? value : 'officer')}>
            <Radio className="admin-invite-grant-officer" value="officer">
              {t('admin.invite.grantOfficer')}
            </Radio>
            <Radio className="admin-invite-grant-leader" value="leader">
              {t('admin.invite.grantLeader')}
            </Radio>
            {bureauAdmin && bureauStaff ? (
              <Radio className="admin-invite-grant-bureauLeader" value="bureauLeader">
                {t('admin.invite.grantBureauLeader')}
              </Radio>
            ) : null}
            {bureauAdmin && bureauStaff ? (
              <Radio className="admin-invite-grant-bureauAdmin" value="bureauAdmin">
                {t('admin.invite.grantBureauAdmin')}
              </Radio>
            ) : null}
          </Radio.Group>
          {bureauAdmin && !bureauStaff ? <View className="fq-muted fq-note admin-invite-bureau-note">{t('admin.invite.bureauRoleNote')}</View> : null}
          <View className="fq-actions">
            <Button className="admin-invite-confirm" type="primary" loading={busy} onClick={() => void issue()}>
              {t('admin.invite.confirm')}
            </Button>
            <Button className="admin-invite-cancel" onClick={() => setChoosing(false)}>
              {t('common.cancel')}
            </Button>
          </View>
        </View>
      ) : (
        <View className="fq-actions">
          <Button className="admin-invite-start" type={officer.bound ? 'default' : 'primary'} onClick={() => setChoosing(true)}>
            {t(issued ? 'admin.invite.again' : 'admin.invite.action')}
          </Button>
        </View>
      )}
    </SectionCard>
  )
}

/** The bureau admin's list: the bureau's staff first, then each station's officers in the bureau's order. */
function inBureauOrder(officers: ListedOfficer[], stationIds: string[]): ListedOfficer[] {
  const rank = (stationId: string | null) => (stationId === null ? -1 : stationIds.indexOf(stationId))
  return [...officers].sort((a, b) => rank(a.stationId) - rank(b.stationId))
}

function OfficerList({ bureauAdmin }: { bureauAdmin: boolean }) {
  const t = useAdminT()
  const { language } = useSession()
  const [officers, setOfficers] = useState<Officers>({ status: 'loading' })
  const load = useCallback(async () => {
    setOfficers({ status: 'loading' })
    try {
      // A station's admin lists their own station's officers only: no station needs naming.
      const [listed, bureau] = await Promise.all([call(accountContract, 'listOfficers', {}), bureauAdmin ? call(jurisdictionContract, 'listStations', {}) : null])
      const stations = new Map((bureau?.stations ?? []).map((s) => [s.id, s.name]))
      setOfficers({ status: 'ready', officers: bureau ? inBureauOrder(listed, [...stations.keys()]) : listed, stations })
    } catch (err) {
      setOfficers({ status: 'error', error: asCloudError(err) })
    }
  }, [bureauAdmin])
  useEffect(() => {
    void load()
  }, [load])

  if (officers.status === 'loading') return <LoadingView />
  if (officers.status === 'error') return <ErrorView error={officers.error} onRetry={() => void load()} />
  if (officers.officers.length === 0) return <EmptyView className="admin-officers-empty" title={t('admin.officers.title')} description={t('admin.officers.empty')} />
  const stationName = (stationId: string | null) => {
    const name = stationId === null ? undefined : officers.stations.get(stationId)
    return name ? localizedName(name, language) : stationId
  }
  return (
    <>
      <SectionCard className="admin-officers-intro" title={t('admin.officers.title')} tone="police">
        <View className="fq-text">{t('admin.officers.intro')}</View>
        <View className="fq-text admin-officers-scope">{t(bureauAdmin ? 'admin.officers.bureauScope' : 'admin.officers.stationScope')}</View>
      </SectionCard>
      {officers.officers.map((officer) => (
        <OfficerInviteCard key={officer.id} officer={officer} bureauAdmin={bureauAdmin} stationName={bureauAdmin ? stationName(officer.stationId) : null} />
      ))}
      <AuditEntry />
    </>
  )
}

export default function AdminInvitesPage() {
  const t = useAdminT()
  return (
    <PageShell name="admin-invites" title={t('admin.invites.title')}>
      <SessionGate roles={['admin', 'bureau_admin']}>{(profile) => <OfficerList bureauAdmin={profile.roles.includes('bureau_admin')} />}</SessionGate>
    </PageShell>
  )
}
