// The person using the app, for every page: their profile (roles come only from the backend),
// the display language and elder mode. Language and elder mode are remembered on the device so
// the first screen is already right, and synced to the backend so they follow the person.
import { accountContract } from '../core/account/contract'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type PropsWithChildren } from 'react'
import type { Language } from '../core/ids'
import type { Profile } from '../core/account/contract'
import { call, CloudCallError } from './cloud'
import { getDemoOpenid, setDemoOpenid } from './demo-identity'
import { readLocalPreferences, writeLocalPreferences, type LocalPreferences } from './local-preferences'
import { rememberCopy, withOfflineCopy } from './offline-cache'

export type SessionState =
  /** h5 only: the local demo has no WeChat login, so someone must pick a demo identity first. */
  | { status: 'needs-identity' }
  | { status: 'loading' }
  | { status: 'error'; error: CloudCallError }
  | { status: 'ready'; profile: Profile }

export interface Session {
  state: SessionState
  /** The profile once loaded, else null. */
  profile: Profile | null
  language: Language
  elderMode: boolean
  /** Reload the profile from the backend. */
  refresh: () => Promise<void>
  /** Use a profile an action returned (acceptPrivacy, redeemInvite…) without another round trip. */
  applyProfile: (profile: Profile) => void
  /** Both apply at once on this device and are then stored in the backend. */
  setLanguage: (language: Language) => void
  setElderMode: (elderMode: boolean) => void
  /** Why the backend could not store the latest preferences (they still hold on this device). */
  preferenceSyncError: CloudCallError | null
  /** h5 demo only: act as another seeded identity. */
  chooseDemoIdentity: (openid: string) => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function asCloudError(err: unknown): CloudCallError {
  return err instanceof CloudCallError ? err : new CloudCallError('INTERNAL', err instanceof Error ? err.message : String(err))
}

const loadProfile = () => call(accountContract, 'me', {}, { readOnly: true })

const needsDemoIdentity = () => process.env.TARO_ENV === 'h5' && !getDemoOpenid()

export function SessionProvider({ children }: PropsWithChildren) {
  const [state, setState] = useState<SessionState>(() => (needsDemoIdentity() ? { status: 'needs-identity' } : { status: 'loading' }))
  const [preferences, setPreferences] = useState<LocalPreferences>(readLocalPreferences)
  const preferencesRef = useRef(preferences)
  const [preferenceSyncError, setSyncError] = useState<CloudCallError | null>(null)
  // Bumped by every load and every profile an action returns: a load answered after a newer
  // profile arrived (a slow refresh overtaken by acceptPrivacy, or by another identity) is dropped.
  const profileGeneration = useRef(0)

  const rememberPreferences = useCallback((next: LocalPreferences) => {
    preferencesRef.current = next
    writeLocalPreferences(next)
    setPreferences(next)
  }, [])

  const refresh = useCallback(async () => {
    if (needsDemoIdentity()) {
      setState({ status: 'needs-identity' })
      return
    }
    const generation = ++profileGeneration.current
    setState({ status: 'loading' })
    try {
      // Without a connection the last loaded profile opens the app, so what was loaded stays readable.
      const profile = await withOfflineCopy('account.me', accountContract.actions.me.output, loadProfile, () => undefined)()
      if (generation !== profileGeneration.current) return
      // A choice made on this device and not yet stored wins; the sync effect below pushes it.
      if (preferencesRef.current.synced) rememberPreferences({ language: profile.language, elderMode: profile.elderMode, synced: true })
      setState({ status: 'ready', profile })
    } catch (err) {
      if (generation === profileGeneration.current) setState({ status: 'error', error: asCloudError(err) })
    }
  }, [rememberPreferences])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // A profile an action returned is the latest: it replaces the offline copy too (after the privacy
  // agreement, a copy from before it would reopen the app offline on the agreement again).
  const applyProfile = useCallback((profile: Profile) => {
    profileGeneration.current++
    rememberCopy('account.me', profile)
    setState({ status: 'ready', profile })
  }, [])

  const profile = state.status === 'ready' ? state.profile : null
  const profileLoaded = profile !== null

  // The one path that stores preferences in the backend: whenever they differ from what it holds.
  useEffect(() => {
    if (!profileLoaded || preferences.synced) return
    const sent = { language: preferences.language, elderMode: preferences.elderMode }
    const generation = profileGeneration.current
    call(accountContract, 'updatePreferences', sent).then(
      (stored) => {
        // A profile that arrived meanwhile (acceptPrivacy's) is newer than the one this answer carries.
        if (generation === profileGeneration.current) {
          rememberCopy('account.me', stored)
          setState({ status: 'ready', profile: stored })
        }
        setSyncError(null)
        const now = preferencesRef.current
        // Answers can arrive out of order; only the one matching the latest choice marks it stored.
        if (now.language === sent.language && now.elderMode === sent.elderMode) rememberPreferences({ ...now, synced: true })
      },
      (err: unknown) => setSyncError(asCloudError(err)),
    )
  }, [profileLoaded, preferences, rememberPreferences])

  const setLanguage = useCallback(
    (language: Language) => rememberPreferences({ ...preferencesRef.current, language, synced: false }),
    [rememberPreferences],
  )
  const setElderMode = useCallback(
    (elderMode: boolean) => rememberPreferences({ ...preferencesRef.current, elderMode, synced: false }),
    [rememberPreferences],
  )

  const chooseDemoIdentity = useCallback(
    async (openid: string) => {
      setDemoOpenid(openid)
      // The new identity's stored preferences apply, not the previous identity's.
      rememberPreferences({ ...preferencesRef.current, synced: true })
      await refresh()
    },
    [refresh, rememberPreferences],
  )

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.lang = preferences.language === 'mn' ? 'mn-Mong' : 'zh-Hans'
  }, [preferences.language])

  const session = useMemo<Session>(
    () => ({
      state,
      profile,
      language: preferences.language,
      elderMode: preferences.elderMode,
      preferenceSyncError,
      refresh,
      applyProfile,
      setLanguage,
      setElderMode,
      chooseDemoIdentity,
    }),
    [state, profile, preferences, preferenceSyncError, refresh, applyProfile, setLanguage, setElderMode, chooseDemoIdentity],
  )
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession must be used inside <SessionProvider> (app.tsx)')
  return session
}
