// The times an officer types for a door-to-door visit: station wall-clock times become instants.
import { parseProposedTimes } from '../../src/packages/officer/desk/proposed-times'

describe('parseProposedTimes', () => {
  it('reads several station times, separated by ASCII or full-width commas, as one-hour visits', () => {
    expect(parseProposedTimes('2026-05-21 10:00, 2026-05-22 9:30\uFF0C2026-05-23 15:00')).toEqual([
      { startsAt: '2026-05-21T02:00:00.000Z', endsAt: '2026-05-21T03:00:00.000Z' },
      { startsAt: '2026-05-22T01:30:00.000Z', endsAt: '2026-05-22T02:30:00.000Z' },
      { startsAt: '2026-05-23T07:00:00.000Z', endsAt: '2026-05-23T08:00:00.000Z' },
    ])
  })

  it.each([[''], ['tomorrow 10:00'], ['2026-05-21'], ['2026-05-21 10:00, 2026-05-22 11:00, 2026-05-23 11:00, 2026-05-24 11:00, 2026-05-25 11:00, 2026-05-26 11:00']])(
    'answers null for %p (empty, malformed, or more than the five the backend takes)',
    (text) => {
      expect(parseProposedTimes(text)).toBeNull()
    },
  )
})
