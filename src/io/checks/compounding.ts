/**
 * The indices a scheme's annual rates compound to (methodology §1, §4, §7, §8):
 * `Iw_t`, `Ip_t`, the discount `1 / D_t`, the reserve's growth, health
 * inflation and entrant growth. Each rate is bounded a year, but over 500
 * years even a legal rate compounds beyond what doubles hold; a scheme whose
 * index leaves [1e-30, 1e30] is invalid, so that a valid scheme computes
 * (src/schema/bounds.ts, MAX_INDEX, gives the budget).
 */
import { entrantYears } from '../../core/entrants.js';
import { assumptionValue } from '../../core/rules.js';
import type { Assumption, Scheme } from '../../schema/scheme.js';
import { formatBound, MAX_INDEX, MIN_INDEX } from '../../schema/bounds.js';
import { formatNumber } from './common.js';
import type { SchemeRuleIssue } from './schemeRules.js';

interface CompoundedRate {
  path: (string | number)[];
  value: Assumption;
  /** Years compounded: the projection's, or the entrants' lifetimes when longer (§8). */
  years: number;
}

/**
 * One issue per rate whose running product `Π (1 + rate)` leaves
 * [MIN_INDEX, MAX_INDEX] within the years the model compounds it.
 * @example compoundingIssues(scheme with horizon 500 and wage_growth 0.2) // [{path: ['assumptions', 'wage_growth'], message: 'compounds to 1e30 over 2025–2403: …'}]
 */
export function compoundingIssues(scheme: Scheme): SchemeRuleIssue[] {
  const { base_year: baseYear, horizon, min_age: minAge, max_age: maxAge } = scheme.projection;
  // Beyond the horizon (entrants.csv) each assumption keeps its last projection year's value (§8).
  const years = Math.max(horizon, entrantYears(minAge, maxAge));
  const { assumptions } = scheme;
  const rates: CompoundedRate[] = [
    { path: ['assumptions', 'wage_growth'], value: assumptions.wage_growth, years },
    { path: ['assumptions', 'inflation'], value: assumptions.inflation, years },
    { path: ['assumptions', 'investment_return'], value: assumptions.investment_return, years },
  ];
  if (assumptions.discount_rate !== null) rates.push({ path: ['assumptions', 'discount_rate'], value: assumptions.discount_rate, years });
  const health = scheme.benefits.health;
  if (health) rates.push({ path: ['benefits', 'health', 'inflation'], value: health.inflation, years });
  for (const [name, group] of Object.entries(scheme.groups)) {
    // Entrants enter the projection only (entrants.csv follows one of each).
    rates.push({ path: ['groups', name, 'entrants', 'growth'], value: group.entrants.growth, years: horizon });
  }
  const lastAssumptionYear = baseYear + horizon - 1;
  const issues: SchemeRuleIssue[] = [];
  for (const { path, value, years: compounded } of rates) {
    let index = 1;
    for (let offset = 0; offset < compounded; offset += 1) {
      index *= 1 + assumptionValue(value, Math.min(baseYear + offset, lastAssumptionYear));
      if (index <= MAX_INDEX && index >= MIN_INDEX) continue;
      const span = `${baseYear}–${baseYear + offset}`;
      const beyond = baseYear + offset > lastAssumptionYear ? ` (after ${lastAssumptionYear}, entrants.csv's lifetimes keep the last year's value)` : '';
      // A rate of 100 % or more is most likely a percentage typed as a number: say so here, where it fails.
      const steepest = Math.max(...(typeof value === 'number' ? [value] : Object.values(value)));
      const typo = steepest >= 1 ? `; is ${formatNumber(steepest)} a percentage? A rate is a decimal (${formatNumber(steepest / 100)} for ${formatNumber(steepest)} %)` : '';
      issues.push({
        path,
        input: value,
        message: `compounds to ${formatBound(Number(index.toPrecision(2)))} over ${span}${beyond}: an index must stay within [${formatBound(MIN_INDEX)}, ${formatBound(MAX_INDEX)}] so that amounts stay finite (10 % a year for 500 years compounds to 5e20)${typo}`,
      });
      break;
    }
  }
  return issues;
}
