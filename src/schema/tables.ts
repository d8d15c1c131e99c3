/**
 * The CSV files of a scheme folder, methodology §2: one zod schema per row. Cells
 * arrive as strings; an empty cell takes the column's default. The row types
 * are what the core receives.
 */
import { z } from 'zod';
import { MAX_AMOUNT, MAX_CAREER_AMOUNT, MAX_CV, MAX_HEADS, MAX_YEARS, MIN_IMPROVEMENT } from './bounds.js';
import { doc } from './common.js';

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A numeric cell: '' means absent (the default applies); text that is not a number stays text so zod names it. */
export function numberOrAbsent(cell: unknown): unknown {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return cell;
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  return decimal.test(trimmed) ? Number(trimmed) : cell;
}

/**
 * How each column's text is turned into the value its schema checks: a number
 * cell goes through `numberOrAbsent`, a text cell is trimmed. The CSV reader
 * uses this to check the common cells without a zod parse each (src/io/read/cells.ts).
 */
export const cellKinds = z.registry<{ cell: 'number' | 'text' }>();

function numberCell<T extends z.ZodType>(schema: T) {
  const cell = z.preprocess(numberOrAbsent, schema);
  cellKinds.add(cell as z.ZodType, { cell: 'number' });
  return cell;
}
/**
 * A cell schema with its field reference description: `.meta()` makes a new
 * schema, which keeps the cell's kind so that the reader's fast path knows it.
 */
function described<T extends z.ZodType>(cell: T, unit: Parameters<typeof doc>[0], description: string): T {
  const withMeta = cell.meta(doc(unit, description)) as T;
  const kind = cellKinds.get(cell);
  if (kind !== undefined) cellKinds.add(withMeta, kind);
  return withMeta;
}

function textCell<T extends z.ZodType>(schema: T) {
  const cell = z.preprocess((text) => (typeof text === 'string' ? text.trim() : text), schema);
  cellKinds.add(cell as z.ZodType, { cell: 'text' });
  return cell;
}

const age = numberCell(z.number().int().min(0).max(130));
/** §9: a probability outside [0, 1] is an error; one message names both bounds. */
const PROBABILITY = 'must be a probability in [0, 1]';
const probability = z.number().min(0, PROBABILITY).max(1, PROBABILITY);
const groupName = textCell(z.string().min(1));
const oneSex = textCell(z.enum(['F', 'M']));
const sexOrBoth = textCell(z.enum(['F', 'M', '*']));

export const populationRowSchema = z.strictObject({
  group: described(groupName, undefined, 'a group of scheme.yaml'),
  sex: described(oneSex, undefined, 'F or M'),
  age: described(age, 'age', 'age at the start of the base year, in [min_age, max_age]'),
  status: described(textCell(z.enum(['active', 'inactive', 'retired', 'disabled', 'survivor'])), undefined, 'active (contributes), inactive (enrolled, pays nothing), retired, disabled or survivor (pensioners)'),
  count: described(numberCell(z.number().min(0).max(MAX_HEADS).default(1)), 'heads', 'people in the row; rows with the same key add up'),
  credits: described(numberCell(z.number().min(0).max(MAX_YEARS).default(0)), 'years', 'members: completed credited years of each'),
  earnings: described(numberCell(z.number().min(0).max(MAX_CAREER_AMOUNT).default(0)), 'money', 'members: the sum of each one\'s annual insured earnings to date, in money of the year before the base year'),
  balance: described(numberCell(z.number().min(0).max(MAX_CAREER_AMOUNT).default(0)), 'money', 'members: each one\'s account: own contributions and matching, with interest'),
  own_balance: described(numberCell(z.number().min(0).max(MAX_CAREER_AMOUNT).default(0)), 'money', 'members: each one\'s own contributions with interest (the refund: own)'),
  foreign_credits: described(numberCell(z.number().min(0).max(MAX_YEARS).default(0)), 'years', 'members: foreign credited years of each under an agreement, counted only with portability.totalization (§11)'),
  pension_monthly: described(numberCell(z.number().min(0).max(MAX_AMOUNT).optional()), 'money a month', 'pensioners: each one\'s pension in payment, > 0 (empty or 0 for members)'),
});
export type PopulationRow = z.output<typeof populationRowSchema>;

/** Seasonal factors are rescaled to mean 1, so any unit serves (a month's takings too): bounded like an amount. */
const seasonOf = (month: number) => described(numberCell(z.number().gt(0).max(MAX_AMOUNT).default(1)),
  'factor', `seasonal factor of month ${month}; the twelve are rescaled to average 1`);
export const incomeRowSchema = z.strictObject({
  group: described(groupName, undefined, 'a group of scheme.yaml'),
  sex: described(sexOrBoth, undefined, 'F, M, or * for both'),
  age_from: described(age, 'age', 'first age of the band'),
  age_to: described(age, 'age', 'last age of the band (inclusive); the bands cover each age from min_age to the retirement age − 1 once'),
  mean_monthly_income: described(numberCell(z.number().min(0).max(MAX_AMOUNT)), 'money a month', 'mean income of a month, months without income counted as 0'),
  cv: described(numberCell(z.number().gt(0).max(MAX_CV)), 'factor', 'coefficient of variation (standard deviation / mean) of the income of a month with income'),
  zero_month_prob: described(numberCell(z.number().min(0).lt(1).default(0)), 'probability', 'probability that a month has no income'),
  season_1: seasonOf(1), season_2: seasonOf(2), season_3: seasonOf(3), season_4: seasonOf(4),
  season_5: seasonOf(5), season_6: seasonOf(6), season_7: seasonOf(7), season_8: seasonOf(8),
  season_9: seasonOf(9), season_10: seasonOf(10), season_11: seasonOf(11), season_12: seasonOf(12),
});
export type IncomeRow = z.output<typeof incomeRowSchema>;

export const mortalityRowSchema = z.strictObject({
  sex: described(sexOrBoth, undefined, 'F, M, or * for both'),
  age: described(age, 'age', 'every age from min_age to max_age needs a row per sex'),
  qx: described(numberCell(probability), 'probability', 'probability of dying within the year, at the base year (taken as 1 at max_age)'),
  improvement: described(numberCell(z.number().min(MIN_IMPROVEMENT).lt(1).default(0)), 'rate a year', 'yearly fall of qx: q = qx × (1 − improvement)^(t − t0)'),
});
export type MortalityRow = z.output<typeof mortalityRowSchema>;

const rate = numberCell(probability.default(0));
export const ratesRowSchema = z.strictObject({
  group: described(groupName, undefined, 'a group of scheme.yaml, or * for every group (a group\'s own row replaces the * row)'),
  sex: described(sexOrBoth, undefined, 'F, M, or * for both'),
  age: described(age, 'age', 'rows with a non-zero rate lie in [min_age, max_age]'),
  disability: described(rate, 'probability', 'a year, of becoming a disability pensioner (members covered for disability)'),
  lapse: described(rate, 'probability', 'a year, that an active member stops contributing (becomes inactive)'),
  reentry: described(rate, 'probability', 'a year, that an inactive member contributes again'),
  fertility: described(rate, 'probability', 'a year, that a woman gives birth (maternity benefits of actives; care credits of members, §12)'),
  entrant_share: described(rate, 'share', 'the share of the group\'s entrants of this sex and age: sums to 1 over sex and age, 0 at or above the retirement age'),
  emigration: described(rate, 'probability', 'a year, that an active or inactive member moves abroad (to the emigrated state W, §11)'),
});
export type RatesRow = z.output<typeof ratesRowSchema>;

/**
 * Columns a file of an earlier version had, with where their meaning went:
 * such a column is an error whose message says how to move it (§2).
 */
const RETIRED_SHOCK = 'income shocks moved to scheme.yaml (stochastic scenarios, §10): give each group its shock as groups.<group>.income_shock: {sd, rho}, and delete the column';
export const retiredColumns: Partial<Record<string, Record<string, string>>> = {
  income: {
    shock_sd: RETIRED_SHOCK,
    shock_rho: RETIRED_SHOCK,
  },
};

/** Key columns (required in the header) and value columns of each file, §2's table. */
export const tableColumns = {
  population: { keys: ['group', 'sex', 'age', 'status'], schema: populationRowSchema },
  income: { keys: ['group', 'sex', 'age_from', 'age_to', 'mean_monthly_income', 'cv'], schema: incomeRowSchema },
  mortality: { keys: ['sex', 'age', 'qx'], schema: mortalityRowSchema },
  rates: { keys: ['group', 'sex', 'age'], schema: ratesRowSchema },
} as const;
export type TableName = keyof typeof tableColumns;
