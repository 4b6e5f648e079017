// Every screen's root. It carries the two adaptations as classes on one element: `lang-mn`
// (traditional Mongolian, set in vertical columns) and `elder` (larger type and tap targets),
// sets the localized title, and hosts the page's toast.
//
// The toast is our own few lines rather than NutUI's Toast, which brings an overlay and
// react-transition-group (~20 KB) into the main package; ours also renders inside the page, so
// in Mongolian it is vertical like everything else (WeChat's native toast would not be).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type PropsWithChildren } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { MessageKey } from '../i18n'
import { useSession } from '../services/session'
import { errorMessageKey, useT } from '../services/use-t'
import { OfflineBanner } from './offline-state'

export type PageShellProps = PropsWithChildren<
  {
    /** Short page name: the root gets id `page-<name>` (stable for tests). */
    name: string
  } & (
    | { titleKey: MessageKey; title?: never }
    /** Subpackage pages pass their title already translated from their own catalog. */
    | { title: string; titleKey?: never }
  )
>

/** Long enough to read a two-line message slowly. */
const TOAST_MS = 3500

type ShowToast = (message: string) => void
const ToastContext = createContext<ShowToast>(() => undefined)

/** Show a short message on the current page. */
export const usePageToast = () => useContext(ToastContext)

export function PageShell({ name, titleKey, title, children }: PageShellProps) {
  const { language, elderMode, preferenceSyncError } = useSession()
  const t = useT()
  const pageTitle = titleKey ? t(titleKey) : (title ?? '')
  const [toast, setToast] = useState<{ message: string } | null>(null)
  // Pages lower in the stack stay mounted and re-render on a language change; only the page on
  // screen may set the (shared) navigation bar title.
  const [onScreen, setOnScreen] = useState(true)
  const onScreenRef = useRef(onScreen)
  onScreenRef.current = onScreen
  useDidShow(() => setOnScreen(true))
  useDidHide(() => setOnScreen(false))

  useEffect(() => {
    if (onScreen) Taro.setNavigationBarTitle({ title: pageTitle }).catch(() => undefined)
  }, [onScreen, pageTitle])

  // A fresh object each time, so the same message shown twice restarts the timer.
  const showToast = useCallback<ShowToast>((message) => setToast({ message }), [])
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast])

  useEffect(() => {
    if (preferenceSyncError && onScreenRef.current) showToast(t('preferences.notSynced', { reason: t(errorMessageKey(preferenceSyncError)) }))
    // Only when a new error arrives, not again each time a page comes back on screen.
  }, [preferenceSyncError])

  const classes = ['fq-page', `page-${name}`, `lang-${language}`, elderMode ? 'elder' : ''].filter(Boolean).join(' ')
  return (
    <ToastContext.Provider value={showToast}>
      <View id={`page-${name}`} className={classes}>
        <OfflineBanner />
        {children}
        {toast ? (
          <View className="fq-toast" role="status">
            {toast.message}
          </View>
        ) : null}
      </View>
    </ToastContext.Provider>
  )
}
