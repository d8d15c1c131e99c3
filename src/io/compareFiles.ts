/**
 * The files of a `sipro compare` output folder: compare.csv, A and B year by
 * year with their difference for the main flows and the reserve; and
 * compare.json, the headline indicators side by side, the assertions'
 * outcomes and how each side was made.
 */
import type { AssertionReport } from '../core/assertions.js';
import { compareYears } from '../core/comparison.js';
import type { ComparedSide } from './compareInputs.js';
import { toCsv } from './writeCsv.js';

/** The projection.csv columns compare.csv holds, in this order, when both sides have them. */
export const COMPARED_COLUMNS = [
  'actives', 'old_age_pensioners', 'contributions', 'matching', 'care_credit_contributions', 'old_age_benefits',
  'expenditure', 'investment_income', 'reserve_end', 'insured_earnings', 'payg_cost_rate', 'reserve_ratio',
] as const;

/** The compared columns both sides have. */
export const sharedColumns = (a: ComparedSide, b: ComparedSide): string[] =>
  COMPARED_COLUMNS.filter((column) => a.columns.includes(column) && b.columns.includes(column));

/** compare.csv's header: year, then `<column>_a, <column>_b, delta_<column>` for each column compared. */
export const compareCsvColumns = (columns: readonly string[]): string[] =>
  ['year', ...columns.flatMap((column) => [`${column}_a`, `${column}_b`, `delta_${column}`])];

export interface CompareRecord {
  format: 'sipro-compare';
  a: SideRecord;
  b: SideRecord;
  /** The headline indicators, each in A, in B and B − A. */
  indicators: unknown;
  scaled_premium: unknown;
  assertions: readonly AssertionReport[];
  command_line: string[];
}

export interface SideRecord {
  source: string;
  kind: ComparedSide['kind'];
  name: string | null;
  /** The run record of the side (a project folder's summary.json, or the projection made now). */
  run: unknown;
}

export const sideRecord = (side: ComparedSide): SideRecord => ({ source: side.label, kind: side.kind, name: side.name ?? null, run: side.run });

/** compare.csv and compare.json, by name. */
export function compareFiles(a: ComparedSide, b: ComparedSide, record: CompareRecord): Map<string, string> {
  const columns = sharedColumns(a, b);
  return new Map([
    ['compare.csv', toCsv(compareYears(a, b, columns), compareCsvColumns(columns))],
    ['compare.json', `${JSON.stringify(record, null, 2)}\n`],
  ]);
}
