// One routed request as an officer reads it: the question, when it was asked, who answers it and
// WHY it came to them (the routing decision in words, stored when it was made, in the reader's
// language), and every reassignment by a station leader with its note.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { RoutedRequestView } from '../../../core/jurisdiction/contract'
import { SectionCard } from '../../../components/section-card'
import { useSession } from '../../../services/session'
import { formatStationTime } from '../../../services/station-time'
import { useOfficerT } from '../i18n'

export interface RoutedRequestCardProps {
  request: RoutedRequestView
  /** Officer names by id, for the reassignment log; an id not in it shows as it is. */
  names: ReadonlyMap<string, string>
  /** 'me': routed to the reader ("why it came to me"); 'station': a leader's overview. */
  perspective: 'me' | 'station'
  /** Actions under the request (a leader's reassignment). */
  children?: ReactNode
}

export function RoutedRequestCard({ request, names, perspective, children }: RoutedRequestCardProps) {
  const t = useOfficerT()
  const { language } = useSession()
  const nameOf = (id: string) => names.get(id) ?? id
  // The stored decision names the role the router chose; after a reassignment the person changed.
  const role = request.reassignments.length === 0 ? t(`request.as.${request.decision.assignee.as}`) : request.assignee.title
  return (
    <SectionCard className={`routed-request routed-request-${request.id}`}>
      <View className="fq-tags">
        <Tag className="fq-tag" type="primary">
          {t(`routed.kind.${request.kind}`)}
        </Tag>
        <Tag className="fq-tag" type="default">
          {t(`request.status.${request.status}`)}
        </Tag>
      </View>
      <View className="routed-request-question">{request.question}</View>
      <View className="fq-muted routed-request-time">{t('routed.asked', { time: formatStationTime(request.createdAt) })}</View>
      {perspective === 'station' ? <View className="fq-text routed-request-assignee">{t('routed.assignee', { role, name: request.assignee.name })}</View> : null}
      <View className="routed-request-reason">
        <View className="fq-muted">{t(perspective === 'me' ? 'routed.whyMe' : 'routed.whyAssignee')}</View>
        <View className="fq-text routed-request-reason-text">{language === 'mn' ? request.reason.mn : request.reason.zh}</View>
      </View>
      {request.reassignments.length > 0 ? (
        <View className="routed-request-log">
          <View className="fq-muted">{t('routed.log.title')}</View>
          {request.reassignments.map((entry) => (
            <View key={`${entry.at}-${entry.to}`} className="routed-request-log-entry">
              <View className="fq-text">{t('routed.log.entry', { time: formatStationTime(entry.at), from: nameOf(entry.from), to: nameOf(entry.to) })}</View>
              <View className="fq-muted">{t('routed.log.note', { note: entry.note })}</View>
            </View>
          ))}
        </View>
      ) : null}
      {children}
    </SectionCard>
  )
}
