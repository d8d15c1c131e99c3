/**
 * A project folder (methodology §7, §8, §13) as the report reads it: the
 * projection by year, the optional files, the money basis and the years to
 * mark. Charts and tables take this view, never the files.
 */
import type { YearMark } from './charts/layers.js';
import { moneyBasis, type MoneyBasis, type MoneyBasisKind } from './moneyBasis.js';
import type { OutputFolder } from './outputFolder.js';
import { numbers, type OutputTable } from './outputTable.js';
import type { Summary } from './summaryFile.js';
import { PALETTE } from './theme.js';

export interface ProjectView {
  projection: OutputTable;
  years: number[];
  /** A projection.csv column by name, or undefined if the file lacks it. */
  column(name: string): (number | null)[] | undefined;
  summary: Summary;
  scheme: Record<string, unknown> | undefined;
  byGroup: OutputTable | undefined;
  subsidy: OutputTable | undefined;
  entrants: OutputTable | undefined;
  scaledPremium: OutputTable | undefined;
  basis: MoneyBasis;
  /** Depletion and first deficit years, when there are any (§7). */
  marks: YearMark[];
}

/** Contribution income K = contributions + matching + care-credit contributions (§6), by year. */
export function contributionIncome(view: Pick<ProjectView, 'column' | 'years'>): (number | null)[] | undefined {
  const parts = ['contributions', 'matching', 'care_credit_contributions'].map((name) => view.column(name)).filter((part) => part !== undefined);
  if (parts.length === 0 || view.column('contributions') === undefined) return undefined;
  return view.years.map((_, index) => parts.reduce<number | null>((sum, part) => (sum === null || part[index] === null ? null : sum + part[index]!), 0));
}

export function projectView(folder: OutputFolder, basisKind: MoneyBasisKind): ProjectView {
  const projection = folder.tables.get('projection.csv')!;
  const summary = folder.summary ?? {};
  const years = (numbers(projection, 'year') ?? []).map((year) => year ?? Number.NaN);
  const column = (name: string) => numbers(projection, name);
  const scheme = summary.run?.scheme;
  const largest = (priceIndex: (year: number) => number) => Math.max(0, ...['expenditure', 'reserve_end', 'contributions', 'insured_earnings']
    .flatMap((name) => (column(name) ?? []).map((value, index) => (value === null ? 0 : Math.abs(value) / priceIndex(years[index]!)))));
  const marks: YearMark[] = [];
  if (typeof summary.first_deficit_year === 'number') marks.push({ year: summary.first_deficit_year, label: `First deficit ${summary.first_deficit_year}`, colour: PALETTE.orange });
  if (typeof summary.depletion_year === 'number') marks.push({ year: summary.depletion_year, label: `Reserve depleted ${summary.depletion_year}`, colour: PALETTE.vermillion });
  return {
    projection,
    years,
    column,
    summary,
    scheme,
    byGroup: folder.tables.get('by_group.csv'),
    subsidy: folder.tables.get('subsidy.csv'),
    entrants: folder.tables.get('entrants.csv'),
    scaledPremium: folder.tables.get('scaled_premium.csv'),
    basis: moneyBasis(scheme, basisKind, largest),
    marks,
  };
}

/** An amount of year `year` in the report's basis and unit. */
export const inBasis = (basis: MoneyBasis, value: number, year: number) => value / basis.priceIndex(year) / basis.scale;
