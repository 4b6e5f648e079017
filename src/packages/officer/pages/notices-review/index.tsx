// Station leaders review the notices content security held ("review"): approve to publish now
// (urgent ones then start their alerts), or reject.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { noticesContract, type OfficerNotice } from '../../../../core/notices/contract'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { asCloudError, useSession } from '../../../../services/session'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { useRemote } from '../../../../services/use-remote'
import { officerNoticesCatalog, useOfficerNoticesT } from '../../notices/i18n'
import '../../officer.css'
import '../../notices/notices.css'

const loadHeld = () => call(noticesContract, 'heldNotices', {})

function HeldNotice({ notice, onDone }: { notice: OfficerNotice; onDone: () => void }) {
  const t = useOfficerNoticesT()
  const toast = usePageToast()
  const { language } = useSession()
  const [busy, setBusy] = useState(false)
  const decide = (decision: 'approve' | 'reject') => {
    setBusy(true)
    call(noticesContract, 'reviewHeld', { noticeId: notice.id, decision })
      .then(
        () => {
          toast(t(decision === 'approve' ? 'on.review.approved' : 'on.review.rejected'))
          onDone()
        },
        (err: unknown) => toast(t(errorMessageKeyIn(officerNoticesCatalog, asCloudError(err), 'on'))),
      )
      .then(() => setBusy(false))
  }
  const mn = language === 'mn' && notice.title.mn && notice.body.mn
  return (
    <SectionCard className={`on-held ${notice.urgency === 'urgent' ? 'is-urgent' : ''}`} title={mn ? notice.title.mn : notice.title.zh}>
      <View className="fq-muted">{t(`on.category.${notice.category}`)}</View>
      {notice.review?.keyword ? <View className="on-status is-held">{t('on.review.flag', { keyword: notice.review.keyword })}</View> : null}
      {notice.authorName ? <View className="fq-muted">{t('on.review.author', { name: notice.authorName })}</View> : null}
      <View className={`fq-text ${mn ? '' : 'fq-horizontal'}`}>{mn ? notice.body.mn : notice.body.zh}</View>
      <View className="fq-actions">
        <Button className="on-approve" type="primary" loading={busy} disabled={busy} onClick={() => decide('approve')}>
          {t('on.review.approve')}
        </Button>
        <Button className="on-reject" disabled={busy} onClick={() => decide('reject')}>
          {t('on.review.reject')}
        </Button>
      </View>
    </SectionCard>
  )
}

function Review() {
  const t = useOfficerNoticesT()
  const held = useRemote(loadHeld)
  if (held.state.status === 'loading') return <LoadingView />
  if (held.state.status === 'error') return <ErrorView error={held.state.error} onRetry={() => void held.reload({ showLoading: true })} />
  if (held.state.data.length === 0) return <EmptyView className="on-review-empty" title={t('on.review.title')} description={t('on.review.empty')} />
  return (
    <>
      {held.state.data.map((n) => (
        <HeldNotice key={n.id} notice={n} onDone={() => void held.reload()} />
      ))}
    </>
  )
}

export default function ReviewNoticesPage() {
  const t = useOfficerNoticesT()
  return (
    <PageShell name="officer-notice-review" title={t('on.review.title')}>
      <SessionGate>{() => <Review />}</SessionGate>
    </PageShell>
  )
}
