// Writing a notice to the groups the officer owns; back to the list once it is published or held.
import Taro from '@tarojs/taro'
import { noticesContract } from '../../../../core/notices/contract'
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useRemote } from '../../../../services/use-remote'
import { useOfficerNoticesT } from '../../notices/i18n'
import { OFFICER_NOTICES_PAGES, stationNamesIfMixed } from '../../notices/labels'
import { NoticeForm } from '../../notices/notice-form'
import '../../officer.css'
import '../../notices/notices.css'

const loadGroups = () => call(noticesContract, 'groups', {})

function Compose() {
  const groups = useRemote(loadGroups)
  if (groups.state.status === 'loading') return <LoadingView />
  if (groups.state.status === 'error') return <ErrorView error={groups.state.error} onRetry={() => void groups.reload({ showLoading: true })} />
  const back = () => Taro.navigateBack().catch(() => Taro.redirectTo({ url: OFFICER_NOTICES_PAGES.list }))
  return <NoticeForm groups={stationNamesIfMixed(groups.state.data.owned)} onDone={back} onCancel={back} />
}

export default function ComposeNoticePage() {
  const t = useOfficerNoticesT()
  return (
    <PageShell name="officer-notice-compose" title={t('on.form.title')}>
      <SessionGate>{() => <Compose />}</SessionGate>
    </PageShell>
  )
}
