/**
 * The year loop over a model under a scenario: from a base-year state, with
 * entrants per year, it returns each year's flows by (group, sex). Shared by
 * the scheme projection (§4–§7) and the single-entrant lanes of §8.
 */
import { FLOW_WIDTH } from './flows.js';
import type { ProjectionModel } from './model.js';
import { type CohortState, emptyState, isEmpty } from './state.js';
import type { Timeline } from './timeline.js';
import { yearContext } from './year/context.js';
import type { EntrantsOfYear } from './year/enter.js';
import { projectYear } from './year/projectYear.js';

/**
 * Flows of each year: `flows[yearIndex]` holds one FLOW_WIDTH row per
 * (cell group, sex), views into one array. `start` is consumed.
 */
export function runYears(model: ProjectionModel, timeline: Timeline, start: CohortState, entrantsOf: EntrantsOfYear): Float64Array[] {
  const { layout } = model;
  const width = layout.groups * 2 * FLOW_WIDTH;
  const all = new Float64Array(timeline.years * width);
  const context = yearContext(model, timeline);
  let state = start;
  let next = emptyState(layout);
  const flows: Float64Array[] = [];
  for (let yearIndex = 0; yearIndex < timeline.years; yearIndex += 1) {
    const yearFlows = all.subarray(yearIndex * width, (yearIndex + 1) * width);
    const entrants = entrantsOf(yearIndex);
    // A year with nobody in the scheme and nobody entering has no flows: a
    // single entrant's lane (§8) is mostly such years once it and its survivors have died.
    if (entrants !== null || !isEmpty(state)) {
      projectYear(context, state, next, yearIndex, entrants, yearFlows);
      [state, next] = [next, state];
    }
    flows.push(yearFlows);
  }
  return flows;
}
