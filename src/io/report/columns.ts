/**
 * What a column of sipro's output files holds, by its name (methodology §7, §8,
 * §10, §13): the report and the workbook format a cell by its kind, and a
 * column the table does not know is read as numbers when every cell is one.
 */
export type ColumnKind =
  /** A calendar year (no thousands separator). */
  | 'year'
  /** A whole number that is not a year: an age, a count of assertions, a scenario number. */
  | 'integer'
  /** Heads: members, entrants, deaths (fractional in a cohort model). */
  | 'heads'
  /** An amount of money (annual flow, reserve or present value). */
  | 'money'
  /** A share of insured earnings, a probability or a growth rate: shown as a percentage. */
  | 'rate'
  /** A pure number read as such: years of expenditure, actives per pensioner, money's worth, a factor. */
  | 'ratio'
  /** A number of no kind sipro knows (a swept parameter, say). */
  | 'number'
  | 'text';

const BY_NAME: Readonly<Record<string, ColumnKind>> = {
  year: 'year', depletion_year: 'year', first_deficit_year: 'year', period_start: 'year', period_end: 'year',
  entry_age: 'integer', assertions_passed: 'integer', assertions_failed: 'integer', delta_depletion_year: 'integer',
  actives: 'heads', inactives: 'heads', emigrants: 'heads', old_age_pensioners: 'heads', disability_pensioners: 'heads',
  survivor_pensioners: 'heads', entrants: 'heads', deaths: 'heads', old_age_awards: 'heads',
  contributions: 'money', matching: 'money', care_credit_contributions: 'money', investment_income: 'money',
  old_age_benefits: 'money', disability_benefits: 'money', survivor_benefits: 'money', refunds: 'money',
  maternity_benefits: 'money', health_benefits: 'money', funeral_benefits: 'money', administration: 'money',
  expenditure: 'money', reserve_start: 'money', reserve_end: 'money', insured_earnings: 'money',
  old_age_award_amount: 'money', net_transfer: 'money', final_reserve: 'money', target_final_reserve: 'money',
  density: 'rate', payg_cost_rate: 'rate', gap: 'rate', effective_rate: 'rate', actuarial_balance: 'rate',
  delta_gap: 'rate', delta_actuarial_balance: 'rate', premium: 'rate', depleted_share: 'rate', deficit_share: 'rate',
  investment_return: 'rate', wage_growth: 'rate', inflation: 'rate', gender_pension_gap: 'rate',
  depletion_probability: 'rate',
  reserve_ratio: 'ratio', support_ratio: 'ratio', money_worth: 'ratio', final_reserve_ratio: 'ratio',
  min_reserve_ratio: 'ratio', mortality_factor: 'ratio', entrants_factor: 'ratio', discount_factor_T: 'ratio',
  group: 'text', sex: 'text', variable: 'text', parameter: 'text', change: 'text', error: 'text', failed_assertions: 'text',
};

/**
 * The kind of a column of `file`, or undefined for a column sipro does not
 * name (read as numbers if every cell is one). `scenario` is a number in a
 * simulate folder (§10) and a name in a sweep (§7 of the sweep's help).
 * @example columnKind('projection.csv', 'reserve_end') // 'money'
 */
export function columnKind(file: string, column: string): ColumnKind | undefined {
  if (column === 'scenario') return file === 'scenarios.csv' || file === 'paths.csv' ? 'integer' : 'text';
  if (column.startsWith('pv_')) return 'money';
  if (column.startsWith('income_factor.')) return 'ratio';
  return BY_NAME[column];
}

/** `p5`, `p2.5`, `p50`: a percentile column of percentiles.csv (§10). */
export const isPercentileColumn = (column: string) => /^p\d+(\.\d+)?$/.test(column);

/**
 * The kind of one cell: in percentiles.csv the statistics (`mean`, `p<q>`)
 * take the kind of the row's `variable` (§10).
 */
export function cellKind(file: string, column: string, variable: string | undefined): ColumnKind | undefined {
  if (file === 'percentiles.csv' && (column === 'mean' || isPercentileColumn(column))) {
    return variable === undefined ? 'number' : (columnKind(file, variable) ?? 'number');
  }
  return columnKind(file, column);
}
