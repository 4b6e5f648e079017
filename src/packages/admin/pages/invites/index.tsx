// Admin: the station's officer records, whether each is bound to a WeChat identity, and issuing a
// one-time invite code (officer, or officer and station leader) for the officer to redeem.
import { accountContract } from '../../../../core/account/contract'
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
import { errorMessageKey } from '../../../../services/use-t'
import { useAdminT } from '../../i18n'
import { IssuedInvite, type IssuedInviteProps } from './issued-invite'

type ListedOfficer = OfficerSummary & { bound: boolean }
type Officers = { status: 'loading' } | { status: 'error'; error: CloudCallError } | { status: 'ready'; officers: ListedOfficer[] }

/** The two grants an admin can choose; a station leader is always an officer too. */
const GRANTS = {
  officer: ['officer'],
  leader: ['officer', 'station_leader'],
} as const
type Grant = keyof typeof GRANTS

export interface OfficerInviteCardProps {
  officer: ListedOfficer
}

export function OfficerInviteCard({ officer }: OfficerInviteCardProps) {
  const t = useAdminT()
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
      toast(t(errorMessageKey(asCloudError(err))))
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
      </View>
      {issued ? <IssuedInvite {...issued} /> : null}
      {choosing ? (
        <View className="admin-invite-choice">
          <View className="fq-muted">{t('admin.invite.rolesLabel')}</View>
          <Radio.Group className="admin-invite-grant" value={grant} onChange={(value) => setGrant(value === 'leader' ? 'leader' : 'officer')}>
            <Radio className="admin-invite-grant-officer" value="officer">
              {t('admin.invite.grantOfficer')}
            </Radio>
            <Radio className="admin-invite-grant-leader" value="leader">
              {t('admin.invite.grantLeader')}
            </Radio>
          </Radio.Group>
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

function OfficerList() {
  const t = useAdminT()
  const [officers, setOfficers] = useState<Officers>({ status: 'loading' })
  const load = useCallback(async () => {
    setOfficers({ status: 'loading' })
    try {
      setOfficers({ status: 'ready', officers: await call(accountContract, 'listOfficers', {}) })
    } catch (err) {
      setOfficers({ status: 'error', error: asCloudError(err) })
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  if (officers.status === 'loading') return <LoadingView />
  if (officers.status === 'error') return <ErrorView error={officers.error} onRetry={() => void load()} />
  if (officers.officers.length === 0) return <EmptyView className="admin-officers-empty" title={t('admin.officers.title')} description={t('admin.officers.empty')} />
  return (
    <>
      <SectionCard className="admin-officers-intro" title={t('admin.officers.title')} tone="police">
        <View className="fq-text">{t('admin.officers.intro')}</View>
      </SectionCard>
      {officers.officers.map((officer) => (
        <OfficerInviteCard key={officer.id} officer={officer} />
      ))}
    </>
  )
}

export default function AdminInvitesPage() {
  const t = useAdminT()
  return (
    <PageShell name="admin-invites" title={t('admin.invites.title')}>
      <SessionGate roles={['admin']}>{() => <OfficerList />}</SessionGate>
    </PageShell>
  )
}
