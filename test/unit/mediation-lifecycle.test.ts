// The mediation state machine: every transition from every status, the deadlines per level, and
// escalation (by the officer or by a missed deadline) up to the joint panel.
import { ALLOWED_FROM, CaseStatus, DEFAULT_MEDIATION_CONFIG, TransitionName, decide, initialChange, mediationConfigWith, nextDeadline, type CaseState } from '../../src/core/mediation'
import { dayjs } from '../../src/core/time'

const NOW = dayjs('2026-05-21T00:00:00Z')
const config = DEFAULT_MEDIATION_CONFIG

const buildState = (overrides: Partial<CaseState> = {}): CaseState => ({
  status: 'in_mediation',
  level: 1,
  levelSince: NOW.toDate(),
  sessionsPending: 1,
  sessionsHeld: 1,
  everAccepted: true,
  ...overrides,
})

describe('decide', () => {
  const illegal = TransitionName.options.flatMap((transition) =>
    CaseStatus.options.filter((status) => !ALLOWED_FROM[transition].includes(status)).map((status) => [transition, status] as const),
  )

  it.each(illegal)('refuses %s from %s with FAILED_PRECONDITION', (transition, status) => {
    // Overdue checks need a passed deadline; a late `now` rules that reason out.
    const decision = decide(buildState({ status }), transition, NOW.add(60, 'day'), config)
    expect(decision).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })

  it('covers every transition with at least one illegal start', () => {
    expect(new Set(illegal.map(([t]) => t))).toEqual(new Set(TransitionName.options))
  })

  it('lets the resident withdraw only before anybody accepted the case', () => {
    expect(decide(buildState({ status: 'submitted', everAccepted: false }), 'withdraw', NOW, config)).toMatchObject({ ok: true, change: { status: 'withdrawn', deadlineAt: null, watchAt: null } })
    expect(decide(buildState({ status: 'submitted', everAccepted: true }), 'withdraw', NOW, config)).toMatchObject({ ok: false })
  })

  it('holds a session only when one is scheduled, and records an agreement only after a session was held', () => {
    expect(decide(buildState({ sessionsPending: 0 }), 'hold', NOW, config)).toMatchObject({ ok: false })
    expect(decide(buildState({ sessionsHeld: 0 }), 'settle', NOW, config)).toMatchObject({ ok: false })
    expect(decide(buildState({ level: 2 }), 'settle', NOW, config)).toMatchObject({ ok: true, change: { status: 'settled', outcome: 'settled', settledLevel: 2, deadlineAt: null } })
  })

  it('escalates "not settled" at levels 1 and 2 to the next level, awaiting acceptance there', () => {
    const later = NOW.add(2, 'day')
    const decision = decide(buildState({ level: 1 }), 'not_settled', later, config)
    expect(decision).toMatchObject({ ok: true, event: { kind: 'escalated', level: 2 }, change: { status: 'escalated', level: 2, levelSince: later.toDate(), deadlineKind: 'accept' } })
    expect(decide(buildState({ level: 2 }), 'not_settled', later, config)).toMatchObject({ ok: true, change: { level: 3, status: 'escalated' } })
  })

  it('ends "not settled" at level 3, ready to close', () => {
    const decision = decide(buildState({ level: 3 }), 'not_settled', NOW, config)
    expect(decision).toMatchObject({ ok: true, change: { status: 'not_settled', outcome: 'not_settled', level: 3, watchAt: null } })
    expect(decide(buildState({ status: 'not_settled', level: 3 }), 'close', NOW, config)).toMatchObject({ ok: true, change: { status: 'closed', closedAt: NOW.toDate() } })
  })
})

describe('deadlines', () => {
  it('starts a case at level 1 with 24 hours to accept', () => {
    expect(initialChange(NOW, config)).toEqual({
      status: 'submitted',
      level: 1,
      levelSince: NOW.toDate(),
      deadlineAt: NOW.add(24, 'hour').toDate(),
      deadlineKind: 'accept',
      watchAt: NOW.add(24, 'hour').toDate(),
    })
  })

  it('gives 3 days for the first session, then 15 days to settle, counted from reaching the level', () => {
    const since = NOW.toDate()
    expect(nextDeadline('accepted', 1, since, 0, config)).toEqual({ at: NOW.add(3, 'day').toDate(), kind: 'first_session' })
    expect(nextDeadline('in_mediation', 1, since, 0, config)).toEqual({ at: NOW.add(3, 'day').toDate(), kind: 'first_session' })
    expect(nextDeadline('in_mediation', 1, since, 1, config)).toEqual({ at: NOW.add(15, 'day').toDate(), kind: 'settle' })
    expect(nextDeadline('closed', 1, since, 1, config)).toBeNull()
  })

  it('reads each level’s deadlines from configuration', () => {
    const custom = mediationConfigWith({ deadlines: [{ acceptHours: 12, firstSessionHours: 48, settleHours: 240 }, { acceptHours: 6, firstSessionHours: 24, settleHours: 120 }, { acceptHours: 48, firstSessionHours: 96, settleHours: 480 }] })
    expect(nextDeadline('escalated', 2, NOW.toDate(), 0, custom)?.at).toEqual(NOW.add(6, 'hour').toDate())
    expect(() => mediationConfigWith({ deadlines: [] })).toThrow()
  })

  it('escalates a missed deadline once it has passed, never before', () => {
    const state = buildState({ status: 'submitted', everAccepted: false, sessionsHeld: 0, sessionsPending: 0 })
    expect(decide(state, 'overdue', NOW.add(23, 'hour'), config)).toMatchObject({ ok: false })
    expect(decide(state, 'overdue', NOW.add(24, 'hour'), config)).toMatchObject({ ok: true, change: { status: 'escalated', level: 2, overdue: true } })
  })

  it('marks a case overdue at level 3 without escalating further, and stops watching it', () => {
    const state = buildState({ status: 'accepted', level: 3, sessionsHeld: 0 })
    expect(decide(state, 'overdue', NOW.add(4, 'day'), config)).toMatchObject({ ok: true, change: { status: 'accepted', level: 3, overdue: true, watchAt: null, deadlineKind: 'first_session' } })
  })
})
