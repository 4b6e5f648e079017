// The outbox: submissions made without a connection, or whose answer never came, kept on the
// device with their requestId and sent again when the network returns, when the app opens and
// on a backoff timer. The person sees them in one place (我的 › 等待发送). The rules live in
// outbox-queue.ts; this module stores the queue and sends.
//
// A page adopts it by sending through `submitOrQueue` (docs/offline.md): the answer when it
// came, `queued` when the connection failed, and the backend's refusal as a CloudCallError.
import { useEffect, useRef, useState } from 'react'
import type { ActionName, FunctionContract, InputOf, OutputOf } from '../core/contract'
import { call, callQueued, CloudCallError } from './cloud'
import { deviceOwner, readStored, writeStored } from './device-store'
import { clearDraft } from './drafts'
import { onNetworkChange } from './network'
import { dueEntries, enqueue, expire, nextDueAt, OutboxQueue, recordAttempt, type OutboxEntry, type OutboxKind } from './outbox-queue'

const KEY = 'fengqiao.outbox'

type Listener = (entries: OutboxEntry[]) => void
const listeners = new Set<Listener>()

function readQueue(): OutboxEntry[] {
  const parsed = OutboxQueue.safeParse(readStored(KEY))
  return parsed.success ? parsed.data : []
}

function writeQueue(queue: OutboxEntry[]) {
  writeStored(KEY, queue)
  const mine = queue.filter((entry) => entry.owner === deviceOwner())
  for (const listener of Array.from(listeners)) listener(mine)
}

/** Applies a rule to the stored queue; read fresh each time, so two pages never write over each other's entries. */
const update = (change: (queue: OutboxEntry[]) => OutboxEntry[]) => writeQueue(change(readQueue()))

export type Submitted<T> = { status: 'sent'; data: T } | { status: 'queued' }

export interface QueueAs {
  kind: OutboxKind
  /** The draft (useFormDraft's form name) to clear when the outbox sends it later. */
  draftKey?: string
}

/**
 * Sends a creating action whose input carries a requestId. When the connection fails, the
 * submission goes to the outbox and this resolves `queued`; a refusal by the backend rejects.
 */
export function submitOrQueue<F extends FunctionContract, A extends ActionName<F>>(
  contract: F,
  action: A,
  input: InputOf<F, A> & { requestId: string },
  as: QueueAs,
): Promise<Submitted<OutputOf<F, A>>> {
  return call(contract, action, input).then(
    (data): Submitted<OutputOf<F, A>> => ({ status: 'sent', data }),
    (err: unknown) => {
      if (!(err instanceof CloudCallError) || err.code !== 'UNAVAILABLE') throw err
      const submission = { requestId: input.requestId, kind: as.kind, fn: contract.name, data: { ...(input as object), action }, owner: deviceOwner(), ...(as.draftKey ? { draftKey: as.draftKey } : {}) }
      update((queue) => enqueue(queue, submission, Date.now()))
      schedule()
      return { status: 'queued' }
    },
  )
}

let flushing: Promise<void> | null = null

/** Sends what is due, oldest first; stops at the first connection failure (the rest would fail too). */
export function flushOutbox(ignoreBackoff = false): Promise<void> {
  if (flushing) return flushing
  update((queue) => expire(queue, Date.now()))
  const due = dueEntries(readQueue(), deviceOwner(), Date.now(), ignoreBackoff)
  const sendNext = (index: number): Promise<void> => {
    const entry = due[index]
    if (!entry || entry.data === null) return Promise.resolve()
    return callQueued(entry.fn, entry.data).then(
      () => {
        update((queue) => recordAttempt(queue, entry.requestId, { result: 'sent' }, Date.now()))
        if (entry.draftKey) clearDraft(entry.draftKey)
        return sendNext(index + 1)
      },
      (err: unknown) => {
        const code = err instanceof CloudCallError ? err.code : 'INTERNAL'
        if (code === 'UNAVAILABLE') {
          update((queue) => recordAttempt(queue, entry.requestId, { result: 'unreachable' }, Date.now()))
          return
        }
        const refused = { result: 'refused' as const, code }
        update((queue) => recordAttempt(queue, entry.requestId, refused, Date.now()))
        return sendNext(index + 1)
      },
    )
  }
  flushing = sendNext(0).then(() => {
    flushing = null
    schedule()
  })
  return flushing
}

let timer: ReturnType<typeof setTimeout> | null = null

/** One timer for the next due entry (backoff); none when nothing waits. */
function schedule() {
  if (timer) clearTimeout(timer)
  timer = null
  const at = nextDueAt(readQueue(), deviceOwner())
  if (at !== null) timer = setTimeout(() => void flushOutbox(), Math.max(0, at - Date.now()))
}

let started = false

/** From app.tsx, once: send what waited since the app was last open, and again whenever the network returns. */
export function startOutbox() {
  if (started) return
  started = true
  void flushOutbox(true)
  onNetworkChange((online) => {
    if (online) void flushOutbox(true)
  })
}

/** The current person's entries, newest first, kept up to date. */
export function useOutbox(): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>(() => readQueue().filter((entry) => entry.owner === deviceOwner()))
  useEffect(() => {
    const listener: Listener = (mine) => setEntries(mine)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return [...entries].sort((a, b) => b.createdAt - a.createdAt)
}


/**
 * For a form whose submission may wait in the outbox under `draftKey`: whether one waits now, and
 * `onSettled` once the outbox got its answer (sent: the form starts over; refused: it says why).
 */
export function useQueued(draftKey: string, onSettled: (entry: OutboxEntry) => void): boolean {
  const entries = useOutbox()
  const waiting = entries.find((entry) => entry.state === 'waiting' && entry.draftKey === draftKey)
  const watched = useRef<string | null>(null)
  const onSettledRef = useRef(onSettled)
  onSettledRef.current = onSettled
  useEffect(() => {
    if (waiting) {
      watched.current = waiting.requestId
      return
    }
    const settled = watched.current ? entries.find((entry) => entry.requestId === watched.current) : undefined
    watched.current = null
    if (settled) onSettledRef.current(settled)
  })
  return waiting !== undefined
}

/** The backend's refusal of a queued submission, for the form's own refusal message. */
export const refusalOf = (entry: OutboxEntry) => new CloudCallError(entry.refusedWith ?? 'INTERNAL', 'refused when the outbox sent it')
