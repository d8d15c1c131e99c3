/**
 * Projections of one scheme under override sets, for `solve` and `compare`:
 * the scheme's files are read and checked once (io/batch.ts), each variant
 * only as far as its overrides reach; a variant that changes only
 * assumptions projects the base's model, and every run reuses the memory of
 * the one before (a ProjectionWorkspace), so that a 22-step solve costs 22
 * projections, not 22 loads.
 */
import { buildModel, type ProjectionModel } from '../../core/model.js';
import { project } from '../../core/project.js';
import { type ProjectionWorkspace, projectionWorkspace } from '../../core/run.js';
import { deterministicScenario } from '../../core/scenario.js';
import type { ProjectionResult, SchemeData } from '../../core/types.js';
import { schemeBatch } from '../../io/batch.js';
import { errorsIn, type Diagnostic } from '../../io/diagnostics.js';
import type { LoadedInput, LoadResult } from '../../io/loadScheme.js';
import type { Override } from '../../io/overrides.js';

/** A variant projected: its resolved inputs and its results. */
export interface VariantRun {
  data: SchemeData;
  inputs: LoadedInput[];
  result: ProjectionResult;
}

export type VariantOutcome = { ok: true; run: VariantRun } | { ok: false; diagnostics: Diagnostic[] };

export interface VariantProjector {
  /** The scheme with the batch's own overrides, every file read and checked. */
  base(): Promise<LoadResult>;
  /** The base with more overrides, projected; or why it cannot be. */
  project(overrides: readonly Override[]): Promise<VariantOutcome>;
}

/**
 * @param target the scheme folder or file, absolute
 * @example const variants = variantProjector('/abs/fixtures/demo', []); await variants.project([{path: 'contributions.rate', value: 0.12}])
 */
export function variantProjector(target: string, baseOverrides: readonly Override[], options: { allowOutside: boolean }): VariantProjector {
  const batch = schemeBatch(target, baseOverrides, { allowOutside: options.allowOutside });
  let baseModel: ProjectionModel | undefined;
  let previousModel: ProjectionModel | undefined;
  let workspace: ProjectionWorkspace | undefined;
  return {
    base: () => batch.base(),
    async project(overrides) {
      const loaded = await batch.variant(overrides);
      if (errorsIn(loaded.diagnostics).length > 0 || loaded.data === undefined) return { ok: false, diagnostics: loaded.diagnostics };
      const data = loaded.data;
      const model = loaded.assumptionsOnly ? (baseModel ??= buildModel((await batch.base()).data!)) : buildModel(data, previousModel);
      // The next variant shares this one's mortality by year when the tables are the same.
      previousModel = model;
      workspace = projectionWorkspace(model, model.horizon, workspace);
      const result = project(model, deterministicScenario(model, model.horizon, data.scheme.assumptions), workspace);
      return { ok: true, run: { data, inputs: loaded.inputs, result } };
    },
  };
}
