/**
 * The year loop over a model under a scenario: from a base-year state, with
 * entrants per year, it returns each year's flows by (group, sex). Shared by
 * the scheme projection (§4–§7) and the single-entrant lanes of §8.
 *
 * A run's memory — two cohort states, the year's workspace, the flows — can
 * be kept in a ProjectionWorkspace and used again by the next run on the same
 * model, so that a batch of scenarios allocates nothing per scenario.
 */
import { FLOW_WIDTH } from './flows.js';
import type { CellLayout } from './layout.js';
import { parameterSlotCount, type ProjectionModel } from './model.js';
import { type CohortState, clearState, isEmpty } from './state.js';
import type { Timeline } from './timeline.js';
import { startRun, type YearContext, yearContext } from './year/context.js';
import { type YearKernel, yearKernel } from './year/kernel.js';
import type { EntrantsOfYear } from './year/enter.js';
import { projectYear } from './year/projectYear.js';
import { record } from './record.js';

/** The memory of a run on one model, for `years` years at most. */
export interface ProjectionWorkspace {
  model: ProjectionModel;
  /** Clear cohort states: the first receives the base year's population, the second is written by year one. */
  states: [CohortState, CohortState];
  /** The year's kernel (year/kernel.ts), in whose memory the states and the year's tables lie. */
  kernel: YearKernel;
  /** The year's workspace, made by the first run. */
  context: YearContext | undefined;
  /** Flows of every year, `years × rows × FLOW_WIDTH`. */
  flows: Float64Array;
}

/**
 * A workspace for runs on `model` of up to `years` years. Given the
 * workspace of another model with the same layout (a sweep's scenarios that
 * change rates, not shapes), its states and flows are taken over.
 */
export function projectionWorkspace(model: ProjectionModel, years: number, previous?: ProjectionWorkspace): ProjectionWorkspace {
  const { layout } = model;
  const flowsLength = years * layout.groups * 2 * FLOW_WIDTH;
  const slots = parameterSlotCount(model);
  if (previous !== undefined && sameLayout(previous.model.layout, layout) && previous.kernel.parameterSlots === slots && previous.flows.length >= flowsLength) {
    return previous.model === model ? previous : record<ProjectionWorkspace>({
      model, states: previous.states, kernel: previous.kernel, context: undefined, flows: previous.flows,
    });
  }
  const kernel = yearKernel(layout, slots);
  return record<ProjectionWorkspace>({ model, states: kernel.states, kernel, context: undefined, flows: new Float64Array(flowsLength) });
}

const sameLayout = (a: CellLayout, b: CellLayout) =>
  a.minAge === b.minAge && a.maxAge === b.maxAge && a.groups === b.groups && a.memberAges === b.memberAges && a.bins === b.bins
  && a.memberPart === b.memberPart && a.balanceSum === b.balanceSum && a.foreignSum === b.foreignSum && a.memberStride === b.memberStride;

/**
 * Flows of each year: `flows[yearIndex]` holds one FLOW_WIDTH row per
 * (cell group, sex), views into the workspace's flows (valid until its next
 * run). The workspace's first state must hold the base year's population;
 * both states are clear again when the run returns.
 */
export function runYears(workspace: ProjectionWorkspace, timeline: Timeline, entrantsOf: EntrantsOfYear): Float64Array[] {
  const { model } = workspace;
  const { layout } = model;
  const width = layout.groups * 2 * FLOW_WIDTH;
  if (timeline.years * width > workspace.flows.length) throw new Error(`a workspace for ${workspace.flows.length / width} years cannot run ${timeline.years}`);
  const all = workspace.flows.subarray(0, timeline.years * width);
  all.fill(0);
  const context = (workspace.context ??= yearContext(model, timeline, workspace.kernel));
  startRun(context, timeline);
  let [state, next] = workspace.states;
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
  clearState(state, layout);
  clearState(next, layout);
  return flows;
}
