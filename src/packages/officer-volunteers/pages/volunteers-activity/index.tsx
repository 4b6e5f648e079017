// One activity for the officer: the check-in code to show, who holds a place with their check-in,
// check-out and hours (correctable, each correction logged), the waitlist in order, editing the
// title, description and capacity (times stay: cancel and publish anew to move an activity),
// and cancelling (everyone signed up is told).
import { useCallback, useState } from 'react'
import * as z from 'zod/mini'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { volunteersContract, type Roster } from '../../../../core/volunteers/contract'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call } from '../../../../services/cloud'
import { useFormDraft } from '../../../../services/drafts'
import { asCloudError, useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { useRemote } from '../../../../services/use-remote'
import { useVolunteerT } from '../../../volunteer/i18n'
import { ActivitySummary, hoursOf, refusalMessage } from '../../../volunteer/parts'
import { useOfficerVolunteersT } from '../../volunteers/i18n'
import '../../../officer/officer.css'
import { RevealPhone } from '../../../officer/privacy/reveal-phone'

type Person = Roster['placed'][number]

/** The edit's typed title, description and capacity, kept per activity until saved. */
const ActivityEditDraft = z.object({ title: z.string(), description: z.string(), capacity: z.string() })

function PlacedPerson({ person, activityId, onRoster }: { person: Person; activityId: string; onRoster: (next: Roster) => void }) {
  const t = useOfficerVolunteersT()
  const v = useVolunteerT()
  const [minutes, setMinutes] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const a = person.attendance
  const correct = () => {
    const value = Number(minutes)
    if (!Number.isInteger(value) || value < 0 || value > 1440 || !reason.trim()) return setProblem(t('ov.correct.invalid'))
    setProblem(null)
    setBusy(true)
    call(volunteersContract, 'correctHours', { activityId, openid: person.openid, minutes: value, reason: reason.trim() })
      .then(onRoster, (err: unknown) => setProblem(refusalMessage(v, asCloudError(err))))
      .then(() => setBusy(false))
  }
  return (
    <View className={`fq-list-item ov-placed ov-placed-${person.openid}`}>
      <View className="fq-option-name">{`${person.name} · ${person.phone}`}</View>
      <RevealPhone className="ov-reveal" reveal={() => call(volunteersContract, 'revealContact', { openid: person.openid })} />
      {a?.checkedInAt ? <View className="fq-text ov-checked-in">{t('ov.roster.in', { time: formatStationTime(a.checkedInAt).slice(11), method: t(`ov.method.${a.method}`) })}</View> : null}
      {a?.checkedOutAt ? <View className="fq-text">{t('ov.roster.out', { time: formatStationTime(a.checkedOutAt).slice(11) })}</View> : null}
      {a?.minutes != null ? <View className="fq-text ov-minutes">{t('ov.roster.minutes', { hours: hoursOf(a.minutes), points: a.points ?? 0 })}</View> : null}
      {!a ? <View className="fq-muted ov-absent">{t('ov.roster.absent')}</View> : null}
      {a?.corrections.map((c) => (
        <View key={c.at} className="fq-muted ov-correction">
          {t('ov.correct.log', { at: formatStationTime(c.at), from: c.fromMinutes ?? '—', to: c.toMinutes, reason: c.reason })}
        </View>
      ))}
      <View className="fq-horizontal">
        <Input className="ov-correct-minutes" type="number" placeholder={t('ov.correct.minutes')} value={minutes} maxLength={4} onChange={setMinutes} />
        <Input className="ov-correct-reason" placeholder={t('ov.reason')} value={reason} maxLength={100} onChange={setReason} />
      </View>
      <View className="fq-actions">
        <Button className="ov-correct" loading={busy} onClick={correct}>
          {t('ov.correct.submit')}
        </Button>
      </View>
      {problem ? <View className="fq-field-error">{problem}</View> : null}
    </View>
  )
}

function RosterScreen({ id }: { id: string }) {
  const t = useOfficerVolunteersT()
  const v = useVolunteerT()
  const { language } = useSession()
  const load = useCallback(() => call(volunteersContract, 'roster', { activityId: id }), [id])
  const remote = useRemote(load)
  const [capacity, setCapacity] = useState('')
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ text: string; warning: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  // The edit shows only while the activity is open; a draft of a closed one is never shown.
  const editDraft = useFormDraft(`volunteers.activityEdit.${id}`, { title, description, capacity }, {
    restore: (stored) => {
      const parsed = ActivityEditDraft.safeParse(stored)
      if (!parsed.success) return
      setTitle(parsed.data.title)
      setDescription(parsed.data.description)
      setCapacity(parsed.data.capacity)
    },
  })
  if (remote.state.status === 'loading') return <LoadingView />
  if (remote.state.status === 'error') return <ErrorView error={remote.state.error} onRetry={() => void remote.reload({ showLoading: true })} />
  const roster = remote.state.data
  const { activity } = roster
  const open = activity.status === 'open'

  const change = (request: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(true)
    setMessage(null)
    request()
      .then(
        () => {
          after?.()
          setMessage({ text: done, warning: false })
        },
        (err: unknown) => setMessage({ text: refusalMessage(v, asCloudError(err)), warning: true }),
      )
      .then(() => remote.reload())
      .then(() => setBusy(false))
  }
  /** Sends only what the officer typed; empty fields keep their value. */
  const save = () => {
    const value = Number(capacity)
    if (capacity.trim() && (!Number.isInteger(value) || value < 1)) return setMessage({ text: t('ov.create.invalid'), warning: true })
    const changes = {
      ...(capacity.trim() ? { capacity: value } : {}),
      ...(title.trim() ? { title: { ...activity.title, zh: title.trim() } } : {}),
      ...(description.trim() ? { description: { ...activity.description, zh: description.trim() } } : {}),
    }
    change(() => call(volunteersContract, 'updateActivity', { activityId: id, ...changes }), t('ov.saved'), editDraft.clear)
  }
  const cancel = () => {
    if (!reason.trim()) return setMessage({ text: t('ov.reasonMissing'), warning: true })
    change(() => call(volunteersContract, 'cancelActivity', { activityId: id, reason: reason.trim() }), t('ov.cancel.done'))
  }

  return (
    <>
      <SectionCard className="ov-roster" title={localizedName(activity.title, language)} tone="police">
        <ActivitySummary activity={activity} language={language} t={v} />
        {message ? <View className={`fq-notice ov-message ${message.warning ? 'is-warning' : ''}`}>{message.text}</View> : null}
      </SectionCard>
      {open ? (
        <SectionCard className="ov-code-card" title={t('ov.roster.code')}>
          <View className="ov-code">{roster.code}</View>
          <View className="fq-muted">{t('ov.roster.codeHint')}</View>
        </SectionCard>
      ) : null}
      <SectionCard className="ov-placed-list" title={t('ov.roster.placed', { count: roster.placed.length, capacity: activity.capacity })}>
        {roster.placed.length === 0 ? <View className="fq-muted">{t('ov.roster.none')}</View> : null}
        {roster.placed.map((p) => (
          <PlacedPerson key={p.openid} person={p} activityId={id} onRoster={remote.set} />
        ))}
      </SectionCard>
      <SectionCard className="ov-waiting-list" title={t('ov.roster.waiting', { count: roster.waiting.length })}>
        {roster.waiting.length === 0 ? <View className="fq-muted">{t('ov.roster.none')}</View> : null}
        {roster.waiting.map((p) => (
          <View key={p.openid} className="fq-list-item ov-waiting">
            {`${t('ov.roster.position', { position: p.position })} ${p.name} · ${p.phone}`}
          </View>
        ))}
      </SectionCard>
      {open ? (
        <SectionCard className="ov-manage" title={t('ov.edit.title')}>
          <View className="fq-muted">{t('ov.create.titleZh')}</View>
          <View className="fq-horizontal">
            <Input className="ov-edit-title" placeholder={activity.title.zh} value={title} maxLength={64} onChange={setTitle} />
          </View>
          <View className="fq-muted">{t('ov.create.description')}</View>
          <View className="fq-horizontal">
            <Input className="ov-edit-description" placeholder={activity.description.zh} value={description} maxLength={500} onChange={setDescription} />
          </View>
          <View className="fq-muted">{t('ov.capacity.label')}</View>
          <View className="fq-horizontal">
            <Input className="ov-capacity" type="number" placeholder={String(activity.capacity)} value={capacity} maxLength={3} onChange={setCapacity} />
          </View>
          <View className="fq-actions">
            <Button className="ov-edit-save" loading={busy} onClick={save}>
              {t('ov.capacity.submit')}
            </Button>
          </View>
          <View className="fq-muted">{t('ov.cancel.title')}</View>
          <View className="fq-horizontal">
            <Input className="ov-cancel-reason" placeholder={t('ov.reason')} value={reason} maxLength={100} onChange={setReason} />
          </View>
          <View className="fq-actions">
            <Button className="ov-cancel" type="danger" loading={busy} onClick={cancel}>
              {t('ov.cancel.submit')}
            </Button>
          </View>
        </SectionCard>
      ) : null}
    </>
  )
}

export default function OfficerVolunteerActivityPage() {
  const t = useOfficerVolunteersT()
  const { params } = useRouter()
  return (
    <PageShell name="officer-volunteer-activity" title={t('ov.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{() => <RosterScreen id={params.id ?? ''} />}</SessionGate>
    </PageShell>
  )
}
