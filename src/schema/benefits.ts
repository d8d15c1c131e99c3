/**
 * The benefits of scheme.yaml (MODEL.md §2 `benefits`, §5): a section that
 * is absent is a benefit the scheme does not pay.
 */
import { z } from 'zod';
import { bySex, indexationKind, integer, memberState, money, probability } from './common.js';

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

const maternitySchema = z.strictObject({ weeks: z.number().min(0).max(52), replacement: z.number().min(0).default(1) });
export type MaternityBenefit = z.infer<typeof maternitySchema>;

const healthBandSchema = z.strictObject({ age_from: integer, age_to: integer, cost: money });
const healthSchema = z.strictObject({
  covered: z.array(memberState).default(['active']),
  dependants_factor: z.number().min(0).default(1),
  inflation: z.number().gt(-1),
  annual_cost: z.array(healthBandSchema).min(1),
});
export type HealthBenefit = z.infer<typeof healthSchema>;

export const benefitsSchema = z.strictObject({
  old_age: oldAgeSchema,
  disability: disabilitySchema.optional(),
  survivors: survivorsSchema.optional(),
  maternity: maternitySchema.optional(),
  health: healthSchema.optional(),
  funeral: z.strictObject({ amount: money }).optional(),
});
export type Benefits = z.infer<typeof benefitsSchema>;
