/**
 * Numbers as the report's tables print them: thousands separators, a true
 * minus sign, percentages with two decimals, years bare, "—" for a value
 * that does not exist (a ratio without divisor, a year that never comes).
 * Written out rather than left to the locale, so the bytes never depend on it.
 */
import type { ColumnKind } from './columns.js';

export const NONE = '—';
const MINUS = '−';

/**
 * `value` with `decimals` decimals and a comma every three digits.
 * @example grouped(-1234567.891, 1) // '−1,234,567.9'
 */
export function grouped(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
  const isZero = Number(fixed) === 0;
  return value < 0 && !isZero ? `${MINUS}${text}` : text;
}

/** @example percent(0.15603) // '15.60%' */
export const percent = (value: number | null | undefined, decimals = 2) =>
  value === null || value === undefined ? NONE : `${grouped(value * 100, decimals)}%`;

/** @example percentagePoints(-0.0123) // '−1.23 pts' */
export const percentagePoints = (value: number | null | undefined) =>
  value === null || value === undefined ? NONE : `${value > 0 ? '+' : ''}${grouped(value * 100, 2)} pts`;

export const year = (value: number | null | undefined, none = NONE) => (value === null || value === undefined ? none : String(value));

/** An amount divided by `scale` (1, 1e3, 1e6, 1e9): one decimal in thousands and up, none in units. */
export const amount = (value: number | null | undefined, scale: number) =>
  value === null || value === undefined ? NONE : grouped(value / scale, scale === 1 ? 0 : 1);

/** A cell of an output file by its kind, money in `scale`. */
export function formatCell(value: number | string | null | undefined, kind: ColumnKind | undefined, scale = 1): string {
  if (value === null || value === undefined) return NONE;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'year': return String(value);
    case 'integer': return Number.isInteger(value) ? grouped(value, 0) : String(value);
    case 'heads': return grouped(value, 0);
    case 'money': return amount(value, scale);
    case 'rate': return percent(value);
    case 'ratio': return grouped(value, 2);
    case 'number':
    case 'text':
    case undefined: return String(value).replace('-', MINUS);
  }
}
