/**
 * The scheme file (`scheme.yaml`), MODEL.md §2. These zod schemas are the
 * single source of truth: they check a scheme, fill in its defaults, and their
 * output types are what the core computes with.
 *
 * Money fields are monthly amounts in money of the base year unless their name
 * or doc says otherwise (MODEL.md §1).
 */
import { z } from 'zod';
import { ASSERTION_SUBJECTS, parseAssertion, rangeProblem } from '../core/assertions.js';
import { mergeContributionRule } from '../core/rules.js';
import { didYouMean } from '../io/suggest.js';

const money = z.number().min(0);
const PROBABILITY = 'must be a probability in [0, 1]';
const probability = z.number().min(0, PROBABILITY).max(1, PROBABILITY);
const integer = z.number().int();

/** An assumption: one number, or a step function `year -> value` (§1). */
export const assumptionSchema = z.union([
  z.number().gt(-1),
  z
    .record(z.string().regex(/^\d{4}$/, 'must be a four-digit year'), z.number().gt(-1))
    .refine((map) => Object.keys(map).length > 0, 'must give a value for at least one year'),
]);
export type Assumption = z.infer<typeof assumptionSchema>;

/** A value that may differ by sex: one number, or `{F, M}`. */
const bySex = <T extends z.ZodType>(value: T) =>
  z.union([value, z.strictObject({ F: value, M: value })]);

const classSchema = z.strictObject({
  up_to: money.nullable(),
  amount: money,
  insured_income: money.default(0),
});
export type ContributionClass = z.infer<typeof classSchema>;

const matchingSchema = z.strictObject({
  ratio: z.number().min(0),
  cap: money.nullable().default(null),
  income_limit: money.nullable().default(null),
});
export type Matching = z.infer<typeof matchingSchema>;

const ruleKind = z.enum(['percent', 'flat', 'classes']);
const indexationKind = z.enum(['wages', 'prices', 'none']);

/** Fields a group may override, one by one (§2 `contributions`). */
const contributionOverrideSchema = z.strictObject({
  rule: ruleKind.optional(),
  rate: z.number().min(0).max(1).optional(),
  floor: money.optional(),
  ceiling: money.nullable().optional(),
  amount: money.optional(),
  insured_income: money.optional(),
  classes: z.array(classSchema).min(1).optional(),
  indexation: indexationKind.optional(),
  affordability: z.number().gt(0).nullable().optional(),
  matching: matchingSchema.nullable().optional(),
});
export type ContributionOverride = z.infer<typeof contributionOverrideSchema>;

/** The scheme's default contribution rule; `rule` is required, the rest defaults. */
const contributionRuleSchema = z.strictObject({
  rule: ruleKind,
  rate: z.number().min(0).max(1).optional(),
  floor: money.default(0),
  ceiling: money.nullable().default(null),
  amount: money.optional(),
  insured_income: money.default(0),
  classes: z.array(classSchema).min(1).optional(),
  indexation: indexationKind.default('wages'),
  affordability: z.number().gt(0).nullable().default(null),
  matching: matchingSchema.nullable().default(null),
});
export type ContributionRule = z.infer<typeof contributionRuleSchema>;

const groupSchema = z.strictObject({
  compliance: z.number().gt(0).max(1).default(1),
  declared_share: z.number().gt(0).max(1).default(1),
  mortality_multiplier: z.number().min(0).default(1),
  entrants: z
    .strictObject({ count: z.number().min(0).default(0), growth: z.number().gt(-1).default(0) })
    .prefault({}),
  contributions: contributionOverrideSchema.prefault({}),
});
export type Group = z.infer<typeof groupSchema>;

const oldAgeSchema = z.strictObject({
  retirement_age: bySex(integer),
  vesting_years: integer.min(0).default(0),
  formula: z.enum(['flat', 'career_average', 'account']),
  amount: money.optional(),
  accrual: z.number().min(0).optional(),
  annuity_rate: z.number().gt(-1).optional(),
  min_pension: money.default(0),
  refund: z.enum(['own', 'account', 'none']).default('own'),
  indexation: indexationKind.default('prices'),
});
export type OldAgeBenefit = z.infer<typeof oldAgeSchema>;

const disabilitySchema = z.strictObject({
  vesting_years: integer.min(0).default(0),
  formula: z.enum(['replacement', 'flat']),
  replacement: z.number().min(0).default(0.4),
  amount: money.default(0),
  mortality_multiplier: z.number().min(0).default(1),
});
export type DisabilityBenefit = z.infer<typeof disabilitySchema>;

const survivorsSchema = z.strictObject({
  share: z.number().min(0),
  spouse_probability: bySex(probability),
  age_difference: bySex(integer).default({ F: 3, M: -3 }),
});
export type SurvivorsBenefit = z.infer<typeof survivorsSchema>;

const memberState = z.enum(['active', 'inactive', 'retired', 'disabled', 'survivor']);
export type MemberStatus = z.infer<typeof memberState>;

const healthBandSchema = z.strictObject({ age_from: integer, age_to: integer, cost: money });
const healthSchema = z.strictObject({
  covered: z.array(memberState).default(['active']),
  dependants_factor: z.number().min(0).default(1),
  inflation: z.number().gt(-1),
  annual_cost: z.array(healthBandSchema).min(1),
});
export type HealthBenefit = z.infer<typeof healthSchema>;

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

/** A CI gate on the results (src/core/assertions.ts has the grammar), e.g. `reserve_ratio >= 2 to 2050`. */
const assertionSchema = z.string().superRefine((text, context) => {
  const problem = assertionSyntaxProblem(text);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `is not a valid assertion: ${problem}`, input: text });
});

const schemeObject = z
  .strictObject({
    name: z.string().min(1),
    currency: z.string().default(''),
    projection: z.strictObject({
      base_year: integer.min(1900).max(2500),
      horizon: integer.min(1).max(500),
      min_age: integer.min(0).default(15),
      max_age: integer.max(130).default(110),
    }),
    files: z
      .strictObject({
        population: z.string().min(1).default('population.csv'),
        income: z.string().min(1).default('income.csv'),
        mortality: z.string().min(1).default('mortality.csv'),
        rates: z.string().min(1).default('rates.csv'),
      })
      .prefault({}),
    assumptions: z.strictObject({
      wage_growth: assumptionSchema,
      inflation: assumptionSchema,
      investment_return: assumptionSchema,
      discount_rate: assumptionSchema.nullable().default(null),
    }),
    contributions: contributionRuleSchema,
    groups: z
      .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must use only letters, digits, _ . or -'), groupSchema)
      .refine((groups) => Object.keys(groups).length > 0, 'must define at least one group'),
    benefits: z.strictObject({
      old_age: oldAgeSchema,
      disability: disabilitySchema.optional(),
      survivors: survivorsSchema.optional(),
      maternity: z.strictObject({ weeks: z.number().min(0).max(52), replacement: z.number().min(0).default(1) }).optional(),
      health: healthSchema.optional(),
      funeral: z.strictObject({ amount: money }).optional(),
    }),
    administration: z
      .strictObject({ contribution_share: z.number().min(0).max(1).default(0), per_member_annual: money.default(0) })
      .prefault({}),
    reserve: z
      .strictObject({ initial: z.number().default(0), gap_final_reserve_ratio: z.number().min(0).default(0) })
      .prefault({}),
    subsidy: z.strictObject({ entry_ages: z.array(integer).default([20, 30, 40, 50]) }).prefault({}),
    /** Checked after every projection: a failed one makes `sipro project` exit 4. */
    assertions: z.array(assertionSchema).default([]),
  });

export const schemeSchema = schemeObject.superRefine((scheme, context) => {
  for (const issue of crossFieldIssues(scheme)) context.addIssue({ code: 'custom', ...issue });
});

export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;

interface CrossFieldIssue {
  path: (string | number)[];
  message: string;
  input: unknown;
}

/** Rules that tie several fields together (§2, last paragraph). */
function crossFieldIssues(scheme: z.output<typeof schemeObject>): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const { min_age: minAge, max_age: maxAge } = scheme.projection;
  if (minAge >= maxAge) {
    issues.push({ path: ['projection', 'max_age'], message: `must be greater than min_age (${minAge})`, input: maxAge });
  }
  issues.push(...ruleIssues(scheme.contributions, ['contributions']));
  for (const [name, group] of Object.entries(scheme.groups)) {
    const merged = mergeContributionRule(scheme.contributions, group.contributions);
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
  const firstYear = scheme.projection.base_year;
  const lastYear = firstYear + scheme.projection.horizon - 1;
  scheme.assertions.forEach((text, index) => {
    const parsed = parseAssertion(text);
    const problem = parsed.ok ? rangeProblem(parsed.assertion, firstYear, lastYear) : undefined;
    if (problem !== undefined) issues.push({ path: ['assertions', index], message: `cannot be checked: ${problem}`, input: text });
  });
  return issues;
}

function ruleIssues(rule: ContributionRule, path: (string | number)[]): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
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

function healthBandIssues(bands: { age_from: number; age_to: number }[], minAge: number, maxAge: number): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
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

/** `ages 40-44, 50` or `age 40`: a sorted list of ages as ranges. */
export function describeAges(ages: number[]): string {
  const ranges: string[] = [];
  let start = ages[0]!;
  let end = start;
  for (const age of ages.slice(1)) {
    if (age === end + 1) { end = age; continue; }
    ranges.push(start === end ? `${start}` : `${start}-${end}`);
    start = end = age;
  }
  ranges.push(start === end ? `${start}` : `${start}-${end}`);
  return `age${ages.length > 1 ? 's' : ''} ${ranges.join(', ')}`;
}
