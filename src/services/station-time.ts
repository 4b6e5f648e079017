// Instants (stored in UTC) as the station reads them: its wall clock, "2026-11-24 13:05".
// The station's zone, Asia/Shanghai, has kept UTC+8 without daylight saving since 1991, so a
// fixed offset gives the same answer as a zone database. Doing it in these few lines keeps dayjs
// and its zone plugins (about 12 KB) out of the residents' main package; subpackages that
// compute with dates use core/time.
const STATION_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

const two = (n: number) => String(n).padStart(2, '0')

export function formatStationTime(instant: string): string {
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) return instant
  const d = new Date(ms + STATION_UTC_OFFSET_MS)
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

/** The station's date today, YYYY-MM-DD (the upper bound of a birth-date picker, the lower one of a session's). */
export function todayInStation(nowMs: number = Date.now()): string {
  return formatStationTime(new Date(nowMs).toISOString()).slice(0, 10)
}
