// A client key for one attempt at an action that creates something (book, requestHomeVisit,
// fileDispute, publish, and the staff forms: invites, activities, sessions, case notes): the
// backend answers a retry carrying the same key with the first result, so a lost answer never
// creates twice. Not a secret, so Math.random is enough; crypto.randomUUID is missing on older
// WeChat clients.
import { useMemo, useRef } from 'react'

export function newRequestId(): string {
  let id = Date.now().toString(36)
  while (id.length < 32) id += Math.floor(Math.random() * 36).toString(36)
  return id
}

export interface AttemptKey {
  /** The key of the attempt with this content: the same content again (a retry) gets the same key. */
  keyFor(content: unknown): string
  /** The attempt succeeded: the next press, even with the same content, creates something new. */
  settled(): void
}

/**
 * A form's current attempt. Pressing again after an error or a lost answer with unchanged content
 * sends the same requestId (the backend answers what the first press made, if it made anything);
 * changed content, or pressing after a success (an officer issuing a second invite for the same
 * person), is a new attempt with a new key.
 */
export function useAttemptKey(): AttemptKey {
  const attempt = useRef<{ content: string; requestId: string } | null>(null)
  return useMemo(
    () => ({
      keyFor(content) {
        const text = JSON.stringify(content)
        if (attempt.current?.content !== text) attempt.current = { content: text, requestId: newRequestId() }
        return attempt.current.requestId
      },
      settled() {
        attempt.current = null
      },
    }),
    [],
  )
}
