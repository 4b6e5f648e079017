// Data a screen loads from a cloud function: loading, failed (with the typed error) or ready,
// with a reload and a way to put in place what an action returned without another round trip.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CloudCallError } from './cloud'
import { asCloudError } from './session'

export type Remote<T> = { status: 'loading' } | { status: 'error'; error: CloudCallError } | { status: 'ready'; data: T }

export interface RemoteData<T> {
  state: Remote<T>
  /** Load again; the current data stays on screen until the answer arrives unless `showLoading`. */
  reload: (options?: { showLoading?: boolean }) => Promise<void>
  set: (data: T) => void
}

/** `load` runs on mount and on reload; pass a stable function (useCallback or module scope). */
export function useRemote<T>(load: () => Promise<T>): RemoteData<T> {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  // Only the latest request may set the state: answers can arrive out of order.
  const latest = useRef(0)
  // A promise chain, not an async function: this module is in the size-capped main package, where
  // each async function is compiled to a regenerator state machine.
  const reload = useCallback(
    ({ showLoading = false }: { showLoading?: boolean } = {}) => {
      const ticket = ++latest.current
      if (showLoading) setState({ status: 'loading' })
      return load().then(
        (data) => {
          if (ticket === latest.current) setState({ status: 'ready', data })
        },
        (err: unknown) => {
          if (ticket === latest.current) setState({ status: 'error', error: asCloudError(err) })
        },
      )
    },
    [load],
  )
  useEffect(() => {
    void reload()
  }, [reload])
  const set = useCallback((data: T) => {
    latest.current++
    setState({ status: 'ready', data })
  }, [])
  return { state, reload, set }
}
