// "ask the police": choose what it is (consultation, help, tip-off, fraud report, complaint or suggestion)
// and file it. Help asks "is anyone in danger now?" first and offers 110, as mediation does; a
// fraud report shows the 96110 hotline first. Opened from home, "Me" or the community page with
// ?kind=<kind> already chosen. A subpackage: the requests contract stays out of the main package.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { ANTI_FRAUD_HOTLINE, KIND_RULES, REQUEST_KINDS, type RequestKind } from '../../../../core/requests/kinds'
import type { ResidentRequestView } from '../../../../core/requests/contract'
import { EmergencyCall } from '../../../../components/emergency-call'
import { PageShell } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { formatStationTime } from '../../../../services/station-time'
import { RequestForm } from '../../form/request-form'
import { useRequestsT } from '../../i18n'
import { MINE_PAGE } from '../../pages'
import '../../requests.css'

const kindOf = (value: string | undefined): RequestKind | null => REQUEST_KINDS.find((k) => k === value) ?? null

function KindChooser({ kind, onChoose }: { kind: RequestKind | null; onChoose: (kind: RequestKind) => void }) {
  const t = useRequestsT()
  return (
    <SectionCard className="rq-kinds" title={t('rq.kind.title')}>
      {REQUEST_KINDS.map((k) => (
        <View key={k} className={`rq-kind rq-kind-${k} ${kind === k ? 'is-chosen' : ''}`} onClick={() => onChoose(k)}>
          <View className="rq-kind-name">{t(`rq.kind.${k}`)}</View>
          <View className="fq-muted">{t(`rq.kind.${k}.body`)}</View>
        </View>
      ))}
    </SectionCard>
  )
}

function DangerQuestion({ danger, onAnswer }: { danger: boolean | null; onAnswer: (danger: boolean) => void }) {
  const t = useRequestsT()
  return (
    <>
      <SectionCard className="rq-danger" title={t('rq.danger.question')}>
        <View className="fq-text">{t('rq.danger.hint')}</View>
        <View className="fq-actions">
          <Button className="rq-danger-yes" type={danger === true ? 'danger' : 'default'} onClick={() => onAnswer(true)}>
            {t('rq.danger.yes')}
          </Button>
          <Button className="rq-danger-no" type={danger === false ? 'primary' : 'default'} onClick={() => onAnswer(false)}>
            {t('rq.danger.no')}
          </Button>
        </View>
      </SectionCard>
      {danger ? (
        <>
          <EmergencyCall />
          <View className="fq-notice is-warning rq-call-first">{t('rq.danger.callFirst')}</View>
        </>
      ) : null}
    </>
  )
}

function FraudHotline() {
  const t = useRequestsT()
  return (
    <SectionCard className="rq-fraud-hotline" tone="alarm">
      <View className="fq-text">{t('rq.fraud.hotline')}</View>
      <View className="fq-actions">
        <Button className="rq-call-96110" size="large" onClick={() => void Taro.makePhoneCall({ phoneNumber: ANTI_FRAUD_HOTLINE }).catch(() => undefined)}>
          {t('rq.fraud.call')}
        </Button>
      </View>
    </SectionCard>
  )
}

function Filed({ filed, onAgain }: { filed: ResidentRequestView; onAgain: () => void }) {
  const t = useRequestsT()
  return (
    <SectionCard className="rq-filed" title={t('rq.done.title')} tone="police">
      <View className="fq-text">{filed.anonymous ? t('rq.done.anonymous') : t('rq.done.body', { time: formatStationTime(filed.acceptBy) })}</View>
      <View className="fq-actions">
        <Button className="rq-filed-mine" type="primary" onClick={() => Taro.redirectTo({ url: MINE_PAGE })}>
          {t('rq.done.mine')}
        </Button>
        <Button className="rq-file-again" onClick={onAgain}>
          {t('rq.done.again')}
        </Button>
      </View>
    </SectionCard>
  )
}

function FileScreen({ profile }: { profile: Profile }) {
  const { params } = useRouter()
  const [kind, setKind] = useState<RequestKind | null>(() => kindOf(params.kind))
  const [danger, setDanger] = useState<boolean | null>(null)
  const [filed, setFiled] = useState<ResidentRequestView | null>(null)
  // A new form per kind and per filing, so nothing typed for one carries into another.
  const [round, setRound] = useState(0)
  const choose = (next: RequestKind) => {
    setKind(next)
    setDanger(null)
  }
  if (filed) {
    return (
      <Filed
        filed={filed}
        onAgain={() => {
          setFiled(null)
          setDanger(null)
          setRound((r) => r + 1)
        }}
      />
    )
  }
  const rule = kind ? KIND_RULES[kind] : null
  return (
    <>
      <KindChooser kind={kind} onChoose={choose} />
      {kind === 'fraud_report' ? <FraudHotline /> : null}
      {rule?.asksDangerFirst ? <DangerQuestion danger={danger} onAnswer={setDanger} /> : null}
      {kind && (!rule?.asksDangerFirst || danger !== null) ? (
        <RequestForm key={`${kind}-${round}`} kind={kind} dangerNow={danger === true} defaultName={profile.displayName ?? ''} onFiled={setFiled} />
      ) : null}
      {kind && !rule?.asksDangerFirst ? <EmergencyCall compact /> : null}
    </>
  )
}

export default function FileRequestPage() {
  const t = useRequestsT()
  return (
    <PageShell name="requests-file" title={t('rq.title.file')}>
      <SessionGate>{(profile) => <FileScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
