// The dashboard's three charts as F2 (v5) elements: weekly trend, settled and satisfaction rates
// by community, disputes by type. Built with F2's own `jsx` function rather than JSX syntax, since
// this project's JSX compiles to React elements and F2 renders its own element tree on a canvas.
import { Axis, Chart, Interval, Legend, Line, Point, jsx } from '@antv/f2'

/**
 * F2's `jsx` is typed for its own JSX compiler, which infers each component's props; called by
 * hand, the generic component classes do not fit its ElementType, so the type is widened here.
 */
const el = (type: unknown, props: Record<string, unknown>) => jsx(type as Parameters<typeof jsx>[0], props)

/** Two series in the station's colours: police blue and a warm contrast readable by the colour-blind. */
const COLORS = ['#1d3f7a', '#e08a1e']

export interface SeriesPoint {
  x: string
  series: string
  value: number
}

const LEGEND = el(Legend, { position: 'top', nameStyle: { fontSize: 12 } })

/** F2's padding (its half-pixel units) with room on the right for the last axis label ("100", "11-30"). */
const STYLE = { padding: ['30px', '56px', '30px', '30px'] }

/** Lines over time, one per series; a few x labels only, since a year has 52 weeks. */
export function trendLines(points: SeriesPoint[]) {
  return el(Chart, {
    data: points,
    style: STYLE,
    scale: { x: { tickCount: 5 }, value: { min: 0, nice: true } },
    children: [
      el(Axis, { field: 'x', style: { label: { fontSize: 11 } } }),
      el(Axis, { field: 'value', style: { label: { fontSize: 11 } } }),
      el(Line, { x: 'x', y: 'value', color: { field: 'series', range: COLORS } }),
      el(Point, { x: 'x', y: 'value', color: { field: 'series', range: COLORS }, size: 2 }),
      LEGEND,
    ],
  })
}

/** Horizontal grouped bars of percentages, one group per name. */
export function groupedBars(points: SeriesPoint[]) {
  return el(Chart, {
    data: points,
    style: STYLE,
    coord: { transposed: true },
    scale: { value: { min: 0, max: 100 } },
    children: [
      el(Axis, { field: 'x', style: { label: { fontSize: 11 } } }),
      el(Axis, { field: 'value', style: { label: { fontSize: 11 } } }),
      el(Interval, { x: 'x', y: 'value', color: { field: 'series', range: COLORS }, adjust: 'dodge' }),
      LEGEND,
    ],
  })
}

/** One bar per category, largest first (the order of `points`). */
export function bars(points: Array<{ x: string; value: number }>) {
  return el(Chart, {
    data: points,
    style: STYLE,
    coord: { transposed: true },
    scale: { value: { min: 0, nice: true, tickInterval: 1 } },
    children: [el(Axis, { field: 'x', style: { label: { fontSize: 11 } } }), el(Axis, { field: 'value', style: { label: { fontSize: 11 } } }), el(Interval, { x: 'x', y: 'value', color: COLORS[0] })],
  })
}
