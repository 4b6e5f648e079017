// The leaders' lists: high-risk alerts until someone acknowledges them, and rectification tasks
// after dissatisfied ratings, each closed with the callback and what was fixed.
import { useState } from 'react'
import * as z from 'zod/mini'
import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { DEFAULT_MEDIATION_CONFIG } from '../../../core/mediation/config'
import { mediationContract, type CaseSummary, type RectificationView } from '../../../core/mediation/contract'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { EmptyView } from '../../../components/status-views'
import { call } from '../../../services/cloud'
import { useFormDraft } from '../../../services/drafts'
import { asCloudError } from '../../../services/session'
import { formatStationTime } from '../../../services/station-time'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { askForMessages } from '../../../services/subscribe-messages'
import { CaseSummaryCard } from './case-summary-card'
import { caseworkCatalog, useCaseworkT } from './i18n'
import type { Names } from './names'

/**
 * A WeChat subscription allows one message per grant, so a leader who granted once gets one alert.
 * Leaders grant the next high-risk alert and rectification notice with each tap here (weapp only;
 * declining changes nothing else).
 */
function askForLeaderMessages(): Promise<void> {
  const { highRiskAlert, rectification } = DEFAULT_MEDIATION_CONFIG.messages
  return askForMessages([highRiskAlert, rectification])
}

function SubscribeButton() {
  const t = useCaseworkT()
  return (
    <Button className="casework-alerts-subscribe" onClick={() => void askForLeaderMessages()}>
      {t('casework.alerts.subscribe')}
    </Button>
  )
}

export function Alerts({ alerts, names, onChanged }: { alerts: CaseSummary[]; names: Names; onChanged: () => void }) {
  const t = useCaseworkT()
  const toast = usePageToast()
  if (alerts.length === 0) {
    return <EmptyView className="casework-alerts-empty" title={t('casework.alerts.empty.title')} description={t('casework.alerts.empty.body')} action={process.env.TARO_ENV === 'weapp' ? <SubscribeButton /> : undefined} />
  }
  const acknowledge = (id: string) =>
    askForLeaderMessages()
      .then(() => call(mediationContract, 'acknowledgeAlert', { caseId: id }))
      .then(
        () => {
          toast(t('casework.alerts.acked'))
          onChanged()
        },
        (err: unknown) => toast(t(errorMessageKeyIn(caseworkCatalog, asCloudError(err), 'casework'))),
      )
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? <SubscribeButton /> : null}
      {alerts.map((item) => (
        <CaseSummaryCard
          key={item.id}
          item={item}
          names={names}
          extra={
            <Button className="casework-ack" onClick={() => void acknowledge(item.id)}>
              {t('casework.alerts.ack')}
            </Button>
          }
        />
      ))}
    </>
  )
}

const RectificationDraft = z.object({ callback: z.string(), fix: z.string() })

function RectificationCard({ task, onDone }: { task: RectificationView; onDone: () => void }) {
  const t = useCaseworkT()
  const toast = usePageToast()
  const [callback, setCallback] = useState('')
  const [fix, setFix] = useState('')
  const [busy, setBusy] = useState(false)
  // The return call's notes are written over days; they stay on the device until the task is done.
  const draft = useFormDraft(`casework.rectify.${task.id}`, { callback, fix }, {
    restore: (stored) => {
      const parsed = RectificationDraft.safeParse(stored)
      if (!parsed.success || task.status !== 'open') return
      setCallback(parsed.data.callback)
      setFix(parsed.data.fix)
    },
  })
  const submit = () => {
    if (!callback.trim() || !fix.trim()) return toast(t('casework.rectify.missing'))
    setBusy(true)
    call(mediationContract, 'completeRectification', { taskId: task.id, callbackNote: callback.trim(), fixNote: fix.trim() })
      .then(
        () => {
          toast(t('casework.saved'))
          draft.clear()
          onDone()
        },
        (err: unknown) => toast(t(errorMessageKeyIn(caseworkCatalog, asCloudError(err), 'casework'))),
      )
      .then(() => setBusy(false))
  }
  return (
    <SectionCard className={`casework-rectify casework-rectify-${task.id} is-${task.status}`} title={t(`casework.type.${task.type}`)}>
      <View className="fq-text">{t('casework.rectify.rating', { rating: task.rating })}</View>
      {task.comment ? <View className="fq-text">{task.comment}</View> : null}
      <View className="fq-muted">{t('casework.rectify.due', { time: formatStationTime(task.dueAt) })}</View>
      {task.status === 'done' ? (
        <View className="fq-notice">{t('casework.rectify.done', { fix: task.fixNote ?? '' })}</View>
      ) : (
        <>
          <TextArea className="casework-rectify-callback" placeholder={t('casework.rectify.callback')} value={callback} maxLength={500} onChange={setCallback} />
          <TextArea className="casework-rectify-fix" placeholder={t('casework.rectify.fix')} value={fix} maxLength={500} onChange={setFix} />
          <View className="fq-actions">
            <Button className="casework-rectify-submit" type="primary" loading={busy} onClick={submit}>
              {t('casework.rectify.submit')}
            </Button>
          </View>
        </>
      )}
    </SectionCard>
  )
}

export function Rectifications({ tasks, onChanged }: { tasks: RectificationView[]; onChanged: () => void }) {
  const t = useCaseworkT()
  if (tasks.length === 0) return <EmptyView className="casework-rectify-empty" title={t('casework.rectify.empty.title')} description={t('casework.rectify.empty.body')} />
  return (
    <>
      {tasks.map((task) => (
        <RectificationCard key={task.id} task={task} onDone={onChanged} />
      ))}
    </>
  )
}
