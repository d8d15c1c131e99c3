/** Legal but suspicious values of scheme.yaml (§9 warnings). */
import { retirementAge, SEXES } from '../../core/rules.js';
import type { Assumption, Scheme } from '../../schema/scheme.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IssuePath } from '../describeIssue.js';
import { diagnostic, formatNumber } from './common.js';

/** A rate above one half is legal, but more likely a typo (0.6 for 0.06) than a scheme's real rate. */
const SUSPICIOUS_RATE = 0.5;

/**
 * Fields where a percentage typed as a number (2.5 for 2.5 %, 40 for 40 %)
 * is legal but absurd, and the value from which it is suspected. An annual
 * rate of 100 % or more is a hyperinflation; a share above 1 pays more than
 * the whole; an accrual above 10 % a year pays 400 % of earnings after 40
 * years; a matching ratio above 5, a mortality multiplier or dependants
 * factor above 10, or a final reserve of more than 20 years of expenditure
 * is far outside real schemes.
 */
const PERCENT_TYPO = {
  annualRate: { above: 1, inclusive: true, hint: (value: number) => `is ${formatNumber(value * 100)} % a year: a rate is a decimal (${formatNumber(value / 100)} for ${formatNumber(value)} %)` },
  share: { above: 1, inclusive: false, hint: (value: number) => `is more than the whole (${formatNumber(value * 100)} %): a share is a decimal (${formatNumber(value / 100)} for ${formatNumber(value)} %)` },
  accrual: { above: 0.1, inclusive: false, hint: (value: number) => `accrues ${formatNumber(value * 100)} % of a year's insured earnings per credited year: a share is a decimal (${formatNumber(value / 100)} for ${formatNumber(value)} %)` },
  ratio: { above: 5, inclusive: false, hint: (value: number) => `pays ${formatNumber(value)} of matching for every 1 contributed: a ratio is a decimal (${formatNumber(value / 100)} for ${formatNumber(value)} %)` },
  multiplier: { above: 10, inclusive: false, hint: (value: number) => `multiplies by ${formatNumber(value)}: a factor is not a percentage (1.5 for 150 %)` },
  reserveYears: { above: 20, inclusive: false, hint: (value: number) => `asks for ${formatNumber(value)} years of the last year's expenditure in reserve at the horizon (1 for one year)` },
} as const;
type Suspicion = keyof typeof PERCENT_TYPO;

export function schemeWarnings(scheme: Scheme, file: string, lineOf: (path: IssuePath) => number | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const warn = (path: IssuePath, message: string) => {
    const field = path.join('.');
    diagnostics.push(diagnostic('warning', file, lineOf(path), `${field} ${message}`, field));
  };
  const rates: [IssuePath, number | undefined][] = [
    [['contributions', 'rate'], scheme.contributions.rate],
    ...Object.entries(scheme.groups).map(([name, group]): [IssuePath, number | undefined] => [['groups', name, 'contributions', 'rate'], group.contributions.rate]),
  ];
  for (const [path, rate] of rates) {
    if (rate === undefined || rate <= SUSPICIOUS_RATE) continue;
    warn(path, `"${formatNumber(rate)}" is above ${SUSPICIOUS_RATE}: more than half of declared income goes to contributions`);
  }
  for (const [path, value, kind] of suspectValues(scheme)) {
    const { above, inclusive, hint } = PERCENT_TYPO[kind];
    if (value === undefined || value === null || (inclusive ? value < above : value <= above)) continue;
    warn(path, `"${formatNumber(value)}" ${hint(value)}`);
  }
  diagnostics.push(...entryAgeWarnings(scheme, file, lineOf));
  diagnostics.push(...ignoredForeignCredits(scheme, file, lineOf));
  return diagnostics;
}

/** Every value that a percent typo could have produced, with what kind of number it should be. */
function suspectValues(scheme: Scheme): [IssuePath, number | null | undefined, Suspicion][] {
  const values: [IssuePath, number | null | undefined, Suspicion][] = [];
  const assumption = (path: IssuePath, value: Assumption | null) => {
    if (value === null) return;
    if (typeof value === 'number') values.push([path, value, 'annualRate']);
    else for (const [year, rate] of Object.entries(value)) values.push([[...path, year], rate, 'annualRate']);
  };
  for (const name of ['wage_growth', 'inflation', 'investment_return', 'discount_rate'] as const) {
    assumption(['assumptions', name], scheme.assumptions[name]);
  }
  const rules: [IssuePath, Scheme['contributions'] | Scheme['groups'][string]['contributions']][] = [
    [['contributions'], scheme.contributions],
    ...Object.entries(scheme.groups).map(([name, group]): [IssuePath, Scheme['groups'][string]['contributions']] => [['groups', name, 'contributions'], group.contributions]),
  ];
  for (const [path, rule] of rules) {
    values.push([[...path, 'affordability'], rule.affordability, 'share']);
    values.push([[...path, 'matching', 'ratio'], rule.matching?.ratio, 'ratio']);
  }
  for (const [name, group] of Object.entries(scheme.groups)) {
    values.push([['groups', name, 'entrants', 'growth'], group.entrants.growth, 'annualRate']);
    values.push([['groups', name, 'mortality_multiplier'], group.mortality_multiplier, 'multiplier']);
  }
  const { old_age: oldAge, disability, survivors, maternity, health } = scheme.benefits;
  values.push([['benefits', 'old_age', 'accrual'], oldAge.accrual, 'accrual']);
  values.push([['benefits', 'old_age', 'annuity_rate'], oldAge.annuity_rate, 'annualRate']);
  values.push([['benefits', 'disability', 'replacement'], disability?.replacement, 'share']);
  values.push([['benefits', 'disability', 'mortality_multiplier'], disability?.mortality_multiplier, 'multiplier']);
  values.push([['benefits', 'survivors', 'share'], survivors?.share, 'share']);
  values.push([['benefits', 'maternity', 'replacement'], maternity?.replacement, 'share']);
  values.push([['benefits', 'health', 'inflation'], health?.inflation, 'annualRate']);
  values.push([['benefits', 'health', 'dependants_factor'], health?.dependants_factor, 'multiplier']);
  values.push([['reserve', 'gap_final_reserve_ratio'], scheme.reserve.gap_final_reserve_ratio, 'reserveYears']);
  return values;
}

/**
 * §9: an entry age of `subsidy.entry_ages` that gives no entrants.csv row
 * for either sex — outside [min_age, retirement age − 1] of both — is
 * listed but computes nothing.
 */
function entryAgeWarnings(scheme: Scheme, file: string, lineOf: (path: IssuePath) => number | undefined): Diagnostic[] {
  const minAge = scheme.projection.min_age;
  const lastEntryAge = Math.max(...SEXES.map((sex) => retirementAge(scheme, sex) - 1));
  const range = SEXES.map((sex) => `${sex} ${minAge}-${retirementAge(scheme, sex) - 1}`).join(', ');
  return scheme.subsidy.entry_ages.flatMap((age, index) => {
    if (age >= minAge && age <= lastEntryAge) return [];
    const path = ['subsidy', 'entry_ages', index];
    const field = `subsidy.entry_ages[${index}]`;
    return [diagnostic('warning', file, lineOf(path), `${field} "${age}" gives no entrants.csv row: an entrant enters between min_age and the retirement age − 1 (${range})`, field)];
  });
}

/** §9: foreign credits while `portability.totalization` is false are ignored: legal, but said. */
function ignoredForeignCredits(scheme: Scheme, file: string, lineOf: (path: IssuePath) => number | undefined): Diagnostic[] {
  if (scheme.portability.totalization) return [];
  const fields: [IssuePath, number][] = [
    [['portability', 'foreign_density'], scheme.portability.foreign_density],
    ...Object.entries(scheme.groups).map(([name, group]): [IssuePath, number] => [['groups', name, 'entrants', 'foreign_credits'], group.entrants.foreign_credits]),
  ];
  return fields.filter(([, value]) => value !== 0).map(([path, value]) => {
    const field = path.join('.');
    return diagnostic('warning', file, lineOf(path), `${field} "${formatNumber(value)}" is ignored: portability.totalization is false, so foreign periods count for nothing (set portability.totalization: true to count them)`, field);
  });
}
