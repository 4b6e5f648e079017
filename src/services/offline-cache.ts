// The last loaded copy of what a person needs when the signal is gone (their officer, bookings
// with check-in codes, notices, cases; an officer's inbox and counter queue), shown with the time
// it was loaded. Each copy is stored as it arrived and parsed again with the action's output
// schema when read back: the app may have been updated since it was written.
import { useCallback, useState } from 'react'
import type * as z from 'zod/mini'
import { CloudCallError } from './cloud'
import { ownedKey, readStored, writeStored } from './device-store'
import { useRemote, type RemoteData } from './use-remote'

const storageKey = (name: string) => ownedKey(`fengqiao.copy.${name}`)

export interface OfflineCopy<T> {
  data: T
  /** When it was loaded (ms since epoch). */
  savedAt: number
}

export function rememberCopy(name: string, data: unknown, now = Date.now()) {
  writeStored(storageKey(name), { savedAt: now, data })
}

export function recallCopy<T>(name: string, schema: z.ZodMiniType<T>): OfflineCopy<T> | null {
  const stored = readStored(storageKey(name))
  if (typeof stored !== 'object' || stored === null) return null
  const { savedAt, data } = stored as { savedAt?: unknown; data?: unknown }
  if (typeof savedAt !== 'number') return null
  const parsed = schema.safeParse(data)
  return parsed.success ? { data: parsed.data, savedAt } : null
}

/**
 * A load that remembers each answer under `name` and, when the connection fails, answers with the
 * remembered copy instead. `onCopy` hears when the copy was used (its time) or null when fresh.
 */
export function withOfflineCopy<T>(name: string, schema: z.ZodMiniType<T>, load: () => Promise<T>, onCopy: (savedAt: number | null) => void): () => Promise<T> {
  return () =>
    load().then(
      (data) => {
        rememberCopy(name, data)
        onCopy(null)
        return data
      },
      (err: unknown) => {
        const copy = err instanceof CloudCallError && err.code === 'UNAVAILABLE' ? recallCopy(name, schema) : null
        if (!copy) throw err
        onCopy(copy.savedAt)
        return copy.data
      },
    )
}

/** useRemote with an offline copy: `asOf` is the copy's time while the screen shows it, else null. */
export function useOfflineRemote<T>(name: string, schema: z.ZodMiniType<T>, load: () => Promise<T>): RemoteData<T> & { asOf: number | null } {
  const [asOf, setAsOf] = useState<number | null>(null)
  const cachedLoad = useCallback(() => withOfflineCopy(name, schema, load, setAsOf)(), [name, schema, load])
  return { ...useRemote(cachedLoad), asOf }
}
