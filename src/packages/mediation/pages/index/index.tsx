// Dispute mediation for residents: file a dispute (the danger question first) and
// follow one's own cases through the three levels, withdraw before acceptance, rate after closing.
// A subpackage: the mediation contract's schemas stay out of the main package.
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { mediationContract, type ResidentCaseView } from '../../../../core/mediation/contract'
import { EmergencyCall } from '../../../../components/emergency-call'
import { PageShell } from '../../../../components/page-shell'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { OfflineAsOf } from '../../../../components/offline-state'
import { useOfflineRemote } from '../../../../services/offline-cache'
import { CaseCard } from '../../case-card'
import { FileForm } from '../../file-form'
import { useMediationT } from '../../i18n'
import '../../mediation.css'

type Tab = 'file' | 'mine'
const TABS: Tab[] = ['file', 'mine']

const loadMine = () => call(mediationContract, 'myCases', {}, { readOnly: true })

function MyCases({ cases, onChanged, onFile }: { cases: ResidentCaseView[]; onChanged: (next: ResidentCaseView) => void; onFile: () => void }) {
  const t = useMediationT()
  if (cases.length === 0) {
    return (
      <EmptyView
        className="mediation-mine-empty"
        title={t('mediation.mine.empty.title')}
        description={t('mediation.mine.empty.body')}
        action={
          <Button className="mediation-empty-file" type="primary" onClick={onFile}>
            {t('mediation.tab.file')}
          </Button>
        }
      />
    )
  }
  return (
    <>
      {cases.map((item) => (
        <CaseCard key={item.id} item={item} onChanged={onChanged} />
      ))}
    </>
  )
}

function MediationScreen({ profile }: { profile: Profile }) {
  const t = useMediationT()
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(() => TABS.find((x) => x === params.tab) ?? 'file')
  const mine = useOfflineRemote('mediation.myCases', mediationContract.actions.myCases.output, loadMine)
  const replace = (next: ResidentCaseView) => {
    if (mine.state.status === 'ready') mine.set(mine.state.data.map((c) => (c.id === next.id ? next : c)))
  }
  return (
    <>
      <View className="fq-actions mediation-tabs">
        {TABS.map((x) => (
          <Button key={x} className={`mediation-tab-${x}`} type={tab === x ? 'primary' : 'default'} onClick={() => setTab(x)}>
            {t(`mediation.tab.${x}`)}
          </Button>
        ))}
      </View>
      {tab === 'file' ? <FileForm defaultName={profile.displayName ?? ''} onFiled={() => void mine.reload()} /> : null}
      {tab === 'mine' ? (
        mine.state.status === 'loading' ? (
          <LoadingView />
        ) : mine.state.status === 'error' ? (
          <ErrorView error={mine.state.error} onRetry={() => void mine.reload({ showLoading: true })} />
        ) : (
          <>
            <OfflineAsOf at={mine.asOf} />
            <MyCases cases={mine.state.data} onChanged={replace} onFile={() => setTab('file')} />
          </>
        )
      ) : null}
      {tab === 'mine' ? <EmergencyCall compact /> : null}
    </>
  )
}

export default function MediationPage() {
  const t = useMediationT()
  return (
    <PageShell name="mediation" title={t('mediation.title')}>
      <SessionGate>{(profile) => <MediationScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
