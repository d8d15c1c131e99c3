/**
 * The contribution rule of scheme.yaml (methodology §2 `contributions`, §3): the
 * scheme's default rule, and the fields a group may override one by one.
 * Which fields a rule kind requires is checked once the group's fields are
 * merged (src/io/checks/schemeRules.ts); the core then builds the rule as a
 * discriminated union (src/core/rules.ts).
 */
import { z } from 'zod';
import { MAX_FACTOR } from './bounds.js';
import { doc, indexationKind, money } from './common.js';

const classSchema = z.strictObject({
  up_to: money.nullable().meta(doc('money a month', 'the class applies when declared income is below up_to (the first such class); null in the last class')),
  amount: money.meta(doc('money a month', 'the class\'s contribution')),
  insured_income: money.default(0).meta(doc('money a month', 'insured income credited for each paid month of the class')),
});
export type ContributionClass = z.infer<typeof classSchema>;

const matchingSchema = z.strictObject({
  ratio: z.number().min(0).max(MAX_FACTOR).meta(doc('factor', 'matching paid per unit of own contribution in a paid month')),
  cap: money.nullable().default(null).meta(doc('money a month', 'the most matching a month (null: no cap)')),
  income_limit: money.nullable().default(null).meta(doc('money a month', 'months whose actual income is above it get no matching (null: no limit)')),
});
export type Matching = z.infer<typeof matchingSchema>;

export const ruleKind = z.enum(['percent', 'flat', 'classes']);
export type RuleKind = z.infer<typeof ruleKind>;

/** Each field once, with its bound and description; the default rule and a group's overrides share them. */
const field = {
  rule: ruleKind.meta(doc(undefined, 'how a month\'s contribution is set: a share of declared income (percent), a flat amount, or classes of declared income')),
  rate: z.number().min(0).max(1).meta(doc('share', 'percent: the share of declared income, clamped to [floor, ceiling], that is contributed (required for percent)')),
  floor: money.meta(doc('money a month', 'percent: contributions are charged on at least this income')),
  ceiling: money.nullable().meta(doc('money a month', 'percent: contributions are charged on at most this income, >= floor (null: no ceiling)')),
  amount: money.meta(doc('money a month', 'flat: the contribution (required for flat)')),
  insured_income: money.meta(doc('money a month', 'flat: insured income credited for each paid month')),
  classes: z.array(classSchema).min(1).meta(doc(undefined, 'classes: the classes by declared income, up_to non-decreasing, the last up_to null (required for classes)')),
  indexation: indexationKind.meta(doc(undefined, 'the index J_t that multiplies every money field of contributions and benefits: wages (Iw_t), prices (Ip_t) or none (1)')),
  affordability: z.number().gt(0).max(MAX_FACTOR).nullable().meta(doc('share', 'a month is paid only if its contribution is at most this share of the month\'s actual income (null: always)')),
  matching: matchingSchema.nullable().meta(doc(undefined, 'a co-contribution on paid months: min(ratio × contribution, cap), only in months with actual income <= income_limit (null: none)')),
};

/** Fields a group may override, one by one (§2 `contributions`). */
export const contributionOverrideSchema = z.strictObject({
  rule: field.rule.optional(),
  rate: field.rate.optional(),
  floor: field.floor.optional(),
  ceiling: field.ceiling.optional(),
  amount: field.amount.optional(),
  insured_income: field.insured_income.optional(),
  classes: field.classes.optional(),
  indexation: field.indexation.optional(),
  affordability: field.affordability.optional(),
  matching: field.matching.optional(),
});
export type ContributionOverride = z.infer<typeof contributionOverrideSchema>;

/** The scheme's default contribution rule; `rule` is required, the rest defaults. */
export const contributionFieldsSchema = z.strictObject({
  rule: field.rule,
  rate: field.rate.optional(),
  floor: field.floor.default(0),
  ceiling: field.ceiling.default(null),
  amount: field.amount.optional(),
  insured_income: field.insured_income.default(0),
  classes: field.classes.optional(),
  indexation: field.indexation.default('wages'),
  affordability: field.affordability.default(null),
  matching: field.matching.default(null),
});
/** Every field of a contribution rule as scheme.yaml holds it, whatever the kind. */
export type ContributionFields = z.infer<typeof contributionFieldsSchema>;
