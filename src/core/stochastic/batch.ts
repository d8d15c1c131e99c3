/**
 * A batch of scenarios on one model (methodology §10): the model, the
 * deterministic scenario, the base-year state and a run's workspace are made
 * once, then each scenario — drawn by number, or given as paths — is
 * projected into its outcome row. One batch per worker thread; results do
 * not depend on which batch runs a scenario, nor in what order.
 */
import type { ProjectionModel } from '../model.js';
import { projectionWorkspace } from '../run.js';
import { deterministicScenario, type Scenario } from '../scenario.js';
import { outcomeLayout, type OutcomeLayout, projectOutcome } from './outcome.js';
import { drawPaths, innovationsBuffer, type Innovations, scenarioOfPaths, type ScenarioPaths } from './paths.js';

export interface ScenarioBatch {
  model: ProjectionModel;
  /** The assumptions' values, every factor 1: what drawn shocks are added to. */
  base: Scenario;
  layout: OutcomeLayout;
  /** Scenario `scenario`'s drawn paths (its number, 1 … scenarios). */
  pathsOf(scenario: number): ScenarioPaths;
  /** Projects the scenario of these paths; writes its outcome into `out` (`layout.width` numbers). */
  run(paths: ScenarioPaths, out: Float64Array): void;
}

export function scenarioBatch(model: ProjectionModel): ScenarioBatch {
  const base = deterministicScenario(model);
  const workspace = projectionWorkspace(model, base.years);
  const innovations: Innovations = innovationsBuffer(base.years, model.groups.length);
  return {
    model,
    base,
    layout: outcomeLayout(base.years),
    pathsOf: (scenario) => drawPaths(model.scheme, base, scenario, innovations),
    run: (paths, out) => projectOutcome(model, scenarioOfPaths(model, base, paths), out, workspace),
  };
}
