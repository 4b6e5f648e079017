// Timer triggers from config.json ("triggers": [{ name, type: "timer", config: "0 */5 * * * * *" }]).
// WeChat/SCF cron has 7 fields: second minute hour day-of-month month day-of-week year, with
// *, lists (a,b), ranges (a-b), steps (*/n, a-b/n), month/day names and 0 or 7 = Sunday.
// The scheduler ticks once per second and fires every trigger whose expression matches.

const NAMES: Record<string, number> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
  SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6,
}

const RANGES: Array<[number, number]> = [
  [0, 59], // second
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 7], // day of week
  [1970, 2199], // year
]

function parseField(expr: string, [min, max]: [number, number]): Set<number> | null {
  if (expr === '*' || expr === '?') return null
  const out = new Set<number>()
  const num = (s: string): number => {
    const n = NAMES[s.toUpperCase()] ?? Number(s)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`value ${s} out of range ${min}-${max}`)
    return n
  }
  for (const part of expr.split(',')) {
    const [range, stepStr] = part.split('/')
    const step = stepStr === undefined ? 1 : Number(stepStr)
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid step in ${part}`)
    let lo: number
    let hi: number
    if (range === '*' || range === '?') [lo, hi] = [min, max]
    else if (range.includes('-')) {
      const [a, b] = range.split('-')
      lo = num(a)
      hi = num(b)
    } else {
      lo = num(range)
      hi = stepStr === undefined ? lo : max
    }
    for (let v = lo; v <= hi; v += step) out.add(v)
  }
  return out
}

export class Cron {
  private readonly fields: Array<Set<number> | null>
  constructor(readonly expr: string) {
    const parts = expr.trim().split(/\s+/)
    if (parts.length === 6) parts.push('*')
    if (parts.length !== 7) throw new Error(`cron "${expr}" must have 7 fields (second minute hour day month weekday year)`)
    this.fields = parts.map((p, i) => parseField(p, RANGES[i]))
    const dow = this.fields[5]
    if (dow?.has(7)) dow.add(0)
  }

  matches(d: Date): boolean {
    const values = [d.getSeconds(), d.getMinutes(), d.getHours(), d.getDate(), d.getMonth() + 1, d.getDay(), d.getFullYear()]
    const ok = (i: number): boolean => this.fields[i] === null || this.fields[i]!.has(values[i])
    if (![0, 1, 2, 4, 6].every(ok)) return false
    const dom = this.fields[3]
    const dow = this.fields[5]
    // classic cron: when both day fields are restricted, either may match
    if (dom && dow) return dom.has(values[3]) || dow.has(values[5])
    return ok(3) && ok(5)
  }
}

export interface ScheduledTrigger {
  fn: string
  trigger: string
  cron: Cron
}

/** Fires `run(fn, trigger, time)` each second a trigger matches, until stopped. */
export class TimerScheduler {
  private timer: NodeJS.Timeout | null = null
  private lastSecond = 0

  constructor(
    private readonly triggers: () => ScheduledTrigger[],
    private readonly run: (fn: string, trigger: string, time: Date) => void,
  ) {}

  start(): void {
    const tick = (): void => {
      const now = Date.now()
      const second = Math.floor(now / 1000)
      if (second !== this.lastSecond) {
        this.lastSecond = second
        const at = new Date(second * 1000)
        for (const t of this.triggers()) if (t.cron.matches(at)) this.run(t.fn, t.trigger, at)
      }
      this.timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
      this.timer.unref()
    }
    tick()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

/** The event SCF passes to a function fired by a timer trigger. */
export function timerEvent(trigger: string, time: Date): Record<string, string> {
  return { Type: 'Timer', TriggerName: trigger, Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' }
}
