/**
 * The charts of a simulate folder (methodology §10): fan charts of per-year
 * percentiles (one hue, the outer band lighter, the median dark), the ruin
 * curve, and the spread of the GAP across scenarios.
 */
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { isPercentileColumn } from '../columns.js';
import { numbers, texts, type OutputTable } from '../outputTable.js';
import { PALETTE } from '../theme.js';
import { layered, PERCENT_FORMAT, referenceLine, seriesLines, xDomain, yearAxis, type Layer, type SeriesPoint } from './layers.js';

/** Percentiles listed in percentiles.csv, ascending: `p2.5` → 2.5. */
export function percentilesOf(table: OutputTable): number[] {
  return table.columns.filter(isPercentileColumn).map((column) => Number(column.slice(1))).sort((a, b) => a - b);
}

/** The bands of a fan, outermost first: symmetric pairs around the median, at most two. */
export function fanBands(percentiles: readonly number[]): { low: number; high: number }[] {
  const below = percentiles.filter((q) => q < 50);
  const above = percentiles.filter((q) => q > 50).reverse();
  return below.slice(0, Math.min(2, below.length, above.length)).map((low, index) => ({ low, high: above[index]! }));
}

/** The median or, failing it, the percentile nearest to 50. */
export function centralPercentile(percentiles: readonly number[]): number | undefined {
  return [...percentiles].sort((a, b) => Math.abs(a - 50) - Math.abs(b - 50) || a - b)[0];
}

const label = (q: number) => `P${q}`;

interface FanOptions {
  id: string;
  variable: string;
  title: string;
  yTitle: string;
  yFormat: string;
  note: string;
  /** A horizontal line to draw, e.g. the deterministic GAP. */
  reference?: { value: number; label: string } | undefined;
}

export function fanChart(table: OutputTable, options: FanOptions): ChartFigure | MissingChart {
  const variables = texts(table, 'variable')!;
  const years = numbers(table, 'year')!;
  const rows = variables.map((variable, index) => ({ variable, index })).filter((row) => row.variable === options.variable);
  const percentiles = percentilesOf(table);
  const centre = centralPercentile(percentiles);
  if (rows.length === 0 || centre === undefined) return { title: options.title, reason: `percentiles.csv has no ${options.variable} rows or no percentile columns` };
  const bands = fanBands(percentiles);
  const column = (q: number) => numbers(table, `p${q}`)!;
  const bandNames = bands.map(({ low, high }) => `${label(low)}–${label(high)}: ${Number((high - low).toFixed(6))}% of scenarios`);
  const centreName = centre === 50 ? 'Median (P50)' : label(centre);
  const names = [...bandNames, centreName];
  const colours = [...(bands.length === 2 ? ['#c6dbef', '#6baed6'] : ['#9ecae1']), '#08306b'];
  const bandValues = bands.flatMap(({ low, high }, band) => rows.flatMap(({ index }) => {
    const [lowValue, highValue] = [column(low)[index], column(high)[index]];
    return lowValue === null || highValue === null || lowValue === undefined || highValue === undefined ? [] : [{ x: years[index]!, low: lowValue, high: highValue, series: bandNames[band]! }];
  }));
  const median: SeriesPoint[] = rows.flatMap(({ index }) => {
    const value = column(centre)[index];
    return value === null || value === undefined ? [] : [{ series: centreName, x: years[index]!, value }];
  });
  const colour = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: names, range: colours }, sort: names };
  const layers: Layer[] = [
    {
      data: { values: bandValues },
      mark: { type: 'area', opacity: 1 },
      encoding: {
        x: yearAxis(xDomain(bandValues)),
        y: { field: 'low', type: 'quantitative', title: options.yTitle, axis: { format: options.yFormat } },
        y2: { field: 'high' },
        color: colour,
      },
    },
    { ...seriesLines(median, names, colours, options.yTitle, options.yFormat), mark: { type: 'line', strokeWidth: 2.5 } },
    ...(options.reference === undefined ? [] : referenceLine(options.reference.value, options.reference.label, PALETTE.vermillion)),
  ];
  return { id: options.id, title: options.title, note: options.note, spec: layered(layers, { height: 300 }) };
}

export function ruinChart(table: OutputTable | undefined): ChartFigure | MissingChart {
  const title = 'Ruin curve: share of scenarios depleted, and in deficit, by each year (%)';
  const years = table && numbers(table, 'year');
  if (table === undefined || years === undefined) return { title, reason: 'ruin.csv is absent' };
  const series: [string, string][] = [['depleted_share', 'Reserve depleted by this year'], ['deficit_share', 'Contribution income short of expenditure by this year']];
  const present = series.filter(([column]) => table.columns.includes(column));
  const points = present.flatMap(([column, name]) => numbers(table, column)!.flatMap((value, index) => (value === null ? [] : [{ series: name, x: years[index]!, value }])));
  return {
    id: 'ruin',
    title,
    note: 'ruin.csv: the share of scenarios whose depletion year (first deficit year) is at or before each year (methodology §10).',
    spec: layered([seriesLines(points, present.map(([, name]) => name), [PALETTE.vermillion, PALETTE.orange], 'Share of scenarios', PERCENT_FORMAT, [[1, 0], [6, 3]])]),
  };
}

export function gapHistogram(table: OutputTable | undefined, deterministicGap: number | null | undefined): ChartFigure | MissingChart {
  const title = 'Spread of the GAP across scenarios (% of insured earnings; count of scenarios)';
  const gaps = table && numbers(table, 'gap');
  if (gaps === undefined) return { title, reason: 'scenarios.csv has no gap column' };
  const values = gaps.filter((gap): gap is number => gap !== null).map((gap) => ({ gap }));
  const layers: Layer[] = [
    {
      data: { values },
      mark: { type: 'bar', color: PALETTE.blue, opacity: 0.85, binSpacing: 1 },
      encoding: {
        x: { field: 'gap', type: 'quantitative', bin: { maxbins: 30 }, title: 'GAP of the scenario (% of insured earnings)', axis: { format: '.0%', labelOverlap: 'parity', labelSeparation: 6 } },
        y: { aggregate: 'count', type: 'quantitative', title: 'Scenarios' },
      },
    },
  ];
  if (typeof deterministicGap === 'number') {
    layers.push(
      { data: { values: [{ gap: deterministicGap }] }, mark: { type: 'rule', color: PALETTE.vermillion, strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x: { field: 'gap', type: 'quantitative' } } },
      {
        data: { values: [{ gap: deterministicGap, text: `Best estimate ${(deterministicGap * 100).toFixed(2)}%` }] },
        mark: { type: 'text', align: 'left', dx: 4, baseline: 'top', color: PALETTE.vermillion, fontWeight: 'bold' },
        encoding: { x: { field: 'gap', type: 'quantitative' }, y: { value: 2 }, text: { field: 'text' } },
      },
    );
  }
  return {
    id: 'gap-spread',
    title,
    note: 'scenarios.csv gap, one value per scenario; the dashed line is the deterministic projection\'s GAP (summary.json).',
    spec: layered(layers, { height: 220 }),
  };
}
