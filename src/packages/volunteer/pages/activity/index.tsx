// One activity for a volunteer: what, when, where and how many places; sign up (a place, or the
// waitlist with its position), cancel until the deadline, and on the day check in with the
// officer's code or the phone's position, then check out to record the hours and points.
import { useCallback, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { volunteersContract, type ActivityView } from '../../../../core/volunteers/contract'
import { DEFAULT_VOLUNTEER_CONFIG } from '../../../../core/volunteers/config'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call } from '../../../../services/cloud'
import { currentPosition } from '../../../../services/current-position'
import { asCloudError, useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { askForMessages } from '../../../../services/subscribe-messages'
import { useRemote } from '../../../../services/use-remote'
import { useVolunteerT } from '../../i18n'
import { ActivitySummary, hoursOf, refusalMessage, type VolunteerT } from '../../parts'
import '../../volunteer.css'

/** WeChat asks before sign-up whether the station may send the reminder and waitlist messages. */
function askForVolunteerMessages(): Promise<void> {
  const { reminder, promoted, cancelled } = DEFAULT_VOLUNTEER_CONFIG.messages
  return askForMessages([reminder, promoted, cancelled])
}

type Run = (action: () => Promise<ActivityView>, done?: (next: ActivityView) => string | null) => void

function CheckInCard({ activity, t, run, busy }: { activity: ActivityView; t: VolunteerT; run: Run; busy: boolean }) {
  const [code, setCode] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const byCode = () => {
    if (!/^\d{6}$/.test(code.trim())) return setHint(t('volunteer.checkIn.codeInvalid'))
    setHint(null)
    run(() => call(volunteersContract, 'checkIn', { activityId: activity.id, proof: { method: 'code', code: code.trim() } }))
  }
  const byLocation = () => {
    setHint(t('volunteer.checkIn.locating'))
    currentPosition().then(
      (position) => {
        setHint(null)
        run(() => call(volunteersContract, 'checkIn', { activityId: activity.id, proof: { method: 'location', ...position } }))
      },
      () => setHint(t('volunteer.checkIn.noPosition')),
    )
  }
  const attendance = activity.attendance
  return (
    <SectionCard className="volunteer-checkin" title={t('volunteer.checkIn.title')} tone="police">
      {!attendance ? (
        <>
          <View className="fq-text">{t('volunteer.checkIn.hint')}</View>
          <View className="fq-horizontal">
            <Input className="volunteer-code" type="number" placeholder={t('volunteer.checkIn.code')} value={code} maxLength={6} onChange={setCode} />
          </View>
          <View className="fq-actions">
            <Button className="volunteer-checkin-code" type="primary" loading={busy} onClick={byCode}>
              {t('volunteer.checkIn.byCode')}
            </Button>
            {activity.place.point ? (
              <Button className="volunteer-checkin-location" loading={busy} onClick={byLocation}>
                {t('volunteer.checkIn.byLocation')}
              </Button>
            ) : null}
          </View>
          {hint ? <View className="fq-muted volunteer-checkin-hint">{hint}</View> : null}
        </>
      ) : (
        <>
          <View className="fq-text volunteer-checked-in">{t('volunteer.checkIn.done', { time: formatStationTime(attendance.checkedInAt) })}</View>
          {attendance.checkedOutAt && attendance.minutes !== null ? (
            <View className="fq-notice volunteer-checked-out">{t('volunteer.checkOut.done', { hours: hoursOf(attendance.minutes), points: attendance.points ?? 0 })}</View>
          ) : (
            <View className="fq-actions">
              <Button className="volunteer-checkout" type="primary" loading={busy} onClick={() => run(() => call(volunteersContract, 'checkOut', { activityId: activity.id }))}>
                {t('volunteer.checkOut')}
              </Button>
            </View>
          )}
        </>
      )}
    </SectionCard>
  )
}

function ActivityDetail({ id }: { id: string }) {
  const t = useVolunteerT()
  const { language } = useSession()
  const load = useCallback(() => call(volunteersContract, 'activity', { activityId: id }), [id])
  const remote = useRemote(load)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; warning: boolean } | null>(null)

  const run: Run = (action, done) => {
    setBusy(true)
    setMessage(null)
    action()
      .then(
        (next) => {
          remote.set(next)
          const text = done?.(next)
          if (text) setMessage({ text, warning: false })
        },
        (err: unknown) => {
          setMessage({ text: refusalMessage(t, asCloudError(err)), warning: true })
          void remote.reload()
        },
      )
      .then(() => setBusy(false))
  }

  if (remote.state.status === 'loading') return <LoadingView />
  if (remote.state.status === 'error') return <ErrorView error={remote.state.error} onRetry={() => void remote.reload({ showLoading: true })} />
  const activity = remote.state.data
  const open = activity.status === 'open'
  const beforeDeadline = Date.parse(activity.deadline) > Date.now()
  const cancellable = activity.mine.state !== 'none' && Date.parse(activity.cancellableUntil) > Date.now()
  const signUp = () =>
    run(
      () => askForVolunteerMessages().then(() => call(volunteersContract, 'signUp', { activityId: activity.id })),
      (next) => (next.mine.state === 'placed' ? t('volunteer.signedUp') : next.mine.state === 'waiting' ? t('volunteer.waitlisted', { position: next.mine.position }) : null),
    )

  return (
    <>
      <SectionCard className="volunteer-detail" title={localizedName(activity.title, language)} tone="police">
        <ActivitySummary activity={activity} language={language} t={t} />
        <View className="fq-text">{localizedName(activity.description, language)}</View>
        {open ? <View className="fq-muted">{t('volunteer.activity.deadline', { deadline: formatStationTime(activity.deadline) })}</View> : null}
        {message ? <View className={`fq-notice volunteer-message ${message.warning ? 'is-warning' : ''}`}>{message.text}</View> : null}
        <View className="fq-actions">
          {open && activity.mine.state === 'none' ? (
            <Button className="volunteer-signup" type="primary" loading={busy} disabled={!beforeDeadline} onClick={signUp}>
              {!beforeDeadline ? t('volunteer.signUp.closed') : activity.placed >= activity.capacity ? t('volunteer.signUp.full') : t('volunteer.signUp')}
            </Button>
          ) : null}
          {open && cancellable && !activity.attendance ? (
            <Button className="volunteer-cancel" loading={busy} onClick={() => run(() => call(volunteersContract, 'cancelSignUp', { activityId: activity.id }))}>
              {t('volunteer.cancel')}
            </Button>
          ) : null}
          <Button className="volunteer-back" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/volunteer/pages/center/index' }))}>
            {t('volunteer.back')}
          </Button>
        </View>
        {open && cancellable ? <View className="fq-muted">{t('volunteer.cancel.until', { until: formatStationTime(activity.cancellableUntil) })}</View> : null}
      </SectionCard>
      {open && activity.mine.state === 'placed' ? <CheckInCard activity={activity} t={t} run={run} busy={busy} /> : null}
    </>
  )
}

export default function VolunteerActivityPage() {
  const t = useVolunteerT()
  const { params } = useRouter()
  return (
    <PageShell name="volunteer-activity" title={t('volunteer.title')}>
      <SessionGate roles={['volunteer']}>{() => <ActivityDetail id={params.id ?? ''} />}</SessionGate>
    </PageShell>
  )
}
