/**
 * The contribution rule of scheme.yaml (MODEL.md §2 `contributions`, §3): the
 * scheme's default rule, and the fields a group may override one by one.
 * Which fields a rule kind requires is checked once the group's fields are
 * merged (src/io/checks/schemeRules.ts); the core then builds the rule as a
 * discriminated union (src/core/rules.ts).
 */
import { z } from 'zod';
import { indexationKind, money } from './common.js';

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

export const ruleKind = z.enum(['percent', 'flat', 'classes']);
export type RuleKind = z.infer<typeof ruleKind>;

/** Fields a group may override, one by one (§2 `contributions`). */
export const contributionOverrideSchema = z.strictObject({
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
export const contributionFieldsSchema = z.strictObject({
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
/** Every field of a contribution rule as scheme.yaml holds it, whatever the kind. */
export type ContributionFields = z.infer<typeof contributionFieldsSchema>;
