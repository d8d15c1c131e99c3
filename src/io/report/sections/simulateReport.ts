/**
 * The report of a simulate folder (methodology §10): the spread of the indicators
 * over the scenarios, fan charts of the reserve ratio and the cost rate, the
 * ruin curve, and the stochastic assumptions.
 */
import { PERCENT_FORMAT } from '../charts/layers.js';
import { fanChart, gapHistogram, percentilesOf, ruinChart } from '../charts/simulateCharts.js';
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { grouped, NONE, percent, year as yearText } from '../format.js';
import { html, type RawHtml } from '../html/escape.js';
import { splitCharts, type ReportDocument } from '../html/document.js';
import { definitionTable, htmlTable } from '../html/tables.js';
import type { OutputFolder } from '../outputFolder.js';
import { numbers, texts, type OutputTable } from '../outputTable.js';
import type { Summary } from '../summaryFile.js';
import { chosenYears } from '../years.js';
import { assertionBlocks, assumptionsSection, limitationsSection, methodSection, runRecordBlocks } from './common.js';
import { provisionsTable, provisionText } from './provisions.js';

interface SimulateOptions {
  generator: string;
  years: readonly number[] | undefined;
}

type Statistic = Record<string, number | null> | undefined;

/** The stochastic summary as a table: one row per indicator, mean then the percentiles. */
function stochasticTable(summary: Summary, percentiles: readonly number[]): RawHtml {
  const stochastic = summary.stochastic;
  if (stochastic === undefined) return html`<p>summary.json holds no stochastic summary.</p>`;
  const columns = ['mean', ...percentiles.map((q) => `p${q}`)];
  const row = (label: string, statistic: Statistic, format: (value: number | null | undefined) => string) =>
    [label, ...columns.map((column) => (statistic === undefined || !(column in statistic) ? NONE : format(statistic[column])))];
  const rows = [
    row('GAP', stochastic.gap, (value) => percent(value)),
    row('Actuarial balance', stochastic.actuarial_balance, (value) => percent(value)),
    row('Depletion year', stochastic.depletion_year, (value) => yearText(value, 'none')),
    row('Reserve ratio in the last year', stochastic.final_reserve_ratio, (value) => (value === null || value === undefined ? NONE : grouped(value, 2))),
  ];
  return htmlTable(
    [{ label: 'Indicator' }, ...columns.map((column) => ({ label: column === 'mean' ? 'Mean' : column.toUpperCase(), numeric: true }))],
    rows,
    { caption: 'Indicators over the scenarios (a depletion year "none": not depleted within the horizon; no mean is taken of years that may be none)', rowHeaders: true },
  );
}

function headline(summary: Summary, lastYear: number | undefined): RawHtml {
  const stochastic = summary.stochastic;
  const rows: [string, string][] = [
    ['Scenarios projected', stochastic?.scenarios === undefined ? NONE : grouped(stochastic.scenarios, 0)],
    ['Seed of the random draws', stochastic?.seed === undefined ? NONE : String(stochastic.seed)],
    [`Probability that the reserve is depleted by ${lastYear ?? 'the horizon'}`, percent(stochastic?.depletion_probability)],
    ['GAP of the deterministic projection (best estimate)', percent(summary.gap)],
    ['Actuarial balance of the deterministic projection', percent(summary.actuarial_balance)],
    ['Depletion year of the deterministic projection', yearText(summary.depletion_year, 'none')],
    ['First deficit year of the deterministic projection', yearText(summary.first_deficit_year, 'none')],
  ];
  return definitionTable(rows, 'Headline indicators');
}

/** The reserve ratio's percentiles in selected years. */
function percentileTable(table: OutputTable, variable: string, years: readonly number[] | undefined, caption: string, format: (value: number | null) => string): RawHtml {
  const variables = texts(table, 'variable')!;
  const allYears = numbers(table, 'year')!;
  const rows = variables.map((name, index) => ({ name, index, year: allYears[index]! })).filter((row) => row.name === variable);
  const selected = chosenYears(rows.map((row) => row.year), years);
  const columns = ['mean', ...percentilesOf(table).map((q) => `p${q}`)];
  const body = rows.filter((row) => selected.includes(row.year)).map((row) => [String(row.year), ...columns.map((column) => format(numbers(table, column)?.[row.index] ?? null))]);
  return htmlTable([{ label: 'Year' }, ...columns.map((column) => ({ label: column === 'mean' ? 'Mean' : column.toUpperCase(), numeric: true }))], body, { caption, rowHeaders: true });
}

function stochasticAssumptions(scheme: unknown): RawHtml {
  const stochastic = (scheme as { stochastic?: Record<string, unknown> } | undefined)?.stochastic;
  if (stochastic === undefined) return html`<p>The run record holds no stochastic section of the scheme.</p>`;
  const processes = ['investment_return', 'wage_growth', 'inflation', 'mortality', 'entrants'];
  const rows = processes.filter((name) => stochastic[name] !== undefined).map((name) => {
    const process = stochastic[name] as { sd?: unknown; rho?: unknown };
    return [name, provisionText(process.sd), provisionText(process.rho)];
  });
  return htmlTable(
    [{ label: 'Process' }, { label: 'Standard deviation of the shock (sd)', numeric: true }, { label: 'Autocorrelation (rho)', numeric: true }],
    rows,
    { caption: `Stochastic assumptions: AR(1) shocks, additive on rates, multiplicative (mean 1) on mortality and entrants; income correlation across groups ${provisionText(stochastic['income_correlation'])}`, rowHeaders: true },
  );
}

export function simulateReport(folder: OutputFolder, options: SimulateOptions): ReportDocument {
  const summary = folder.summary ?? {};
  const percentilesTable = folder.tables.get('percentiles.csv')!;
  const scenarios = folder.tables.get('scenarios.csv');
  const years = [...new Set(numbers(percentilesTable, 'year')!.filter((year): year is number => year !== null))];
  const stochastic = summary.stochastic;
  const caption = `${stochastic?.scenarios ?? '?'} scenarios, seed ${stochastic?.seed ?? '?'}. Each band and line joins per-year percentiles: it is not the path of any one scenario.`;
  const charts: (ChartFigure | MissingChart)[] = [
    fanChart(percentilesTable, {
      id: 'reserve-ratio-fan', variable: 'reserve_ratio', title: 'Reserve ratio across scenarios: years of expenditure in reserve at year end (no money unit)',
      yTitle: 'Reserve ratio (years of expenditure)', yFormat: '~f',
      note: `percentiles.csv, variable reserve_ratio. ${caption} A simulate folder holds no year-by-year path of the deterministic projection, so none is overlaid; its indicators are in the table above.`,
    }),
    ruinChart(folder.tables.get('ruin.csv')),
    fanChart(percentilesTable, {
      id: 'cost-rate-fan', variable: 'payg_cost_rate', title: 'PAYG cost rate across scenarios (% of insured earnings)',
      yTitle: 'PAYG cost rate (% of insured earnings)', yFormat: PERCENT_FORMAT, note: `percentiles.csv, variable payg_cost_rate; the red dashed line is the deterministic GAP. ${caption}`,
      reference: typeof summary.gap === 'number' ? { value: summary.gap, label: `GAP (best estimate) ${percent(summary.gap)}` } : undefined,
    }),
    gapHistogram(scenarios, summary.gap),
  ];
  const { missing } = splitCharts(charts);
  const drawn = (chart: ChartFigure | MissingChart) => ('spec' in chart ? [{ figure: chart }] : []);
  const [reserveFan, ruin, costFan, gapSpread] = charts as [ChartFigure | MissingChart, ChartFigure | MissingChart, ChartFigure | MissingChart, ChartFigure | MissingChart];
  const scheme = summary.run?.scheme;
  const name = typeof scheme?.['name'] === 'string' ? scheme['name'] : 'Scheme';
  const lastYear = years[years.length - 1];
  const depletion = stochastic?.depletion_probability;
  return {
    kind: 'Stochastic projection report',
    title: name,
    generator: options.generator,
    facts: [`Base year ${years[0] ?? NONE}`, `projection ${years[0] ?? NONE}–${lastYear ?? NONE}`, `${stochastic?.scenarios ?? '?'} scenarios, seed ${stochastic?.seed ?? '?'}`, 'ratios and rates only: no money charts'],
    missing,
    sections: [
      {
        id: 'summary',
        title: 'Summary',
        blocks: [
          html`<p class="lead">${typeof depletion === 'number' ? `In ${percent(depletion, 0)} of the scenarios the reserve is depleted by ${lastYear}.` : ''} The fan charts show, year by year, the range within which the scenarios fall; the best estimate is the deterministic projection.</p>`,
          headline(summary, lastYear),
          stochasticTable(summary, percentilesOf(percentilesTable)),
          ...drawn(reserveFan),
          ...drawn(ruin),
        ],
      },
      {
        id: 'spread',
        title: 'Spread of cost and reserve',
        blocks: [
          ...drawn(costFan),
          ...drawn(gapSpread),
          percentileTable(percentilesTable, 'reserve_ratio', options.years, 'Reserve ratio across scenarios in selected years (years of expenditure)', (value) => (value === null ? NONE : grouped(value, 2))),
          percentileTable(percentilesTable, 'payg_cost_rate', options.years, 'PAYG cost rate across scenarios in selected years (% of insured earnings)', (value) => percent(value)),
        ],
      },
      { ...assumptionsSection(summary.run), blocks: [...assumptionsSection(summary.run).blocks, stochasticAssumptions(scheme)] },
      methodSection([html`<p>Each scenario is the deterministic projection with some assumptions replaced by random paths: autoregressive shocks on the investment return, wage growth and inflation (added), and on mortality, entrants and each group's income (multiplied, mean 1). Percentiles are taken year by year over the scenarios, by linear interpolation between order statistics; a scenario without a value in a year (a ratio without divisor) is left out of that year.</p>`]),
      { id: 'run', title: 'Run record', blocks: [...runRecordBlocks(summary.run, [['Scenarios and seed', `${stochastic?.scenarios ?? '?'} scenarios, seed ${stochastic?.seed ?? '?'}`]]), ...assertionBlocks(summary.assertions)] },
      limitationsSection(),
      { id: 'provisions', title: 'Appendix: the scheme as run', blocks: [scheme === undefined ? html`<p>No scheme in the run record.</p>` : provisionsTable(scheme)] },
    ],
  };
}


