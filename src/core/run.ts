/**
 * Runs the year loop over a model: from a base-year state, with entrants per
 * year, it returns each year's flows by (group, sex). Shared by the scheme
 * projection (§4–§7) and the single-entrant runs of §8.
 */
import { clearState, type CohortState, emptyState } from './cells.js';
import { FLOW_WIDTH } from './flows.js';
import type { ProjectionModel } from './model.js';
import { memberYearCache, projectYear } from './step.js';

/** Entrant heads per (group, sex, age) slot in a year, or null for none. */
export type EntrantsOfYear = (yearIndex: number) => Float64Array | null;

/** Flows of each year: `flows[yearIndex]` holds one FLOW_WIDTH row per (group, sex). */
export function runYears(model: ProjectionModel, start: CohortState, entrantsOf: EntrantsOfYear): Float64Array[] {
  const { layout, timeline } = model;
  const slots = layout.groups * 2 * layout.ages;
  const cache = memberYearCache(slots);
  let state = start;
  let next = emptyState(layout);
  const flows: Float64Array[] = [];
  for (let yearIndex = 0; yearIndex < timeline.years; yearIndex += 1) {
    const yearFlows = new Float64Array(layout.groups * 2 * FLOW_WIDTH);
    const entrants = entrantsOf(yearIndex);
    // A year with nobody in the scheme and nobody entering has no flows: a
    // single entrant's run (§8) is mostly such years once it and its survivors have died.
    if (entrants !== null || state.occupied.includes(1)) {
      clearState(next, layout);
      projectYear(model, state, next, yearIndex, entrants, yearFlows, cache);
      [state, next] = [next, state];
    }
    flows.push(yearFlows);
  }
  return flows;
}

/** The scheme's own entrants (§4 step 2): `count × (1 + growth)^{t−t0}` spread by entrant_share. */
export function schemeEntrants(model: ProjectionModel): EntrantsOfYear {
  const { layout, groups, rates } = model;
  const slotsPerGroup = 2 * layout.ages;
  return (yearIndex) => {
    const heads = new Float64Array(layout.groups * slotsPerGroup);
    let any = false;
    groups.forEach((group, groupIndex) => {
      const count = group.entrantCount * Math.pow(1 + group.entrantGrowth, yearIndex);
      if (count === 0) return;
      for (let offset = 0; offset < slotsPerGroup; offset += 1) {
        const slot = groupIndex * slotsPerGroup + offset;
        heads[slot] = count * rates.entrantShare[slot]!;
        any ||= heads[slot]! > 0;
      }
    });
    return any ? heads : null;
  };
}
