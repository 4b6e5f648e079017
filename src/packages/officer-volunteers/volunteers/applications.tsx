// Officers' list of applicants and volunteers: approve or decline (with a reason) a pending
// application, suspend an active volunteer (with a reason). Pending first.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { volunteersContract, type TeamView, type VolunteerView } from '../../../core/volunteers/contract'
import { SectionCard } from '../../../components/section-card'
import { localizedName } from '../../../i18n/localized-name'
import { call } from '../../../services/cloud'
import { asCloudError, useSession } from '../../../services/session'
import { useVolunteerT } from '../../volunteer/i18n'
import { refusalMessage } from '../../volunteer/parts'
import { useOfficerVolunteersT } from './i18n'
import { RevealPhone } from '../../officer/privacy/reveal-phone'

function Applicant({ person, teams, onChanged }: { person: VolunteerView; teams: TeamView[]; onChanged: (next: VolunteerView) => void }) {
  const t = useOfficerVolunteersT()
  const v = useVolunteerT()
  const { language } = useSession()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const team = teams.find((x) => x.id === person.teamId)
  const act = (action: 'approve' | 'decline' | 'suspend') => {
    if (action !== 'approve' && !reason.trim()) return setProblem(t('ov.reasonMissing'))
    setProblem(null)
    setBusy(true)
    const request =
      action === 'suspend'
        ? call(volunteersContract, 'suspend', { openid: person.openid, reason: reason.trim() })
        : call(volunteersContract, 'decide', { openid: person.openid, decision: action, ...(action === 'decline' ? { reason: reason.trim() } : {}) })
    request.then(onChanged, (err: unknown) => setProblem(refusalMessage(v, asCloudError(err)))).then(() => setBusy(false))
  }
  return (
    <View className={`fq-list-item ov-applicant ov-applicant-${person.openid} is-${person.status}`}>
      <View className="fq-option-name">{t('ov.person', { name: person.name, phone: person.phone, team: team ? localizedName(team.name, language) : person.teamId })}</View>
      <RevealPhone className="ov-reveal" reveal={() => call(volunteersContract, 'revealContact', { openid: person.openid })} />
      <View className="fq-muted">
        {t('ov.skills', { skills: person.skills.map((s) => v(`volunteer.skill.${s}`)).join(v('volunteer.listSeparator')) || '—', availability: person.availability.map((a) => v(`volunteer.availability.${a}`)).join(v('volunteer.listSeparator')) })}
      </View>
      <View className="fq-text ov-status">{person.reason ? t('ov.statusWithReason', { status: t(`ov.status.${person.status}`), reason: person.reason }) : t(`ov.status.${person.status}`)}</View>
      {person.status === 'pending' || person.status === 'active' ? (
        <>
          <View className="fq-horizontal">
            <Input className="ov-reason" placeholder={t('ov.reason')} value={reason} maxLength={100} onChange={setReason} />
          </View>
          <View className="fq-actions">
            {person.status === 'pending' ? (
              <>
                <Button className="ov-approve" type="primary" loading={busy} onClick={() => act('approve')}>
                  {t('ov.approve')}
                </Button>
                <Button className="ov-decline" loading={busy} onClick={() => act('decline')}>
                  {t('ov.decline')}
                </Button>
              </>
            ) : (
              <Button className="ov-suspend" loading={busy} onClick={() => act('suspend')}>
                {t('ov.suspend')}
              </Button>
            )}
          </View>
        </>
      ) : null}
      {problem ? <View className="fq-field-error">{problem}</View> : null}
    </View>
  )
}

export function Applications({ people, teams, onChanged }: { people: VolunteerView[]; teams: TeamView[]; onChanged: () => void }) {
  const t = useOfficerVolunteersT()
  return (
    <SectionCard className="ov-applications" title={t('ov.tab.applications')} tone="police">
      {people.length === 0 ? <View className="fq-text">{t('ov.applications.empty')}</View> : null}
      {people.map((p) => (
        <Applicant key={p.openid} person={p} teams={teams} onChanged={onChanged} />
      ))}
    </SectionCard>
  )
}
