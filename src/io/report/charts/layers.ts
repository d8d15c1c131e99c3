/**
 * Building blocks of the report's Vega-Lite specs: the year axis, series in
 * long form, reference lines, and the rules that mark a year (depletion,
 * first deficit) on a time chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, DASHES, PALETTE } from '../theme.js';

/** One layer of a layered chart. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** A point of a named series, the long form every multi-series chart takes. */
export interface SeriesPoint {
  series: string;
  x: number | string;
  value: number;
  /** Stacking order (areas), smallest at the bottom. */
  order?: number;
}

/**
 * Year ticks: the first year, then every multiple of a round step (1, 2, 5
 * or 10 years, for at most about 16 ticks), skipping one too close to the first.
 * @example yearTicks(2025, 2099) // [2025, 2030, 2035, …, 2095]
 */
export function yearTicks(first: number, last: number): number[] {
  const span = last - first;
  const step = [1, 2, 5, 10, 20, 50].find((candidate) => span / candidate <= 16) ?? 100;
  const ticks = [first];
  for (let year = Math.ceil((first + 1) / step) * step; year <= last; year += step) {
    if (year - first > step / 2) ticks.push(year);
  }
  return ticks;
}

/** The x channel of a time chart; with the years' range, round ticks. */
export const yearAxis = (domain?: readonly [number, number], title = 'Year') => ({
  field: 'x',
  type: 'quantitative' as const,
  title,
  axis: { format: 'd', ...(domain === undefined ? { tickMinStep: 1 } : { values: yearTicks(domain[0], domain[1]) }) },
  scale: { zero: false, nice: false, ...(domain === undefined ? {} : { domain: [domain[0], domain[1]] }) },
});

/** The range of the numeric x values of some points. */
export function xDomain(points: readonly { x: number | string }[]): [number, number] | undefined {
  const xs = points.map((point) => point.x).filter((x): x is number => typeof x === 'number');
  return xs.length === 0 ? undefined : [Math.min(...xs), Math.max(...xs)];
}

/** A layered chart of the standard size. */
export function layered(layers: Layer[], options: { height?: number; width?: number } = {}): TopLevelSpec {
  return { width: options.width ?? CHART_WIDTH, height: options.height ?? CHART_HEIGHT, layer: layers };
}

/** Legend entries drawn as short lines, so a dash pattern shows in the legend too. */
const LINE_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 300 };

/** The colour and dash scales of named series, in a fixed order: one legend for both. */
export function seriesScales(names: readonly string[], colours: readonly string[], dashes: readonly number[][] = names.map(() => DASHES[0]!)) {
  return {
    color: { field: 'series', type: 'nominal' as const, title: null, scale: { domain: [...names], range: [...colours] }, sort: [...names], legend: LINE_LEGEND },
    strokeDash: { field: 'series', type: 'nominal' as const, title: null, scale: { domain: [...names], range: dashes.map((dash) => [...dash]) }, sort: [...names], legend: LINE_LEGEND },
  };
}

/** Lines of several series over years, coloured and dashed by series. */
export function seriesLines(points: readonly SeriesPoint[], names: readonly string[], colours: readonly string[], yTitle: string, yFormat: string, dashes?: readonly number[][], interpolate?: 'step-after' | 'linear'): Layer {
  const scales = seriesScales(names, colours, dashes);
  return {
    data: { values: points.map((point) => ({ ...point })) },
    mark: { type: 'line', interpolate: interpolate ?? 'linear', strokeCap: 'butt' },
    encoding: {
      x: yearAxis(xDomain(points)),
      y: { field: 'value', type: 'quantitative', title: yTitle, axis: { format: yFormat } },
      color: scales.color,
      strokeDash: scales.strokeDash,
    },
  };
}

/** A horizontal reference line at `value`, labelled at its right end. */
export function referenceLine(value: number, label: string, colour: string = PALETTE.grey): Layer[] {
  return [
    { data: { values: [{ value }] }, mark: { type: 'rule', color: colour, strokeDash: [4, 3], strokeWidth: 1 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
    ...(label === '' ? [] : [{
      data: { values: [{ value, label }] },
      mark: { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, dy: -2, color: colour, fontSize: 10 },
      encoding: { y: { field: 'value', type: 'quantitative' as const }, x: { value: CHART_WIDTH }, text: { field: 'label' } },
    }]),
  ];
}

/** A year to mark on a time chart, e.g. the depletion year. */
export interface YearMark {
  year: number;
  label: string;
  colour: string;
}

/**
 * Vertical rules at marked years, labelled at the top; a label that would
 * run off the right edge is set to the left of its rule.
 */
export function yearMarks(marks: readonly YearMark[], domain: readonly [number, number]): Layer[] {
  return marks.flatMap((mark, index): Layer[] => {
    const nearEnd = (mark.year - domain[0]) / Math.max(1, domain[1] - domain[0]) > 0.8;
    return [
      { data: { values: [{ x: mark.year }] }, mark: { type: 'rule', color: mark.colour, strokeWidth: 1.5, strokeDash: [6, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      {
        data: { values: [{ x: mark.year, label: mark.label }] },
        mark: { type: 'text', align: nearEnd ? 'right' : 'left', baseline: 'top', dx: nearEnd ? -4 : 4, dy: 2 + 14 * index, color: mark.colour, fontSize: 11, fontWeight: 'bold' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
      },
    ];
  });
}

/** d3 number format for amounts in the report's unit. */
export const AMOUNT_FORMAT = ',.0f';
export const PERCENT_FORMAT = '.0%';
