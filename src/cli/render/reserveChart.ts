/**
 * A small line chart of the reserve ratio for the terminal (asciichart),
 * shown under the summary table when stdout is a terminal: the shape of the
 * reserve at a glance, with the years it spans and where it turns negative.
 */
import * as asciichart from 'asciichart';
import type { ProjectionYear } from '../../core/types.js';

export interface ChartStyle {
  colour: boolean;
}

/** Columns of the plot at most: one a year, every k-th year beyond that. */
const MAX_POINTS = 100;
const HEIGHT = 10;
const LABEL_WIDTH = 8;

/**
 * The chart as text (ending in a newline), or '' when no year has a reserve
 * ratio. Years without one (no expenditure) are left out and counted.
 */
export function renderReserveChart(rows: readonly Pick<ProjectionYear, 'year' | 'reserve_ratio'>[], style: ChartStyle): string {
  const known = rows.filter((row): row is { year: number; reserve_ratio: number } => row.reserve_ratio !== null);
  if (known.length === 0) return '';
  const every = Math.ceil(known.length / MAX_POINTS);
  const points = known.filter((_, index) => index % every === 0 || index === known.length - 1);
  const values = points.map((row) => row.reserve_ratio);
  const offset = LABEL_WIDTH + 2;
  const plot = asciichart.plot(values, {
    height: HEIGHT,
    offset,
    format: (value: number) => value.toFixed(1).padStart(LABEL_WIDTH),
    ...(style.colour ? { colors: [asciichart.blue] } : {}),
  });
  const first = points[0]!.year;
  const last = points[points.length - 1]!.year;
  const axis = `${' '.repeat(offset - 1)}${String(first)}${String(last).padStart(Math.max(points.length - String(first).length, String(last).length + 1))}`;
  const left = rows.length - known.length;
  const notes = [
    `  Reserve ratio (reserve at year end ÷ that year's expenditure), ${first}–${last}${every > 1 ? `, every ${every}th year` : ''}.`,
    ...(left > 0 ? [`  ${left} year${left === 1 ? '' : 's'} without expenditure (no ratio) left out.`] : []),
  ];
  return `${plot}\n${axis}\n${notes.join('\n')}\n`;
}
