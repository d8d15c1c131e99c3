/**
 * "Who pays for whom", person by person (MODEL.md §8 entrants.csv): one
 * entrant per group, sex and entry age is followed through the same year loop
 * as the scheme, alone, until extinction, and its flows (survivor pensions it
 * causes included, administration left out) are valued at t0.
 */
import { emptyState, slotIndex } from './cells.js';
import { flowRow } from './flows.js';
import { discountFactors, ratio } from './indicators.js';
import { buildModel } from './model.js';
import { retirementAge, SEXES } from './rules.js';
import { runYears } from './run.js';
import { benefitPresentValues } from './subsidy.js';
import type { BenefitPresentValues, EntrantRow, SchemeData } from './types.js';

/** Years an entrant is followed: `2 × (max_age − min_age) + 1`, enough for it and any survivor to die (§8). */
export const entrantYears = (minAge: number, maxAge: number) => 2 * (maxAge - minAge) + 1;

/** entrants.csv rows, in scheme group order, then F, M, then entry age. */
export function projectEntrants(data: SchemeData): EntrantRow[] {
  const { scheme } = data;
  const { min_age: minAge, max_age: maxAge } = scheme.projection;
  const years = entrantYears(minAge, maxAge);
  const rows: EntrantRow[] = [];
  for (const group of Object.keys(scheme.groups)) {
    // The entrant and its survivors stay in its group: a one-group model is the same model, smaller.
    const alone: SchemeData = { ...data, scheme: { ...scheme, groups: { [group]: scheme.groups[group]! } }, population: [] };
    const model = buildModel(alone, years);
    const { midYear } = discountFactors(model.timeline.discountRate);
    for (const [sexIndex, sex] of SEXES.entries()) {
      const entryAges = [...new Set(scheme.subsidy.entry_ages)]
        .filter((age) => age >= minAge && age <= retirementAge(scheme, sex) - 1)
        .sort((a, b) => a - b);
      for (const entryAge of entryAges) {
        const entrant = new Float64Array(model.layout.groups * 2 * model.layout.ages);
        entrant[slotIndex(model.layout, 0, sexIndex, entryAge - minAge)] = 1;
        const flows = runYears(model, emptyState(model.layout), (yearIndex) => (yearIndex === 0 ? entrant : null));
        const values = addValues(
          benefitPresentValues(flows, flowRow(0, 0), midYear),
          benefitPresentValues(flows, flowRow(0, 1), midYear),
        );
        rows.push({
          group,
          sex,
          entry_age: entryAge,
          ...values,
          net_transfer: values.pv_benefits - values.pv_contributions - values.pv_matching,
          money_worth: ratio(values.pv_benefits, values.pv_contributions),
        });
      }
    }
  }
  return rows;
}

function addValues(first: BenefitPresentValues, second: BenefitPresentValues): BenefitPresentValues {
  const sum = { ...first };
  for (const key of Object.keys(sum) as (keyof BenefitPresentValues)[]) sum[key] += second[key];
  return sum;
}
