/**
 * The rules of scheme.yaml that tie several fields together (methodology §2,
 * last paragraph; §7 assertions), checked once each field has its shape. A
 * finding is an issue at a field path, rendered like a schema issue (with the
 * field's line, or `--set` when an override put the value there).
 */
import { ASSERTION_SUBJECTS, parseAssertion, rangeProblem } from '../../core/assertions.js';
import { mergeContributionFields } from '../../core/rules.js';
import type { ContributionFields, Scheme } from '../../schema/scheme.js';
import { didYouMean } from '../suggest.js';
import { describeAges } from './common.js';
import { compoundingIssues } from './compounding.js';

export interface SchemeRuleIssue {
  path: (string | number)[];
  message: string;
  input: unknown;
}

/**
 * Why `text` is not a valid assertion (`unexpected "=" at column 7: expected
 * a number`, with a "did you mean" for a misspelt name), or undefined.
 * @example assertionSyntaxProblem('gapp <= 1') // 'unknown name "gapp" at column 1: …; did you mean "gap"?'
 */
export function assertionSyntaxProblem(text: string): string | undefined {
  const parsed = parseAssertion(text);
  if (parsed.ok) return undefined;
  const { message, unknownName } = parsed.error;
  return unknownName === undefined ? message : `${message}${didYouMean(unknownName, ASSERTION_SUBJECTS)}`;
}

/**
 * The syntax of the document's `assertions:` strings, checked whether or not
 * the rest of the scheme is valid (every error of a run is listed, §9).
 */
export function assertionSyntaxIssues(document: unknown): SchemeRuleIssue[] {
  const assertions = (document as { assertions?: unknown } | null | undefined)?.assertions;
  if (!Array.isArray(assertions)) return [];
  return assertions.flatMap((text: unknown, index) => {
    if (typeof text !== 'string') return [];
    const problem = assertionSyntaxProblem(text);
    return problem === undefined ? [] : [{ path: ['assertions', index], message: `is not a valid assertion: ${problem}`, input: text }];
  });
}

/** The cross-field rules of a scheme whose fields each have their shape. */
export function schemeRuleIssues(scheme: Scheme): SchemeRuleIssue[] {
  const issues: SchemeRuleIssue[] = [];
  const { min_age: minAge, max_age: maxAge } = scheme.projection;
  if (minAge >= maxAge) {
    issues.push({ path: ['projection', 'max_age'], message: `must be greater than min_age (${minAge})`, input: maxAge });
  }
  issues.push(...ruleIssues(scheme.contributions, ['contributions']));
  for (const [name, group] of Object.entries(scheme.groups)) {
    const merged = mergeContributionFields(scheme.contributions, group.contributions);
    for (const issue of ruleIssues(merged, ['groups', name, 'contributions'])) {
      if (!issues.some((known) => known.message === issue.message && known.path[0] === 'contributions')) issues.push(issue);
    }
  }
  const oldAge = scheme.benefits.old_age;
  const retirementAges = typeof oldAge.retirement_age === 'number'
    ? [['retirement_age', oldAge.retirement_age] as const]
    : (['F', 'M'] as const).map((sex) => [`retirement_age.${sex}`, (oldAge.retirement_age as { F: number; M: number })[sex]] as const);
  for (const [field, age] of retirementAges) {
    if (age <= minAge || age > maxAge) {
      issues.push({ path: ['benefits', 'old_age', ...field.split('.')], message: `must lie in (min_age ${minAge}, max_age ${maxAge}]`, input: age });
    }
  }
  const formulaField = { flat: 'amount', career_average: 'accrual', account: 'annuity_rate' } as const;
  const needed = formulaField[oldAge.formula];
  if (oldAge[needed] === undefined) {
    issues.push({ path: ['benefits', 'old_age', needed], message: `is required when formula is ${oldAge.formula}`, input: undefined });
  }
  const health = scheme.benefits.health;
  if (health) issues.push(...healthBandIssues(health.annual_cost, minAge, maxAge));
  if (scheme.csv.delimiter === scheme.csv.decimal) {
    issues.push({ path: ['csv', 'decimal'], message: 'must differ from csv.delimiter: with decimal commas, separate the cells with ";"', input: undefined });
  }
  issues.push(...compoundingIssues(scheme));
  const firstYear = scheme.projection.base_year;
  const lastYear = firstYear + scheme.projection.horizon - 1;
  scheme.assertions.forEach((text, index) => {
    const parsed = parseAssertion(text);
    const problem = parsed.ok ? rangeProblem(parsed.assertion, firstYear, lastYear) : undefined;
    if (problem !== undefined) issues.push({ path: ['assertions', index], message: `cannot be checked: ${problem}`, input: text });
  });
  return issues;
}

function ruleIssues(rule: ContributionFields, path: (string | number)[]): SchemeRuleIssue[] {
  const issues: SchemeRuleIssue[] = [];
  if (rule.rule === 'percent' && rule.rate === undefined) {
    issues.push({ path: [...path, 'rate'], message: 'is required when rule is percent', input: undefined });
  }
  if (rule.rule === 'flat' && rule.amount === undefined) {
    issues.push({ path: [...path, 'amount'], message: 'is required when rule is flat', input: undefined });
  }
  if (rule.rule === 'classes' && rule.classes === undefined) {
    issues.push({ path: [...path, 'classes'], message: 'is required when rule is classes', input: undefined });
  }
  if (rule.ceiling !== null && rule.floor > rule.ceiling) {
    issues.push({ path: [...path, 'ceiling'], message: `must be >= floor (${rule.floor})`, input: rule.ceiling });
  }
  if (rule.classes) {
    const classes = rule.classes;
    classes.forEach((contributionClass, index) => {
      const last = index === classes.length - 1;
      if (last && contributionClass.up_to !== null) {
        issues.push({ path: [...path, 'classes', index, 'up_to'], message: 'must be null in the last class (an open top class)', input: contributionClass.up_to });
      }
      if (!last && contributionClass.up_to === null) {
        issues.push({ path: [...path, 'classes', index, 'up_to'], message: 'must be a number: only the last class may be open (null)', input: undefined });
      }
      const previous = classes[index - 1]?.up_to;
      if (contributionClass.up_to !== null && previous !== undefined && previous !== null && contributionClass.up_to < previous) {
        issues.push({ path: [...path, 'classes', index, 'up_to'], message: `must not be below the previous class's up_to (${previous})`, input: contributionClass.up_to });
      }
    });
  }
  return issues;
}

function healthBandIssues(bands: readonly { age_from: number; age_to: number }[], minAge: number, maxAge: number): SchemeRuleIssue[] {
  const issues: SchemeRuleIssue[] = [];
  const coveredBy = new Map<number, number>();
  bands.forEach((band, index) => {
    if (band.age_from > band.age_to) {
      issues.push({ path: ['benefits', 'health', 'annual_cost', index, 'age_to'], message: `must be >= age_from (${band.age_from})`, input: band.age_to });
    }
    // Every age of the band is claimed even after an overlap, so that one
    // overlap is not reported a second time as a gap.
    let overlapped: number | undefined;
    for (let age = Math.max(band.age_from, minAge); age <= Math.min(band.age_to, maxAge); age += 1) {
      const other = coveredBy.get(age);
      if (other === undefined) coveredBy.set(age, index);
      else overlapped ??= other;
    }
    if (overlapped !== undefined) {
      const other = bands[overlapped]!;
      issues.push({
        path: ['benefits', 'health', 'annual_cost', index],
        message: `(ages ${band.age_from}-${band.age_to}) overlaps annual_cost[${overlapped}] (ages ${other.age_from}-${other.age_to}): each age must fall in exactly one band`,
        input: undefined,
      });
    }
  });
  const gaps: number[] = [];
  for (let age = minAge; age <= maxAge; age += 1) if (!coveredBy.has(age)) gaps.push(age);
  if (gaps.length > 0) {
    issues.push({ path: ['benefits', 'health', 'annual_cost'], message: `must cover every age from min_age ${minAge} to max_age ${maxAge} exactly once; ${describeAges(gaps)} ${gaps.length > 1 ? 'are' : 'is'} in no band`, input: undefined });
  }
  return issues;
}
