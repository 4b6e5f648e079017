// Honest network state on every screen: a banner while the device has no network, the time of
// the copy a screen shows instead of fresh data, and a form's "saved, will be sent" note.
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { isOnline, onNetworkChange } from '../services/network'
import { formatStationTime } from '../services/station-time'
import { useT } from '../services/use-t'

export function useOnline(): boolean {
  const [online, setOnline] = useState(isOnline)
  useEffect(() => onNetworkChange(setOnline), [])
  return online
}

export function OfflineBanner() {
  const t = useT()
  const online = useOnline()
  if (online) return null
  return (
    <View className="fq-notice is-warning fq-offline-banner" role="status">
      {t('network.offline')}
    </View>
  )
}

export interface OfflineAsOfProps {
  /** When the copy on screen was loaded (ms since epoch); null when it is fresh. */
  at: number | null
}

/** Says the screen shows the copy loaded at `at`; nothing when what is shown is fresh. */
export function OfflineAsOf({ at }: OfflineAsOfProps) {
  const t = useT()
  if (at === null) return null
  return <View className="fq-notice fq-offline-as-of">{t('offline.asOf', { time: formatStationTime(new Date(at).toISOString()) })}</View>
}

/** Under a form whose submission waits in the outbox. */
export function QueuedNotice() {
  const t = useT()
  return (
    <View className="fq-notice fq-queued" role="status">
      {t('outbox.queued')}
    </View>
  )
}
