/**
 * "Who pays for whom", person by person (MODEL.md §8 entrants.csv): one
 * entrant per group, sex and entry age is followed through the same year
 * loop as the scheme, alone, for `2 × (max_age − min_age) + 1` years, and its
 * flows (survivor pensions it causes included, administration left out) are
 * valued at t0.
 *
 * Every entrant is a lane of one batched run: a cell group of its own that
 * follows its group's parameters. Lanes never meet (survivors stay in their
 * lane), so the batch gives each entrant exactly its lone run.
 */
import { flowRow } from './flows.js';
import { discountFactors, ratio } from './indicators.js';
import { rowIndex, slotCount, slotIndex } from './layout.js';
import { type ProjectionModel, withLanes } from './model.js';
import { retirementAge, SEXES, type Sex } from './rules.js';
import { projectionWorkspace, runYears } from './run.js';
import { deterministicScenario } from './scenario.js';
import { benefitPresentValues } from './subsidy.js';
import { timelineOf } from './timeline.js';
import type { BenefitPresentValues, EntrantRow } from './types.js';

/** Years an entrant is followed: `2 × (max_age − min_age) + 1`, enough for it and any survivor to die (§8). */
export const entrantYears = (minAge: number, maxAge: number) => 2 * (maxAge - minAge) + 1;

/** One entrant of entrants.csv: its group, sex and entry age. */
export interface EntrantLane {
  group: number;
  sex: number;
  entryAge: number;
}

/** The entrants of entrants.csv in its row order: group order, then F, M, then entry age (§8). */
export function entrantLanes(model: ProjectionModel): EntrantLane[] {
  const { scheme, layout } = model;
  const lanes: EntrantLane[] = [];
  model.groups.forEach((_, group) => SEXES.forEach((sex, sexIndex) => {
    const entryAges = [...new Set(scheme.subsidy.entry_ages)]
      .filter((age) => age >= layout.minAge && age <= retirementAge(scheme, sex) - 1)
      .sort((a, b) => a - b);
    for (const entryAge of entryAges) lanes.push({ group, sex: sexIndex, entryAge });
  }));
  return lanes;
}

/**
 * entrants.csv rows of `lanes` (all of them by default), in their order. Each
 * row depends on its own lane only, so lanes may be projected in parts.
 */
export function projectEntrants(model: ProjectionModel, lanes: readonly EntrantLane[] = entrantLanes(model)): EntrantRow[] {
  const { layout } = model;
  if (lanes.length === 0) return [];
  const batch = withLanes(model, lanes.map((lane) => lane.group));
  const scenario = deterministicScenario(model, entrantYears(layout.minAge, layout.maxAge));
  const entrants = new Float64Array(slotCount(batch.layout));
  lanes.forEach((lane, index) => { entrants[slotIndex(layout, rowIndex(index, lane.sex), lane.entryAge - layout.minAge)] = 1; });
  const flows = runYears(projectionWorkspace(batch, scenario.years), timelineOf(batch, scenario), (yearIndex) => (yearIndex === 0 ? entrants : null));
  const { midYear } = discountFactors(scenario.discountRate);
  return lanes.map((lane, index): EntrantRow => {
    const values = addValues(
      benefitPresentValues(flows, flowRow(rowIndex(index, 0)), midYear),
      benefitPresentValues(flows, flowRow(rowIndex(index, 1)), midYear),
    );
    return {
      group: model.groups[lane.group]!.name,
      sex: SEXES[lane.sex] as Sex,
      entry_age: lane.entryAge,
      ...values,
      net_transfer: values.pv_benefits - values.pv_contributions - values.pv_matching,
      money_worth: ratio(values.pv_benefits, values.pv_contributions),
    };
  });
}

function addValues(first: BenefitPresentValues, second: BenefitPresentValues): BenefitPresentValues {
  const sum = { ...first };
  for (const key of Object.keys(sum) as (keyof BenefitPresentValues)[]) sum[key] += second[key];
  return sum;
}
