// "Today's work", the one screen an officer opens every morning: everything waiting for them across the
// product — requests, door-to-door visits, mediation steps, today's counter bookings — overdue
// first, then by deadline, 20 at a time. Leaders also see the station's open requests with each
// officer's load (who is overloaded) and the rectification tasks after a dissatisfied rating.
import { useCallback, useRef, useState } from 'react'
import * as z from 'zod/mini'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Profile } from '../../../../core/account/contract'
import { requestsContract, type InboxItem, type OfficerLoad, type RectificationView, type RequestSummary } from '../../../../core/requests/contract'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { OfflineAsOf } from '../../../../components/offline-state'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/status-views'
import { call } from '../../../../services/cloud'
import { useFormDraft } from '../../../../services/drafts'
import { withOfflineCopy } from '../../../../services/offline-cache'
import { asCloudError } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { useRemote } from '../../../../services/use-remote'
import { useCaseworkT } from '../../mediation/i18n'
import { useNames, type Names } from '../../mediation/names'
import { officerRequestsCatalog, useOfficerRequestsT } from '../../requests/i18n'
import { requestPage } from '../../requests/pages'
import '../../officer.css'
import '../../requests/requests-staff.css'

type Tab = 'mine' | 'station' | 'rectifications'

/** Where an inbox line is handled: the request page, the mediation case, or the desk. */
function urlOf(item: Pick<InboxItem, 'source' | 'id'>): string {
  switch (item.source) {
    case 'request':
      return requestPage(item.id)
    case 'mediation':
      return `/packages/officer/pages/mediation-case/index?id=${encodeURIComponent(item.id)}`
    case 'home_visit':
    case 'booking':
      return '/packages/officer/pages/desk/index'
  }
}

/** More than half again the station's average open items (and at least 5), or any 3 overdue. */
function overloaded(load: OfficerLoad, all: readonly OfficerLoad[]): boolean {
  const mean = all.reduce((sum, l) => sum + l.open, 0) / Math.max(all.length, 1)
  return (load.open >= 5 && load.open > mean * 1.5) || load.overdue >= 3
}

function Due({ dueAt, overdue, slot }: { dueAt: string | null; overdue: boolean; slot?: boolean }) {
  const t = useOfficerRequestsT()
  if (overdue) return <View className="oq-overdue">{`${t('oq.inbox.overdue')} · ${dueAt ? formatStationTime(dueAt) : ''}`}</View>
  if (!dueAt) return <View className="fq-muted">{t('oq.inbox.noDeadline')}</View>
  return <View className="fq-muted oq-due">{slot ? t('oq.inbox.slotAt', { time: formatStationTime(dueAt) }) : t('oq.inbox.dueAt', { time: formatStationTime(dueAt) })}</View>
}

function ItemLine({ item, names }: { item: InboxItem; names: Names }) {
  const t = useOfficerRequestsT()
  const casework = useCaseworkT()
  const what =
    item.source === 'request'
      ? t(`oq.kind.${item.kind as 'help'}`)
      : item.source === 'mediation'
        ? casework(`casework.type.${item.kind as 'other'}`)
        : t(`oq.source.${item.source}`)
  const status = item.source === 'request' ? t(`oq.status.${item.status as 'accepted'}`) : item.source === 'mediation' ? casework(`casework.status.${item.status as 'accepted'}`) : null
  return (
    <View className={`fq-list-item oq-item oq-item-${item.source} oq-item-${item.id} ${item.overdue ? 'is-overdue' : ''}`}>
      <View className="fq-tags">
        <View className="fq-tag">{t(`oq.source.${item.source}`)}</View>
        {status ? <View className="fq-tag">{status}</View> : null}
      </View>
      <View className="rq-strong">{`${what} · ${names.community(item.communityId)}`}</View>
      <Due dueAt={item.dueAt} overdue={item.overdue} slot={item.source === 'booking' || item.source === 'home_visit'} />
      <View className="fq-actions">
        <Button className="oq-open" size="small" type="primary" onClick={() => void Taro.navigateTo({ url: urlOf(item) })}>
          {t('oq.inbox.open')}
        </Button>
      </View>
    </View>
  )
}

/**
 * Pages 0…n−1 of a paged list, loaded together (so a reload keeps what was shown), and one more on
 * request. With `offline`, the pages shown last are remembered and shown (with `asOf`) when the
 * connection fails.
 */
function usePages<T>(fetchPage: (page: number) => Promise<T>, offline?: { name: string; schema: z.ZodMiniType<T> }) {
  const [pages, setPages] = useState(1)
  const [asOf, setAsOf] = useState<number | null>(null)
  const load = useCallback(() => {
    const all = () => Promise.all(Array.from({ length: pages }, (_, page) => fetchPage(page)))
    return offline ? withOfflineCopy(offline.name, z.array(offline.schema), all, setAsOf)() : all()
  }, [pages, fetchPage, offline])
  return { remote: useRemote(load), more: () => setPages((p) => p + 1), asOf }
}

// Today's inbox is what an officer needs at the edge of the signal: its last copy is kept.
const INBOX_OFFLINE = { name: 'requests.inbox', schema: requestsContract.actions.inbox.output }
const inboxPage = (page: number) => call(requestsContract, 'inbox', { page }, { readOnly: true })
const stationPage = (page: number) => call(requestsContract, 'stationView', { page })

function MyInbox() {
  const t = useOfficerRequestsT()
  // One community list for every line's names.
  const names = useNames()
  const { remote: inbox, more, asOf } = usePages(inboxPage, INBOX_OFFLINE)
  const shown = useRef(false)
  // New work arrives while the officer is on another screen: look again each time this one shows.
  useDidShow(() => {
    if (shown.current) void inbox.reload()
    shown.current = true
  })
  if (inbox.state.status === 'loading') return <LoadingView />
  if (inbox.state.status === 'error') return <ErrorView error={inbox.state.error} onRetry={() => void inbox.reload({ showLoading: true })} />
  const answers = inbox.state.data
  const items = answers.flatMap((a) => a.items)
  const last = answers[answers.length - 1]
  const counts = answers[0]?.counts ?? {}
  if (items.length === 0) return <EmptyView className="oq-inbox-empty" title={t('oq.inbox.empty.title')} description={t('oq.inbox.empty.body')} />
  return (
    <SectionCard className="oq-inbox" tone="police">
      <OfflineAsOf at={asOf} />
      <View className="fq-muted oq-counts">
        {t('oq.inbox.counts', { request: counts.request ?? 0, home_visit: counts.home_visit ?? 0, mediation: counts.mediation ?? 0, booking: counts.booking ?? 0 })}
      </View>
      {items.map((item) => (
        <ItemLine key={`${item.source}-${item.id}`} item={item} names={names} />
      ))}
      {last?.hasMore ? (
        <View className="fq-actions">
          <Button className="oq-more" onClick={more}>
            {t('oq.inbox.more')}
          </Button>
        </View>
      ) : null}
    </SectionCard>
  )
}

function SummaryLine({ item, names }: { item: RequestSummary; names: Names }) {
  const t = useOfficerRequestsT()
  return (
    <View className={`fq-list-item oq-item oq-item-request oq-item-${item.id} ${item.overdue ? 'is-overdue' : ''}`}>
      <View className="fq-tags">
        <View className="fq-tag">{t(`oq.status.${item.status}`)}</View>
        {item.anonymous ? <View className="fq-tag">{t('oq.inbox.anonymous')}</View> : null}
      </View>
      <View className="rq-strong">{`${t(`oq.kind.${item.kind}`)} · ${names.community(item.communityId)}`}</View>
      <View className="fq-muted">{item.handledBy === 'leadership' ? t('oq.inbox.leadership') : t('oq.inbox.assignee', { name: item.officerId ? names.officer(item.officerId) : '—' })}</View>
      <Due dueAt={item.deadlineAt} overdue={item.overdue} />
      <View className="fq-actions">
        <Button className="oq-open" size="small" type="primary" onClick={() => void Taro.navigateTo({ url: requestPage(item.id) })}>
          {t('oq.inbox.open')}
        </Button>
      </View>
    </View>
  )
}

function StationInbox() {
  const t = useOfficerRequestsT()
  const names = useNames()
  const { remote: station, more } = usePages(stationPage)
  if (station.state.status === 'loading') return <LoadingView />
  if (station.state.status === 'error') return <ErrorView error={station.state.error} onRetry={() => void station.reload({ showLoading: true })} />
  const answers = station.state.data
  const items = answers.flatMap((a) => a.items)
  const load0 = [...(answers[0]?.load ?? [])].sort((a, b) => b.overdue - a.overdue || b.open - a.open)
  return (
    <>
      <SectionCard className="oq-load-card" title={t('oq.load.title')} tone="police">
        {load0.length === 0 ? <View className="fq-muted">{t('oq.load.empty')}</View> : null}
        {load0.map((l) => (
          <View key={l.officerId} className={`oq-load oq-load-${l.officerId} ${overloaded(l, load0) ? 'is-overloaded' : ''}`}>
            {`${t('oq.load.line', { name: names.officer(l.officerId), open: l.open, overdue: l.overdue, dueToday: l.dueToday })}${overloaded(l, load0) ? ` · ${t('oq.load.overloaded')}` : ''}`}
          </View>
        ))}
      </SectionCard>
      <SectionCard className="oq-station-list">
        {items.length === 0 ? <View className="fq-muted">{t('oq.inbox.empty.title')}</View> : null}
        {items.map((item) => (
          <SummaryLine key={item.id} item={item} names={names} />
        ))}
        {answers[answers.length - 1]?.hasMore ? (
          <View className="fq-actions">
            <Button className="oq-more" onClick={more}>
              {t('oq.inbox.more')}
            </Button>
          </View>
        ) : null}
      </SectionCard>
    </>
  )
}

const loadRectifications = () => call(requestsContract, 'rectifications', {})

const RectificationDraft = z.object({ callback: z.string(), fix: z.string() })

function RectificationCard({ task, onDone }: { task: RectificationView; onDone: (next: RectificationView) => void }) {
  const t = useOfficerRequestsT()
  const toast = usePageToast()
  const [callback, setCallback] = useState('')
  const [fix, setFix] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  // The return call's notes are written over days; they stay on the device until the task is done.
  const draft = useFormDraft(`requests.rectify.${task.id}`, { callback, fix }, {
    restore: (stored) => {
      const parsed = RectificationDraft.safeParse(stored)
      if (!parsed.success || task.status !== 'open') return
      setCallback(parsed.data.callback)
      setFix(parsed.data.fix)
    },
  })
  const review = () => {
    if (!callback.trim()) return setProblem(t('oq.field.missing', { field: t('oq.rect.callback') }))
    if (!fix.trim()) return setProblem(t('oq.field.missing', { field: t('oq.rect.fix') }))
    if (callback.trim().length > 500 || fix.trim().length > 500) return setProblem(t('oq.field.tooLong', { field: t(callback.trim().length > 500 ? 'oq.rect.callback' : 'oq.rect.fix'), max: 500, count: Math.max(callback.trim().length, fix.trim().length) }))
    setProblem(null)
    setAsking(true)
  }
  const complete = () => {
    setBusy(true)
    call(requestsContract, 'completeRectification', { taskId: task.id, callbackNote: callback.trim(), fixNote: fix.trim() })
      .then(
        (next) => {
          toast(t('oq.done'))
          draft.clear()
          onDone(next)
        },
        (err: unknown) => toast(t(errorMessageKeyIn(officerRequestsCatalog, asCloudError(err), 'oq'))),
      )
      .then(() => {
        setBusy(false)
        setAsking(false)
      })
  }
  return (
    <View className={`fq-list-item oq-rect oq-rect-${task.id} is-${task.status}`}>
      <View className="fq-tags">
        <View className={`fq-tag ${task.status === 'open' ? 'is-alarm' : ''}`}>{t(task.status === 'open' ? 'oq.rect.open' : 'oq.rect.done')}</View>
      </View>
      <View className="rq-strong">{t('oq.rect.line', { kind: t(`oq.kind.${task.kind}`), rating: task.rating, time: formatStationTime(task.dueAt) })}</View>
      {task.comment ? <View className="fq-text">{t('oq.rect.comment', { comment: task.comment })}</View> : null}
      {task.status === 'done' ? (
        <>
          <View className="fq-muted">{`${t('oq.rect.callback')}: ${task.callbackNote ?? ''}`}</View>
          <View className="fq-muted">{`${t('oq.rect.fix')}: ${task.fixNote ?? ''}`}</View>
        </>
      ) : (
        <>
          {(
            [
              ['callback', callback, setCallback],
              ['fix', fix, setFix],
            ] as const
          ).map(([key, value, setter]) => (
            <View key={key} className={`rq-field oq-rect-${key}`}>
              <View className="rq-field-label">
                <View className="rq-field-name">{t(`oq.rect.${key}`)}</View>
                <View className="rq-field-mark is-required">{t('oq.field.required')}</View>
              </View>
              <Textarea className="rq-input rq-textarea fq-horizontal oq-rect-input" value={value} maxlength={501} autoHeight onInput={(e) => setter(e.detail.value)} />
            </View>
          ))}
          {problem ? <View className="fq-field-error">{problem}</View> : null}
          <View className="fq-actions">
            <Button className="oq-rect-complete" type="primary" onClick={review}>
              {t('oq.rect.complete')}
            </Button>
            <Button className="oq-rect-request" onClick={() => void Taro.navigateTo({ url: requestPage(task.requestId) })}>
              {t('oq.rect.openRequest')}
            </Button>
          </View>
        </>
      )}
      {asking ? (
        <ConfirmDialog className="oq-rect-confirm" title={t('oq.rect.title')} confirmLabel={t('oq.rect.complete')} cancelLabel={t('common.cancel')} busy={busy} onConfirm={complete} onCancel={() => setAsking(false)}>
          {t('oq.rect.body')}
        </ConfirmDialog>
      ) : null}
    </View>
  )
}

function Rectifications() {
  const t = useOfficerRequestsT()
  const tasks = useRemote(loadRectifications)
  if (tasks.state.status === 'loading') return <LoadingView />
  if (tasks.state.status === 'error') return <ErrorView error={tasks.state.error} onRetry={() => void tasks.reload({ showLoading: true })} />
  const list = tasks.state.data
  return (
    <SectionCard className="oq-rects" title={t('oq.inbox.tab.rectifications')}>
      {list.length === 0 ? <View className="fq-muted oq-rects-empty">{t('oq.rect.empty')}</View> : null}
      {list.map((task) => (
        <RectificationCard key={task.id} task={task} onDone={(next) => tasks.set(list.map((x) => (x.id === next.id ? next : x)))} />
      ))}
    </SectionCard>
  )
}

function InboxScreen({ profile }: { profile: Profile }) {
  const t = useOfficerRequestsT()
  const { params } = useRouter()
  const leader = profile.roles.includes('station_leader')
  const tabs: Tab[] = leader ? ['mine', 'station', 'rectifications'] : ['mine']
  const [tab, setTab] = useState<Tab>(() => tabs.find((x) => x === params.scope) ?? 'mine')
  return (
    <>
      {tabs.length > 1 ? (
        <View className="fq-actions oq-tabs">
          {tabs.map((x) => (
            <Button key={x} className={`oq-tab-${x}`} type={tab === x ? 'primary' : 'default'} onClick={() => setTab(x)}>
              {t(`oq.inbox.tab.${x}`)}
            </Button>
          ))}
        </View>
      ) : null}
      {tab === 'mine' ? <MyInbox /> : null}
      {tab === 'station' ? <StationInbox /> : null}
      {tab === 'rectifications' ? <Rectifications /> : null}
    </>
  )
}

export default function InboxPage() {
  const t = useOfficerRequestsT()
  return (
    <PageShell name="inbox" title={t('oq.inbox.title')}>
      <SessionGate roles={['officer', 'station_leader']}>{(profile) => <InboxScreen profile={profile} />}</SessionGate>
    </PageShell>
  )
}
