/**
 * The scaled premiums of a projection (§13) as lines of the terminal
 * summary: each period and its premium, a few periods to a line.
 */
import type { ScaledPremiumPeriod } from '../../core/types.js';

const PERIODS_PER_LINE = 4;

const span = (period: ScaledPremiumPeriod) =>
  period.period_start === period.period_end ? String(period.period_start) : `${period.period_start}–${period.period_end}`;

/**
 * @example scaledPremiumLines([{period_start: 2025, period_end: 2034, premium: 0.0812, …}])
 * // ['  Scaled premium by period', '    2025–2034  8.12 %']
 */
export function scaledPremiumLines(periods: readonly ScaledPremiumPeriod[]): string[] {
  if (periods.length === 0) return [];
  const cells = periods.map((period) => `${span(period)}  ${period.premium === null ? '— (no insured earnings)' : `${(period.premium * 100).toFixed(2)} %`}`);
  const width = Math.max(...cells.map((cell) => cell.length));
  const lines = ['  Scaled premium by period'];
  for (let first = 0; first < cells.length; first += PERIODS_PER_LINE) {
    lines.push(`    ${cells.slice(first, first + PERIODS_PER_LINE).map((cell) => cell.padEnd(width)).join('   ').trimEnd()}`);
  }
  return lines;
}
