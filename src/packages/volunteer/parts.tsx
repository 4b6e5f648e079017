// Pieces the volunteer screens share: labels of kinds and skills, an activity's summary card and
// standing, and refusals worded by the backend's `details.why`.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActivityView } from '../../core/volunteers/contract'
import type { Language } from '../../core/ids'
import { SectionCard } from '../../components/section-card'
import { localizedName } from '../../i18n/localized-name'
import type { CloudCallError } from '../../services/cloud'
import { errorMessageKeyIn, type CatalogTranslate } from '../../services/use-catalog-t'
import { formatStationTime } from '../../services/station-time'
import { volunteerCatalog, type VolunteerMessageKey } from './i18n'

export type VolunteerT = CatalogTranslate<VolunteerMessageKey>

export const ACTIVITY_PAGE = '/packages/volunteer/pages/activity/index'

const isVolunteerKey = (key: string): key is VolunteerMessageKey => Object.prototype.hasOwnProperty.call(volunteerCatalog.zh, key)

/** A refused action in the volunteer's words: by `details.why` when the catalog words it, else by the error code. */
export function refusalMessage(t: VolunteerT, error: CloudCallError): string {
  const why = error.details?.why
  const key = `volunteer.why.${String(why)}`
  if (typeof why === 'string' && isVolunteerKey(key)) {
    return t(key, { distance: Number(error.details?.distanceMeters ?? 0), radius: Number(error.details?.radiusMeters ?? 0) })
  }
  return t(errorMessageKeyIn(volunteerCatalog, error))
}

export const hoursOf = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toString()

export function standingText(t: VolunteerT, mine: ActivityView['mine']): string {
  if (mine.state === 'placed') return t('volunteer.standing.placed')
  if (mine.state === 'waiting') return t('volunteer.standing.waiting', { position: mine.position })
  return t('volunteer.standing.none')
}

/** A bureau-wide activity says so wherever it is shown: volunteers of every station may join it. */
export function ActivitySummary({ activity, language, t }: { activity: ActivityView; language: Language; t: VolunteerT }) {
  return (
    <>
      {activity.bureauWide ? <View className="fq-notice volunteer-scope is-bureau">{t('volunteer.activity.scope.bureau')}</View> : null}
      <View className="fq-muted">{t(`volunteer.kind.${activity.kind}`)}</View>
      <View className="fq-text">{t('volunteer.activity.time', { start: formatStationTime(activity.startsAt), end: formatStationTime(activity.endsAt).slice(11) })}</View>
      <View className="fq-text">{t('volunteer.activity.place', { place: localizedName(activity.place.label, language) })}</View>
      <View className="fq-text">{t('volunteer.activity.places', { placed: activity.placed, capacity: activity.capacity, waiting: activity.waiting })}</View>
      {activity.skills.length > 0 ? <View className="fq-muted">{t('volunteer.activity.skills', { skills: activity.skills.map((s) => t(`volunteer.skill.${s}`)).join(t('volunteer.listSeparator')) })}</View> : null}
      {activity.status === 'cancelled' ? (
        <View className="fq-notice is-warning volunteer-cancelled">{t('volunteer.activity.cancelled', { reason: activity.cancelReason ?? '' })}</View>
      ) : (
        <View className={`volunteer-standing ${activity.mine.state === 'waiting' ? 'is-waiting' : ''}`}>{standingText(t, activity.mine)}</View>
      )}
    </>
  )
}

/** A volunteer's list holds their own station's activities and the bureau-wide ones: each card says which. */
export function ActivityCard({ activity, language, t }: { activity: ActivityView; language: Language; t: VolunteerT }) {
  return (
    <SectionCard className={`volunteer-activity volunteer-activity-${activity.id} ${activity.bureauWide ? 'is-bureau-wide' : 'is-own-station'}`} title={localizedName(activity.title, language)}>
      {activity.bureauWide ? null : <View className="fq-muted volunteer-scope is-station">{t('volunteer.activity.scope.station')}</View>}
      <ActivitySummary activity={activity} language={language} t={t} />
      <View className="fq-actions">
        <Button className="volunteer-activity-open" onClick={() => Taro.navigateTo({ url: `${ACTIVITY_PAGE}?id=${activity.id}` })}>
          {t('volunteer.activity.open')}
        </Button>
      </View>
    </SectionCard>
  )
}
