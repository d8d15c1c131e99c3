/**
 * The CSV files of a scheme folder, MODEL.md §2: one zod schema per row. Cells
 * arrive as strings; an empty cell takes the column's default. The row types
 * are what the core receives.
 */
import { z } from 'zod';

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
  group: groupName,
  sex: oneSex,
  age,
  status: textCell(z.enum(['active', 'inactive', 'retired', 'disabled', 'survivor'])),
  count: numberCell(z.number().min(0).default(1)),
  credits: numberCell(z.number().min(0).default(0)),
  earnings: numberCell(z.number().min(0).default(0)),
  balance: numberCell(z.number().min(0).default(0)),
  own_balance: numberCell(z.number().min(0).default(0)),
  pension_monthly: numberCell(z.number().min(0).optional()),
});
export type PopulationRow = z.output<typeof populationRowSchema>;

const season = numberCell(z.number().gt(0).default(1));
export const incomeRowSchema = z.strictObject({
  group: groupName,
  sex: sexOrBoth,
  age_from: age,
  age_to: age,
  mean_monthly_income: numberCell(z.number().min(0)),
  cv: numberCell(z.number().gt(0)),
  zero_month_prob: numberCell(z.number().min(0).lt(1).default(0)),
  season_1: season, season_2: season, season_3: season, season_4: season,
  season_5: season, season_6: season, season_7: season, season_8: season,
  season_9: season, season_10: season, season_11: season, season_12: season,
  shock_sd: numberCell(z.number().min(0).default(0)),
  shock_rho: numberCell(z.number().min(-1).max(1).default(0)),
});
export type IncomeRow = z.output<typeof incomeRowSchema>;

export const mortalityRowSchema = z.strictObject({
  sex: sexOrBoth,
  age,
  qx: numberCell(probability),
  improvement: numberCell(z.number().max(1).default(0)),
});
export type MortalityRow = z.output<typeof mortalityRowSchema>;

const rate = numberCell(probability.default(0));
export const ratesRowSchema = z.strictObject({
  group: groupName,
  sex: sexOrBoth,
  age,
  disability: rate,
  lapse: rate,
  reentry: rate,
  fertility: rate,
  entrant_share: rate,
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
