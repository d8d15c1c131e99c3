/**
 * The up-front check of a batch (sweep, sensitivity, solve, compare): every
 * override path of every scenario is checked against the base scheme before
 * any scenario runs, so that a misspelt path (`contributons.rate`) or a group
 * the scheme does not have stops the batch at once, worded as `sipro
 * validate` words it — instead of failing every scenario, one by one, after
 * minutes of work. Paths are checked once each, whatever the number of
 * scenarios; values stay each scenario's own (a grid may cross a bound on
 * purpose, and a sweep reports such scenarios in their rows).
 */
import type { SchemeBatch } from './batch.js';
import { errorsIn, type Diagnostic } from './diagnostics.js';
import { fieldPathProblem } from './overridePaths.js';
import { applyOverrides, type Override } from './overrides.js';
import { overridePathProblem as syntaxProblem } from './scenarios.js';

/** Where a batch's override paths come from: `--grid`, `--vary`, or a scenarios file (its header line names them). */
export interface OverrideSource {
  /** As the user named it: `--grid`, `--vary`, `scenarios.csv`. */
  file: string;
  /** The header line of a file, whose columns are the paths. */
  line?: number;
  paths: readonly string[];
}

/**
 * Every problem with the paths of `sources` against the base scheme
 * `document` (the resolved scheme the batch's variants start from): a path
 * that names no field, a group the scheme does not have, a path through a
 * value that is not a map. Empty when every scenario may be run.
 * @example batchPathProblems(scheme, [{file: '--grid', paths: ['contributons.rate']}]) // [{file: '--grid', message: 'unknown field "contributons" (in contributons.rate); did you mean "contributions"?', …}]
 */
export function batchPathProblems(document: unknown, sources: readonly OverrideSource[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const inFile = source.line !== undefined;
    for (const path of new Set(source.paths)) {
      const problem = syntaxProblem(path) ?? fieldPathProblem(path, document) ?? throughValue(path, document);
      if (problem === undefined) continue;
      diagnostics.push({
        severity: 'error',
        file: source.file,
        ...(inFile ? { line: source.line } : {}),
        path,
        message: inFile ? `column ${path}: ${problem}` : problem,
      });
    }
  }
  return diagnostics;
}

/** A path through a value of the base that is not a map (`retirement_age.F` where the age is one number). */
function throughValue(path: string, document: unknown): string | undefined {
  if (path.startsWith('@')) return undefined;
  return applyOverrides(document, [{ path, value: null }]).diagnostics[0]?.message;
}

/**
 * The scenarios of a batch that cannot be projected (their overrides make
 * the scheme invalid), with their problems, found before any runs: each
 * variant is validated as far as its overrides reach (io/batch.ts).
 * @example await invalidVariants(schemeBatch('fixtures/minimal', []), [{name: 'late', overrides: [{path: 'benefits.old_age.retirement_age', value: 70}]}]) // Map {'late' => [income.csv: … are not covered by any row, …]}
 */
export async function invalidVariants(batch: SchemeBatch, scenarios: readonly { name: string; overrides: readonly Override[] }[]): Promise<Map<string, Diagnostic[]>> {
  const invalid = new Map<string, Diagnostic[]>();
  for (const scenario of scenarios) {
    const variant = await batch.variant(scenario.overrides.map(({ path, value }) => ({ path, value })));
    const errors = errorsIn(variant.diagnostics);
    if (errors.length > 0 || variant.data === undefined) invalid.set(scenario.name, errors);
  }
  return invalid;
}
