/** §2 population: rows within the age range, and the value columns each status may use. */
import type { PopulationRow } from '../../schema/tables.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SchemeFacts } from '../schemeFacts.js';
import { diagnostic, formatNumber, type Table } from './common.js';

const PENSIONER = new Set(['retired', 'disabled', 'survivor']);
/** Member-only values: a pensioner's award is already fixed by pension_monthly. */
const MEMBER_COLUMNS = ['credits', 'earnings', 'balance', 'own_balance', 'foreign_credits'] as const;

/**
 * What a row's status forbids or requires (§2), told to `report` column by
 * column. It needs nothing from the scheme, so it runs on each row as the
 * file is read, before rows with the same key are merged.
 * @example statusProblems({status: 'retired', pension_monthly: undefined, …}, report)
 * // report('pension_monthly', 'pension_monthly is empty but must be > 0 for a retired row')
 */
export function statusProblems(row: PopulationRow, report: (column: string, message: string) => void): void {
  const pension = row.pension_monthly;
  if (PENSIONER.has(row.status)) {
    if (pension === undefined) report('pension_monthly', `pension_monthly is empty but must be > 0 for a ${row.status} row`);
    else if (pension <= 0) report('pension_monthly', `pension_monthly "${formatNumber(pension)}" must be > 0 for a ${row.status} row`);
    for (const column of MEMBER_COLUMNS) {
      if (row[column] !== 0) report(column, `${column} "${formatNumber(row[column])}" must be empty or 0 for a ${row.status} row`);
    }
  } else if (pension !== undefined && pension !== 0) {
    report('pension_monthly', `pension_monthly "${formatNumber(pension)}" must be empty or 0 for an ${row.status} row`);
  }
}

/**
 * The checks that need the scheme (the age range), and the status checks for
 * rows that did not come through the reader.
 * @example checkPopulation({file: 'p.csv', rows: [{line: 2, row: {status: 'retired', …, pension_monthly: undefined}}], complete: true}, facts)
 * // [{file: 'p.csv', line: 2, message: 'pension_monthly is empty but must be > 0 for a retired row'}]
 */
export function checkPopulation(table: Table<PopulationRow>, facts: SchemeFacts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: string, message: string) => diagnostics.push(diagnostic('error', table.file, line, message, column));
  let foreignIgnored = false;
  for (const { line, row } of table.rows) {
    if (facts.ages && (row.age < facts.ages.min || row.age > facts.ages.max)) {
      error(line, 'age', `age "${row.age}" must lie in [min_age ${facts.ages.min}, max_age ${facts.ages.max}]`);
    }
    statusProblems(row, (column, message) => error(line, column, message));
    // §9: foreign credits without totalization are legal but ignored; said once, on the first such row.
    if (facts.totalization === false && !PENSIONER.has(row.status) && row.foreign_credits !== 0 && !foreignIgnored) {
      foreignIgnored = true;
      diagnostics.push(diagnostic('warning', table.file, line, `foreign_credits "${formatNumber(row.foreign_credits)}" is ignored: portability.totalization is false, so foreign periods count for nothing (set portability.totalization: true to count them)`, 'foreign_credits'));
    }
  }
  return diagnostics;
}
