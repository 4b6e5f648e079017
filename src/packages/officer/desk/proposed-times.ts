// What an officer types as the times they offer for a door-to-door visit, read as instants.
// Station time is UTC+8 without daylight saving (see services/station-time.ts).
/** A visit takes an hour unless the officer says otherwise later. */
const VISIT_MS = 60 * 60 * 1000

type ProposedTime = { startsAt: string; endsAt: string }
const isTime = (x: ProposedTime | null): x is ProposedTime => x !== null

/** "2026-05-21 10:00, 2026-05-22 15:30" in station time (UTC+8) → instants; null if any is malformed. */
export function parseProposedTimes(text: string): ProposedTime[] | null {
  const parts = text.split(/[,;\n\uFF0C\uFF1B]+/).map((s) => s.trim()).filter(Boolean)
  if (parts.length === 0 || parts.length > 5) return null
  const times = parts.map((part) => {
    const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(part)
    if (!match) return null
    const start = Date.parse(`${match[1]}T${match[2].padStart(2, '0')}:${match[3]}:00+08:00`)
    if (Number.isNaN(start)) return null
    return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + VISIT_MS).toISOString() }
  })
  return times.every(isTime) ? times : null
}
