/**
 * The report of a project folder (methodology §7, §8, §13): summary, members,
 * finances, who pays for whom, assumptions, method, run record, limits, and
 * the annual figures and provisions as appendices.
 */
import { financeCharts } from '../charts/financeCharts.js';
import { memberCharts, subsidyCharts } from '../charts/memberCharts.js';
import type { ChartFigure, MissingChart } from '../chartFigure.js';
import { percent, year as yearText } from '../format.js';
import { html, type RawHtml } from '../html/escape.js';
import { splitCharts, type ReportDocument } from '../html/document.js';
import { definitionTable } from '../html/tables.js';
import { numbers } from '../outputTable.js';
import type { ProjectView } from '../projectView.js';
import { chosenYears } from '../years.js';
import { annualTable, financeTable, memberTable, scaledPremiumTable, subsidyTable } from './projectTables.js';
import { assertionBlocks, assumptionsSection, limitationsSection, methodSection, runRecordBlocks } from './common.js';
import { provisionsTable } from './provisions.js';

export interface ProjectReportOptions {
  generator: string;
  years: readonly number[] | undefined;
}

/** The headline indicators (§7) and what follows from them. */
function headline(view: ProjectView): RawHtml {
  const { summary, years } = view;
  const last = years[years.length - 1]!;
  const payg = view.column('payg_cost_rate');
  const rows: [string, string][] = [
    ['GAP: level contribution rate that finances the scheme to the horizon', percent(summary.gap)],
  ];
  const pv = summary.present_values;
  if (typeof summary.gap === 'number' && pv && typeof pv['reserve_start'] === 'number' && typeof pv['pv_insured_earnings'] === 'number' && pv['pv_insured_earnings'] !== 0) {
    rows.push(['GAP without the initial reserve (GAP + initial reserve ÷ PV of insured earnings)', percent(summary.gap + pv['reserve_start'] / pv['pv_insured_earnings'])]);
  }
  rows.push(
    ['Effective contribution rate (PV of contribution income ÷ PV of insured earnings)', percent(summary.effective_rate)],
    ['Actuarial balance (effective rate − GAP)', percent(summary.actuarial_balance)],
  );
  if (payg !== undefined) {
    for (const offset of [0, 10, 25, 50]) {
      if (offset < years.length) rows.push([`PAYG cost rate in ${years[offset]}`, percent(payg[offset])]);
    }
  }
  rows.push(
    ['First year contribution income falls short of expenditure', yearText(summary.first_deficit_year, `none to ${last}`)],
    ['Year the reserve is depleted', yearText(summary.depletion_year, `none to ${last}`)],
  );
  const premium = firstScaledPremium(view);
  if (premium !== undefined) rows.push([`Scaled premium of the first period (${premium.start}–${premium.end})`, percent(premium.premium)]);
  if (summary.gender_pension_gap !== undefined) rows.push(['Gender pension gap (1 − average new old-age award of women ÷ of men, in base-year money)', percent(summary.gender_pension_gap)]);
  return definitionTable(rows, 'Headline indicators');
}

function firstScaledPremium(view: ProjectView): { start: number; end: number; premium: number | null } | undefined {
  const table = view.scaledPremium;
  if (table === undefined) return undefined;
  const [start, end, premium] = [numbers(table, 'period_start')?.[0], numbers(table, 'period_end')?.[0], numbers(table, 'premium')?.[0]];
  if (typeof start !== 'number' || typeof end !== 'number') return undefined;
  return { start, end, premium: premium ?? null };
}

/** One paragraph a board member can read first. */
function lead(view: ProjectView): RawHtml {
  const { summary, years } = view;
  const sentences: string[] = [];
  if (typeof summary.effective_rate === 'number' && typeof summary.gap === 'number') {
    sentences.push(`Contributions and matching bring in ${percent(summary.effective_rate)} of insured earnings in present value, while the scheme costs ${percent(summary.gap)} (the GAP) to ${years[years.length - 1]}: an actuarial balance of ${percent(summary.effective_rate - summary.gap)}.`);
  }
  if (typeof summary.first_deficit_year === 'number') sentences.push(`Contribution income falls short of expenditure from ${summary.first_deficit_year}.`);
  sentences.push(typeof summary.depletion_year === 'number'
    ? `The reserve is depleted in ${summary.depletion_year}.`
    : `The reserve is not depleted within the projection (to ${years[years.length - 1]}).`);
  return html`<p class="lead">${sentences.join(' ')}</p>`;
}

export function projectReport(view: ProjectView, options: ProjectReportOptions): ReportDocument {
  const [ratio, rates, incomeExpenditure, reserve] = financeCharts(view) as [ChartFigure | MissingChart, ChartFigure | MissingChart, ChartFigure | MissingChart, ChartFigure | MissingChart];
  const [members, density] = memberCharts(view) as [ChartFigure | MissingChart, ChartFigure | MissingChart];
  const [transfer, worth] = subsidyCharts(view) as [ChartFigure | MissingChart, ChartFigure | MissingChart];
  const all = [ratio, rates, incomeExpenditure, reserve, members, density, transfer, worth];
  const { missing } = splitCharts(all);
  const drawn = (chart: ChartFigure | MissingChart) => ('spec' in chart ? [{ figure: chart }] : []);
  const selected = chosenYears(view.years, options.years);
  const scheme = view.scheme;
  const name = typeof scheme?.['name'] === 'string' ? scheme['name'] : 'Scheme';
  const first = view.years[0]!;
  const last = view.years[view.years.length - 1]!;
  const premiumTable = scaledPremiumTable(view);
  return {
    kind: 'Projection report',
    title: name,
    generator: options.generator,
    facts: [
      `Base year ${first}`,
      `projection ${first}–${last} (${view.years.length} years)`,
      `charts in ${view.basis.unit}`,
      ...(view.basis.kind === 'real' ? ['tables in money of each year'] : []),
    ],
    missing,
    sections: [
      { id: 'summary', title: 'Summary', blocks: [lead(view), headline(view), ...drawn(ratio), ...drawn(rates)] },
      { id: 'members', title: 'Members', blocks: [...drawn(members), ...drawn(density), memberTable(view, selected)] },
      {
        id: 'finances',
        title: 'Income, expenditure and reserve',
        blocks: [...drawn(incomeExpenditure), ...drawn(reserve), financeTable(view, selected), ...(premiumTable === undefined ? [] : [premiumTable])],
      },
      { id: 'subsidies', title: 'Who pays for whom', blocks: [...drawn(transfer), ...drawn(worth), ...subsidyTable(view)] },
      assumptionsSection(view.summary.run),
      methodSection([html`<p>${view.basis.explanation}</p>`]),
      { id: 'run', title: 'Run record', blocks: [...runRecordBlocks(view.summary.run), ...assertionBlocks(view.summary.assertions)] },
      limitationsSection(),
      { id: 'annual', title: 'Appendix: annual projection', blocks: [annualTable(view)] },
      { id: 'provisions', title: 'Appendix: the scheme as run', blocks: [scheme === undefined ? html`<p>No scheme in the run record.</p>` : provisionsTable(scheme)] },
    ],
  };
}

