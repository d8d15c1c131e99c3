/**
 * §2 income: every (group, sex, age) from min_age to the sex's retirement age
 * minus one is covered by exactly one row.
 */
import { SEXES, type Sex } from '../../core/rules.js';
import type { IncomeRow } from '../../schema/tables.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Located } from '../readTable.js';
import type { SchemeFacts } from '../schemeFacts.js';
import { bySexes, describeAges, diagnostic, formatNumber, sexesOf, sexPhrase, type Table } from './common.js';

/** A cv above this is legal but more likely a standard deviation typed in the cv column. */
const SUSPICIOUS_CV = 3;

/**
 * @param misspelt defined groups an unknown group name probably meant (their gaps are that same fault)
 * @example checkIncome(table with traders,*,15,39 only; retirement 60) // ['income.csv: group "traders" sexes F and M ages 40-59 are not covered by any row']
 */
export function checkIncome(table: Table<IncomeRow>, facts: SchemeFacts, misspelt: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const valid: Located<IncomeRow>[] = [];
  let complete = table.complete;
  for (const located of table.rows) {
    const { line, row } = located;
    if (row.cv > SUSPICIOUS_CV) {
      diagnostics.push(diagnostic('warning', table.file, line, `cv "${formatNumber(row.cv)}" is above ${SUSPICIOUS_CV}: cv is the coefficient of variation (standard deviation / mean) of a month's income`, 'cv'));
    }
    if (row.age_from > row.age_to) {
      diagnostics.push(diagnostic('error', table.file, line, `age_to "${row.age_to}" must be >= age_from (${row.age_from})`, 'age_to'));
      complete = false; // the ages it meant to cover are unknown: no gap reports
    } else {
      valid.push(located);
    }
  }
  const { ages, retirementAge, groups } = facts;
  if (ages === undefined || retirementAge === undefined || groups === undefined) return diagnostics;

  for (const group of groups.keys()) {
    if (misspelt.has(group)) continue;
    const rows = valid.filter(({ row }) => row.group === group);
    if (rows.length === 0) {
      if (complete) {
        const spans = SEXES.map((sex) => `${ages.min}-${retirementAge[sex] - 1} (sex ${sex})`).join(' and ');
        diagnostics.push(diagnostic('error', table.file, undefined, `group "${group}" has no rows: ages ${spans} must each be covered by exactly one row`));
      }
      continue;
    }
    const gaps: { sex: Sex; key: string; value: number[] }[] = [];
    const overlaps: { sex: Sex; key: string; value: { lines: [number, number]; ages: number[] } }[] = [];
    for (const sex of SEXES) {
      const uncovered: number[] = [];
      const doubled = new Map<string, number[]>();
      for (let age = ages.min; age < retirementAge[sex]; age += 1) {
        const covering = rows.filter(({ row }) => sexesOf(row.sex).includes(sex) && row.age_from <= age && age <= row.age_to);
        if (covering.length === 0) uncovered.push(age);
        if (covering.length > 1) {
          const pair = `${covering[0]!.line},${covering[1]!.line}`;
          doubled.set(pair, [...(doubled.get(pair) ?? []), age]);
        }
      }
      if (uncovered.length > 0) gaps.push({ sex, key: describeAges(uncovered), value: uncovered });
      for (const [pair, doubledAges] of doubled) {
        const [first, second] = pair.split(',').map(Number) as [number, number];
        overlaps.push({ sex, key: `${pair}:${describeAges(doubledAges)}`, value: { lines: [first, second], ages: doubledAges } });
      }
    }
    if (complete) {
      for (const { sexes, value } of bySexes(gaps)) {
        diagnostics.push(diagnostic('error', table.file, undefined, `group "${group}" ${sexPhrase(sexes)} ${describeAges(value)} ${value.length > 1 ? 'are' : 'is'} not covered by any row`));
      }
    }
    for (const { sexes, value } of bySexes(overlaps)) {
      const [first, second] = value.lines;
      diagnostics.push(diagnostic('error', table.file, second, `group "${group}" ${sexPhrase(sexes)} ${describeAges(value.ages)} ${value.ages.length > 1 ? 'are' : 'is'} also covered by line ${first}: each age must be covered by exactly one row`));
    }
  }
  return diagnostics;
}
