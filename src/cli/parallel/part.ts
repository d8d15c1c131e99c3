/**
 * A part of a projection: some of the scheme's groups and some of the
 * entrant lanes of entrants.csv, projected on their own. Groups never meet
 * and every entrant is alone, so the parts of a scheme put together
 * (mergeGroupFlows) give its projection to the last bit, whatever the number
 * of parts or which thread ran each.
 */
import { type EntrantLane, projectEntrants } from '../../core/entrants.js';
import { buildModel, withGroups } from '../../core/model.js';
import { projectFlows } from '../../core/project.js';
import { deterministicScenario } from '../../core/scenario.js';
import type { EntrantRow, SchemeData } from '../../core/types.js';

export interface PartRequest {
  data: SchemeData;
  /** The scheme's groups (indices) this part projects. */
  groups: number[];
  /** The entrants of entrants.csv this part follows. */
  lanes: EntrantLane[];
}

export interface PartResult {
  /** Flows of every year, `years × (groups × 2) × FLOW_WIDTH`, for the part's groups in its order. */
  flows: Float64Array;
  entrants: EntrantRow[];
}

export function projectPart(request: PartRequest): PartResult {
  const model = buildModel(request.data);
  const scenario = deterministicScenario(model);
  const years = projectFlows(withGroups(model, request.groups), scenario);
  const flows = new Float64Array(years.reduce((length, year) => length + year.length, 0));
  let at = 0;
  for (const year of years) { flows.set(year, at); at += year.length; }
  return { flows, entrants: request.lanes.length === 0 ? [] : projectEntrants(model, request.lanes) };
}
