/**
 * How `solve` and `compare` show indicators: the headline indicators of
 * summary.json (§7) with the labels of the terminal summary, rates in
 * percent, years as years.
 */
import type { Indicators } from '../../core/types.js';

export const HEADLINES = [
  { key: 'gap', label: 'GAP (general average premium)', kind: 'rate' },
  { key: 'effective_rate', label: 'Effective contribution rate', kind: 'rate' },
  { key: 'actuarial_balance', label: 'Actuarial balance', kind: 'rate' },
  { key: 'first_deficit_year', label: 'First deficit year', kind: 'year' },
  { key: 'depletion_year', label: 'Reserve depletion year', kind: 'year' },
] as const satisfies readonly { key: keyof Indicators; label: string; kind: 'rate' | 'year' }[];

export type HeadlineKey = (typeof HEADLINES)[number]['key'];

/** `12.34 %`, or `—` for an empty ratio. */
export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(2)} %`);

/** `+0.52 pts`: a difference of rates, in percentage points. */
export const points = (value: number | null | undefined) =>
  (value === null || value === undefined ? '—' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(2)} pts`);

/** A year, or `none` when the event does not happen within the horizon. */
export const yearOrNone = (value: number | null | undefined) => (value === null || value === undefined ? 'none' : String(value));

/** A headline indicator as the terminal shows it. */
export const shown = (kind: 'rate' | 'year', value: number | null | undefined) => (kind === 'rate' ? percent(value) : yearOrNone(value));
