// Applying to volunteer: a profile (name, mobile, skills, availability, home community) and a
// team, then the application's status — pending, declined with the officer's reason (apply
// again), active (the way into the volunteer centre) or suspended with the reason.
import { useRef, useState } from 'react'
import * as z from 'zod/mini'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { jurisdictionContract, type CommunityCard } from '../../../../core/jurisdiction/contract'
import { AVAILABILITY, SKILLS, type Availability, type Skill } from '../../../../core/volunteers/config'
import { volunteersContract, type TeamView, type VolunteerView } from '../../../../core/volunteers/contract'
import { FormField, mobileFieldMessage, textFieldMessage } from '../../../../components/form-field'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { ErrorView, LoadingView } from '../../../../components/status-views'
import { localizedName } from '../../../../i18n/localized-name'
import { call } from '../../../../services/cloud'
import { asCloudError, useSession } from '../../../../services/session'
import { useRemote } from '../../../../services/use-remote'
import { QueuedNotice } from '../../../../components/offline-state'
import { useFormDraft } from '../../../../services/drafts'
import { refusalOf, submitOrQueue, useQueued } from '../../../../services/outbox'
import { newRequestId } from '../../../../services/request-id'
import { useVolunteerT } from '../../i18n'
import { refusalMessage, type VolunteerT } from '../../parts'
import '../../volunteer.css'

const CENTER = '/packages/volunteer/pages/center/index'
const APPLY_DRAFT = 'volunteers.apply'
/** The application as kept on the device (docs/offline.md). */
const ApplyDraft = z.object({ name: z.string(), phone: z.string(), skills: z.array(z.enum(SKILLS)), availability: z.array(z.enum(AVAILABILITY)), communityId: z.nullable(z.string()), teamId: z.nullable(z.string()) })

const loadAll = () =>
  Promise.all([call(volunteersContract, 'myVolunteer', {}), call(volunteersContract, 'teams', {}), call(jurisdictionContract, 'listCommunities', {})]).then(([mine, teams, communities]) => ({ mine, teams, communities }))

const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item])

interface FormProps {
  profile: Profile
  teams: TeamView[]
  communities: CommunityCard[]
  t: VolunteerT
  onSent: (view: VolunteerView) => void
}

function ApplyForm({ profile, teams, communities, t, onSent }: FormProps) {
  const { language } = useSession()
  const [name, setName] = useState(profile.displayName ?? '')
  const [phone, setPhone] = useState('')
  const [skills, setSkills] = useState<Skill[]>([])
  const [availability, setAvailability] = useState<Availability[]>([])
  const [communityId, setCommunityId] = useState<string | null>(profile.communityId)
  const [teamId, setTeamId] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [errors, setErrors] = useState<Partial<Record<'name' | 'phone' | 'availability' | 'community' | 'team', string>>>({})
  const [busy, setBusy] = useState(false)
  // One attempt, one key: a resend after a lost answer answers the same application.
  const requestId = useRef<string | null>(null)
  const draft = useFormDraft(APPLY_DRAFT, { name, phone, skills, availability, communityId, teamId }, {
    restore: (stored) => {
      const parsed = ApplyDraft.safeParse(stored)
      if (!parsed.success) return
      setName(parsed.data.name)
      setPhone(parsed.data.phone)
      setSkills(parsed.data.skills)
      setAvailability(parsed.data.availability)
      setCommunityId(parsed.data.communityId)
      setTeamId(parsed.data.teamId)
    },
  })
  const waiting = useQueued(APPLY_DRAFT, (entry) => {
    requestId.current = null
    if (entry.state === 'refused') setProblem(refusalMessage(t, refusalOf(entry)))
  })

  const submit = () => {
    const found = Object.fromEntries(
      Object.entries({
        name: textFieldMessage(t, t('volunteer.apply.name'), name, { required: true, max: 32 }),
        phone: mobileFieldMessage(t, t('volunteer.apply.phone'), phone),
        availability: availability.length === 0 ? t('form.missing', { field: t('volunteer.apply.availability') }) : null,
        community: communityId ? null : t('form.missing', { field: t('volunteer.apply.community') }),
        team: teamId ? null : t('form.missing', { field: t('volunteer.apply.team') }),
      }).filter(([, message]) => message),
    ) as typeof errors
    setErrors(found)
    const count = Object.keys(found).length
    if (count > 0 || !communityId || !teamId) return setProblem(t('form.checkMarked', { count }))
    setProblem(null)
    setBusy(true)
    requestId.current ??= newRequestId()
    submitOrQueue(volunteersContract, 'apply', { name: name.trim(), phone: phone.trim(), skills, availability, communityId, teamId, requestId: requestId.current }, { kind: 'volunteerApply', draftKey: APPLY_DRAFT })
      .then(
        (submitted) => {
          if (submitted.status === 'queued') return
          requestId.current = null
          draft.clear()
          onSent(submitted.data)
        },
        (err: unknown) => setProblem(refusalMessage(t, asCloudError(err))),
      )
      .then(() => setBusy(false))
  }

  return (
    <SectionCard className="volunteer-apply-form" title={t('volunteer.apply.title')} tone="police">
      <View className="fq-text">{t('volunteer.apply.intro')}</View>
      <FormField className="volunteer-field-name" label={t('volunteer.apply.name')} required error={errors.name}>
        <Input className="volunteer-apply-name" value={name} onChange={setName} />
      </FormField>
      <FormField className="volunteer-field-phone" label={t('volunteer.apply.phone')} required error={errors.phone}>
        <Input className="volunteer-apply-phone" type="text" value={phone} onChange={setPhone} />
      </FormField>
      <FormField className="volunteer-field-skills" label={t('volunteer.apply.skills')}>
        <View className="fq-actions">
          {SKILLS.map((s) => (
            <Button key={s} className={`volunteer-skill-${s}`} type={skills.includes(s) ? 'primary' : 'default'} onClick={() => setSkills(toggle(skills, s))}>
              {t(`volunteer.skill.${s}`)}
            </Button>
          ))}
        </View>
      </FormField>
      <FormField className="volunteer-field-availability" label={t('volunteer.apply.availability')} required error={errors.availability}>
        <View className="fq-actions">
          {AVAILABILITY.map((a) => (
            <Button key={a} className={`volunteer-availability-${a}`} type={availability.includes(a) ? 'primary' : 'default'} onClick={() => setAvailability(toggle(availability, a))}>
              {t(`volunteer.availability.${a}`)}
            </Button>
          ))}
        </View>
      </FormField>
      <FormField className="volunteer-field-community" label={t('volunteer.apply.community')} required error={errors.community}>
        <View className="fq-actions">
          {communities.map((c) => (
            <Button key={c.id} className={`volunteer-community-${c.id}`} type={communityId === c.id ? 'primary' : 'default'} onClick={() => setCommunityId(c.id)}>
              {localizedName(c.name, language)}
            </Button>
          ))}
        </View>
      </FormField>
      <FormField className="volunteer-field-team" label={t('volunteer.apply.team')} required error={errors.team}>
        {teams.map((team) => (
          <View key={team.id} className={`fq-option volunteer-team-${team.id} ${teamId === team.id ? 'is-current' : ''}`} onClick={() => setTeamId(team.id)}>
            <View className="fq-option-name">{localizedName(team.name, language)}</View>
            <View className="fq-muted">{localizedName(team.description, language)}</View>
            <View className="fq-muted">{t('volunteer.apply.members', { count: team.members })}</View>
          </View>
        ))}
      </FormField>
      {problem ? <View className="fq-field-error volunteer-apply-error">{problem}</View> : null}
      {waiting ? <QueuedNotice /> : null}
      <View className="fq-actions">
        <Button className="volunteer-apply-submit" type="primary" loading={busy} disabled={waiting} onClick={submit}>
          {t('volunteer.apply.submit')}
        </Button>
      </View>
    </SectionCard>
  )
}

function Status({ view, t, onApplyAgain }: { view: VolunteerView; t: VolunteerT; onApplyAgain: () => void }) {
  const { refresh } = useSession()
  // The roles on this device came with the session: load them again before opening the centre.
  const enter = () => void refresh().then(() => Taro.redirectTo({ url: CENTER }))
  return (
    <SectionCard className={`volunteer-apply-status is-${view.status}`} title={t('volunteer.apply.title')} tone="police">
      {view.status === 'pending' ? <View className="fq-text">{t('volunteer.apply.pending')}</View> : null}
      {view.status === 'declined' ? <View className="fq-notice is-warning">{t('volunteer.apply.declined', { reason: view.reason ?? '' })}</View> : null}
      {view.status === 'suspended' ? <View className="fq-notice is-warning">{t('volunteer.apply.suspended', { reason: view.reason ?? '' })}</View> : null}
      {view.status === 'active' ? <View className="fq-text">{t('volunteer.apply.active')}</View> : null}
      <View className="fq-actions">
        {view.status === 'active' ? (
          <Button className="volunteer-apply-enter" type="primary" onClick={enter}>
            {t('volunteer.apply.enter')}
          </Button>
        ) : null}
        {view.status === 'declined' ? (
          <Button className="volunteer-apply-again" type="primary" onClick={onApplyAgain}>
            {t('volunteer.apply.submit')}
          </Button>
        ) : null}
      </View>
    </SectionCard>
  )
}

function Apply({ profile }: { profile: Profile }) {
  const t = useVolunteerT()
  const remote = useRemote(loadAll)
  const [editing, setEditing] = useState(false)
  if (remote.state.status === 'loading') return <LoadingView />
  if (remote.state.status === 'error') return <ErrorView error={remote.state.error} onRetry={() => void remote.reload({ showLoading: true })} />
  const { mine, teams, communities } = remote.state.data
  if (mine && !editing) return <Status view={mine} t={t} onApplyAgain={() => setEditing(true)} />
  return (
    <ApplyForm
      profile={profile}
      teams={teams}
      communities={communities}
      t={t}
      onSent={(view) => {
        setEditing(false)
        remote.set({ mine: view, teams, communities })
      }}
    />
  )
}

export default function VolunteerApplyPage() {
  const t = useVolunteerT()
  return (
    <PageShell name="volunteer-apply" title={t('volunteer.apply.title')}>
      <SessionGate>{(profile) => <Apply profile={profile} />}</SessionGate>
    </PageShell>
  )
}
