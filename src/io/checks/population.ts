/** §2 population: rows within the age range, and the value columns each status may use. */
import type { PopulationRow } from '../../schema/tables.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SchemeFacts } from '../schemeFacts.js';
import { diagnostic, formatNumber, type Table } from './common.js';

const PENSIONER = new Set(['retired', 'disabled', 'survivor']);
/** Member-only values: a pensioner's award is already fixed by pension_monthly. */
const MEMBER_COLUMNS = ['credits', 'earnings', 'balance', 'own_balance'] as const;

/**
 * @example checkPopulation({file: 'p.csv', rows: [{line: 2, row: {status: 'retired', …, pension_monthly: undefined}}], complete: true}, facts)
 * // [{file: 'p.csv', line: 2, message: 'pension_monthly is empty but must be > 0 for a retired row'}]
 */
export function checkPopulation(table: Table<PopulationRow>, facts: SchemeFacts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: string, message: string) => diagnostics.push(diagnostic('error', table.file, line, message, column));
  for (const { line, row } of table.rows) {
    if (facts.ages && (row.age < facts.ages.min || row.age > facts.ages.max)) {
      error(line, 'age', `age "${row.age}" must lie in [min_age ${facts.ages.min}, max_age ${facts.ages.max}]`);
    }
    const pension = row.pension_monthly;
    if (PENSIONER.has(row.status)) {
      if (pension === undefined) error(line, 'pension_monthly', `pension_monthly is empty but must be > 0 for a ${row.status} row`);
      else if (pension <= 0) error(line, 'pension_monthly', `pension_monthly "${formatNumber(pension)}" must be > 0 for a ${row.status} row`);
      for (const column of MEMBER_COLUMNS) {
        if (row[column] !== 0) error(line, column, `${column} "${formatNumber(row[column])}" must be empty or 0 for a ${row.status} row`);
      }
    } else if (pension !== undefined && pension !== 0) {
      error(line, 'pension_monthly', `pension_monthly "${formatNumber(pension)}" must be empty or 0 for an ${row.status} row`);
    }
  }
  return diagnostics;
}
