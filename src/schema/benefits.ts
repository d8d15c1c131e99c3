/**
 * The benefits of scheme.yaml (methodology §2 `benefits`, §5): a section that
 * is absent is a benefit the scheme does not pay.
 */
import { z } from 'zod';
import { MAX_ACCRUAL, MAX_ANNUAL_RATE, MAX_FACTOR, MAX_YEARS, MIN_ANNUITY_RATE } from './bounds.js';
import { annualRate, bySex, doc, indexationKind, integer, memberState, money, probability } from './common.js';

const years = integer.min(0).max(MAX_YEARS);
const age = integer.min(0).max(MAX_YEARS);
const factor = z.number().min(0).max(MAX_FACTOR);

const oldAgeSchema = z.strictObject({
  retirement_age: bySex(integer).meta(doc('age', 'members retire at this age: one age, or {F, M}; within (min_age, max_age]')),
  vesting_years: years.default(0).meta(doc('years', 'credited years needed for a pension; a member with fewer gets a refund at retirement')),
  formula: z.enum(['flat', 'career_average', 'account']).meta(doc(undefined, 'flat amount, career_average (accrual × revalued insured earnings) or account (balance / annuity factor)')),
  amount: money.optional().meta(doc('money a month', 'flat: the pension (required for flat)')),
  accrual: z.number().min(0).max(MAX_ACCRUAL).optional().meta(doc('share', 'career_average: annual pension = accrual × the sum of annual insured earnings, revalued with wages (required for career_average)')),
  annuity_rate: z.number().min(MIN_ANNUITY_RATE).max(MAX_ANNUAL_RATE).optional().meta(doc('rate a year', 'account: technical interest of the annuity factor that turns the balance into a pension (required for account)')),
  min_pension: money.default(0).meta(doc('money a month', 'the least pension of a vested award, old age and disability')),
  refund: z.enum(['own', 'account', 'none']).default('own').meta(doc(undefined, 'what a member without vesting_years gets at retirement: own contributions with interest (own), the whole account (account), or nothing (none)')),
  indexation: indexationKind.default('prices').meta(doc(undefined, 'how pensions in payment rise each year: with prices, wages or not at all (none)')),
});
export type OldAgeBenefit = z.infer<typeof oldAgeSchema>;

const disabilitySchema = z.strictObject({
  vesting_years: years.default(0).meta(doc('years', 'credited years needed before a member is covered for disability')),
  formula: z.enum(['replacement', 'flat']).meta(doc(undefined, 'replacement (a share of average insured earnings) or flat (an amount)')),
  replacement: factor.default(0.4).meta(doc('share', 'replacement: annual pension = replacement × insured earnings to date / credited years (at least 1)')),
  amount: money.default(0).meta(doc('money a month', 'flat: the pension')),
  mortality_multiplier: factor.default(1).meta(doc('factor', 'multiplies the mortality of disability pensioners (q capped at 1)')),
});
export type DisabilityBenefit = z.infer<typeof disabilitySchema>;

const survivorsSchema = z.strictObject({
  share: factor.meta(doc('share', 'a survivor\'s pension as a share of the deceased\'s pension (or of the disability award of a member who dies)')),
  spouse_probability: bySex(probability).meta(doc('probability', 'probability that a death leaves a survivor, by the deceased\'s sex: one number, or {F, M}')),
  age_difference: bySex(integer.min(-MAX_YEARS).max(MAX_YEARS)).default({ F: 3, M: -3 }).meta(doc('years', 'the survivor\'s age minus the deceased\'s, by the deceased\'s sex: one number, or {F, M}')),
});
export type SurvivorsBenefit = z.infer<typeof survivorsSchema>;

const maternitySchema = z.strictObject({
  weeks: z.number().min(0).max(52).meta(doc('weeks', 'weeks paid per birth')),
  replacement: factor.default(1).meta(doc('share', 'benefit as a share of the mother\'s insured earnings over those weeks')),
});
export type MaternityBenefit = z.infer<typeof maternitySchema>;

const healthBandSchema = z.strictObject({
  age_from: age.meta(doc('age', 'first age of the band')),
  age_to: age.meta(doc('age', 'last age of the band (inclusive)')),
  cost: money.meta(doc('money a year', 'cost of one covered person of these ages')),
});
const healthSchema = z.strictObject({
  covered: z.array(memberState).default(['active']).meta(doc(undefined, 'the states whose members are covered: active, inactive, retired, disabled, survivor')),
  dependants_factor: factor.default(1).meta(doc('factor', 'multiplies each covered person\'s cost, for the dependants covered with them')),
  inflation: annualRate.meta(doc('rate a year', 'growth of health costs: cost × (1 + inflation)^(t − t0)')),
  annual_cost: z.array(healthBandSchema).min(1).meta(doc(undefined, 'cost by age band; the bands cover every age from min_age to max_age exactly once')),
});
export type HealthBenefit = z.infer<typeof healthSchema>;

/** §12: credited years for births, with notional earnings and an optional state contribution. */
const YEARS_PER_BIRTH = 'must be a whole number of credited years from 1 to 5';
const careCreditsSchema = z.strictObject({
  years_per_birth: integer.min(1, YEARS_PER_BIRTH).max(5, YEARS_PER_BIRTH).meta(doc('years', 'whole credited years per birth, 1 to 5')),
  insured_income: money.default(0).meta(doc('money a month', 'the notional insured earnings of a credited year')),
  state_contribution_rate: z.number().min(0).max(1).default(0).meta(doc('share', 'the state pays this share of the notional earnings into the fund, as a contribution')),
});
export type CareCredits = z.infer<typeof careCreditsSchema>;

export const benefitsSchema = z.strictObject({
  old_age: oldAgeSchema.meta(doc(undefined, 'old-age pensions')),
  disability: disabilitySchema.optional().meta(doc(undefined, 'disability pensions')),
  survivors: survivorsSchema.optional().meta(doc(undefined, 'survivors\' pensions, on the death of a pensioner or of a member covered for disability')),
  maternity: maternitySchema.optional().meta(doc(undefined, 'maternity benefits of active women')),
  health: healthSchema.optional().meta(doc(undefined, 'health cover')),
  funeral: z.strictObject({ amount: money.meta(doc('money per death', 'the grant, a lump sum per death')) }).optional().meta(doc(undefined, 'a funeral grant on each death')),
  care_credits: careCreditsSchema.optional().meta(doc(undefined, 'credited years for births to members who stay, with notional earnings and a state contribution (§12)')),
});
export type Benefits = z.infer<typeof benefitsSchema>;
