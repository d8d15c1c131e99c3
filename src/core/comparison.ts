/**
 * Two projections of the same years, B against A (`sipro compare`): the
 * difference B − A of every indicator and of every projection.csv column,
 * year by year, as results that §7's assertions can be checked against
 * (`delta gap <= 0.01`, `delta reserve_end >= 0 to 2060`).
 */
import type { AssertionInput } from './assertions.js';
import type { Indicators, ProjectionYear } from './types.js';

/** Indicators that are a year or null (the event does not happen within the horizon). */
const EVENT_YEARS: ReadonlySet<string> = new Set(['depletion_year', 'first_deficit_year']);

/**
 * `b − a`, null when either is null (a ratio without divisor, §7).
 * @example difference(0.16, 0.15) // 0.01
 */
export const difference = (a: number | null | undefined, b: number | null | undefined): number | null =>
  (a === null || a === undefined || b === null || b === undefined ? null : b - a);

/**
 * The change of an event year: `b − a`; an event that happens in neither is
 * no change (0); one that B no longer has within the horizon moves to +∞,
 * one that only B has comes from +∞ (−∞) — as §7 compares a null event year
 * as +∞.
 * @example eventDifference(2078, null) // Infinity: B's reserve is not depleted within the horizon
 */
export function eventDifference(a: number | null | undefined, b: number | null | undefined): number {
  const aYear = a ?? Number.POSITIVE_INFINITY;
  const bYear = b ?? Number.POSITIVE_INFINITY;
  return aYear === bYear ? 0 : bYear - aYear;
}

/** Every numeric field of `b` less the same field of `a`; event years by `eventDifference`; maps field by field. */
function fieldDifferences(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(b)) {
    const other = a[key];
    if (EVENT_YEARS.has(key)) out[key] = eventDifference(other as number | null, value as number | null);
    else if (typeof value === 'object' && value !== null) out[key] = fieldDifferences((other ?? {}) as Record<string, unknown>, value as Record<string, unknown>);
    else if (typeof value === 'number' || value === null) out[key] = difference(other as number | null | undefined, value);
  }
  return out;
}

/**
 * B − A, for assertions about the change: each indicator and present value,
 * and each projection.csv column of each year (`year` kept). Both must cover
 * the same years (the caller refuses others).
 * @example differenceOf(a, b).indicators.gap // b.indicators.gap − a.indicators.gap
 */
export function differenceOf(a: AssertionInput, b: AssertionInput): AssertionInput {
  if (a.projection.length !== b.projection.length || a.projection.some((row, index) => row.year !== b.projection[index]!.year)) {
    throw new Error('differenceOf: the two projections do not cover the same years');
  }
  const projection = b.projection.map((row, index) => {
    const delta = fieldDifferences(a.projection[index] as unknown as Record<string, unknown>, row as unknown as Record<string, unknown>);
    return { ...delta, year: row.year } as unknown as ProjectionYear;
  });
  const indicators = fieldDifferences(a.indicators as unknown as Record<string, unknown>, b.indicators as unknown as Record<string, unknown>) as unknown as Indicators;
  return { projection, indicators };
}

/** One row of compare.csv: the year, then for each column compared its value in A, in B, and B − A. */
export type YearComparison = { year: number } & Record<string, number | null>;

/**
 * A and B side by side, year by year, for the columns named: `<column>_a`,
 * `<column>_b` and `delta_<column>` (null where either is empty).
 * @example compareYears(a, b, ['reserve_end'])[0] // {year: 2025, reserve_end_a: …, reserve_end_b: …, delta_reserve_end: …}
 */
export function compareYears(a: AssertionInput, b: AssertionInput, columns: readonly string[]): YearComparison[] {
  return b.projection.map((rowB, index) => {
    const rowA = a.projection[index] as unknown as Record<string, number | null>;
    const valuesB = rowB as unknown as Record<string, number | null>;
    const row: YearComparison = { year: rowB.year };
    for (const column of columns) {
      row[`${column}_a`] = rowA[column] ?? null;
      row[`${column}_b`] = valuesB[column] ?? null;
      row[`delta_${column}`] = difference(rowA[column], valuesB[column]);
    }
    return row;
  });
}
