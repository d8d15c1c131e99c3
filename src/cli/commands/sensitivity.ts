/**
 * `sipro sensitivity DIR`: the standard sensitivity tests as a sweep — the
 * base, then investment return, wage growth and the discount rate ±1 point,
 * mortality ±10 %, compliance ±10 %, lapse ±50 %, entrants ±50 %, retirement
 * age ±2 years and health inflation ±1 point — and the cases of a file
 * (`--cases`), with each case's change of GAP, actuarial balance and
 * depletion year against the base, largest |Δ GAP| first
 * (src/core/sensitivity.ts defines the standard cases).
 */
import { Command } from '@commander-js/extra-typings';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { standardSensitivities, TABLE_SCALE_PATHS, type SensitivityCase, type TableScales } from '../../core/sensitivity.js';
import type { Indicators } from '../../core/types.js';
import { replaceFolder } from '../../io/outputFolder.js';
import { checkOutputFolder, defaultOutputFolder, schemeInputs } from '../outputTarget.js';
import { runRecord } from '../../io/runRecord.js';
import { batchPathProblems, invalidVariants } from '../../io/batchChecks.js';
import { schemeBatch } from '../../io/batch.js';
import { errorsIn, formatDiagnostic } from '../../io/diagnostics.js';
import { readScenarioFile, type Scenario, type WrittenOverride } from '../../io/scenarios.js';
import { toCsv } from '../../io/writeCsv.js';
import { ExitCode, InvalidInputError, UsageError } from '../errors.js';
import { loadValid } from '../loadValid.js';
import { collect, overridesFromOptions } from '../gates.js';
import { colourEnabled } from '../io.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { runScenarios } from '../sweep/pool.js';
import { progressBar } from '../sweep/progress.js';
import type { ScenarioResult } from '../sweep/runScenario.js';
import { parseJobs } from '../batchOptions.js';
import { printable } from '../../io/read/shown.js';
import { readNamedText } from '../../io/read/inputFile.js';
import { MAX_FILE_BYTES } from '../../io/read/limits.js';

/** One row of sensitivity.csv: a case, its indicators and their change against the base. */
export interface SensitivityRow {
  scenario: string;
  parameter: string;
  change: string;
  gap: number | null;
  delta_gap: number | null;
  actuarial_balance: number | null;
  delta_actuarial_balance: number | null;
  depletion_year: number | null;
  delta_depletion_year: number | null;
  first_deficit_year: number | null;
  error: string | null;
}

const COLUMNS = [
  'scenario', 'parameter', 'change', 'gap', 'delta_gap', 'actuarial_balance', 'delta_actuarial_balance',
  'depletion_year', 'delta_depletion_year', 'first_deficit_year', 'error',
] as const satisfies readonly (keyof SensitivityRow)[];

const difference = (value: number | null | undefined, base: number | null | undefined) =>
  value === null || value === undefined || base === null || base === undefined ? null : value - base;

/** A case as a sweep scenario: its scheme overrides, then its table scales as `@file.column` overrides. */
function scenarioOf(item: SensitivityCase): Scenario {
  const scalePaths = Object.entries(TABLE_SCALE_PATHS) as [string, keyof TableScales][];
  const overrides: WrittenOverride[] = [
    ...item.overrides.map(({ path, value }) => ({ path, value, text: JSON.stringify(value) })),
    ...scalePaths.flatMap(([path, column]) => {
      const factor = item.scales[column];
      return factor === undefined ? [] : [{ path, value: factor, text: String(factor) }];
    }),
  ];
  return { name: item.name, overrides };
}

/** A case of a `--cases` file: its overrides as written; `parameter` names the paths it sets. */
function customCase(scenario: Scenario): SensitivityCase {
  return {
    name: scenario.name,
    parameter: scenario.overrides.map((override) => override.path).join(' + ') || 'none',
    change: scenario.overrides.map((override) => `${override.path}=${override.text}`).join(', ') || 'none',
    overrides: scenario.overrides.map(({ path, value }) => ({ path, value })),
    scales: {},
  };
}

/** The cases of a `--cases` file (a scenarios CSV: a `scenario` column of names, one column per override path). */
async function readCases(io: CliIo, file: string, json: boolean) {
  const opened = await readNamedText(resolve(io.cwd, file), MAX_FILE_BYTES.table, 'a cases file');
  if (!opened.ok) throw new InvalidInputError([{ severity: 'error', file, message: opened.problem }], { json });
  const read = readScenarioFile(opened.text, file);
  if (errorsIn(read.diagnostics).length > 0) throw new InvalidInputError(read.diagnostics, { json });
  return read;
}

/** Why a case the scheme cannot take is left out: its first problem, and how many more. */
function reasonOf(problems: readonly Parameters<typeof formatDiagnostic>[0][]): string {
  const more = problems.length - 1;
  return `${problems.length === 0 ? 'the scheme cannot take it' : formatDiagnostic(problems[0]!)}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`;
}

/**
 * Rows against the base (first), the cases sorted by |Δ GAP|, largest first
 * (cases without a Δ GAP last; ties keep the standard order).
 */
export function sensitivityRows(base: Indicators, cases: readonly SensitivityCase[], results: readonly ScenarioResult[]): SensitivityRow[] {
  const rowOf = (scenario: string, parameter: string, change: string, result: ScenarioResult): SensitivityRow => {
    const indicators = result.indicators;
    return {
      scenario,
      parameter,
      change,
      gap: indicators?.gap ?? null,
      delta_gap: difference(indicators?.gap, base.gap),
      actuarial_balance: indicators?.actuarial_balance ?? null,
      delta_actuarial_balance: difference(indicators?.actuarial_balance, base.actuarial_balance),
      depletion_year: indicators?.depletion_year ?? null,
      delta_depletion_year: difference(indicators?.depletion_year, base.depletion_year),
      first_deficit_year: indicators?.first_deficit_year ?? null,
      error: result.error === null ? null : result.error.replace(/\s*\n\s*/g, ' '),
    };
  };
  const rows = cases.map((item, index) => rowOf(item.name, item.parameter, item.change, results[index]!));
  const size = (row: SensitivityRow) => (row.delta_gap === null ? -1 : Math.abs(row.delta_gap));
  const sorted = rows.map((row, index) => ({ row, index })).sort((a, b) => size(b.row) - size(a.row) || a.index - b.index).map(({ row }) => row);
  const baseRow = rowOf('base', 'base', 'none', { indicators: base, assertions: [], error: null, internal: false });
  return [baseRow, ...sorted];
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);
const points = (value: number | null) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(2)} pts`);
const years = (value: number | null) => (value === null ? '—' : `${value >= 0 ? '+' : ''}${value}`);

/** The table for the terminal: one row per case, the base first. */
export function renderSensitivity(name: string, rows: readonly SensitivityRow[], colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const table = new Table({
    head: ['scenario', 'change', 'GAP', 'Δ GAP', 'actuarial balance', 'Δ balance', 'depletion year', 'Δ year'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: colour ? { head: ['cyan'] } : { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) {
    if (row.error !== null) {
      table.push([printable(row.scenario), printable(row.change), chalk.red('error'), '', '', '', '', '']);
      continue;
    }
    table.push([
      printable(row.scenario), printable(row.change), percent(row.gap), points(row.delta_gap), percent(row.actuarial_balance),
      points(row.delta_actuarial_balance), row.depletion_year === null ? 'none' : String(row.depletion_year), years(row.delta_depletion_year),
    ]);
  }
  return `${chalk.bold(printable(name))}: sensitivity of the indicators, largest |Δ GAP| first\n${table.toString()}\n` +
    '  Δ against the base; "none": the reserve is not depleted within the horizon.\n';
}

export function sensitivityCommand(context: CommandContext) {
  const { io } = context;
  return new Command('sensitivity')
    .description('run the standard sensitivity tests and rank them by their effect on the GAP')
    .argument('<scheme>', 'scheme folder, or its scheme.yaml / scheme.json')
    .option('--set <path=value>', 'override a field of scheme.yaml in the base and every case (repeatable)', collect, [])
    .option('--cases <file>', 'also run the cases of a CSV: a scenario column (names) and one column per override path')
    .option('--no-standard', 'run only the cases of --cases, not the standard set')
    .option('--allow-outside', 'read CSV files that files: places outside the scheme folder', false)
    .option('-o, --out <dir>', 'output folder for sensitivity.csv (default: ./sipro-out/<scheme name>-sensitivity)')
    .option('-f, --force', 'replace the output folder if it exists', false)
    .option('-j, --jobs <n>', 'worker threads (default: the number of CPUs; 1 runs in the main thread)')
    .option('--json', 'print the rows as JSON on stdout instead of the table', false)
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText('after', [
      '',
      'Cases (each up and down): investment_return, wage_growth and discount_rate ±1 point',
      'on every year\'s value (a null discount rate is the investment return\'s); mortality:',
      'every qx ±10 % (capped at 1); compliance: every group\'s ±10 % (capped at 1); lapse:',
      'every lapse rate ±50 % (capped at 1); entrants: every group\'s entrants.count ±50 %;',
      'retirement_age ±2 years; health_inflation ±1 point (when the scheme pays health cover).',
      'A standard case the scheme\'s files cannot take (a retirement age beyond the income',
      'rows, say) is left out with a warning. --cases FILE adds cases written like a sweep\'s',
      'scenarios file; every path is checked before any case runs.',
      '',
      'Exit codes: 0 done, 3 invalid inputs or a case could not be projected, 2 usage error.',
      '',
      'Examples:',
      '  $ sipro sensitivity fixtures/demo --out results/sensitivity --force',
      '  $ sipro sensitivity fixtures/demo --cases reforms.csv --no-standard',
      '',
    ].join('\n'))
    .action(async (target, options) => {
      const baseOverrides = overridesFromOptions(options.set);
      const jobs = options.jobs === undefined ? availableParallelism() : parseJobs(options.jobs);
      if (!options.standard && options.cases === undefined) throw new UsageError('--no-standard leaves no case to run: add --cases FILE');
      const custom = options.cases === undefined ? undefined : await readCases(io, options.cases, options.json);
      const schemePath = resolve(io.cwd, target);
      const base = await loadValid(io, target, baseOverrides, false, { json: options.json, read: { allowOutside: options.allowOutside } });
      const scheme = base.data.scheme;
      const standard = options.standard ? standardSensitivities(scheme) : [];
      if (custom !== undefined) {
        // Every path of the file is checked before any case runs: a typo stops here with a "did you mean".
        const problems = batchPathProblems(scheme, [{ file: options.cases!, ...(custom.headerLine === undefined ? {} : { line: custom.headerLine }), paths: custom.paths }]);
        const taken = new Set(['base', ...standard.map((item) => item.name)]);
        const lines = new Map(custom.scenarios.map((scenario, index) => [scenario.name, (custom.headerLine ?? 1) + index + 1]));
        for (const scenario of custom.scenarios.filter((item) => taken.has(item.name))) {
          problems.push({ severity: 'error', file: options.cases!, line: lines.get(scenario.name)!, message: `case "${scenario.name}" has the name of ${scenario.name === 'base' ? 'the base' : 'a standard case'}: rename it` });
        }
        if (problems.length > 0) throw new InvalidInputError(problems, { json: options.json });
      }
      if (!options.quiet) renderDiagnostics(base.warnings, io);
      // A standard case the scheme's files cannot take (a retirement age beyond its income rows) is left out, with why.
      const invalid = await invalidVariants(schemeBatch(schemePath, baseOverrides, { allowOutside: options.allowOutside }), standard.map(scenarioOf));
      const skipped = standard.filter((item) => invalid.has(item.name)).map(({ name, parameter, change }) => ({ name, parameter, change, reason: reasonOf(invalid.get(name)!) }));
      if (!options.quiet && !options.json) {
        for (const item of skipped) io.stderr.write(`warning: case ${item.name} left out: the scheme cannot take it: ${item.reason}\n`);
      }
      const outDir = options.out === undefined ? defaultOutputFolder(io.cwd, base.inputs[0]!.path, '-sensitivity') : resolve(io.cwd, options.out);
      await checkOutputFolder(outDir, { force: options.force, cwd: io.cwd, inputs: schemeInputs(base.inputs), option: '--out' });
      const cases = [...standard.filter((item) => !invalid.has(item.name)), ...(custom?.scenarios ?? []).map(customCase)];
      const scenarios = [{ name: 'base', overrides: [] }, ...cases.map(scenarioOf)];
      const config = {
        target: schemePath,
        baseOverrides: baseOverrides.map(({ path, value }) => ({ path, value })),
        assertions: [],
        entrants: false,
        keepDir: undefined,
        argv: [...context.argv],
        allowOutside: options.allowOutside,
      };
      const progress = progressBar(io, scenarios.length, 'cases', io.stderrIsTty && !options.quiet);
      const results = await runScenarios(scenarios, config, jobs, () => progress.tick());
      progress.done();
      const [baseResult, ...caseResults] = results as [ScenarioResult, ...ScenarioResult[]];
      if (baseResult.indicators === null) throw new Error(`the base scenario failed after validation: ${baseResult.error ?? 'no indicators'}`);
      const rows = sensitivityRows(baseResult.indicators, cases, caseResults);
      const record = runRecord(context.argv, base.inputs, scheme, baseOverrides);
      const cells = { cases: cases.map(({ name, parameter, change, overrides, scales }) => ({ name, parameter, change, overrides, scales })), skipped, run: record };
      await replaceFolder(outDir, new Map([
        ['sensitivity.csv', toCsv(rows, COLUMNS)],
        ['sensitivity.json', `${JSON.stringify(cells, null, 2)}\n`],
      ]));
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ output: outDir, base: baseResult.indicators, rows, cases: cells.cases, skipped, run: record }, null, 2)}\n`);
      } else if (!options.quiet) {
        io.stdout.write(renderSensitivity(scheme.name, rows, colourEnabled(io, 'stdout')));
      }
      const failed = rows.filter((row) => row.error !== null);
      for (const row of failed) io.stderr.write(`error: case ${row.scenario}: ${row.error}\n`);
      if (!options.quiet) io.stderr.write(`Wrote sensitivity.csv, sensitivity.json to ${outDir}\n`);
      context.exit(caseResults.some((result) => result.internal) ? ExitCode.internal : failed.length > 0 ? ExitCode.invalidInput : ExitCode.success);
    });
}
