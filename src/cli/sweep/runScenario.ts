/**
 * One scenario of a sweep, start to finish: overrides → validation →
 * project() → indicators and assertions (and, with --keep-outputs, the
 * scenario's own output folder). The same code runs in the main thread
 * (`--jobs 1`) and in each worker thread, so both give the same rows.
 *
 * The scheme's files are read and checked once per runner (io/batch.ts);
 * a scenario that changes only assumptions projects the base's model under
 * its own scenario, without building a model again.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAssertions, rangeProblem, type Assertion, type AssertionReport } from '../../core/assertions.js';
import { projectEntrants } from '../../core/entrants.js';
import { buildModel, type ProjectionModel } from '../../core/model.js';
import { project } from '../../core/project.js';
import { type ProjectionWorkspace, projectionWorkspace } from '../../core/run.js';
import { deterministicScenario } from '../../core/scenario.js';
import type { Indicators } from '../../core/types.js';
import { errorsIn, formatDiagnostic } from '../../io/diagnostics.js';
import { schemeBatch } from '../../io/batch.js';
import type { Override } from '../../io/overrides.js';
import { outputFiles } from '../../io/outputFiles.js';
import { runRecord } from '../../io/runRecord.js';
import type { Scenario } from '../../io/scenarios.js';
import { allAssertions } from '../gates.js';

/** What every scenario of a sweep shares; plain data, so that it can be sent to a worker. */
export interface SweepConfig {
  /** Absolute path of the scheme folder or file. */
  target: string;
  /** The sweep's own `--set` overrides, applied before each scenario's. */
  baseOverrides: Override[];
  /** The sweep's `--assert` gates (the scheme's own `assertions:` are added per scenario). */
  assertions: Assertion[];
  /** Also compute entrants.csv (only written with keepDir). */
  entrants: boolean;
  /** Where each scenario's full outputs go (`<keepDir>/<scenario>/`), or undefined. */
  keepDir: string | undefined;
  /** The sweep's command line, for the kept folders' run records. */
  argv: string[];
  /** Read CSVs placed outside the scheme folder (`--allow-outside`). */
  allowOutside?: boolean;
}

/** A scenario's outcome: its indicators and assertions, or why it could not be projected. */
export interface ScenarioResult {
  indicators: Indicators | null;
  assertions: AssertionReport[];
  /** Invalid overrides, a year range outside a changed horizon…; null when the scenario ran. */
  error: string | null;
  /** The error is a bug in sipro (an exception), not in the scenario. */
  internal: boolean;
}

export interface ScenarioRunner {
  run(scenario: Scenario): Promise<ScenarioResult>;
}

/** A runner that reads the scheme's files once and runs any number of scenarios on them. */
export function scenarioRunner(config: SweepConfig): ScenarioRunner {
  const batch = schemeBatch(config.target, config.baseOverrides, { allowOutside: config.allowOutside ?? false });
  let baseModel: ProjectionModel | undefined;
  // The last scenario's model: the next one shares its mortality by year when the tables are the same.
  let previousModel: ProjectionModel | undefined;
  // One run's memory, used again by every scenario whose model has the same shape.
  let workspace: ProjectionWorkspace | undefined;
  const failed = (error: string, internal = false): ScenarioResult => ({ indicators: null, assertions: [], error, internal });
  return {
    async run(scenario) {
      try {
        const overrides = [...config.baseOverrides, ...scenario.overrides.map(({ path, value }) => ({ path, value }))];
        const loaded = await batch.variant(scenario.overrides.map(({ path, value }) => ({ path, value })));
        const errors = errorsIn(loaded.diagnostics);
        if (errors.length > 0 || loaded.data === undefined) return failed(errors.map(formatDiagnostic).join('; '));
        const { data } = loaded;
        const { base_year: firstYear, horizon } = data.scheme.projection;
        const outside = config.assertions
          .map((assertion) => ({ assertion, problem: rangeProblem(assertion, firstYear, firstYear + horizon - 1) }))
          .find(({ problem }) => problem !== undefined);
        if (outside) return failed(`--assert "${outside.assertion.text}": ${outside.problem}`);
        let model: ProjectionModel;
        // entrants.csv follows the assumptions of the model it is given: kept outputs with entrants get their own.
        if (loaded.assumptionsOnly && !(config.keepDir !== undefined && config.entrants)) {
          const base = await batch.base();
          model = (baseModel ??= buildModel(base.data!));
        } else {
          model = buildModel(data, previousModel);
        }
        previousModel = model;
        workspace = projectionWorkspace(model, model.horizon, workspace);
        const result = project(model, deterministicScenario(model, model.horizon, data.scheme.assumptions), workspace);
        const assertions = allAssertions(data.scheme, config.assertions);
        const reports = checkAssertions(assertions, result);
        if (config.keepDir !== undefined) {
          const record = runRecord(config.argv, loaded.inputs, data.scheme, overrides);
          const files = outputFiles(result, config.entrants ? projectEntrants(model) : undefined, record, reports);
          const folder = join(config.keepDir, scenario.name);
          await mkdir(folder, { recursive: true });
          for (const [name, content] of files) await writeFile(join(folder, name), content);
        }
        return { indicators: result.indicators, assertions: reports, error: null, internal: false };
      } catch (error) {
        return failed(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, true);
      }
    },
  };
}
