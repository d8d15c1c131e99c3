/**
 * "Who pays for whom", person by person (methodology §8 entrants.csv): one
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
import { type ProjectionWorkspace, projectionWorkspace, runYears } from './run.js';
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
    // The schema refuses an age listed twice: each is one lane.
    const entryAges = scheme.subsidy.entry_ages
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
  const scenario = deterministicScenario(model, entrantYears(layout.minAge, layout.maxAge));
  const { midYear } = discountFactors(scenario.discountRate);
  const rows: EntrantRow[] = [];
  let workspace: ProjectionWorkspace | undefined;
  for (let first = 0; first < lanes.length; first += LANES_AT_ONCE) {
    const batch = lanes.slice(first, first + LANES_AT_ONCE);
    const lanesModel = withLanes(model, batch.map((lane) => lane.group));
    workspace = projectionWorkspace(lanesModel, scenario.years, workspace);
    const entrants = new Float64Array(slotCount(lanesModel.layout));
    batch.forEach((lane, index) => { entrants[slotIndex(layout, rowIndex(index, lane.sex), lane.entryAge - layout.minAge)] = 1; });
    const flows = runYears(workspace, timelineOf(lanesModel, scenario), (yearIndex) => (yearIndex === 0 ? entrants : null));
    rows.push(...batch.map((lane, index) => entrantRow(model, lane, flows, index, midYear)));
  }
  return rows;
}

/**
 * Lanes projected together: enough that a year's own work (its tables) is
 * shared by many entrants, few enough that the lanes' cells stay small
 * (each lane holds a whole row of cells, nearly all empty: 32 lanes of the
 * stress scheme take 6 MB).
 */
const LANES_AT_ONCE = 32;

/** The row of the entrant of lane `index` of a batch: the present values of its two rows' flows (§8). */
function entrantRow(model: ProjectionModel, lane: EntrantLane, flows: readonly Float64Array[], index: number, midYear: Float64Array): EntrantRow {
  const values = addValues(
    benefitPresentValues(flows, flowRow(rowIndex(index, 0)), midYear),
    benefitPresentValues(flows, flowRow(rowIndex(index, 1)), midYear),
  );
  return {
    group: model.groups[lane.group]!.name,
    sex: SEXES[lane.sex] as Sex,
    entry_age: lane.entryAge,
    ...values,
    net_transfer: values.pv_benefits - values.pv_contributions - values.pv_matching - values.pv_care_credit_contributions,
    money_worth: ratio(values.pv_benefits, values.pv_contributions),
  };
}

function addValues(first: BenefitPresentValues, second: BenefitPresentValues): BenefitPresentValues {
  const sum = { ...first };
  for (const key of Object.keys(sum) as (keyof BenefitPresentValues)[]) sum[key] += second[key];
  return sum;
}
