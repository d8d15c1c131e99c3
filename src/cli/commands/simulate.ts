/**
 * `sipro simulate DIR` (methodology §10): the scheme projected under many
 * scenarios — drawn from its `stochastic:` shocks, or replayed from a
 * paths.csv — and the spread of the results: scenarios.csv,
 * percentiles.csv, ruin.csv, summary.json (and paths.csv), written whole.
 * `--shard I/N` runs a share of the scenarios for `sipro merge` to join.
 */
import { Command } from '@commander-js/extra-typings';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { assertionPercentile, type Assertion } from '../../core/assertions.js';
import { buildModel } from '../../core/model.js';
import { project } from '../../core/project.js';
import { deterministicScenario } from '../../core/scenario.js';
import { outcomeLayout } from '../../core/stochastic/outcome.js';
import type { ScenarioPaths } from '../../core/stochastic/paths.js';
import { RATE_FLOOR } from '../../core/stochastic/shocks.js';
import type { Diagnostic } from '../../io/diagnostics.js';
import { errorsIn } from '../../io/diagnostics.js';
import { replaceFolder, stageFolder } from '../../io/outputFolder.js';
import { readPaths } from '../../io/readPaths.js';
import { type InputFile, runRecord } from '../../io/runRecord.js';
import { pathsHeader } from '../../io/simulateFiles.js';
import type { Scheme } from '../../schema/scheme.js';
import { parseJobs, parseShard } from '../batchOptions.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import { allAssertions, assertionsFromOptions, collect, optionRangeProblem, overridesFromOptions, renderAssertionReports } from '../gates.js';
import { colourEnabled } from '../io.js';
import { loadValid } from '../loadValid.js';
import type { CommandContext } from '../main.js';
import { checkOutputFolder, defaultOutputFolder, schemeInputs } from '../outputTarget.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { simulationFiles } from '../simulate/finish.js';
import { simulationProgress } from '../simulate/progress.js';
import { renderSimulation } from '../simulate/render.js';
import { runSimulation, SCENARIOS_PER_CHUNK } from '../simulate/runChunks.js';
import { outcomeBytes, sha256, SHARD_OUTCOMES, SHARD_RECORD, type SimulateShardRecord } from '../simulate/shard.js';
import { inShard } from '../sweep/sweepTable.js';

import { groupedCount } from '../../io/groupedNumber.js';
import { readNamedText } from '../../io/read/inputFile.js';
import { MAX_FILE_BYTES } from '../../io/read/limits.js';
/** `--scenarios N` and `--seed S` are `--set stochastic.scenarios=N` and `--set stochastic.seed=S`: validated and recorded alike. */
function wholeNumber(option: string, text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) throw new UsageError(`${option} "${text}": expected a whole number`);
  return Number(text);
}

/** §10: drawn paths are floored at −0.99, so a scenario without shocks is the deterministic one only if every assumption is above. */
function assumptionsAboveFloor(scheme: Scheme): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const name of ['investment_return', 'wage_growth', 'inflation'] as const) {
    const assumption = scheme.assumptions[name];
    const entries = typeof assumption === 'number' ? [[name, assumption] as const] : Object.entries(assumption).map(([year, value]) => [`${name}.${year}`, value] as const);
    for (const [path, value] of entries) {
      if (value > RATE_FLOOR) continue;
      diagnostics.push({
        severity: 'error', file: 'scheme.yaml', path: `assumptions.${path}`,
        message: `assumptions.${path} "${value}" must be > ${RATE_FLOOR} when sipro simulate draws its paths (the floor of a drawn rate, §10); replay paths with --paths to use it`,
      });
    }
  }
  return diagnostics;
}

/** The position of the first scenario whose outcome holds an infinite number (extreme shocks), or undefined. */
function firstOverflow(outcomes: Float64Array, width: number): number | undefined {
  for (let index = 0; index < outcomes.length; index += 1) {
    const value = outcomes[index]!;
    if (value === Infinity || value === -Infinity) return Math.floor(index / width);
  }
  return undefined;
}

/** Each assertion that names a percentile must name a listed one. */
function percentileProblems(assertions: readonly Assertion[], percentiles: readonly number[]): string[] {
  return assertions.flatMap((assertion) => {
    const q = assertionPercentile(assertion);
    return q === undefined || percentiles.includes(q) ? [] : [`"${assertion.text}": percentile ${q} is not among stochastic.percentiles (${percentiles.join(', ')})`];
  });
}

export function simulateCommand(context: CommandContext) {
  const { io } = context;
  return new Command('simulate')
    .description('project a scheme under many random scenarios (§10) and write the spread of the results')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('-n, --scenarios <n>', 'scenarios to draw (default: stochastic.scenarios of the scheme, 1000)')
    .option('--seed <s>', 'seed of the draws, a whole number (default: stochastic.seed, 1)')
    .option('--paths <file>', 'replay the paths of a paths.csv (from --write-paths or an economic scenario generator) instead of drawing')
    .option('--write-paths', 'also write paths.csv, the realised paths of every scenario', false)
    .option('--set <path=value>', 'override a field of scheme.yaml (repeatable), e.g. stochastic.investment_return.sd=0.03', collect, [])
    .option('--assert <assertion>', 'a gate, e.g. "depletion_probability <= 0.05" or "reserve_ratio_p5 >= 1 to 2050" (repeatable): exit 4 if one fails', collect, [])
    .option('-j, --jobs <n>', 'threads: the main thread and n - 1 worker threads (default: the number of CPUs)')
    .option('--shard <i/n>', 'run only the scenarios whose position % n == i - 1; join the shards with sipro merge')
    .option('-o, --out <dir>', 'output folder (default: ./sipro-out/<scheme folder name>-simulate)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('--json', 'print the summary as JSON on stdout instead of the table', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--strict', 'treat input warnings as errors', false)
    .addHelpText('after', [
      '',
      'Writes scenarios.csv (one row per scenario), percentiles.csv (mean and percentiles',
      'by year and variable), ruin.csv (share of scenarios depleted, in deficit, by year),',
      'summary.json (the deterministic summary and the stochastic one) and, with',
      '--write-paths, paths.csv. Scenario s draws the same numbers whatever --scenarios,',
      '--jobs or --shard; --paths paths.csv replays a run byte for byte.',
      '',
      'Assertions: those of project, and depletion_probability, gap_p<q>,',
      'actuarial_balance_p<q>, reserve_ratio_p<q>, reserve_end_p<q>, payg_cost_rate_p<q>',
      'for a percentile q of stochastic.percentiles.',
      '',
      'Exit codes: 0 success, 2 usage error, 3 invalid inputs (a paths file too),',
      '4 an assertion failed (the output folder is written all the same), 1 internal error.',
      '',
      'Examples:',
      '  $ sipro simulate fixtures/demo --scenarios 10000 --out results/demo-simulate',
      '  $ sipro simulate fixtures/demo --assert "depletion_probability <= 0.1" --assert "reserve_ratio_p5 >= 0 to 2060"',
      '  $ sipro simulate fixtures/demo --paths esg-paths.csv --out results/esg',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      if (options.paths !== undefined && (options.scenarios !== undefined || options.seed !== undefined)) {
        throw new UsageError('--paths replays the scenarios of a file: --scenarios and --seed only apply to drawn scenarios');
      }
      const overrides = overridesFromOptions(options.set);
      if (options.scenarios !== undefined) overrides.push({ path: 'stochastic.scenarios', value: wholeNumber('--scenarios', options.scenarios), text: options.scenarios });
      if (options.seed !== undefined) overrides.push({ path: 'stochastic.seed', value: wholeNumber('--seed', options.seed), text: options.seed });
      const gates = assertionsFromOptions(options.assert, true);
      const jobs = options.jobs === undefined ? availableParallelism() : parseJobs(options.jobs);
      const shard = options.shard === undefined ? null : parseShard(options.shard);
      const loaded = await loadValid(io, target, overrides, options.strict);
      const { data } = loaded;
      const scheme = data.scheme;
      const rangeProblem = optionRangeProblem(gates, scheme);
      if (rangeProblem !== undefined) throw new UsageError(rangeProblem);
      const percentiles = scheme.stochastic.percentiles;
      const optionProblem = percentileProblems(gates, percentiles)[0];
      if (optionProblem !== undefined) throw new UsageError(`--assert ${optionProblem}`);
      const assertions = allAssertions(scheme, gates, true);
      const schemeProblems: Diagnostic[] = percentileProblems(assertions.slice(0, assertions.length - gates.length), percentiles)
        .map((message) => ({ severity: 'error', file: 'scheme.yaml', path: 'assertions', message: `assertions: ${message}` }));
      if (options.paths === undefined) schemeProblems.push(...assumptionsAboveFloor(scheme));
      if (schemeProblems.length > 0) throw new InvalidInputError(schemeProblems);

      const model = buildModel(data);
      const base = deterministicScenario(model);
      const groups = model.groups.map((group) => group.name);
      let scenarios: number[];
      let replayed: ScenarioPaths[] | null = null;
      const inputs: InputFile[] = [...loaded.inputs];
      if (options.paths !== undefined) {
        const path = resolve(io.cwd, options.paths);
        const file = await readNamedText(path, MAX_FILE_BYTES.paths, 'a paths file');
        if (!file.ok) throw new InvalidInputError([{ severity: 'error', file: options.paths, message: file.problem }]);
        const text = file.text;
        const read = readPaths(text, options.paths, groups, model.baseYear, base);
        if (errorsIn(read.diagnostics).length > 0) throw new InvalidInputError(read.diagnostics);
        scenarios = read.scenarios;
        replayed = read.paths;
        inputs.push({ role: 'paths', path, name: options.paths, sha256: createHash('sha256').update(text).digest('hex') });
      } else {
        scenarios = Array.from({ length: scheme.stochastic.scenarios }, (_, index) => index + 1);
      }
      if (loaded.warnings.length > 0 && !options.quiet) renderDiagnostics(loaded.warnings, io);
      const suffix = `-simulate${shard === null ? '' : `-shard-${shard.index}-of-${shard.count}`}`;
      const outDir = options.out === undefined ? defaultOutputFolder(io.cwd, loaded.inputs[0]!.path, suffix) : resolve(io.cwd, options.out);
      await checkOutputFolder(outDir, {
        force: options.force, cwd: io.cwd, inputs: [...schemeInputs(loaded.inputs), ...(options.paths === undefined ? [] : [resolve(io.cwd, options.paths)])], option: '--out',
      });

      const deterministic = project(model, base);
      const chosen = scenarios.map((scenario, index) => ({ scenario, index })).filter(({ index }) => inShard(index, shard));
      const record = runRecord(context.argv, inputs, scheme, overrides);
      const started = Date.now();
      const progress = simulationProgress(io, chosen.length, !options.quiet);
      let run;
      try {
        run = await runSimulation(data, chosen.map(({ scenario }) => scenario), replayed === null ? null : chosen.map(({ index }) => replayed[index]!),
          options.writePaths, jobs, (done) => progress.update(done));
      } finally {
        progress.stop();
      }
      const seconds = (Date.now() - started) / 1000;
      const threads = Math.max(1, Math.min(jobs, Math.ceil(chosen.length / SCENARIOS_PER_CHUNK)));
      const ran = `Ran ${groupedCount(chosen.length)} scenarios${shard === null ? '' : ` (shard ${shard.index} of ${shard.count})`} in ${seconds.toFixed(1)} s on ${threads} ${threads === 1 ? 'thread' : 'threads'}`;
      const layout = outcomeLayout(model.horizon);
      const overflow = firstOverflow(run.outcomes, layout.width);
      if (overflow !== undefined) {
        const scenario = chosen[overflow]!.scenario;
        throw new InvalidInputError([{
          severity: 'error', file: options.paths ?? 'scheme.yaml', path: 'stochastic',
          message: `scenario ${scenario} leaves double precision (an infinite amount): its ${options.paths === undefined ? 'shocks (sd, rho) are' : 'paths are'} too large for a ${model.horizon}-year projection`,
        }]);
      }

      if (shard !== null) {
        const bytes = outcomeBytes(run.outcomes);
        const pathsCsv = run.pathsText === null ? null : pathsHeader(groups) + run.pathsText.join('');
        const shardRecord: SimulateShardRecord = {
          format: 'sipro-simulate-shard', shard, total_scenarios: scenarios.length, scenarios: chosen.map(({ scenario }) => scenario),
          base_year: model.baseYear, years: model.horizon, width: layout.width, groups, percentiles, seed: scheme.stochastic.seed,
          write_paths: options.writePaths, assertions: assertions.map((assertion) => assertion.text),
          deterministic: { indicators: deterministic.indicators, projection: deterministic.projection },
          outcomes_sha256: sha256(bytes), paths_sha256: pathsCsv === null ? null : sha256(pathsCsv), run: record,
        };
        const staged = await stageFolder(outDir);
        try {
          await writeFile(join(staged.path, SHARD_OUTCOMES), bytes);
          if (pathsCsv !== null) await writeFile(join(staged.path, 'paths.csv'), pathsCsv);
          await writeFile(join(staged.path, SHARD_RECORD), `${JSON.stringify(shardRecord, null, 2)}\n`);
          await staged.commit();
        } catch (error) {
          await staged.discard();
          throw error;
        }
        if (options.json) io.stdout.write(`${JSON.stringify({ output: outDir, shard, scenarios: shardRecord.scenarios.length, total_scenarios: scenarios.length }, null, 2)}\n`);
        if (!options.quiet) io.stderr.write(`${ran}.\nWrote ${SHARD_RECORD}, ${SHARD_OUTCOMES}${pathsCsv === null ? '' : ', paths.csv'} to ${outDir}: join the shards with sipro merge\n`);
        context.exit(ExitCode.success);
        return;
      }

      const result = simulationFiles({
        deterministic, layout, baseYear: model.baseYear, groups, percentiles, seed: scheme.stochastic.seed,
        scenarios: chosen.map(({ scenario }) => scenario), outcomes: run.outcomes, pathsText: run.pathsText, assertions, record,
      });
      await replaceFolder(outDir, result.files);
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ ...deterministic.indicators, stochastic: result.tables.summary, assertions: result.assertions, output: outDir, run: record }, null, 2)}\n`);
      } else if (!options.quiet) {
        io.stdout.write(renderSimulation(scheme.name, deterministic, result.tables, percentiles, colourEnabled(io, 'stdout')));
      }
      if (!options.quiet) io.stderr.write(`${ran}.\nWrote ${[...result.files.keys()].join(', ')} to ${outDir}\n`);
      io.stderr.write(renderAssertionReports(result.assertions, { colour: colourEnabled(io, 'stderr'), quiet: options.quiet }));
      context.exit(result.assertions.every((report) => report.passed) ? ExitCode.success : ExitCode.assertionFailed);
    });
}
