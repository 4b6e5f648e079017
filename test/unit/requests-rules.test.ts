// The requests desk's pure rules: every transition from every status, deadlines in working days
// across weekends, holidays and 调休 working weekends, kinds and their routing to leadership.
import { ALLOWED_FROM, AUTO_CLOSE_DAYS, KIND_RULES, REQUEST_KINDS, RequestStatus, Transition, addWorkingDays, allowedNow, deadlinesOf, decide, handlerOf, initialChange, isWorkingDay, workingDaysBetween, type RequestState, type WorkCalendar } from '../../src/core/requests'
import { SubmitInput } from '../../src/core/requests/contract'
import { dayjs } from '../../src/core/time'

// Thursday 2026-05-21, 08:00 in the station's zone.
const NOW = dayjs('2026-05-21T00:00:00Z')
const REANSWER = dayjs('2026-06-01T16:00:00Z').toDate()

const buildState = (overrides: Partial<RequestState> = {}): RequestState => ({
  status: 'accepted',
  acceptBy: NOW.add(24, 'hour').toDate(),
  answerBy: NOW.add(5, 'day').toDate(),
  everAccepted: true,
  reopenCount: 0,
  answeredAt: null,
  escalated: [],
  ...overrides,
})

describe('decide', () => {
  const illegal = Transition.options.flatMap((transition) => RequestStatus.options.filter((status) => !ALLOWED_FROM[transition].includes(status)).map((status) => [transition, status] as const))

  it.each(illegal)('refuses %s from %s with FAILED_PRECONDITION', (transition, status) => {
    const decision = decide(buildState({ status, answeredAt: NOW.toDate() }), transition, NOW.add(60, 'day'), REANSWER)
    expect(decision).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })

  it('covers every transition with at least one illegal start', () => {
    expect(new Set(illegal.map(([t]) => t))).toEqual(new Set(Transition.options))
  })

  const legal: Array<[Transition, RequestStatus, Partial<RequestState>, RequestStatus]> = [
    ['withdraw', 'submitted', { everAccepted: false }, 'withdrawn'],
    ['withdraw', 'transferred', { everAccepted: false }, 'withdrawn'],
    ['accept', 'submitted', { everAccepted: false }, 'accepted'],
    ['accept', 'transferred', { everAccepted: false }, 'accepted'],
    ['transfer', 'submitted', { everAccepted: false }, 'transferred'],
    ['transfer', 'transferred', { everAccepted: false }, 'transferred'],
    ['transfer', 'accepted', {}, 'accepted'],
    ['transfer', 'reopened', { reopenCount: 1 }, 'accepted'],
    ['hand_off', 'accepted', {}, 'with_partner'],
    ['hand_off', 'reopened', { reopenCount: 1 }, 'with_partner'],
    ['hand_off', 'with_partner', {}, 'with_partner'],
    ['partner_answer', 'with_partner', {}, 'accepted'],
    ['reply', 'accepted', {}, 'answered'],
    ['reply', 'with_partner', {}, 'answered'],
    ['reply', 'reopened', { reopenCount: 1 }, 'answered'],
    ['confirm', 'answered', { answeredAt: NOW.toDate() }, 'closed'],
    ['not_resolved', 'answered', { answeredAt: NOW.toDate() }, 'reopened'],
    ['auto_close', 'answered', { answeredAt: NOW.subtract(AUTO_CLOSE_DAYS, 'day').toDate() }, 'closed'],
    ['rate', 'closed', {}, 'rated'],
    ['overdue', 'submitted', { everAccepted: false, acceptBy: NOW.subtract(1, 'minute').toDate() }, 'submitted'],
    ['overdue', 'accepted', { answerBy: NOW.subtract(1, 'minute').toDate() }, 'accepted'],
  ]

  it.each(legal)('%s from %s is allowed', (transition, status, overrides, to) => {
    expect(decide(buildState({ status, ...overrides }), transition, NOW, REANSWER)).toMatchObject({ ok: true, change: { status: to } })
  })

  it('lets the resident withdraw only before anybody accepted the request', () => {
    expect(decide(buildState({ status: 'transferred', everAccepted: true }), 'withdraw', NOW)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })

  it('reopens once, with a new answer deadline, and refuses a second "not resolved"', () => {
    const first = decide(buildState({ status: 'answered', answeredAt: NOW.toDate(), escalated: ['answer'] }), 'not_resolved', NOW, REANSWER)
    expect(first).toMatchObject({ ok: true, change: { status: 'reopened', reopenCount: 1, answerBy: REANSWER, deadlineAt: REANSWER, watchAt: REANSWER, escalated: [] } })
    expect(decide(buildState({ status: 'answered', answeredAt: NOW.toDate(), reopenCount: 1 }), 'not_resolved', NOW, REANSWER)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })

  it('closes an unconfirmed answer only after 7 days, and watches for that moment', () => {
    const answered = decide(buildState(), 'reply', NOW)
    expect(answered).toMatchObject({ ok: true, change: { status: 'answered', deadlineAt: null, watchAt: NOW.add(AUTO_CLOSE_DAYS, 'day').toDate() } })
    const state = buildState({ status: 'answered', answeredAt: NOW.toDate() })
    expect(decide(state, 'auto_close', NOW.add(AUTO_CLOSE_DAYS, 'day').subtract(1, 'second'))).toMatchObject({ ok: false })
    expect(decide(state, 'auto_close', NOW.add(AUTO_CLOSE_DAYS, 'day'))).toMatchObject({ ok: true, change: { status: 'closed', closedBy: 'system', watchAt: null, open: false } })
  })

  it('escalates each passed deadline once: acceptance, then the answer', () => {
    const late = buildState({ status: 'submitted', everAccepted: false, acceptBy: NOW.subtract(1, 'hour').toDate(), answerBy: NOW.add(2, 'day').toDate() })
    const first = decide(late, 'overdue', NOW)
    expect(first).toMatchObject({ ok: true, escalatedStep: 'accept', change: { status: 'submitted', overdue: true, escalated: ['accept'], watchAt: late.answerBy } })
    expect(decide({ ...late, escalated: ['accept'] }, 'overdue', NOW)).toMatchObject({ ok: false })
    const later = decide({ ...late, escalated: ['accept'] }, 'overdue', NOW.add(3, 'day'))
    expect(later).toMatchObject({ ok: true, escalatedStep: 'answer', change: { escalated: ['accept', 'answer'], watchAt: null } })
    expect(decide({ ...late, escalated: ['accept', 'answer'] }, 'overdue', NOW.add(3, 'day'))).toMatchObject({ ok: false })
  })

  it('refuses overdue before the deadline', () => {
    expect(decide(buildState({ status: 'submitted', everAccepted: false }), 'overdue', NOW)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
  })

  it('starts submitted, watched at the acceptance deadline', () => {
    const s = buildState()
    expect(initialChange(s)).toEqual({ status: 'submitted', open: true, deadlineAt: s.acceptBy, deadlineStep: 'accept', watchAt: s.acceptBy })
  })

  it('offers only the steps allowed now', () => {
    expect(allowedNow(buildState({ status: 'submitted', everAccepted: false }))).toEqual(['withdraw', 'accept', 'transfer'])
    expect(allowedNow(buildState({ status: 'answered', answeredAt: NOW.toDate(), reopenCount: 1 }))).toEqual(['confirm'])
  })
})

describe('working days', () => {
  // 2026 National Day: 1–7 October off; Sunday 27 September and Saturday 10 October worked (调休).
  const calendar: WorkCalendar = { holidays: [{ from: '2026-10-01', to: '2026-10-07', name: { zh: '国庆节', mn: 'ᠦᠨᠳᠦᠰᠦᠨ ᠦ ᠪᠠᠶᠠᠷ' } }], workingWeekendDays: ['2026-09-27', '2026-10-10'] }
  const local = (d: Date) => dayjs(d).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm')

  it('skips the weekend: filed Friday evening, 3 working days end with Wednesday', () => {
    expect(local(addWorkingDays(dayjs('2026-05-22T09:00:00Z'), 3, calendar))).toBe('2026-05-28 00:00')
  })

  it('counts from the next day in the station zone (a filing at 23:30 local is that day)', () => {
    // 2026-05-20T15:30Z is Wednesday 23:30 in Shanghai: Thursday is the first working day.
    expect(local(addWorkingDays(dayjs('2026-05-20T15:30:00Z'), 1, calendar))).toBe('2026-05-22 00:00')
  })

  it('skips a holiday week and counts the 调休 working Saturday', () => {
    // Filed Wednesday 30 September: 1–7 October off, Thursday 8, Friday 9, Saturday 10 (worked).
    expect(local(addWorkingDays(dayjs('2026-09-30T02:00:00Z'), 3, calendar))).toBe('2026-10-11 00:00')
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true)
    expect(isWorkingDay('2026-10-03', calendar)).toBe(false)
    expect(isWorkingDay('2026-09-27', calendar)).toBe(true)
  })

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(dayjs('2026-09-30T02:00:00Z'), dayjs('2026-10-09T02:00:00Z'), calendar)).toBe(2)
  })

  it('gives each kind its deadlines from filing', () => {
    const { acceptBy, answerBy } = deadlinesOf(dayjs('2026-05-22T09:00:00Z'), KIND_RULES.consultation.limits, calendar)
    expect(acceptBy.toISOString()).toBe('2026-05-23T09:00:00.000Z')
    expect(local(answerBy)).toBe('2026-05-28 00:00')
  })
})

describe('kinds', () => {
  it('documents a reason for every figure', () => {
    for (const kind of REQUEST_KINDS) {
      expect(KIND_RULES[kind].why.acceptHours.length).toBeGreaterThan(10)
      expect(KIND_RULES[kind].why.answerWorkingDays.length).toBeGreaterThan(10)
    }
  })

  it('sends a complaint about an officer to the leadership, a suggestion to the routed officer', () => {
    expect(handlerOf({ kind: 'complaint', type: 'complaint', aboutOfficer: true })).toBe('leadership')
    expect(handlerOf({ kind: 'complaint', type: 'complaint', aboutOfficer: false, officerId: 'officer-1' })).toBe('leadership')
    expect(handlerOf({ kind: 'complaint', type: 'suggestion', aboutOfficer: false })).toBe('routed_officer')
  })

  const base = { requestId: 'req-0123456789abcdef', text: '有人在草场上非法采砂' }
  it('allows anonymity only for tip-offs, and then only with a follow secret and no contact', () => {
    const secret = 'a'.repeat(43)
    expect(SubmitInput.safeParse({ ...base, details: { kind: 'tip_off', subject: 'other' }, anonymous: true, followSecret: secret }).success).toBe(true)
    expect(SubmitInput.safeParse({ ...base, details: { kind: 'consultation', topic: 'other' }, anonymous: true, followSecret: secret }).success).toBe(false)
    expect(SubmitInput.safeParse({ ...base, details: { kind: 'tip_off', subject: 'other' }, anonymous: true }).success).toBe(false)
    expect(SubmitInput.safeParse({ ...base, details: { kind: 'tip_off', subject: 'other' }, anonymous: true, followSecret: secret, contact: { phone: '13800000000' } }).success).toBe(false)
  })

  it('asks a fraud report for the number, account or link', () => {
    expect(SubmitInput.safeParse({ ...base, details: { kind: 'fraud_report', channel: 'phone', moneyLost: false } }).success).toBe(false)
    expect(SubmitInput.safeParse({ ...base, details: { kind: 'fraud_report', channel: 'phone', number: '+86 170 0000 0000', moneyLost: false } }).success).toBe(true)
  })
})
