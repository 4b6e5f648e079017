// "my requests": the resident's own requests, newest first — named ones by their account, anonymous
// ones through the follow secrets kept on this phone — each with its timeline, the answer, and
// what they may do now. Looked at again each time the screen shows (an answer may have arrived).
// Without a connection the last loaded list is shown with its time.
import { useRef } from 'react'
import * as z from 'zod/mini'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { requestsContract, ResidentRequestView } from '../../../../core/requests/contract'
import { EmergencyCall } from '../../../../components/emergency-call'
import { OfflineAsOf } from '../../../../components/offline-state'
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { followKeys } from '../../../../services/follow-keys'
import { useRequestsT } from '../../i18n'
import { FILE_PAGE } from '../../pages'
import { RequestCard } from '../../request-card'
import '../../requests.css'

const MyRequestsCopy = z.array(ResidentRequestView)

function loadMine(): Promise<ResidentRequestView[]> {
  const kept = followKeys()
  return Promise.all([call(requestsContract, 'mine', {}), kept.length > 0 ? call(requestsContract, 'follow', { items: kept }) : Promise.resolve([])]).then(([named, anonymous]) =>
    [...named, ...anonymous.filter((a) => !named.some((n) => n.id === a.id))].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  )
}

function MyRequests() {
  const t = useRequestsT()
  const mine = useOfflineRemote('requests.mine', MyRequestsCopy, loadMine)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void mine.reload()
    shown.current = true
  })
  if (mine.state.status === 'loading') return <LoadingView />
  if (mine.state.status === 'error') return <ErrorView error={mine.state.error} onRetry={() => void mine.reload({ showLoading: true })} />
  const items = mine.state.data
  const replace = (next: ResidentRequestView) => mine.set(items.map((r) => (r.id === next.id ? next : r)))
  return (
    <>
      <OfflineAsOf at={mine.asOf} />
      {items.length === 0 ? (
        <EmptyView
          className="rq-mine-empty"
          title={t('rq.mine.empty.title')}
          description={t('rq.mine.empty.body')}
          action={
            <Button className="rq-mine-file" type="primary" onClick={() => void Taro.navigateTo({ url: FILE_PAGE })}>
              {t('rq.mine.file')}
            </Button>
          }
        />
      ) : (
        items.map((item) => <RequestCard key={item.id} item={item} onChanged={replace} />)
      )}
      <EmergencyCall compact />
    </>
  )
}

export default function MyRequestsPage() {
  const t = useRequestsT()
  return (
    <PageShell name="requests-mine" title={t('rq.title.mine')}>
      <SessionGate>{() => <MyRequests />}</SessionGate>
    </PageShell>
  )
}
