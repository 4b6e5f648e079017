// How the dashboard words a figure's value and its freshness, and the rows of the CSV export.
import { COMPARISON, COMPARISON_KEYS, FIGURES, csvValue, type ComparisonKey, type FigureFormat, type FigureKey } from '../../../core/stats'
import type { DashboardView, FigureValue, RequestFiguresView } from '../../../core/stats/contract'
import type { Freshness } from '../../../core/stats/freshness'
import { formatStationTime } from '../../../services/station-time'
import type { CatalogTranslate } from '../../../services/use-catalog-t'
import type { DashboardMessageKey } from './i18n'

type T = CatalogTranslate<DashboardMessageKey>

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10)

/** Under an hour, minutes: a median of 20 minutes is not "0 hours". */
const hoursText = (t: T, hours: number) => (hours < 1 ? t('dash.value.minutes', { value: String(Math.round(hours * 60)) }) : t('dash.value.hours', { value: oneDecimal(hours) }))

function formatted(t: T, value: number | null, format: FigureFormat): string {
  if (value === null) return t('dash.value.none')
  if (format === 'rate') return t('dash.value.percent', { value: oneDecimal(value * 100) })
  if (format === 'hours') return hoursText(t, value)
  if (format === 'days') return t('dash.value.days', { value: oneDecimal(value) })
  return String(value)
}

export function valueText(t: T, figure: FigureValue): string {
  if (!figure.applies) return t('dash.value.na')
  return formatted(t, figure.value, FIGURES[figure.key].format)
}

/** The label of a figure the stations are compared on: the tile's own label. */
export const comparisonLabel = (t: T, key: ComparisonKey): string =>
  key === 'requestsReceived' ? t('dash.requests.received') : key === 'requestsOnTimeRate' ? t('dash.requests.onTimeRate') : key === 'requestsMedianHoursToAnswer' ? t('dash.requests.medianHoursToAnswer') : t(`dash.figure.${key}`)

export const comparisonText = (t: T, key: ComparisonKey, value: number | null) => formatted(t, value, COMPARISON[key].format)

/** "11-29" out of "2026-11-29", and the time of day of an instant: a tile has little room. */
const shortDay = (day: string) => day.slice(5)
const shortTime = (instant: string) => formatStationTime(instant).slice(5)

/** A figure's freshness in a tile's line: the last rolled-up day and when the rest was counted. */
export function freshnessText(t: T, freshness: Freshness): string {
  const { rollupThrough, liveAt } = freshness
  if (rollupThrough && liveAt) return t('dash.fresh.mixed', { day: shortDay(rollupThrough), time: shortTime(liveAt) })
  if (rollupThrough) return t('dash.fresh.rolled', { day: shortDay(rollupThrough) })
  return t('dash.fresh.live', { time: liveAt ? shortTime(liveAt) : '' })
}

/** The requests desk's tiles, in the order the station reports them: label, value on screen, value and unit in the CSV. */
export function requestFigureTexts(t: T, r: RequestFiguresView) {
  const none = t('dash.value.none')
  const shown = (value: number | null, text: (v: number) => string) => (value === null ? none : text(value))
  return [
    { key: 'received', label: t('dash.requests.received'), value: String(r.received), csv: csvValue(r.received, 'count'), unit: t('dash.csv.unit.count') },
    { key: 'onTimeRate', label: t('dash.requests.onTimeRate'), value: shown(r.onTimeRate, (v) => t('dash.value.percent', { value: oneDecimal(v * 100) })), csv: csvValue(r.onTimeRate, 'rate'), unit: t('dash.csv.unit.rate') },
    { key: 'medianHoursToAnswer', label: t('dash.requests.medianHoursToAnswer'), value: shown(r.medianHoursToAnswer, (v) => hoursText(t, v)), csv: csvValue(r.medianHoursToAnswer, 'hours'), unit: t('dash.csv.unit.hours') },
    { key: 'reopened', label: t('dash.requests.reopened'), value: String(r.reopened), csv: csvValue(r.reopened, 'count'), unit: t('dash.csv.unit.count') },
    { key: 'meanRating', label: t('dash.requests.satisfaction'), value: shown(r.meanRating, (v) => t('dash.requests.rating', { value: String(v) })), csv: r.meanRating, unit: t('dash.csv.unit.rating') },
  ] as const
}

/** When the rollups the figures read were computed, said once for the page; null without rollups. */
export const rollupComputedText = (t: T, freshness: Freshness) => (freshness.rollupComputedAt ? t('dash.fresh.computed', { computed: shortTime(freshness.rollupComputedAt) }) : null)

const UNIT: Record<(typeof FIGURES)[FigureKey]['format'], DashboardMessageKey> = { count: 'dash.csv.unit.count', rate: 'dash.csv.unit.rate', hours: 'dash.csv.unit.hours', days: 'dash.csv.unit.days' }

/**
 * One row per figure, each naming its scope, period and freshness, so a row read alone still says
 * what it counts; at the bureau scope, then one row per station and compared figure.
 */
export function csvRows(t: T, view: DashboardView, scopeName: string, stationName: (name: DashboardView['stations'][number]['name']) => string) {
  const header = [t('dash.csv.scope'), t('dash.csv.period'), t('dash.csv.figure'), t('dash.csv.value'), t('dash.csv.unit'), t('dash.csv.asOf')]
  const period = t('dash.period.range', { from: view.period.from, to: view.period.to })
  const rows = view.figures
    .filter((f) => f.applies)
    .map((f) => [scopeName, period, t(`dash.figure.${f.key}`), csvValue(f.value, FIGURES[f.key].format), t(UNIT[FIGURES[f.key].format]), freshnessText(t, f.freshness)])
  const requestsFresh = freshnessText(t, view.requests.freshness)
  for (const tile of requestFigureTexts(t, view.requests)) rows.push([scopeName, period, tile.label, tile.csv, tile.unit, requestsFresh])
  const fresh = freshnessText(t, view.freshness)
  for (const station of view.stations) {
    for (const key of COMPARISON_KEYS) {
      const format = COMPARISON[key].format
      rows.push([stationName(station.name), period, comparisonLabel(t, key), csvValue(station.values[key] ?? null, format), t(UNIT[format]), fresh])
    }
  }
  return { header, rows }
}
