/**
 * §2 mortality: one qx per sex and age from min_age to max_age (a `*` row
 * counts for both sexes; rows outside the range are ignored).
 */
import { lifeTable } from '../../core/lifeTable.js';
import { SEXES, type Sex } from '../../core/rules.js';
import type { MortalityRow } from '../../schema/tables.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SchemeFacts } from '../schemeFacts.js';
import { bySexes, describeAges, diagnostic, formatNumber, sexesOf, sexPhrase, type Table } from './common.js';

/**
 * Plausible bounds for the expected age at death of a person alive at
 * min_age. Outside them a table is more likely typed per 1000, or for the
 * wrong ages, than a real population's.
 */
const PLAUSIBLE_AGE_AT_DEATH = { low: 40, high: 95 } as const;

/**
 * Real mortality improves by at most a few percent a year (and worsens by as
 * little); beyond 10 % a year either way an improvement is more likely a
 * percentage typed as a number (0.5 for 0.5 %).
 */
const SUSPICIOUS_IMPROVEMENT = 0.1;

export function checkMortality(table: Table<MortalityRow>, facts: SchemeFacts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { ages } = facts;
  if (ages === undefined) return diagnostics;
  const given: Record<Sex, Map<number, { line: number; row: MortalityRow }>> = { F: new Map(), M: new Map() };
  let duplicated = false;
  for (const { line, row } of table.rows) {
    if (row.age < ages.min || row.age > ages.max) continue;
    const again = sexesOf(row.sex).filter((sex) => given[sex].has(row.age));
    if (again.length > 0) {
      duplicated = true;
      const earlier = given[again[0]!].get(row.age)!.line;
      diagnostics.push(diagnostic('error', table.file, line, `${sexPhrase(again)} age ${row.age} is already given on line ${earlier}: give each sex and age once (a * row counts for both sexes)`));
      continue;
    }
    for (const sex of sexesOf(row.sex)) given[sex].set(row.age, { line, row });
    if (row.age === ages.max && row.qx < 1) {
      diagnostics.push(diagnostic('warning', table.file, line, `qx "${formatNumber(row.qx)}" at max_age ${ages.max} is taken as 1: the model has everybody alive at max_age die within the year`, 'qx'));
    }
  }
  const steep = table.rows.filter(({ row }) => Math.abs(row.improvement) > SUSPICIOUS_IMPROVEMENT);
  if (steep.length > 0) {
    const { line, row } = steep[0]!;
    const others = steep.length > 1 ? ` (and ${steep.length - 1} more row${steep.length > 2 ? 's' : ''} beyond ±${SUSPICIOUS_IMPROVEMENT * 100} %)` : '';
    diagnostics.push(diagnostic('warning', table.file, line,
      `improvement "${formatNumber(row.improvement)}" is ${formatNumber(row.improvement * 100)} % a year${others}: a rate is a decimal (${formatNumber(row.improvement / 100)} for ${formatNumber(row.improvement)} %)`, 'improvement'));
  }
  if (!table.complete) return diagnostics;

  const gaps: { sex: Sex; key: string; value: number[] }[] = [];
  for (const sex of SEXES) {
    const missing: number[] = [];
    for (let age = ages.min; age <= ages.max; age += 1) if (!given[sex].has(age)) missing.push(age);
    if (missing.length > 0) gaps.push({ sex, key: describeAges(missing), value: missing });
  }
  for (const { sexes, value } of bySexes(gaps)) {
    diagnostics.push(diagnostic('error', table.file, undefined, `${sexPhrase(sexes)} ${describeAges(value)} ${value.length > 1 ? 'have' : 'has'} no qx: every age from min_age ${ages.min} to max_age ${ages.max} needs one row per sex`));
  }
  if (gaps.length > 0 || duplicated) return diagnostics;

  for (const sex of SEXES) {
    const rates = [...given[sex].entries()].sort(([a], [b]) => a - b).map(([age, { row }]) => ({ age, qx: row.qx }));
    // e̊ of the base-year table without improvement or group multipliers: a check of the table itself.
    const ageAtDeath = ages.min + lifeTable(rates, 0)[0]!.ex_complete;
    if (ageAtDeath < PLAUSIBLE_AGE_AT_DEATH.low || ageAtDeath > PLAUSIBLE_AGE_AT_DEATH.high) {
      diagnostics.push(diagnostic('warning', table.file, undefined,
        `sex ${sex}: a person alive at min_age ${ages.min} dies on average at age ${ageAtDeath.toFixed(1)} by this table, outside [${PLAUSIBLE_AGE_AT_DEATH.low}, ${PLAUSIBLE_AGE_AT_DEATH.high}]: check that qx is a yearly probability (not per 1000) for the right ages`));
    }
  }
  return diagnostics;
}
