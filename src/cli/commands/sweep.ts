/**
 * `sipro sweep DIR`: many projections of one scheme, one per scenario of
 * overrides (`--scenarios FILE` or `--grid`), on worker threads, summed up in
 * sweep.csv (one row per scenario, in scenario order). `--shard I/N` runs a
 * share of the scenarios for `sipro merge` to join.
 */
import { Command } from '@commander-js/extra-typings';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { batchPathProblems, type OverrideSource } from '../../io/batchChecks.js';
import { errorsIn } from '../../io/diagnostics.js';
import { stageFolder } from '../../io/outputFolder.js';
import { checkOutputFolder, defaultOutputFolder, schemeInputs } from '../outputTarget.js';
import { runRecord } from '../../io/runRecord.js';
import {
  gridScenarios, parseGridOption, readScenarioFile, type GridAxis, type Scenario,
} from '../../io/scenarios.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import { loadValid } from '../loadValid.js';
import { assertionsFromOptions, collect, optionRangeProblem, overridesFromOptions } from '../gates.js';
import { parseJobs, parseShard } from '../batchOptions.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { runScenarios } from '../sweep/pool.js';
import { progressBar } from '../sweep/progress.js';
import type { ScenarioResult, SweepConfig } from '../sweep/runScenario.js';
import { csvSha256, inShard, sweepColumns, sweepCsv, sweepRow, type SweepRecord } from '../sweep/sweepTable.js';
import type { CsvValue } from '../../io/writeCsv.js';
import { readNamedText } from '../../io/read/inputFile.js';
import { MAX_FILE_BYTES } from '../../io/read/limits.js';

/** The scenarios and their override columns, from --scenarios or --grid. */
async function scenariosFrom(io: CliIo, options: { scenarios?: string; grid: string[]; json: boolean }): Promise<{ scenarios: Scenario[]; paths: string[]; source: SweepRecord['source']; pathSource: OverrideSource }> {
  if (options.scenarios !== undefined && options.grid.length > 0) throw new UsageError('give either --scenarios FILE or --grid options, not both');
  if (options.scenarios !== undefined) {
    const path = resolve(io.cwd, options.scenarios);
    const file = await readNamedText(path, MAX_FILE_BYTES.table, 'a scenarios file');
    if (!file.ok) throw new InvalidInputError([{ severity: 'error', file: options.scenarios, message: file.problem }], { json: options.json });
    const text = file.text;
    const read = readScenarioFile(text, options.scenarios);
    if (errorsIn(read.diagnostics).length > 0) throw new InvalidInputError(read.diagnostics, { json: options.json });
    const sha256 = createHash('sha256').update(text).digest('hex');
    const pathSource = { file: options.scenarios, ...(read.headerLine === undefined ? {} : { line: read.headerLine }), paths: read.paths };
    return { scenarios: read.scenarios, paths: read.paths, source: { scenarios_file: { file: options.scenarios, sha256 }, grid: [] }, pathSource };
  }
  if (options.grid.length === 0) throw new UsageError('name the scenarios: --scenarios FILE (a CSV) or one --grid path=values per field to vary');
  const axes: GridAxis[] = options.grid.map((option) => {
    const parsed = parseGridOption(option);
    if (!parsed.ok) throw new UsageError(`--grid "${option}": ${parsed.message}`);
    return parsed.value;
  });
  const repeated = axes.find((axis, index) => axes.findIndex((other) => other.path === axis.path) !== index);
  if (repeated) throw new UsageError(`--grid names ${repeated.path} twice: give all its values in one --grid`);
  const grid = gridScenarios(axes);
  if (!grid.ok) throw new UsageError(`--grid: ${grid.message}`);
  const paths = axes.map((axis) => axis.path);
  return { scenarios: grid.value, paths, source: { scenarios_file: null, grid: [...options.grid] }, pathSource: { file: '--grid', paths } };
}

export function sweepCommand(context: CommandContext) {
  const { io } = context;
  return new Command('sweep')
    .description('project a scheme under many scenarios of overrides and write one row of indicators per scenario (sweep.csv)')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('--scenarios <file>', 'a CSV: a scenario column (names) and one column per override path')
    .option('--grid <path=values>', 'a field and its values: v1,v2,… or from:to:step (repeatable: the cartesian product, first --grid slowest)', collect, [])
    .option('--set <path=value>', 'override a field of scheme.yaml in every scenario (repeatable)', collect, [])
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .option('--assert <assertion>', 'a gate checked in every scenario, e.g. "gap <= 0.12" (repeatable)', collect, [])
    .option('--fail-on-assert', 'exit 4 when an assertion fails in any scenario (default: exit 0, a sweep explores)', false)
    .option('-o, --out <dir>', 'output folder (default: ./sipro-out/<scheme name>-sweep)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('--keep-outputs', 'also write each scenario\'s full outputs to scenarios/<name>/', false)
    .option('--entrants', 'with --keep-outputs, also compute entrants.csv (slower)', false)
    .option('-j, --jobs <n>', 'worker threads (default: the number of CPUs; 1 runs in the main thread)')
    .option('--shard <i/n>', 'run only scenarios whose 0-based index % n == i - 1 (i is 1-based); join the shards with sipro merge')
    .option('--json', 'print the rows as JSON on stdout, override values typed (0.12, null, {2025: 0.03})', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText('after', [
      '',
      'Values are YAML: 0.12, null, [1, 2], {2025: 0.03}. In a scenarios CSV an empty cell',
      'leaves the field as the scheme has it. Grid scenarios are named s001, s002, …',
      '@mortality.qx and @rates.lapse scale a CSV column (capped at 1).',
      '',
      'sweep.csv: scenario, the override columns, gap, effective_rate, actuarial_balance,',
      'depletion_year, first_deficit_year, assertions_passed, assertions_failed,',
      'failed_assertions, error. A scenario that cannot be projected (an invalid',
      'override, say) is reported in its error cell and does not stop the others.',
      '',
      'Exit codes: 0 done (even if assertions failed, unless --fail-on-assert: 4),',
      '3 invalid inputs or a scenario could not be projected (sweep.csv is still written',
      'in the latter case), 2 usage error, 1 internal error.',
      '',
      'Examples:',
      '  $ sipro sweep fixtures/demo --grid contributions.rate=0.08:0.14:0.02 --grid groups.artisans.compliance=0.7,0.85',
      '  $ sipro sweep fixtures/demo --scenarios scenarios.csv --assert "depletion_year > 2090" --jobs 4',
      '  $ sipro sweep fixtures/demo --grid contributions.rate=0.05:0.15:0.001 --shard 3/8 --out shards/3',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      const baseOverrides = overridesFromOptions(options.set);
      const gates = assertionsFromOptions(options.assert);
      const jobs = options.jobs === undefined ? availableParallelism() : parseJobs(options.jobs);
      const shard = options.shard === undefined ? null : parseShard(options.shard);
      if (options.entrants && !options.keepOutputs) throw new UsageError('--entrants only matters with --keep-outputs (entrants.csv is written to each scenario\'s folder)');
      const { scenarios, paths, source, pathSource } = await scenariosFrom(io, options);

      const schemePath = resolve(io.cwd, target);
      const base = await loadValid(io, target, baseOverrides, false, { json: options.json, read: { allowOutside: options.allowOutside } });
      const scheme = base.data.scheme;
      // Every scenario's paths are checked before any runs: a typo stops the sweep at once.
      const pathProblems = batchPathProblems(scheme, [pathSource]);
      if (pathProblems.length > 0) throw new InvalidInputError(pathProblems, { json: options.json });
      const rangeProblem = optionRangeProblem(gates, scheme);
      if (rangeProblem !== undefined) throw new UsageError(rangeProblem);
      if (!options.quiet) renderDiagnostics(base.warnings, io);
      const suffix = `-sweep${shard === null ? '' : `-shard-${shard.index}-of-${shard.count}`}`;
      const outDir = options.out === undefined ? defaultOutputFolder(io.cwd, base.inputs[0]!.path, suffix) : resolve(io.cwd, options.out);
      await checkOutputFolder(outDir, { force: options.force, cwd: io.cwd, inputs: [...schemeInputs(base.inputs), ...(options.scenarios === undefined ? [] : [resolve(io.cwd, options.scenarios)])], option: '--out' });

      const chosen = scenarios.map((scenario, index) => ({ scenario, index })).filter(({ index }) => inShard(index, shard));
      const staged = await stageFolder(outDir);
      try {
        const config: SweepConfig = {
          target: schemePath,
          baseOverrides: baseOverrides.map(({ path, value }) => ({ path, value })),
          assertions: gates,
          entrants: options.entrants,
          keepDir: options.keepOutputs ? join(staged.path, 'scenarios') : undefined,
          argv: [...context.argv],
          allowOutside: options.allowOutside,
        };
        const started = Date.now();
        const progress = progressBar(io, chosen.length, 'scenarios', io.stderrIsTty && !options.quiet);
        const results = await runScenarios(chosen.map(({ scenario }) => scenario), config, jobs, () => progress.tick());
        progress.done();
        const seconds = (Date.now() - started) / 1000;

        const columns = sweepColumns(paths);
        const rows = chosen.map(({ scenario }, position) => sweepRow(scenario, paths, results[position]!));
        const csv = sweepCsv(rows, columns);
        const record: SweepRecord = {
          format: 'sipro-sweep',
          scenarios: scenarios.length,
          scenario_names: scenarios.map((scenario) => scenario.name),
          source,
          shard,
          columns,
          assertions: gates.map((gate) => gate.text),
          keep_outputs: options.keepOutputs,
          csv_sha256: csvSha256(csv),
          run: runRecord(context.argv, base.inputs, scheme, baseOverrides),
        };
        await writeFile(join(staged.path, 'sweep.csv'), csv);
        await writeFile(join(staged.path, 'sweep.json'), `${JSON.stringify(record, null, 2)}\n`);
        await staged.commit();

        const outcome = summarise(results, chosen.map(({ scenario }) => scenario.name));
        if (options.json) {
          const typed = chosen.map(({ scenario }, position) => jsonRow(rows[position]!, scenario, paths));
          io.stdout.write(`${JSON.stringify({ output: outDir, scenarios: scenarios.length, shard, ...outcome.counts, rows: typed }, null, 2)}\n`);
        }
        if (!options.quiet) {
          const where = shard === null ? '' : ` (shard ${shard.index} of ${shard.count})`;
          const threads = Math.min(jobs, chosen.length);
          io.stderr.write(`Ran ${chosen.length} of ${scenarios.length} scenarios${where} in ${seconds.toFixed(1)} s on ${threads} ${threads === 1 ? 'thread' : 'threads'}: ` +
            `${outcome.counts.errors} could not be projected, assertions failed in ${outcome.counts.assertions_failed}.\n`);
        }
        for (const line of outcome.errorLines.slice(0, 10)) io.stderr.write(`${line}\n`);
        if (outcome.errorLines.length > 10) io.stderr.write(`… and ${outcome.errorLines.length - 10} more (see the error column of sweep.csv)\n`);
        if (!options.quiet) io.stderr.write(`Wrote sweep.csv, sweep.json${options.keepOutputs ? ', scenarios/' : ''} to ${outDir}\n`);
        context.exit(exitCodeOf(results, options.failOnAssert));
      } catch (error) {
        await staged.discard();
        throw error;
      }
    });
}

/**
 * A sweep.csv row for --json: each override as YAML reads it (0.12, true,
 * null, {2025: 0.03}) rather than as text; a path the scenario leaves as the
 * scheme has it (an empty cell of a scenarios file) has no key, so that it
 * differs from an override to null.
 */
function jsonRow(row: Record<string, CsvValue>, scenario: Scenario, paths: readonly string[]): Record<string, unknown> {
  const typed: Record<string, unknown> = { ...row };
  for (const path of paths) {
    const override = scenario.overrides.find((candidate) => candidate.path === path);
    if (override === undefined) delete typed[path];
    else typed[path] = override.value;
  }
  return typed;
}

/** Counts for the summary line and `--json`, and one stderr line per scenario that could not be projected. */
function summarise(results: readonly ScenarioResult[], names: readonly string[]) {
  const errors = results.filter((result) => result.error !== null).length;
  const failed = results.filter((result) => result.assertions.some((report) => !report.passed)).length;
  return {
    counts: { errors, assertions_failed: failed },
    errorLines: results.flatMap((result, index) => (result.error === null ? [] : [`error: scenario ${names[index]}: ${result.error.split('\n')[0]}`])),
  };
}

/**
 * 1 if a scenario hit a bug in sipro, 3 if one could not be projected
 * (invalid overrides), 4 with --fail-on-assert if an assertion failed, else 0.
 */
export function exitCodeOf(results: readonly ScenarioResult[], failOnAssert: boolean): ExitCode {
  if (results.some((result) => result.internal)) return ExitCode.internal;
  if (results.some((result) => result.error !== null)) return ExitCode.invalidInput;
  if (failOnAssert && results.some((result) => result.assertions.some((report) => !report.passed))) return ExitCode.assertionFailed;
  return ExitCode.success;
}
