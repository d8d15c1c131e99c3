/**
 * The charts of a sweep folder: the chosen indicator against each swept
 * parameter, one chart per parameter, the other parameters' values as
 * separate lines. And the tornado chart of a sensitivity folder.
 */
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { columnKind } from '../columns.js';
import { numbers, texts, type OutputTable } from '../outputTable.js';
import { CATEGORY_COLOURS, CHART_WIDTH, PALETTE } from '../theme.js';
import { layered, type Layer } from './layers.js';

/** sweep.csv's columns that are not overrides (sweepTable.ts). */
const NOT_PARAMETERS = new Set(['scenario', 'gap', 'effective_rate', 'actuarial_balance', 'depletion_year', 'first_deficit_year', 'assertions_passed', 'assertions_failed', 'failed_assertions', 'error']);

/** The swept parameters: every column of sweep.csv that is an override path. */
export const sweptParameters = (table: OutputTable) => table.columns.filter((column) => !NOT_PARAMETERS.has(column));

/** How an indicator reads: title, axis format. */
export function indicatorLabel(indicator: string): { title: string; format: string; isYear: boolean } {
  const kind = columnKind('sweep.csv', indicator);
  const names: Record<string, string> = {
    gap: 'GAP (% of insured earnings)', effective_rate: 'Effective contribution rate (% of insured earnings)',
    actuarial_balance: 'Actuarial balance (% of insured earnings)', depletion_year: 'Depletion year', first_deficit_year: 'First deficit year',
  };
  return { title: names[indicator] ?? indicator, format: kind === 'rate' ? '.1%' : kind === 'year' ? 'd' : '~g', isYear: kind === 'year' };
}

export function sweepCharts(table: OutputTable, indicator: string): (ChartFigure | MissingChart)[] {
  const parameters = sweptParameters(table);
  const values = numbers(table, indicator);
  const { title: indicatorTitle, format, isYear } = indicatorLabel(indicator);
  if (values === undefined) return [{ title: `${indicatorTitle} against the swept parameters`, reason: `sweep.csv has no ${indicator} column` }];
  if (parameters.length === 0) return [{ title: `${indicatorTitle} against the swept parameters`, reason: 'sweep.csv names no swept parameter' }];
  const scenarioNames = texts(table, 'scenario')!;
  return parameters.map((parameter, position) => {
    const numeric = numbers(table, parameter);
    const isNumeric = numeric !== undefined && table.rows.every((row) => row[table.columns.indexOf(parameter)] === null || typeof row[table.columns.indexOf(parameter)] === 'number');
    const raw = texts(table, parameter)!;
    const others = parameters.filter((other) => other !== parameter);
    const otherTexts = others.map((other) => texts(table, other)!);
    const rows = values.flatMap((value, index) => {
      if (value === null || raw[index] === '') return [];
      const line = others.length === 0 ? 'all' : others.map((other, at) => `${other} = ${otherTexts[at]![index] || '(scheme)'}`).join(', ');
      return [{ x: isNumeric ? numeric[index]! : raw[index]!, value, line, scenario: scenarioNames[index]! }];
    });
    const lines = [...new Set(rows.map((row) => row.line))];
    const skipped = values.length - rows.length;
    const title = `${indicatorTitle} against ${parameter}`;
    if (rows.length === 0) return { title, reason: `no scenario has both a value of ${parameter} and a ${indicator}` };
    const coloured = lines.length > 1 && lines.length <= CATEGORY_COLOURS.length;
    const layer: Layer = {
      data: { values: rows },
      mark: { type: 'line', point: { filled: true, size: 36 }, ...(coloured || lines.length === 1 ? {} : { color: PALETTE.blue, opacity: 0.5 }) },
      encoding: {
        x: isNumeric ? { field: 'x', type: 'quantitative', title: parameter, scale: { zero: false } } : { field: 'x', type: 'ordinal', title: parameter },
        y: { field: 'value', type: 'quantitative', title: indicatorTitle, axis: { format }, scale: { zero: false } },
        detail: { field: 'line', type: 'nominal' },
        ...(coloured ? { color: { field: 'line', type: 'nominal', title: null, scale: { range: CATEGORY_COLOURS }, legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5 } } } : {}),
      },
    };
    const notes = [
      `sweep.csv: one point per scenario${others.length === 0 ? '' : `; one line per combination of ${others.join(', ')}${coloured ? '' : ' (too many to colour)'}`}.`,
      ...(skipped > 0 ? [`${skipped} of ${values.length} scenarios are not drawn: no value${isYear ? ' (never reached within the horizon)' : ''} or an error.`] : []),
    ];
    return { id: `sweep-${position + 1}`, title, note: notes.join(' '), spec: layered([layer]) };
  });
}

/** A case's step as read: `+1pt` → `+1 pt`, `-50pct` → `−50%`. */
export const stepText = (step: string) => step.replace(/^-/, '−').replace(/pct$/, '%').replace(/pt$/, ' pt');

/** Low or high input, from a case name such as `investment_return+1pt` (sensitivity.ts names them so). */
export function caseDirection(scenario: string, parameter: string): 'up' | 'down' | undefined {
  const rest = scenario.startsWith(parameter) ? scenario.slice(parameter.length) : '';
  return rest.startsWith('+') ? 'up' : rest.startsWith('-') ? 'down' : undefined;
}

export function tornadoChart(table: OutputTable, baseGap: number | null): ChartFigure | MissingChart {
  const title = 'Tornado: the GAP when one assumption at a time is moved (% of insured earnings)';
  const scenarios = texts(table, 'scenario')!;
  const parameters = texts(table, 'parameter')!;
  const changes = texts(table, 'change');
  const gaps = numbers(table, 'gap');
  if (gaps === undefined || baseGap === null) return { title, reason: 'sensitivity.csv has no GAP for the base or the cases' };
  const bars = scenarios.flatMap((scenario, index) => {
    const gap = gaps[index];
    const direction = caseDirection(scenario, parameters[index]!);
    if (scenario === 'base' || gap === null || gap === undefined || direction === undefined) return [];
    const delta = gap - baseGap;
    return [{
      parameter: parameters[index]!, gap, base: baseGap, direction: direction === 'up' ? 'Assumption raised' : 'Assumption lowered',
      label: `${stepText(scenario.slice(parameters[index]!.length))}: ${(gap * 100).toFixed(2)}% (${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(2)} pts)`,
      change: changes?.[index] ?? '', swing: Math.abs(delta), right: gap >= baseGap,
    }];
  });
  if (bars.length === 0) return { title, reason: 'sensitivity.csv holds no case with a GAP' };
  const swing = new Map<string, number>();
  for (const bar of bars) swing.set(bar.parameter, Math.max(swing.get(bar.parameter) ?? 0, bar.swing));
  const order = [...swing.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([parameter]) => parameter);
  const y = { field: 'parameter', type: 'nominal' as const, sort: order, title: null };
  // Room for the bar-end labels on both sides: the labels take about a third of the axis each way.
  const low = Math.min(baseGap, ...bars.map((bar) => bar.gap));
  const high = Math.max(baseGap, ...bars.map((bar) => bar.gap));
  const room = Math.max(high - low, 1e-4) * 0.55;
  const text = (right: boolean): Layer => ({
    data: { values: bars.filter((bar) => bar.right === right) },
    mark: { type: 'text', align: right ? 'left' : 'right', dx: right ? 4 : -4, baseline: 'middle', fontSize: 10, color: '#333' },
    encoding: { y, x: { field: 'gap', type: 'quantitative' }, text: { field: 'label' }, yOffset: { field: 'direction', type: 'nominal', scale: { domain: ['Assumption raised', 'Assumption lowered'] } } },
  });
  return {
    id: 'tornado',
    title,
    note: 'sensitivity.csv: each bar runs from the base GAP to the GAP with one assumption moved (the standard set — investment return, wage growth, discount rate and health inflation ±1 point, mortality and compliance ±10 %, lapse and entrants ±50 %, retirement age ±2 years — and the cases of --cases); the widest swing on top. Labels: the change and the GAP it gives.',
    spec: layered([
      {
        data: { values: bars },
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: {
          y,
          yOffset: { field: 'direction', type: 'nominal', scale: { domain: ['Assumption raised', 'Assumption lowered'] } },
          x: { field: 'base', type: 'quantitative', title: 'GAP (% of insured earnings)', axis: { format: '.1%', tickCount: 8 }, scale: { zero: false, nice: false, domain: [low - room, high + room] } },
          x2: { field: 'gap' },
          color: { field: 'direction', type: 'nominal', title: null, scale: { domain: ['Assumption raised', 'Assumption lowered'], range: [PALETTE.vermillion, PALETTE.blue] } },
        },
      },
      { data: { values: [{ base: baseGap }] }, mark: { type: 'rule', color: '#222', strokeWidth: 1.5 }, encoding: { x: { field: 'base', type: 'quantitative' } } },
      {
        data: { values: [{ base: baseGap, label: `Base GAP ${(baseGap * 100).toFixed(2)}%` }] },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontWeight: 'bold', color: '#222' },
        encoding: { x: { field: 'base', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
      },
      text(true),
      text(false),
    ], { height: Math.max(160, order.length * 44), width: CHART_WIDTH - 160 }),
  };
}
