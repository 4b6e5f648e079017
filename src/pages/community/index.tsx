// "My community and my community officer": who answers for the place I live, how to reach them,
// and the way to ask them (the requests desk, packages/requests). Residents who have not said where they live choose
// here, and may change it later: by the phone's position, from the list, or with a community's QR
// code (also when the page opens with ?bind=<communityId>, which is how a scanned mini-program
// code arrives; that binding waits for an explicit yes).
import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import type { Profile } from '../../core/account/contract'
import { jurisdictionContract, type CommunityCard, type MyCommunity } from '../../core/jurisdiction/contract'
import { localizedName } from '../../i18n/localized-name'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { EmergencyCall } from '../../components/emergency-call'
import { PageShell, usePageToast } from '../../components/page-shell'
import { SessionGate } from '../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../components/status-views'
import { call } from '../../services/cloud'
import { communityIdFromQuery, communityIdFromScan } from '../../services/community-code'
import { currentPosition, isPositionError } from '../../services/current-position'
import { asCloudError, useSession } from '../../services/session'
import { errorMessageKey, useT } from '../../services/use-t'
import { useRemote, type Remote } from '../../services/use-remote'
import { BindOptions, type LocateProblem } from './bind-options'
import { CommunityList } from './community-list'
import { RequestsButtons } from '../index/requests-buttons'
import { MyCommunityView } from './my-community-view'

const loadMine = () => call(jurisdictionContract, 'myCommunity', {})

function CommunityScreen({ profile }: { profile: Profile }) {
  const t = useT()
  const toast = usePageToast()
  const { language, applyProfile } = useSession()
  const { params } = useRouter()
  const mine = useRemote(loadMine)
  const [communities, setCommunities] = useState<Remote<CommunityCard[]> | null>(null)
  const [changing, setChanging] = useState(false)
  const [listOpen, setListOpen] = useState(false)
  const [locating, setLocating] = useState(false)
  const [locateProblem, setLocateProblem] = useState<LocateProblem | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [pendingQr, setPendingQr] = useState<string | null>(() => communityIdFromQuery(params))
  const [qrBusy, setQrBusy] = useState(false)

  const current = mine.state.status === 'ready' ? mine.state.data : null
  const currentId = current?.community.id ?? null

  // Promise chains rather than async functions: in the mini-program build each async function
  // becomes a regenerator state machine, and this page lives in the size-capped main package.
  const loadCommunities = useCallback(() => {
    setCommunities({ status: 'loading' })
    call(jurisdictionContract, 'listCommunities', {}).then(
      (data) => setCommunities({ status: 'ready', data }),
      (err: unknown) => setCommunities({ status: 'error', error: asCloudError(err) }),
    )
  }, [])
  useEffect(() => {
    if ((listOpen || pendingQr) && communities === null) loadCommunities()
  }, [listOpen, pendingQr, communities, loadCommunities])

  const bound = (result: MyCommunity) => {
    mine.set(result)
    applyProfile({ ...profile, communityId: result.community.id })
    setChanging(false)
    setListOpen(false)
    setLocateProblem(null)
    setPendingQr(null)
    toast(t('community.bind.done', { community: localizedName(result.community.name, language) }))
  }
  const failed = (err: unknown) => toast(t(errorMessageKey(asCloudError(err))))
  const bindTo = (communityId: string, via: 'list' | 'qr') => call(jurisdictionContract, 'bindCommunity', { communityId, via }).then(bound, failed)

  const locate = () => {
    setLocating(true)
    setLocateProblem(null)
    currentPosition()
      .then((position) => call(jurisdictionContract, 'bindCommunityByLocation', position))
      .then(bound, (err: unknown) => {
        // Outside every community (and beyond the nearest-community distance), no permission or
        // no fix: the list always works, so it opens beside the explanation.
        const problem: LocateProblem | null = isPositionError(err) ? err.positionFailure : asCloudError(err).code === 'FAILED_PRECONDITION' ? 'outside' : null
        if (!problem) return failed(err)
        setLocateProblem(problem)
        setListOpen(true)
      })
      .then(() => setLocating(false))
  }

  const choose = (community: CommunityCard) => {
    if (community.id === currentId) {
      setChanging(false)
      setListOpen(false)
      return
    }
    setBusyId(community.id)
    void bindTo(community.id, 'list').then(() => setBusyId(null))
  }

  const scan = () =>
    Taro.scanCode({}).then(
      (result) => {
        const id = communityIdFromScan(result)
        if (id) setPendingQr(id)
        else toast(t('community.qr.unknown'))
      },
      (err: { errMsg?: string }) => {
        if (!err?.errMsg?.includes('cancel')) toast(t('community.qr.unknown'))
      },
    )

  // A code for the community one already lives in needs no question; an unknown one gets the list.
  const qrCommunity = pendingQr && communities?.status === 'ready' ? (communities.data.find((c) => c.id === pendingQr) ?? null) : null
  useEffect(() => {
    if (!pendingQr || mine.state.status !== 'ready') return
    if (pendingQr === currentId) {
      toast(t('community.qr.already', { community: current ? localizedName(current.community.name, language) : pendingQr }))
      setPendingQr(null)
    } else if (communities?.status === 'ready' && !qrCommunity) {
      toast(t('community.qr.unknown'))
      setPendingQr(null)
      setListOpen(true)
    }
  }, [pendingQr, mine.state.status, currentId, communities, qrCommunity])

  const confirmQr = (community: CommunityCard) => {
    setQrBusy(true)
    void bindTo(community.id, 'qr').then(() => setQrBusy(false))
  }

  if (mine.state.status === 'loading') return <LoadingView />
  if (mine.state.status === 'error') return <ErrorView error={mine.state.error} onRetry={() => void mine.reload({ showLoading: true })} />

  const choosing = current === null || changing
  const ask = <RequestsButtons place="community" />
  return (
    <>
      {current ? (
        <MyCommunityView mine={current} changing={changing} onChange={() => setChanging(true)}>
          {ask}
        </MyCommunityView>
      ) : (
        <EmptyView className="community-unbound" title={t('community.unbound.title')} description={t('community.unbound.body')} />
      )}
      {choosing ? (
        <BindOptions
          locating={locating}
          locateProblem={locateProblem}
          listOpen={listOpen}
          onLocate={locate}
          onOpenList={() => setListOpen(true)}
          onScan={() => void scan()}
          onCancel={
            current
              ? () => {
                  setChanging(false)
                  setListOpen(false)
                  setLocateProblem(null)
                }
              : undefined
          }
        />
      ) : null}
      {choosing && listOpen ? (
        communities === null || communities.status === 'loading' ? (
          <LoadingView />
        ) : communities.status === 'error' ? (
          <ErrorView error={communities.error} onRetry={loadCommunities} />
        ) : (
          <CommunityList communities={communities.data} currentId={currentId} busyId={busyId} onChoose={choose} />
        )
      ) : null}
      {current ? null : ask}
      {qrCommunity && qrCommunity.id !== currentId ? (
        <ConfirmDialog
          className="community-qr-confirm"
          title={t('community.qr.title')}
          confirmLabel={t('common.confirm')}
          cancelLabel={t('common.cancel')}
          busy={qrBusy}
          onConfirm={() => confirmQr(qrCommunity)}
          onCancel={() => setPendingQr(null)}
        >
          {t('community.qr.body', { community: localizedName(qrCommunity.name, language), officer: qrCommunity.officer.name })}
        </ConfirmDialog>
      ) : null}
      <EmergencyCall compact />
    </>
  )
}

export default function CommunityPage() {
  return (
    <PageShell name="community" titleKey="community.title">
      <SessionGate>{(profile) => <CommunityScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
