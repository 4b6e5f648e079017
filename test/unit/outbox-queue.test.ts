// The outbox's rules with an injected clock: what is due and in which order, the backoff after a
// failed attempt, expiry, and that an answered submission is never sent again.
import {
  backoffAfter,
  dueEntries,
  enqueue,
  expire,
  FIRST_BACKOFF_MS,
  KEEP_SETTLED_MS,
  MAX_BACKOFF_MS,
  nextDueAt,
  recordAttempt,
  WAIT_LIMIT_MS,
  type NewSubmission,
  type OutboxEntry,
} from '../../src/services/outbox-queue'

const T0 = Date.parse('2026-05-21T00:00:00Z')
const minutes = (n: number) => n * 60_000

function buildSubmission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  return { requestId: 'req-booking-000000001', kind: 'booking', fn: 'booking', data: { action: 'book', requestId: 'req-booking-000000001' }, owner: '', ...overrides }
}

const ids = (entries: OutboxEntry[]) => entries.map((entry) => entry.requestId)

describe('enqueue', () => {
  it('adds a waiting entry due at once', () => {
    const [entry] = enqueue([], buildSubmission(), T0)
    expect(entry).toMatchObject({ state: 'waiting', attempts: 0, nextAttemptAt: T0, createdAt: T0 })
  })

  describe('when the requestId is already queued', () => {
    it('keeps the one entry as it was, even once answered', () => {
      const sent = recordAttempt(enqueue([], buildSubmission(), T0), 'req-booking-000000001', { result: 'sent' }, T0 + 1)
      expect(enqueue(sent, buildSubmission(), T0 + 2)).toBe(sent)
    })
  })
})

describe('dueEntries', () => {
  const queue = [
    buildSubmission({ requestId: 'second', data: { n: 2 } }),
    buildSubmission({ requestId: 'first', data: { n: 1 } }),
    buildSubmission({ requestId: 'someone-elses', owner: 'demo-resident-2' }),
  ].reduce<OutboxEntry[]>((q, s, i) => enqueue(q, s, s.requestId === 'first' ? T0 : T0 + i + 1), [])

  it('answers the owner’s waiting entries oldest first', () => {
    expect(ids(dueEntries(queue, '', T0 + 10))).toEqual(['first', 'second'])
  })

  it('leaves out another person’s entries', () => {
    expect(ids(dueEntries(queue, 'demo-resident-2', T0 + 10))).toEqual(['someone-elses'])
  })

  it('leaves out an entry still in its backoff, unless told to ignore it (the network came back)', () => {
    const failed = recordAttempt(queue, 'first', { result: 'unreachable' }, T0 + 10)
    expect(ids(dueEntries(failed, '', T0 + 11))).toEqual(['second'])
    expect(ids(dueEntries(failed, '', T0 + 11, true))).toEqual(['first', 'second'])
  })
})

describe('recordAttempt', () => {
  const queued = enqueue([], buildSubmission(), T0)

  describe('when the connection failed', () => {
    it('waits longer after each failure, doubling up to the cap', () => {
      let queue = queued
      const waits: number[] = []
      let now = T0
      for (let i = 0; i < 8; i++) {
        queue = recordAttempt(queue, 'req-booking-000000001', { result: 'unreachable' }, now)
        waits.push(queue[0].nextAttemptAt - now)
        now = queue[0].nextAttemptAt
      }
      expect(waits.slice(0, 4)).toEqual([FIRST_BACKOFF_MS, 2 * FIRST_BACKOFF_MS, 4 * FIRST_BACKOFF_MS, 8 * FIRST_BACKOFF_MS])
      expect(waits.at(-1)).toBe(MAX_BACKOFF_MS)
      expect(queue[0]).toMatchObject({ state: 'waiting', attempts: 8 })
      expect(dueEntries(queue, '', now)).toHaveLength(1)
    })
  })

  describe('when the backend accepted', () => {
    const sent = recordAttempt(queued, 'req-booking-000000001', { result: 'sent' }, T0 + minutes(1))

    it('marks it sent and drops what the person typed', () => {
      expect(sent[0]).toMatchObject({ state: 'sent', data: null, settledAt: T0 + minutes(1), attempts: 1 })
    })

    it('never sends it again, whatever happens next', () => {
      expect(dueEntries(sent, '', T0 + minutes(60), true)).toEqual([])
      expect(recordAttempt(sent, 'req-booking-000000001', { result: 'unreachable' }, T0 + minutes(2))).toEqual(sent)
      expect(nextDueAt(sent, '')).toBeNull()
    })
  })

  describe('when the backend refused', () => {
    it('keeps the reason, drops the data and never sends it again', () => {
      const refused = recordAttempt(queued, 'req-booking-000000001', { result: 'refused', code: 'CONFLICT' }, T0 + 5)
      expect(refused[0]).toMatchObject({ state: 'refused', refusedWith: 'CONFLICT', data: null })
      expect(dueEntries(refused, '', T0 + minutes(60), true)).toEqual([])
    })
  })
})

describe('backoffAfter', () => {
  it('starts at the first wait and never passes the cap', () => {
    expect(backoffAfter(1)).toBe(FIRST_BACKOFF_MS)
    expect(backoffAfter(50)).toBe(MAX_BACKOFF_MS)
  })
})

describe('expire', () => {
  const queued = enqueue([], buildSubmission(), T0)

  it('keeps a waiting entry until the wait limit', () => {
    expect(expire(queued, T0 + WAIT_LIMIT_MS - 1)[0].state).toBe('waiting')
  })

  it('gives up a waiting entry at the wait limit, dropping its data, so it is never sent', () => {
    const [entry] = expire(queued, T0 + WAIT_LIMIT_MS)
    expect(entry).toMatchObject({ state: 'expired', data: null, settledAt: T0 + WAIT_LIMIT_MS })
    expect(dueEntries([entry], '', T0 + WAIT_LIMIT_MS, true)).toEqual([])
  })

  it('forgets an answered entry once it has been listed long enough', () => {
    const sent = recordAttempt(queued, 'req-booking-000000001', { result: 'sent' }, T0)
    expect(expire(sent, T0 + KEEP_SETTLED_MS - 1)).toHaveLength(1)
    expect(expire(sent, T0 + KEEP_SETTLED_MS)).toEqual([])
  })
})

describe('nextDueAt', () => {
  it('is the earliest waiting entry’s time, or null when nothing waits', () => {
    const queue = recordAttempt(enqueue(enqueue([], buildSubmission({ requestId: 'a' }), T0), buildSubmission({ requestId: 'b' }), T0 + 1), 'a', { result: 'unreachable' }, T0 + 2)
    expect(nextDueAt(queue, '')).toBe(T0 + 1)
    expect(nextDueAt([], '')).toBeNull()
  })
})
