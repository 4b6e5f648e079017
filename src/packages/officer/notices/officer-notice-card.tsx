// One of the officer's notices in their list: status, groups, validity; reach on demand;
// withdraw (after a confirmation) and correct (the form in place).
import { useState } from 'react'
import { Button as NativeButton, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { noticesContract, type GroupView, type OfficerNotice } from '../../../core/notices/contract'
import { inLanguage } from '../../../core/notices/rules'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { call } from '../../../services/cloud'
import { asCloudError, useSession } from '../../../services/session'
import { formatStationTime } from '../../../services/station-time'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { officerNoticesCatalog, useOfficerNoticesT } from './i18n'
import { groupName } from './labels'
import { NoticeForm } from './notice-form'
import { ReachPanel } from './reach-panel'

export interface OfficerNoticeCardProps {
  notice: OfficerNotice
  groups: GroupView[]
  onChanged: (notice: OfficerNotice | null) => void
}

export function OfficerNoticeCard({ notice, groups, onChanged }: OfficerNoticeCardProps) {
  const t = useOfficerNoticesT()
  const toast = usePageToast()
  const { language } = useSession()
  const [open, setOpen] = useState<'reach' | 'correct' | 'withdraw' | null>(null)
  const [busy, setBusy] = useState(false)
  const { title } = inLanguage(notice.title, notice.body, language)
  const live = notice.status === 'published' || notice.status === 'held'

  const withdraw = () => {
    setBusy(true)
    call(noticesContract, 'withdraw', { noticeId: notice.id })
      .then(
        (next) => {
          setOpen(null)
          onChanged(next)
        },
        (err: unknown) => toast(t(errorMessageKeyIn(officerNoticesCatalog, asCloudError(err), 'on'))),
      )
      .then(() => setBusy(false))
  }

  return (
    <SectionCard className={`on-notice on-notice-${notice.status} ${notice.urgency === 'urgent' && live ? 'is-urgent' : ''}`} title={title}>
      <View className={`on-status is-${notice.status}`}>
        {t(`on.status.${notice.status}`)} · {t(`on.category.${notice.category}`)}
        {notice.history.length > 0 ? ` · ${t('on.edited', { count: notice.history.length })}` : ''}
      </View>
      <View className="fq-muted">{t('on.targets', { groups: notice.targets.map((g) => groupName(t, language, g, groups.find((o) => o.id === g))).join('、') })}</View>
      <View className="fq-muted">{t('on.validUntil', { date: formatStationTime(notice.validUntil) })}</View>
      <View className="fq-actions">
        {notice.status === 'published' || notice.status === 'withdrawn' ? (
          <Button className="on-open-reach" type={open === 'reach' ? 'primary' : 'default'} onClick={() => setOpen(open === 'reach' ? null : 'reach')}>
            {open === 'reach' ? t('on.reachHide') : t('on.reach')}
          </Button>
        ) : null}
        {live ? (
          <Button className="on-open-correct" onClick={() => setOpen(open === 'correct' ? null : 'correct')}>
            {t('on.correct')}
          </Button>
        ) : null}
        {live ? (
          <Button className="on-withdraw" type="danger" onClick={() => setOpen('withdraw')}>
            {t('on.withdraw')}
          </Button>
        ) : null}
      </View>
      {process.env.TARO_ENV === 'weapp' && notice.status === 'published' ? (
        <View className="on-share">
          <View className="fq-muted">{t('on.shareHint')}</View>
          {notice.targets.map((g) => {
            const name = groupName(t, language, g, groups.find((o) => o.id === g))
            // The page's share handler reads the notice and the group from the button's dataset.
            return (
              <NativeButton key={g} className="on-share-button" openType="share" data-notice-id={notice.id} data-group={g} data-title={title}>
                {t('on.share', { group: name })}
              </NativeButton>
            )
          })}
        </View>
      ) : null}
      {open === 'reach' ? <ReachPanel noticeId={notice.id} urgent={notice.urgency === 'urgent'} /> : null}
      {open === 'correct' ? (
        <NoticeForm
          groups={groups}
          correcting={notice}
          onDone={() => {
            setOpen(null)
            onChanged(null)
          }}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'withdraw' ? (
        <ConfirmDialog className="on-withdraw-confirm" title={t('on.withdrawTitle')} confirmLabel={t('on.withdraw')} cancelLabel={t('on.cancel')} busy={busy} onConfirm={withdraw} onCancel={() => setOpen(null)}>
          {t('on.withdrawBody')}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}
