// Drafts: what a person types into a form stays on the device as they type, comes back when the
// page opens again (after a reload, a lost signal, WeChat closing the mini-program) and is
// cleared once the backend accepted it. A draft expires after DRAFT_TTL_MS. What must not be
// kept (an identity number) is removed by the form's `keep` before anything is written; see
// docs/offline.md for what each form keeps.
import { useCallback, useEffect, useRef } from 'react'
import { ownedKey, readStored, removeStored, writeStored } from './device-store'

/** A week: long enough for a herder back from the pastures, short enough not to keep stale personal details. */
export const DRAFT_TTL_MS = 7 * 24 * 3600_000

const storageKey = (form: string) => ownedKey(`fengqiao.draft.${form}`)

interface StoredDraft {
  savedAt: number
  value: unknown
}

const isStoredDraft = (x: unknown): x is StoredDraft =>
  typeof x === 'object' && x !== null && typeof (x as StoredDraft).savedAt === 'number' && 'value' in x

/** The stored draft of `form` if one exists and has not expired; expired ones are removed. */
export function readDraft(form: string, now = Date.now()): unknown {
  const stored = readStored(storageKey(form))
  if (!isStoredDraft(stored)) return undefined
  if (now - stored.savedAt >= DRAFT_TTL_MS) {
    removeStored(storageKey(form))
    return undefined
  }
  return stored.value
}

export function writeDraft(form: string, value: unknown, now = Date.now()) {
  writeStored(storageKey(form), { savedAt: now, value })
}

export function clearDraft(form: string) {
  removeStored(storageKey(form))
}

export interface DraftOptions<T> {
  /** Puts a stored draft back into the form's state; check its shape, it may come from an older app. */
  restore: (stored: unknown) => void
  /** What may be written to the device; remove what must not be kept (e.g. an identity number). */
  keep?: (snapshot: T) => T
}

/**
 * Keeps a form's state as the draft `form` (e.g. 'mediation.file'): `snapshot` is written as it
 * changes (an untouched form writes nothing), restored once when the form mounts. The form keeps
 * its own state; it calls `clear` once the backend accepted (or the person starts over).
 */
export function useFormDraft<T>(form: string, snapshot: T, options: DraftOptions<T>): { clear: () => void } {
  const optionsRef = useRef(options)
  optionsRef.current = options
  const serialized = JSON.stringify(options.keep ? options.keep(snapshot) : snapshot)
  // What the untouched form holds: not worth a draft, and not to be written over a stored one.
  const pristine = useRef(serialized)
  const written = useRef<string | null>(null)
  // Between mount and the restored state's first render the form still shows its initial state,
  // which must not be taken for "emptied by the person" and clear the draft being restored.
  const restoring = useRef(false)

  useEffect(() => {
    const stored = readDraft(form)
    if (stored !== undefined) {
      written.current = JSON.stringify(stored)
      restoring.current = true
      optionsRef.current.restore(stored)
    }
  }, [form])

  useEffect(() => {
    if (restoring.current && serialized === pristine.current) return
    restoring.current = false
    if (serialized === written.current) return
    if (serialized === pristine.current) {
      if (written.current !== null) clearDraft(form)
    } else writeDraft(form, JSON.parse(serialized))
    written.current = serialized
  }, [form, serialized])

  const clear = useCallback(() => {
    clearDraft(form)
    written.current = null
  }, [form])
  return { clear }
}
