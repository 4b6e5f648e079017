// Officers publish an activity (or a weekly series): kind, title in Chinese and optionally
// Mongolian, description, place (a map point from the officer's position and/or a community),
// day and time in station time, length, sign-up deadline, capacity, teams and skills.
import { useState } from 'react'
import * as z from 'zod/mini'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { CommunityCard } from '../../../core/jurisdiction/contract'
import { ACTIVITY_KINDS, SKILLS, type ActivityKind, type Skill } from '../../../core/volunteers/config'
import { volunteersContract, type TeamView } from '../../../core/volunteers/contract'
import { SectionCard } from '../../../components/section-card'
import { localizedName } from '../../../i18n/localized-name'
import { call } from '../../../services/cloud'
import { currentPosition, type Position } from '../../../services/current-position'
import { useFormDraft } from '../../../services/drafts'
import { useAttemptKey } from '../../../services/request-id'
import { asCloudError, useSession } from '../../../services/session'
import { useVolunteerT } from '../../volunteer/i18n'
import { refusalMessage } from '../../volunteer/parts'
import { useOfficerVolunteersT } from './i18n'

const HOUR_MS = 3600_000
const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item])

/** A station-time day and time as an instant (the station keeps UTC+8 all year). */
const stationInstant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)

/** Everything typed or chosen but the map point (taken again from the officer's position). */
const ActivityDraft = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  titleZh: z.string(),
  titleMn: z.string(),
  description: z.string(),
  placeLabel: z.string(),
  communityId: z.nullable(z.string()),
  date: z.string(),
  time: z.string(),
  hours: z.string(),
  deadlineHours: z.string(),
  capacity: z.string(),
  teamIds: z.array(z.string()),
  skills: z.array(z.enum(SKILLS)),
  repeat: z.string(),
})

export function ActivityForm({ teams, communities, onCreated }: { teams: TeamView[]; communities: CommunityCard[]; onCreated: (count: number) => void }) {
  const t = useOfficerVolunteersT()
  const v = useVolunteerT()
  const { language } = useSession()
  const [kind, setKind] = useState<ActivityKind>('patrol')
  const [titleZh, setTitleZh] = useState('')
  const [titleMn, setTitleMn] = useState('')
  const [description, setDescription] = useState('')
  const [placeLabel, setPlaceLabel] = useState('')
  const [point, setPoint] = useState<Position | null>(null)
  const [communityId, setCommunityId] = useState<string | null>(null)
  const [date, setDate] = useState('')
  const [time, setTime] = useState('')
  const [hours, setHours] = useState('2')
  const [deadlineHours, setDeadlineHours] = useState('3')
  const [capacity, setCapacity] = useState('10')
  const [teamIds, setTeamIds] = useState<string[]>([])
  const [skills, setSkills] = useState<Skill[]>([])
  const [repeat, setRepeat] = useState('1')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const attempt = useAttemptKey()
  // Only the teams the caller manages (their station's; bureau staff: every station's and the
  // bureau's): createActivity refuses any other team (other_station). One activity's teams are all
  // of one station or all bureau-wide (mixed_stations): once a team is chosen, the others are not.
  const offeredTeams = teams.filter((team) => team.managed)
  const chosenStation = offeredTeams.find((team) => teamIds.includes(team.id))?.stationId
  const draft = useFormDraft('volunteers.activity', { kind, titleZh, titleMn, description, placeLabel, communityId, date, time, hours, deadlineHours, capacity, teamIds, skills, repeat }, {
    restore: (stored) => {
      const parsed = ActivityDraft.safeParse(stored)
      if (!parsed.success) return
      const d = parsed.data
      setKind(d.kind)
      setTitleZh(d.titleZh)
      setTitleMn(d.titleMn)
      setDescription(d.description)
      setPlaceLabel(d.placeLabel)
      // A community removed from the jurisdiction since is not offered again.
      setCommunityId(d.communityId && communities.some((c) => c.id === d.communityId) ? d.communityId : null)
      setDate(d.date)
      setTime(d.time)
      setHours(d.hours)
      setDeadlineHours(d.deadlineHours)
      setCapacity(d.capacity)
      setTeamIds(d.teamIds.filter((id) => teams.some((team) => team.id === id && team.managed)))
      setSkills(d.skills)
      setRepeat(d.repeat)
    },
  })

  const submit = () => {
    const start = stationInstant(date.trim(), time.trim())
    const length = Number(hours)
    const before = Number(deadlineHours)
    const places = Number(capacity)
    const count = Number(repeat)
    const valid = titleZh.trim() && description.trim() && placeLabel.trim() && (point || communityId) && !Number.isNaN(start) && length > 0 && before >= 0 && Number.isInteger(places) && places > 0 && teamIds.length > 0 && Number.isInteger(count) && count >= 1 && count <= 12
    if (!valid) return setProblem(t('ov.create.invalid'))
    setProblem(null)
    setBusy(true)
    const activity = {
      kind,
      title: { zh: titleZh.trim(), ...(titleMn.trim() ? { mn: titleMn.trim() } : {}) },
      description: { zh: description.trim() },
      place: { label: { zh: placeLabel.trim() }, ...(communityId ? { communityId } : {}), ...(point ? { point } : {}) },
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + length * HOUR_MS).toISOString(),
      deadline: new Date(start - before * HOUR_MS).toISOString(),
      capacity: places,
      skills,
      teamIds,
      ...(count > 1 ? { repeat: { frequency: 'weekly' as const, count } } : {}),
    }
    call(volunteersContract, 'createActivity', { ...activity, requestId: attempt.keyFor(activity) })
      .then(
        (created) => {
          attempt.settled()
          draft.clear()
          onCreated(created.length)
        },
        (err: unknown) => setProblem(refusalMessage(v, asCloudError(err))),
      )
      .then(() => setBusy(false))
  }

  const field = (className: string, label: string, value: string, onChange: (next: string) => void, type: 'text' | 'number' | 'digit' = 'text') => (
    <>
      <View className="fq-muted">{label}</View>
      <View className="fq-horizontal">
        <Input className={className} type={type} placeholder={label} value={value} onChange={onChange} />
      </View>
    </>
  )

  return (
    <SectionCard className="ov-create" title={t('ov.create.title')} tone="police">
      <View className="fq-muted">{t('ov.create.kind')}</View>
      <View className="fq-actions">
        {ACTIVITY_KINDS.map((k) => (
          <Button key={k} className={`ov-kind-${k}`} type={kind === k ? 'primary' : 'default'} onClick={() => setKind(k)}>
            {v(`volunteer.kind.${k}`)}
          </Button>
        ))}
      </View>
      {field('ov-title-zh', t('ov.create.titleZh'), titleZh, setTitleZh)}
      {field('ov-title-mn', t('ov.create.titleMn'), titleMn, setTitleMn)}
      {field('ov-description', t('ov.create.description'), description, setDescription)}
      {field('ov-place', t('ov.create.place'), placeLabel, setPlaceLabel)}
      <View className="fq-actions">
        <Button className="ov-use-position" type={point ? 'primary' : 'default'} onClick={() => currentPosition().then(setPoint, () => setPoint(null))}>
          {t('ov.create.usePosition')}
        </Button>
      </View>
      {point ? <View className="fq-muted ov-position-set">{t('ov.create.positionSet')}</View> : null}
      <View className="fq-muted">{t('ov.create.community')}</View>
      <View className="fq-actions">
        {communities.map((c) => (
          <Button key={c.id} className={`ov-community-${c.id}`} type={communityId === c.id ? 'primary' : 'default'} onClick={() => setCommunityId(communityId === c.id ? null : c.id)}>
            {localizedName(c.name, language)}
          </Button>
        ))}
      </View>
      {field('ov-date', t('ov.create.date'), date, setDate)}
      {field('ov-time', t('ov.create.time'), time, setTime)}
      {field('ov-hours', t('ov.create.hours'), hours, setHours, 'digit')}
      {field('ov-deadline-hours', t('ov.create.deadlineHours'), deadlineHours, setDeadlineHours, 'digit')}
      {field('ov-capacity', t('ov.create.capacity'), capacity, setCapacity, 'number')}
      <View className="fq-muted">{t('ov.create.teams')}</View>
      <View className="fq-muted fq-note ov-teams-hint">{t('ov.create.teamsHint')}</View>
      <View className="fq-actions">
        {offeredTeams.map((team) => (
          <Button
            key={team.id}
            className={`ov-team-${team.id}`}
            type={teamIds.includes(team.id) ? 'primary' : 'default'}
            disabled={chosenStation !== undefined && team.stationId !== chosenStation}
            onClick={() => setTeamIds(toggle(teamIds, team.id))}
          >
            {localizedName(team.name, language)}
          </Button>
        ))}
      </View>
      <View className="fq-muted">{t('ov.create.skills')}</View>
      <View className="fq-actions">
        {SKILLS.map((s) => (
          <Button key={s} className={`ov-skill-${s}`} type={skills.includes(s) ? 'primary' : 'default'} onClick={() => setSkills(toggle(skills, s))}>
            {v(`volunteer.skill.${s}`)}
          </Button>
        ))}
      </View>
      {field('ov-repeat', t('ov.create.repeat'), repeat, setRepeat, 'number')}
      {problem ? <View className="fq-field-error ov-create-error">{problem}</View> : null}
      <View className="fq-actions">
        <Button className="ov-create-submit" type="primary" loading={busy} onClick={submit}>
          {t('ov.create.submit')}
        </Button>
      </View>
    </SectionCard>
  )
}
