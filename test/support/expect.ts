/**
 * Tolerant comparisons for engine outputs.
 *
 * the methodology (preamble) asks two implementations to agree to a relative 1e-9.
 * Hand-worked cases here are sums of a handful of products, so the engine and
 * the test's arithmetic differ only by the order of a few roundings (a few
 * 1e-16 relative): 1e-12 relative leaves three orders of magnitude of slack
 * and still catches any modelling slip. The absolute floor (1e-12) only
 * matters for expected zeros, where rounding can leave 1e-17-sized crumbs.
 */
import { expect } from 'vitest';

/** `actual` is a number within `relative × |expected| + absolute` of `expected`. */
export function expectClose(
  actual: number | null | undefined,
  expected: number,
  relative = 1e-12,
  absolute = 1e-12,
  label = '',
): void {
  expect(typeof actual, `${label} should be a number, got ${String(actual)}`).toBe('number');
  const value = actual as number;
  const tolerance = relative * Math.abs(expected) + absolute;
  expect(
    Math.abs(value - expected),
    `${label} got ${value}, expected ${expected} (± ${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}

/** Every listed field of `row` is close to its expected value; names the field on failure. */
export function expectFields<T extends object>(
  row: T,
  expected: Partial<Record<keyof T, number | null>>,
  relative = 1e-12,
  label = '',
): void {
  for (const [field, value] of Object.entries(expected) as [keyof T & string, number | null][]) {
    const actual = row[field] as unknown;
    if (value === null) expect(actual, `${label}${field} should be null`).toBeNull();
    else expectClose(actual as number | null, value, relative, 1e-12, `${label}${field}:`);
  }
}

/** Two numbers agree to `relative` (of the larger magnitude) with an absolute floor of `absolute`. */
export function closeEnough(a: number, b: number, relative = 1e-9, absolute = 1e-9): boolean {
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + absolute;
}

/**
 * Deep comparison of two plain-data results: same shape, same strings and
 * nulls, numbers within `closeEnough`. Returns the first difference's path, or
 * null when they agree.
 */
export function firstDifference(a: unknown, b: unknown, relative = 1e-9, absolute = 1e-9, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return `${path}: NaN (${a} vs ${b})`;
    return closeEnough(a, b, relative, absolute) ? null : `${path}: ${a} vs ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let index = 0; index < a.length; index += 1) {
      const difference = firstDifference(a[index], b[index], relative, absolute, `${path}[${index}]`);
      if (difference !== null) return difference;
    }
    return null;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const difference = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        relative,
        absolute,
        `${path}.${key}`,
      );
      if (difference !== null) return difference;
    }
    return null;
  }
  return Object.is(a, b) || a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
}
