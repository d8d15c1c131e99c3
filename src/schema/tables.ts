/**
 * The CSV files of a scheme folder, MODEL.md §2: one zod schema per row. Cells
 * arrive as strings; an empty cell takes the column's default. The row types
 * are what the core receives.
 */
import { z } from 'zod';
import { MAX_AMOUNT, MAX_CAREER_AMOUNT, MAX_CV, MAX_HEADS, MAX_YEARS, MIN_IMPROVEMENT } from './bounds.js';
import { doc } from './common.js';

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A numeric cell: '' means absent (the default applies); text that is not a number stays text so zod names it. */
function numberOrAbsent(cell: unknown): unknown {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return cell;
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  return decimal.test(trimmed) ? Number(trimmed) : cell;
}

const numberCell = <T extends z.ZodType>(schema: T) => z.preprocess(numberOrAbsent, schema);
const textCell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((cell) => (typeof cell === 'string' ? cell.trim() : cell), schema);

const age = numberCell(z.number().int().min(0).max(130));
/** §9: a probability outside [0, 1] is an error; one message names both bounds. */
const PROBABILITY = 'must be a probability in [0, 1]';
const probability = z.number().min(0, PROBABILITY).max(1, PROBABILITY);
const groupName = textCell(z.string().min(1));
const oneSex = textCell(z.enum(['F', 'M']));
const sexOrBoth = textCell(z.enum(['F', 'M', '*']));

export const populationRowSchema = z.strictObject({
  group: groupName.meta(doc(undefined, 'a group of scheme.yaml')),
  sex: oneSex.meta(doc(undefined, 'F or M')),
  age: age.meta(doc('age', 'age at the start of the base year, in [min_age, max_age]')),
  status: textCell(z.enum(['active', 'inactive', 'retired', 'disabled', 'survivor'])).meta(doc(undefined, 'active (contributes), inactive (enrolled, pays nothing), retired, disabled or survivor (pensioners)')),
  count: numberCell(z.number().min(0).max(MAX_HEADS).default(1)).meta(doc('heads', 'people in the row; rows with the same key add up')),
  credits: numberCell(z.number().min(0).max(MAX_YEARS).default(0)).meta(doc('years', 'members: completed credited years of each')),
  earnings: numberCell(z.number().min(0).max(MAX_CAREER_AMOUNT).default(0)).meta(doc('money', 'members: the sum of each one\'s annual insured earnings to date, in money of the year before the base year')),
  balance: numberCell(z.number().min(0).max(MAX_CAREER_AMOUNT).default(0)).meta(doc('money', 'members: each one\'s account: own contributions and matching, with interest')),
  own_balance: numberCell(z.number().min(0).max(MAX_CAREER_AMOUNT).default(0)).meta(doc('money', 'members: each one\'s own contributions with interest (the refund: own)')),
  pension_monthly: numberCell(z.number().min(0).max(MAX_AMOUNT).optional()).meta(doc('money a month', 'pensioners: each one\'s pension in payment, > 0 (empty or 0 for members)')),
});
export type PopulationRow = z.output<typeof populationRowSchema>;

/** Seasonal factors are rescaled to mean 1, so any unit serves (a month's takings too): bounded like an amount. */
const seasonOf = (month: number) => numberCell(z.number().gt(0).max(MAX_AMOUNT).default(1))
  .meta(doc('factor', `seasonal factor of month ${month}; the twelve are rescaled to average 1`));
export const incomeRowSchema = z.strictObject({
  group: groupName.meta(doc(undefined, 'a group of scheme.yaml')),
  sex: sexOrBoth.meta(doc(undefined, 'F, M, or * for both')),
  age_from: age.meta(doc('age', 'first age of the band')),
  age_to: age.meta(doc('age', 'last age of the band (inclusive); the bands cover each age from min_age to the retirement age − 1 once')),
  mean_monthly_income: numberCell(z.number().min(0).max(MAX_AMOUNT)).meta(doc('money a month', 'mean income of a month, months without income counted as 0')),
  cv: numberCell(z.number().gt(0).max(MAX_CV)).meta(doc('factor', 'coefficient of variation (standard deviation / mean) of the income of a month with income')),
  zero_month_prob: numberCell(z.number().min(0).lt(1).default(0)).meta(doc('probability', 'probability that a month has no income')),
  season_1: seasonOf(1), season_2: seasonOf(2), season_3: seasonOf(3), season_4: seasonOf(4),
  season_5: seasonOf(5), season_6: seasonOf(6), season_7: seasonOf(7), season_8: seasonOf(8),
  season_9: seasonOf(9), season_10: seasonOf(10), season_11: seasonOf(11), season_12: seasonOf(12),
  shock_sd: numberCell(z.number().min(0).default(0)).meta(doc(undefined, 'version 1 income shocks: standard deviation (not used by sipro project)')),
  shock_rho: numberCell(z.number().min(-1).max(1).default(0)).meta(doc(undefined, 'version 1 income shocks: correlation from year to year (not used by sipro project)')),
});
export type IncomeRow = z.output<typeof incomeRowSchema>;

export const mortalityRowSchema = z.strictObject({
  sex: sexOrBoth.meta(doc(undefined, 'F, M, or * for both')),
  age: age.meta(doc('age', 'every age from min_age to max_age needs a row per sex')),
  qx: numberCell(probability).meta(doc('probability', 'probability of dying within the year, at the base year (taken as 1 at max_age)')),
  improvement: numberCell(z.number().min(MIN_IMPROVEMENT).lt(1).default(0)).meta(doc('rate a year', 'yearly fall of qx: q = qx × (1 − improvement)^(t − t0)')),
});
export type MortalityRow = z.output<typeof mortalityRowSchema>;

const rate = numberCell(probability.default(0));
export const ratesRowSchema = z.strictObject({
  group: groupName.meta(doc(undefined, 'a group of scheme.yaml, or * for every group (a group\'s own row replaces the * row)')),
  sex: sexOrBoth.meta(doc(undefined, 'F, M, or * for both')),
  age: age.meta(doc('age', 'rows with a non-zero rate lie in [min_age, max_age]')),
  disability: rate.meta(doc('probability', 'a year, of becoming a disability pensioner (members covered for disability)')),
  lapse: rate.meta(doc('probability', 'a year, that an active member stops contributing (becomes inactive)')),
  reentry: rate.meta(doc('probability', 'a year, that an inactive member contributes again')),
  fertility: rate.meta(doc('probability', 'a year, that an active woman gives birth (maternity benefits)')),
  entrant_share: rate.meta(doc('share', 'the share of the group\'s entrants of this sex and age: sums to 1 over sex and age, 0 at or above the retirement age')),
});
export type RatesRow = z.output<typeof ratesRowSchema>;

/** Key columns (required in the header) and value columns of each file, §2's table. */
export const tableColumns = {
  population: { keys: ['group', 'sex', 'age', 'status'], schema: populationRowSchema },
  income: { keys: ['group', 'sex', 'age_from', 'age_to', 'mean_monthly_income', 'cv'], schema: incomeRowSchema },
  mortality: { keys: ['sex', 'age', 'qx'], schema: mortalityRowSchema },
  rates: { keys: ['group', 'sex', 'age'], schema: ratesRowSchema },
} as const;
export type TableName = keyof typeof tableColumns;
