// Me › "waiting to send": what this person submitted without a connection, in one place: what still
// waits (with a button to try now), what was sent, what the backend refused and why.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { flushOutbox, useOutbox } from '../services/outbox'
import type { OutboxEntry } from '../services/outbox-queue'
import { formatStationTime } from '../services/station-time'
import { errorMessageKey, useT, type Translate } from '../services/use-t'
import { SectionCard } from './section-card'
import { useOnline } from './offline-state'

const at = (ms: number) => formatStationTime(new Date(ms).toISOString())

function stateText(t: Translate, entry: OutboxEntry): string {
  if (entry.state === 'refused') return t('outbox.state.refused', { reason: t(errorMessageKey({ code: entry.refusedWith ?? 'INTERNAL' })) })
  return t(`outbox.state.${entry.state}`)
}

export function OutboxList() {
  const t = useT()
  const entries = useOutbox()
  const online = useOnline()
  const waiting = entries.some((entry) => entry.state === 'waiting')
  return (
    <SectionCard className="outbox" title={t('outbox.title')}>
      {entries.length === 0 ? <View className="fq-muted outbox-empty">{t('outbox.empty')}</View> : null}
      {entries.map((entry) => (
        <View key={entry.requestId} className={`outbox-entry is-${entry.state}`}>
          <View className="outbox-kind">{t(`outbox.kind.${entry.kind}`)}</View>
          <View className="fq-muted">{t('outbox.createdAt', { time: at(entry.createdAt) })}</View>
          <View className="outbox-state">{stateText(t, entry)}</View>
          {entry.settledAt !== undefined ? <View className="fq-muted">{t('outbox.settledAt', { time: at(entry.settledAt) })}</View> : null}
        </View>
      ))}
      {waiting && online ? (
        <View className="fq-actions">
          <Button className="outbox-send-now" type="primary" onClick={() => void flushOutbox(true)}>
            {t('outbox.sendNow')}
          </Button>
        </View>
      ) : null}
    </SectionCard>
  )
}
