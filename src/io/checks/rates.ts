/**
 * §2 rates: one row per (group, sex, age), non-zero rows within the age
 * range, and entrant shares that sum to 1 for every group with entrants.
 */
import { SEXES } from '../../core/rules.js';
import type { RatesRow } from '../../schema/tables.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Located } from '../readTable.js';
import type { SchemeFacts } from '../schemeFacts.js';
import { diagnostic, formatNumber, sexesOf, type Table } from './common.js';

const RATE_COLUMNS = ['disability', 'lapse', 'reentry', 'fertility', 'entrant_share', 'emigration'] as const;
/** §2: "summing to 1 (±1e-6)". */
const SHARE_TOLERANCE = 1e-6;

/** @param misspelt defined groups an unknown group name probably meant: their sums would only echo that error */
export function checkRates(table: Table<RatesRow>, facts: SchemeFacts, misspelt: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: 'error' | 'warning', line: number | undefined, message: string, column?: string) =>
    diagnostics.push(diagnostic(severity, table.file, line, message, column));
  const { ages, retirementAge, pays, groups } = facts;

  const accepted: Located<RatesRow>[] = [];
  const byGroupAge = new Map<string, Located<RatesRow>[]>();
  for (const located of table.rows) {
    const { line, row } = located;
    const key = `${row.group}|${row.age}`;
    const earlier = byGroupAge.get(key) ?? [];
    const same = earlier.find((other) => other.row.sex === row.sex);
    const crossing = earlier.find((other) => other.row.sex === '*' || row.sex === '*');
    if (same) {
      report('error', line, `group "${row.group}" sex ${row.sex} age ${row.age} is already given on line ${same.line}: give each (group, sex, age) once`);
      continue;
    }
    if (crossing) {
      report('error', line, `group "${row.group}" age ${row.age} has a sex ${row.sex} row here and a sex ${crossing.row.sex} row on line ${crossing.line}: give one row for both sexes (*) or one row per sex`);
      continue;
    }
    byGroupAge.set(key, [...earlier, located]);
    const nonZero = RATE_COLUMNS.some((column) => row[column] !== 0);
    if (ages && (row.age < ages.min || row.age > ages.max)) {
      if (nonZero) report('error', line, `age "${row.age}" must lie in [min_age ${ages.min}, max_age ${ages.max}] for a row with non-zero rates`, 'age');
      continue;
    }
    accepted.push(located);
    if (retirementAge && row.entrant_share > 0) {
      const retired = sexesOf(row.sex).filter((sex) => row.age >= retirementAge[sex]);
      if (retired.length > 0) {
        const atAge = retired.map((sex) => `${sex} ${retirementAge[sex]}`).join(', ');
        report('error', line, `entrant_share "${formatNumber(row.entrant_share)}" at age ${row.age} must be 0: entrants join below the retirement age (${atAge})`, 'entrant_share');
      }
    }
  }
  const clean = diagnostics.length === 0;

  if (pays) {
    // §9: fertility feeds maternity benefits and care credits (§12); unused only when neither is paid.
    const unpaid = [
      ['disability', pays.disability, 'no disability benefit (no benefits.disability)'],
      ['fertility', pays.maternity || pays.careCredits, 'no maternity benefit and no care credits (no benefits.maternity or benefits.care_credits)'],
    ] as const;
    for (const [column, paid, benefit] of unpaid) {
      const first = paid ? undefined : table.rows.find(({ row }) => row[column] !== 0);
      if (first) report('warning', first.line, `${column} "${formatNumber(first.row[column])}" is not 0 but the scheme pays ${benefit}: the column is unused`, column);
    }
  }
  if (groups === undefined) return diagnostics;

  const idle = new Set<string>();
  for (const { line, row } of accepted) {
    if (row.group === '*' || row.entrant_share === 0 || groups.get(row.group) !== 0 || idle.has(row.group)) continue;
    idle.add(row.group);
    report('warning', line, `entrant_share "${formatNumber(row.entrant_share)}" of group "${row.group}" is unused: the group has entrants.count 0`, 'entrant_share');
  }

  // Sums are checked only on a clean, complete file: a dropped or duplicated row would change them.
  if (!table.complete || !clean || ages === undefined) return diagnostics;
  const share = new Map(accepted.map(({ row }) => [`${row.group}|${row.sex}|${row.age}`, row.entrant_share]));
  for (const [group, count] of groups) {
    if (count === undefined || count === 0 || misspelt.has(group)) continue;
    let sum = 0;
    for (const sex of SEXES) {
      for (let age = ages.min; age <= ages.max; age += 1) {
        // a named-group row replaces the * row of the same (sex, age) (§2)
        sum += share.get(`${group}|${sex}|${age}`) ?? share.get(`${group}|*|${age}`)
          ?? share.get(`*|${sex}|${age}`) ?? share.get(`*|*|${age}`) ?? 0;
      }
    }
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      const hint = table.rows.length === 0 ? ` (${table.file} has no rows)` : '';
      report('error', undefined, `entrant_share of group "${group}" sums to ${formatNumber(sum)} over sex and age but must sum to 1: the group has entrants.count ${formatNumber(count)}${hint}`);
    }
  }
  return diagnostics;
}
