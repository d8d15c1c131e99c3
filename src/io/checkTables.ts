/**
 * The checks that look across files (methodology §2, §9): groups the scheme
 * defines, ages it covers, benefits it pays. They run on whatever rows
 * parsed, so one run reports the problems of every file.
 */
import type { IncomeRow, MortalityRow, PopulationRow, RatesRow } from '../schema/tables.js';
import type { Diagnostic } from './diagnostics.js';
import type { Table } from './checks/common.js';
import { knownGroupRows } from './checks/groups.js';
import { checkIncome } from './checks/income.js';
import { checkMortality } from './checks/mortality.js';
import { checkPopulation } from './checks/population.js';
import { checkRates } from './checks/rates.js';
import type { SchemeFacts } from './schemeFacts.js';

/** The tables that could be read; an absent one (missing file) is skipped. */
export interface SchemeTables {
  population: Table<PopulationRow> | undefined;
  income: Table<IncomeRow> | undefined;
  mortality: Table<MortalityRow> | undefined;
  rates: Table<RatesRow> | undefined;
}

export function checkTables(tables: SchemeTables, facts: SchemeFacts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const noMisspelling: ReadonlySet<string> = new Set();
  // Rows of undefined groups are reported once and then left out, so that
  // they do not also fail every later check.
  const known = <T extends { group: string }>(table: Table<T>, allowEveryGroup: boolean) => {
    if (facts.groups === undefined) return { table, misspelt: noMisspelling };
    const result = knownGroupRows(table, facts.groups, allowEveryGroup);
    diagnostics.push(...result.diagnostics);
    return result;
  };
  if (tables.population) diagnostics.push(...checkPopulation(known(tables.population, false).table, facts));
  if (tables.income) {
    const { table, misspelt } = known(tables.income, false);
    diagnostics.push(...checkIncome(table, facts, misspelt));
  }
  if (tables.mortality) diagnostics.push(...checkMortality(tables.mortality, facts));
  if (tables.rates) {
    const { table, misspelt } = known(tables.rates, true);
    diagnostics.push(...checkRates(table, facts, misspelt));
  }
  return diagnostics;
}
